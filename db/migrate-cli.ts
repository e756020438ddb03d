/** `npm run db:migrate`: applies migrations and seeds the examples; npm start runs it before serving. */
import { openDatabase, resolveDatabaseFile } from './client';
import { seedExamples } from './seed';

const file = resolveDatabaseFile();
const db = openDatabase(file);
const seeded = seedExamples(db);
db.$client.close();
console.log(`database ${file}: migrated${seeded ? `, ${seeded} example designs seeded` : ''}`);
