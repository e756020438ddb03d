import { defineConfig } from '@playwright/test';
import { E2E_PASSWORD } from './e2e/password-mode';
import { CHROMIUM_ARGS } from './scripts/chromium.cjs';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
/** A second server in password mode (TIDEMARK_PASSWORD) with its own database, for e2e/auth.spec.ts. */
const authPort = Number(process.env.E2E_AUTH_PORT ?? 3211);
const authBaseURL = `http://127.0.0.1:${authPort}`;
/**
 * With E2E_POSTGRES_URL (a PostgreSQL server; npm test starts one), a third server on a fresh database
 * there (with a plan worker beside it: scripts/serve-e2e.mjs), and the `postgres` project: the journeys
 * that save, conflict, share, sign in and read stored plans, run on it.
 */
const postgresUrl = process.env.E2E_POSTGRES_URL;
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? 3212);
const postgresBaseURL = `http://127.0.0.1:${postgresPort}`;
export const POSTGRES_SPECS = [
  'designs.spec.ts',
  'share.spec.ts',
  'editor-conflict.spec.ts',
  'save-safety.spec.ts',
  'stored-plan.spec.ts',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // One worker: the tests share one server and one database, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // A whole journey's budget. Unloaded the longest take 25-40 s; on the shared two-core machine, with
  // other builds running (load average 12-14), the same journeys took 60-70 s and were cut off
  // mid-step. Each step keeps its 10 s expect timeout, which is where a real failure shows.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'auth.spec.ts',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'password',
      testMatch: 'auth.spec.ts',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 }, baseURL: authBaseURL },
    },
    ...(postgresUrl
      ? [
          {
            name: 'postgres',
            testMatch: POSTGRES_SPECS,
            use: { browserName: 'chromium' as const, viewport: { width: 1280, height: 800 }, baseURL: postgresBaseURL },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: 'node scripts/serve-e2e.mjs',
      url: `${baseURL}/api/trpc/designs.list`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_PORT: String(port), TIDEMARK_PASSWORD: '' },
    },
    {
      command: 'node scripts/serve-e2e.mjs',
      url: `${authBaseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_PORT: String(authPort), E2E_DB: 'e2e-password.db', TIDEMARK_PASSWORD: E2E_PASSWORD },
    },
    ...(postgresUrl
      ? [
          {
            command: 'node scripts/serve-e2e.mjs',
            url: `${postgresBaseURL}/api/trpc/designs.list`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: { E2E_PORT: String(postgresPort), E2E_POSTGRES_URL: postgresUrl, TIDEMARK_PASSWORD: '' },
          },
        ]
      : []),
  ],
});
