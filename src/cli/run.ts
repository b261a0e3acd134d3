import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DatabaseOpenError, openDatabase, type Database } from '../db/database.ts';

/** A mistake in how a command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a command-line entry point against the configured database, closing it afterwards, and turns
 * the expected failures into one line on stderr and an exit code: configuration or usage 2, database 1.
 * `command` returns the exit code.
 */
export async function runCommand(
  usage: string,
  command: (config: Config, open: () => Promise<Database>) => Promise<number>,
): Promise<void> {
  const opened: Database[] = [];
  try {
    const config = loadConfig(process.env);
    process.exitCode = await command(config, async () => {
      const database = await openDatabase(config.database);
      opened.push(database);
      return database;
    });
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, 2);
    else if (error instanceof DatabaseOpenError) fail(`Database error: ${error.message}`, 1);
    else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      fail(`${(error as Error).message}\n${usage}`, 2);
    } else throw error;
  } finally {
    for (const database of opened) await database.close();
  }
}

function fail(message: string, code: number): void {
  console.error(message);
  process.exitCode = code;
}
