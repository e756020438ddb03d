/**
 * The secret that session keys are derived from (password.ts), the same on every app instance so a
 * cookie signed by one is accepted by all: TIDEMARK_SESSION_SECRET when set (at least 32
 * characters), else a random one created once in the database (`meta`, claimed by an insert that does
 * nothing when another instance claimed first, then read back). Read once per process and database.
 * It is never logged; restarting keeps everyone signed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';

export const MIN_SESSION_SECRET_LENGTH = 32;
const SECRET_KEY = 'session-secret';

/** Why TIDEMARK_SESSION_SECRET cannot be used, or null when it is unset or fine. */
export function sessionSecretProblem(value = process.env.TIDEMARK_SESSION_SECRET): string | null {
  if (!value || value.length >= MIN_SESSION_SECRET_LENGTH) return null;
  return `TIDEMARK_SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters (it has ${value.length}); for example: openssl rand -base64 32`;
}

async function storedSecret(db: Tx): Promise<Buffer> {
  const { meta } = db.tables;
  await db.orm
    .insert(meta)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.orm.select({ value: meta.value }).from(meta).where(eq(meta.key, SECRET_KEY)).limit(1);
  if (!row) throw new Error('The session secret could not be stored.');
  return Buffer.from(row.value, 'base64url');
}

const CACHE = Symbol.for('tidemark.sessionSecrets');
type WithCache = typeof globalThis & { [CACHE]?: WeakMap<object, Promise<Buffer>> };

/** The session secret for `db` (the server's database by default). */
export async function sessionSecret(db?: Tx): Promise<Buffer> {
  const configured = process.env.TIDEMARK_SESSION_SECRET;
  if (configured) {
    const problem = sessionSecretProblem(configured);
    if (problem) throw new Error(problem);
    return createHash('sha256').update(configured, 'utf8').digest();
  }
  const database = db ?? (await getDb());
  const g = globalThis as WithCache;
  g[CACHE] ??= new WeakMap();
  let secret = g[CACHE].get(database);
  if (!secret) {
    secret = storedSecret(database);
    g[CACHE].set(database, secret);
    secret.catch(() => g[CACHE]?.delete(database));
  }
  return secret;
}
