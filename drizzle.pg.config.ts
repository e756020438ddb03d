import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations (`npm run db:generate:pg`); SQLite's are drizzle.config.ts's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
});
