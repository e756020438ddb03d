/**
 * One better-sqlite3 connection per process, wrapped by drizzle: WAL for concurrent readers while a
 * save writes, foreign keys on so deleting a design deletes its revisions, migrations from
 * db/migrations applied on open. DATABASE_URL is a file path (default ./data/tidemark.db) or
 * ":memory:" for tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_FILE = './data/tidemark.db';
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function resolveDatabaseFile(url = process.env.DATABASE_URL): string {
  const value = url?.trim() || DEFAULT_DATABASE_FILE;
  return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/** Opens (creating the folder if needed), configures and migrates a database. */
export function openDatabase(file = resolveDatabaseFile(), migrationsFolder = MIGRATIONS_FOLDER): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db: Db = drizzle<typeof schema>(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

const globalForDb = globalThis as unknown as { tidemarkDb?: Db };

/** The process's connection, cached on globalThis so that Next.js hot reloads do not leak handles. */
export function getDb(): Db {
  globalForDb.tidemarkDb ??= openDatabase();
  return globalForDb.tidemarkDb;
}
