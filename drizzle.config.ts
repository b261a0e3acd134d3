import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema here; migrations are applied by the runtime
// migrator (src/db/migrate.ts) because the drizzle-kit CLI cannot load PGlite's extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
