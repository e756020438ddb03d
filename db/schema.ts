/**
 * All tables. A design is a name plus a chain of revisions; every save appends a revision holding
 * the whole validated design document, so nothing is ever overwritten.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const designs = sqliteTable('designs', {
  id: text('id').primaryKey(),
  /** Mirrors the latest revision's document name, for listing without parsing documents. */
  name: text('name').notNull(),
  componentCount: integer('component_count').notNull(),
  latestRevision: integer('latest_revision').notNull(),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  /** Bytes of all its kept revisions, against the per-design storage budget (design-budget.ts). */
  storedBytes: integer('stored_bytes').notNull().default(0),
});

export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** The validated design document as JSON text. */
    document: text('document').notNull(),
    /** Why this revision exists: created, saved, renamed, restored from n, imported, … */
    note: text('note')
      .notNull()
      .default(sql`''`),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    // What the revisions list shows, written with the revision so that listing never reads documents.
    name: text('name')
      .notNull()
      .default(sql`''`),
    componentCount: integer('component_count').notNull().default(0),
    connectionCount: integer('connection_count').notNull().default(0),
    /** Size of `document` in UTF-8 bytes: what the revision costs the design's storage budget. */
    bytes: integer('bytes').notNull().default(0),
    /** A short "what changed" against the revision before it (renamed, +2 components, …). */
    changes: text('changes')
      .notNull()
      .default(sql`''`),
  },
  (t) => [uniqueIndex('revisions_design_number').on(t.designId, t.number), index('revisions_design').on(t.designId)],
);

/** Small key/value facts about the database itself (for example, that examples were seeded once). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Read-only share links. The token itself is never stored: only its sha256 (hex), looked up by that
 * hash. `revision` null means the link follows the latest revision; otherwise it is pinned.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    revision: integer('revision'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'number' }),
    revokedAt: integer('revoked_at', { mode: 'number' }),
    lastViewedAt: integer('last_viewed_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('share_links_token_hash').on(t.tokenHash), index('share_links_design').on(t.designId)],
);

/**
 * Signed-in sessions (password mode). The cookie carries the id, its expiry and an HMAC; a session is
 * live while its row exists unrevoked and unexpired, so signing out (revoking the row) ends it on
 * every copy of the cookie and, with a shared database, on every app instance.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);

/**
 * Counters of rate-limiter-flexible's drizzle store (RateLimiterDrizzle): failed sign-ins per client
 * address, shared by every app instance on the database. `expire` null: never expires.
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: integer('expire', { mode: 'timestamp_ms' }),
});

/**
 * Plans computed once, on the server (server/plans/): one row per (design hash, engine version), so
 * the same document is never computed twice. `document` is the design to plan (validated JSON);
 * `plan` the plan document's JSON and `series` its chart series (plan-series.ts), once `done`.
 * A job is `queued`, `running` (claimed by `worker` until `lease_until`, renewed while it runs, so a
 * job whose worker died is claimed again), `done` or `failed` (with `error`, in words).
 */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    designHash: text('design_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    document: text('document').notNull(),
    plan: text('plan'),
    series: text('series'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    worker: text('worker'),
    leaseUntil: integer('lease_until', { mode: 'number' }),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    startedAt: integer('started_at', { mode: 'number' }),
    finishedAt: integer('finished_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('plans_design_engine').on(t.designHash, t.engineVersion), index('plans_status').on(t.status)],
);
