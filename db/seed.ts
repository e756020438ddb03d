/**
 * Seeds the example designs once per database. A user who deletes them does not get them back on
 * the next start: a meta row remembers that seeding happened. Claiming that row and inserting the
 * examples is one transaction, the claim an insert that does nothing when the row exists: of two
 * processes seeding at once, the second waits on the first's row and then finds it taken.
 */
import { EXAMPLE_DESIGNS } from '../core/examples';
import { designSchema } from '../core/model';
import type { Db } from './client';
import { insertDesign } from '../server/services/design-store';

const SEEDED_KEY = 'examples-seeded';

export async function seedExamples(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.orm
      .insert(tx.tables.meta)
      .values({ key: SEEDED_KEY, value: new Date(now).toISOString() })
      .onConflictDoNothing()
      .returning({ key: tx.tables.meta.key });
    if (claimed.length === 0) return 0;
    for (const [i, example] of EXAMPLE_DESIGNS.entries()) {
      // The list shows the newest first: give the first example the latest time so it leads.
      await insertDesign(tx, designSchema.parse(example.design), 'seeded example', now - i);
    }
    return EXAMPLE_DESIGNS.length;
  });
}
