import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeDatabase, isPostgresUrl, openDatabase, type Db } from './client';
import { seedExamples } from './seed';
import { openTestDatabase, testDatabaseUrl, testDialect } from './testing';

const countOf = async (db: Db, table: 'designs' | 'meta') =>
  Number((await db.execute<{ n: number | string }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n);

describe('choosing the database', () => {
  it('takes a postgres:// URL for PostgreSQL and anything else for a SQLite file', () => {
    expect(isPostgresUrl('postgres://u:p@db:5432/tidemark')).toBe(true);
    expect(isPostgresUrl('postgresql://db/tidemark')).toBe(true);
    expect(isPostgresUrl('./data/tidemark.db')).toBe(false);
    expect(isPostgresUrl(':memory:')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it('names a PostgreSQL database without its credentials', () => {
    expect(describeDatabase('postgres://app:s3cret@db.internal:5432/tidemark')).toBe(
      'postgres://db.internal:5432/tidemark',
    );
    expect(describeDatabase('./data/x.db')).toBe('./data/x.db');
  });
});

describe('migrating and seeding', () => {
  it('seeds the examples once, however many instances start on the database', async () => {
    if (testDialect === 'postgres') {
      // Instances starting together: each migrates and seeds under the advisory lock.
      const url = await testDatabaseUrl();
      const seeded: number[] = [];
      const dbs = await Promise.all(
        Array.from({ length: 4 }, () =>
          openDatabase(url, { poolSize: 2, afterMigrate: async (db) => seeded.push(await seedExamples(db)) }),
        ),
      );
      expect(seeded.sort()).toEqual([0, 0, 0, 3]);
      expect(await countOf(dbs[0]!, 'designs')).toBe(3);
      await Promise.all(dbs.map((db) => db.close()));
    } else {
      // One SQLite file opened by one process after another.
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tidemark-seed-')), 'seed.db');
      for (const expected of [3, 0]) {
        const db = await openDatabase(file);
        expect(await seedExamples(db)).toBe(expected);
        expect(await countOf(db, 'designs')).toBe(3);
        await db.close();
      }
    }
  });

  it('rolls a failed transaction back whole and keeps serving', async () => {
    const db = await openTestDatabase();
    await expect(
      db.transaction(async (tx) => {
        await tx.orm.insert(tx.tables.meta).values({ key: 'half', value: 'written' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await countOf(db, 'meta')).toBe(0);
    await db.transaction((tx) => tx.orm.insert(tx.tables.meta).values({ key: 'whole', value: 'written' }));
    expect(await countOf(db, 'meta')).toBe(1);
  });
});
