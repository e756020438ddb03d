/**
 * Databases for tests: a fresh in-memory SQLite database each, or — when TIDEMARK_TEST_POSTGRES_URL
 * names a PostgreSQL server (npm test starts a throw-away one, scripts/postgres.mjs) — a fresh
 * PostgreSQL database each, created on that server and migrated like any other. The same test files
 * run both ways (vitest.config.ts: the `postgres` project). Databases a test file opens are closed
 * after it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createDatabase, dropDatabases } from '../scripts/postgres.mjs';
import { openDatabase, type Db } from './client';

export const TEST_POSTGRES_URL = process.env.TIDEMARK_TEST_POSTGRES_URL || undefined;
export const testDialect = TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

const opened: Db[] = [];
/** PostgreSQL databases this file created and opened only through openTestDatabase: dropped after it. */
const owned = new Set<string>();
afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  // Each is a copy of template1 (~8 MB): dropped, a run's data directory stays small.
  if (TEST_POSTGRES_URL) await dropDatabases(TEST_POSTGRES_URL, [...owned]);
  owned.clear();
});

/**
 * A URL for a new, empty database: `:memory:` on SQLite (a file in a temp folder when it is to be
 * opened twice, as two app instances would), a newly created database on PostgreSQL.
 */
export async function testDatabaseUrl({ shared = false } = {}): Promise<string> {
  if (TEST_POSTGRES_URL) return createDatabase(TEST_POSTGRES_URL, 'tidemark_test');
  return shared ? path.join(mkdtempSync(path.join(os.tmpdir(), 'tidemark-test-')), 'test.db') : ':memory:';
}

/** Two connections to one fresh database, as two app instances on it would have. */
export async function openTwoInstances(): Promise<[Db, Db]> {
  const url = await testDatabaseUrl({ shared: true });
  return [await openTestDatabase(url), await openTestDatabase(url)];
}

/** A fresh, migrated database (or `url` opened again), closed when the test file ends. */
export async function openTestDatabase(url?: string): Promise<Db> {
  const target = url ?? (await testDatabaseUrl());
  const db = await openDatabase(target, { poolSize: 4 });
  opened.push(db);
  if (TEST_POSTGRES_URL) owned.add(new URL(target).pathname.slice(1));
  return db;
}
