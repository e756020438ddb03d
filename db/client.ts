/**
 * The database: SQLite (better-sqlite3) by default, PostgreSQL (node-postgres) when DATABASE_URL is a
 * postgres:// URL. Both sit behind one `Db` so the services have one query code:
 *
 * - `orm` is drizzle, typed as its PostgreSQL flavour; on SQLite it is drizzle's SQLite database, whose
 *   select/insert/update/delete builders (with `returning`, `onConflictDoNothing`) are the same and
 *   awaitable. Shared code therefore uses only those builders, never a dialect's own extras
 *   (`.get()`, `.run()`, `.for('update')`, `db.execute`); `execute` below runs raw SQL on either.
 * - `tables` is the dialect's own schema (schema.ts or schema-pg.ts: the same names and columns).
 * - `transaction` is async on both. On PostgreSQL it is an ordinary READ COMMITTED transaction; the
 *   services make every write that depends on a read a conditional update (compare-and-set), so they
 *   are correct there across processes. On SQLite it is `BEGIN IMMEDIATE` on the one connection,
 *   with the process's transactions queued behind each other (better-sqlite3's own transactions
 *   cannot span an await).
 *
 * Migrations (db/migrations for SQLite, db/migrations-pg for PostgreSQL, both drizzle-kit output)
 * run on open; on PostgreSQL under an advisory lock, so that instances started together migrate
 * (and seed) one after the other, and only the first finds anything to do.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { Piscina } from 'piscina';
import * as sqliteSchema from './schema';
import { seedExamples } from './seed';
import * as pgSchema from './schema-pg';

export type Dialect = 'sqlite' | 'postgres';
export type Tables = typeof pgSchema;
export type Orm = NodePgDatabase<Tables>;

/** What a query needs: inside a transaction or not. */
export interface Tx {
  readonly dialect: Dialect;
  readonly orm: Orm;
  readonly tables: Tables;
  /** Raw SQL on either dialect (the rows it returns). */
  execute<Row = Record<string, unknown>>(query: SQL): Promise<Row[]>;
}

export interface Db extends Tx {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_FILE = './data/tidemark.db';
const MIGRATIONS = {
  sqlite: path.join(process.cwd(), 'db', 'migrations'),
  postgres: path.join(process.cwd(), 'db', 'migrations-pg'),
};
/** The advisory lock that migrating and seeding hold on PostgreSQL ("tidemark" in ASCII). */
export const MIGRATION_LOCK = 0x7469_6465_6d61;

export const isPostgresUrl = (url: string | undefined): boolean => /^postgres(?:ql)?:\/\//i.test(url?.trim() ?? '');

export function resolveDatabaseFile(url = process.env.DATABASE_URL): string {
  const value = url?.trim() || DEFAULT_DATABASE_FILE;
  return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/** Where a database is, for messages: the file, or the PostgreSQL host and database without credentials. */
export function describeDatabase(url = process.env.DATABASE_URL): string {
  if (!isPostgresUrl(url)) return resolveDatabaseFile(url);
  try {
    const u = new URL(url!.trim());
    return `postgres://${u.host}${u.pathname}`;
  } catch {
    return 'postgres (an unreadable DATABASE_URL)';
  }
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

export interface OpenOptions {
  migrationsFolder?: string;
  backgroundCheckpoints?: boolean;
  /** Runs once migrated, still under the migration lock on PostgreSQL (seeding). */
  afterMigrate?: (db: Db) => Promise<unknown>;
  /** PostgreSQL: connections in the pool (TIDEMARK_PG_POOL_SIZE, default 10). */
  poolSize?: number;
}

function openSqlite(file: string, options: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The WAL file shrinks back to this after a checkpoint, instead of keeping its largest size.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  if (options.backgroundCheckpoints) checkpointInBackground(sqlite, file);
  const native = drizzleSqlite(sqlite, { schema: sqliteSchema });
  migrateSqlite(native, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS.sqlite });
  const orm = native as unknown as Orm;
  const dialect = new SQLiteSyncDialect();
  const execute = <Row>(query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const statement = sqlite.prepare(text);
    if (statement.reader) return Promise.resolve(statement.all(...params) as Row[]);
    statement.run(...params);
    return Promise.resolve([] as Row[]);
  };
  const tx: Tx = { dialect: 'sqlite', orm, tables: sqliteSchema as unknown as Tables, execute };
  // One connection: a transaction waits for the one before it to finish.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...tx,
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const run = async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => Promise.resolve(void sqlite.close()),
  };
}

function pgTx(orm: Orm): Tx {
  return {
    dialect: 'postgres',
    orm,
    tables: pgSchema,
    execute: async <Row>(query: SQL) => (await orm.execute(query)).rows as Row[],
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  const poolSize = options.poolSize ?? (Number(process.env.TIDEMARK_PG_POOL_SIZE) || 10);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (a restart, a failover) must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const orm = drizzlePg({ client: pool, schema: pgSchema });
  const db: Db = {
    ...pgTx(orm),
    transaction: (fn) => orm.transaction((tx) => fn(pgTx(tx as unknown as Orm))),
    close: () => pool.end(),
  };
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg({ client: lock }), {
        migrationsFolder: options.migrationsFolder ?? MIGRATIONS.postgres,
      });
      await options.afterMigrate?.(db);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    lock.release();
    await pool.end();
    throw error;
  }
  lock.release();
  return db;
}

/** Opens (creating the folder if needed), configures and migrates a database. */
export async function openDatabase(url = process.env.DATABASE_URL, options: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url!.trim(), options);
  const db = openSqlite(resolveDatabaseFile(url), options);
  await options.afterMigrate?.(db);
  return db;
}

const globalForDb = globalThis as unknown as { tidemarkDb?: Promise<Db> };

/**
 * The server's database, opened (migrated and seeded) once per process and cached on globalThis so
 * that Next.js hot reloads and its separately bundled routes and proxy share it.
 */
export function getDb(): Promise<Db> {
  globalForDb.tidemarkDb ??= openDatabase(process.env.DATABASE_URL, {
    backgroundCheckpoints: true,
    afterMigrate: seedExamples,
  });
  // A failed open is not cached: the next request tries again.
  globalForDb.tidemarkDb.catch(() => (globalForDb.tidemarkDb = undefined));
  return globalForDb.tidemarkDb;
}
