import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseOpenError, openDatabase } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';

/** `npm run db:migrate`: applies pending migrations to the configured database and says how many. */
try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const started = performance.now();
    const result = await runMigrations(database);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `Migrations: ${result.applied} applied, ${result.total} in total, on ${database.location} (${seconds} s)\n`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof DatabaseOpenError) {
    console.error(`Database error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
