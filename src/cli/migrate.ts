import { runMigrations } from '../db/migrate.ts';
import { runCommand } from './run.ts';

/** `npm run db:migrate`: applies pending migrations to the configured database and says how many. */
await runCommand('Usage: npm run db:migrate', async (_config, open) => {
  const database = await open();
  const started = performance.now();
  const result = await runMigrations(database);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    `Migrations: ${result.applied} applied, ${result.total} in total, on ${database.location} (${seconds} s)\n`,
  );
  return 0;
});
