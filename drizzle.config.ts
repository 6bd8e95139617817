import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs the tables in src/modules/*/tables.ts against
// migrations/ and writes a new SQL migration; no database is needed for that.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/tables.ts',
  out: './migrations',
});
