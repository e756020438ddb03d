/**
 * Databases for tests: a fresh in-memory SQLite database each, or — when TIDEMARK_TEST_POSTGRES_URL
 * names a PostgreSQL server (npm test starts a throw-away one, scripts/postgres.mjs) — a fresh
 * PostgreSQL database each, created on that server and migrated like any other. The same test files
 * run both ways (vitest.config.ts: the `postgres` project). Databases a test file opens are closed
 * after it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openDatabase, type Db } from './client';

export const TEST_POSTGRES_URL = process.env.TIDEMARK_TEST_POSTGRES_URL || undefined;
export const testDialect = TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

const opened: Db[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

/** A URL for a new, empty database: `:memory:` on SQLite, a newly created database on PostgreSQL. */
export async function testDatabaseUrl(): Promise<string> {
  if (!TEST_POSTGRES_URL) return ':memory:';
  const name = `tidemark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database (or `url` opened again), closed when the test file ends. */
export async function openTestDatabase(url?: string): Promise<Db> {
  const db = await openDatabase(url ?? (await testDatabaseUrl()), { poolSize: 4 });
  opened.push(db);
  return db;
}
