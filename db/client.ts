/**
 * One better-sqlite3 connection per process, wrapped by drizzle: WAL for concurrent readers while a
 * save writes, foreign keys on so deleting a design deletes its revisions, migrations from
 * db/migrations applied on open. DATABASE_URL is a file path (default ./data/tidemark.db) or
 * ":memory:" for tests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { Piscina } from 'piscina';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_FILE = './data/tidemark.db';
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function resolveDatabaseFile(url = process.env.DATABASE_URL): string {
  const value = url?.trim() || DEFAULT_DATABASE_FILE;
  return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

const CHECKPOINT_WORKER = path.join(process.cwd(), '.next', 'tidemark-workers', 'checkpoint.mjs');

/**
 * Moves WAL checkpoints off this thread (db/checkpoint-worker.ts), when the worker is built and the
 * database is a file; otherwise SQLite checkpoints inline as usual.
 */
function checkpointInBackground(sqlite: Database.Database, file: string): void {
  if (file === ':memory:' || !existsSync(CHECKPOINT_WORKER)) return;
  const pool = new Piscina({ filename: CHECKPOINT_WORKER, minThreads: 1, maxThreads: 1, idleTimeout: Infinity });
  const task = { file: path.resolve(file) };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pool
      .run(task)
      .catch((error: Error) => {
        console.error('The WAL checkpointer failed; SQLite checkpoints inline again:', error.message);
        sqlite.pragma('wal_autocheckpoint = 1000');
        clearInterval(timer);
      })
      .finally(() => (running = false));
  }, 1000);
  timer.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
}

/** Opens (creating the folder if needed), configures and migrates a database. */
export function openDatabase(
  file = resolveDatabaseFile(),
  migrationsFolder = MIGRATIONS_FOLDER,
  { backgroundCheckpoints = false } = {},
): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The WAL file shrinks back to this after a checkpoint, instead of keeping its largest size.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  if (backgroundCheckpoints) checkpointInBackground(sqlite, file);
  const db: Db = drizzle<typeof schema>(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

const globalForDb = globalThis as unknown as { tidemarkDb?: Db };

/**
 * The server's connection, cached on globalThis so that Next.js hot reloads and its separately bundled
 * routes and proxy share one, with WAL checkpoints in the background.
 */
export function getDb(): Db {
  globalForDb.tidemarkDb ??= openDatabase(resolveDatabaseFile(), MIGRATIONS_FOLDER, { backgroundCheckpoints: true });
  return globalForDb.tidemarkDb;
}
