/**
 * The same tables as schema.ts, for PostgreSQL (DATABASE_URL=postgres://…). Column names, property
 * names and meanings match schema.ts one for one, so the services run one query code on either
 * (db/client.ts). Millisecond timestamps and byte totals are `bigint` (read as JS numbers): they
 * overflow PostgreSQL's 32-bit `integer`. Migrations: drizzle.pg.config.ts → db/migrations-pg/.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const millis = (name: string) => bigint(name, { mode: 'number' });

export const designs = pgTable('designs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  componentCount: integer('component_count').notNull(),
  latestRevision: integer('latest_revision').notNull(),
  createdAt: millis('created_at').notNull(),
  updatedAt: millis('updated_at').notNull(),
  storedBytes: bigint('stored_bytes', { mode: 'number' }).notNull().default(0),
});

export const revisions = pgTable(
  'revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    document: text('document').notNull(),
    note: text('note')
      .notNull()
      .default(sql`''`),
    createdAt: millis('created_at').notNull(),
    name: text('name')
      .notNull()
      .default(sql`''`),
    componentCount: integer('component_count').notNull().default(0),
    connectionCount: integer('connection_count').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    changes: text('changes')
      .notNull()
      .default(sql`''`),
  },
  (t) => [uniqueIndex('revisions_design_number').on(t.designId, t.number), index('revisions_design').on(t.designId)],
);

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const shareLinks = pgTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    designId: text('design_id')
      .notNull()
      .references(() => designs.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    revision: integer('revision'),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at'),
    revokedAt: millis('revoked_at'),
    lastViewedAt: millis('last_viewed_at'),
  },
  (t) => [uniqueIndex('share_links_token_hash').on(t.tokenHash), index('share_links_design').on(t.designId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    revokedAt: millis('revoked_at'),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true, mode: 'date' }),
});

export const plans = pgTable(
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
    leaseUntil: millis('lease_until'),
    createdAt: millis('created_at').notNull(),
    startedAt: millis('started_at'),
    finishedAt: millis('finished_at'),
  },
  (t) => [uniqueIndex('plans_design_engine').on(t.designHash, t.engineVersion), index('plans_status').on(t.status)],
);
