/** The password of the e2e server in password mode (playwright.config.ts, project "password"). */
export const E2E_PASSWORD = 'e2e tide password';
