/**
 * Seeds the example designs once per database. A user who deletes them does not get them back on
 * the next start: a meta row remembers that seeding happened.
 */
import { eq } from 'drizzle-orm';
import { EXAMPLE_DESIGNS } from '../core/examples';
import { designSchema } from '../core/model';
import type { Db } from './client';
import { meta } from './schema';
import { insertDesign } from '../server/services/design-store';

const SEEDED_KEY = 'examples-seeded';

export function seedExamples(db: Db, now = Date.now()): number {
  return db.transaction((tx) => {
    const done = tx.select().from(meta).where(eq(meta.key, SEEDED_KEY)).get();
    if (done) return 0;
    EXAMPLE_DESIGNS.forEach((example, i) => {
      // The list shows the newest first: give the first example the latest time so it leads.
      insertDesign(tx, designSchema.parse(example.design), 'seeded example', now - i);
    });
    tx.insert(meta)
      .values({ key: SEEDED_KEY, value: new Date(now).toISOString() })
      .run();
    return EXAMPLE_DESIGNS.length;
  });
}
