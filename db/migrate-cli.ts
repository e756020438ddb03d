/**
 * `npm run db:migrate`: applies migrations and seeds the examples; npm start runs it before serving.
 * On PostgreSQL it is also the release step for several instances (each instance migrates on start
 * too, under the same advisory lock, so running it is optional).
 */
import { describeDatabase, openDatabase } from './client';
import { seedExamples } from './seed';

async function main(): Promise<void> {
  let seeded = 0;
  const db = await openDatabase(process.env.DATABASE_URL, {
    afterMigrate: async (opened) => (seeded = await seedExamples(opened)),
  });
  await db.close();
  console.log(`database ${describeDatabase()}: migrated${seeded ? `, ${seeded} example designs seeded` : ''}`);
}

main().catch((error: unknown) => {
  // The message only: a connection error can carry the URL, and with it a password.
  console.error(`database ${describeDatabase()}: migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
