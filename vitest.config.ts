import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Every suite runs on SQLite (project `sqlite`). When TIDEMARK_TEST_POSTGRES_URL names a PostgreSQL
 * server (npm test starts a throw-away one: scripts/postgres.mjs), the suites that touch a database —
 * server/, db/ and app/ (its route handlers) — run again on it (project `postgres`), each test on a
 * database of its own (db/testing.ts).
 */
const postgresUrl = process.env.TIDEMARK_TEST_POSTGRES_URL;

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: [
            'core/**/*.test.ts',
            'app/**/*.test.ts',
            'components/**/*.test.ts',
            'server/**/*.test.ts',
            'db/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          env: { TIDEMARK_TEST_POSTGRES_URL: '' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts'],
                env: { TIDEMARK_TEST_POSTGRES_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
