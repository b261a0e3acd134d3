import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseOpenError, openDatabase } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';

/**
 * `npm run lmi:import -- --dir <folder> [--source noc,oasis] [--force]`: loads the labour-market
 * files into the configured database, one transaction per source, and prints one summary line per
 * source. Exit code 1 when any source failed (the others are still loaded).
 */
class UsageError extends Error {}

const usage = 'Usage: npm run lmi:import -- --dir <folder> [--source <id,id>] [--force]';
try {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\nSources: ${LMI_SOURCES.map((source) => source.id).join(', ')}\n`);
    process.exit(0);
  }
  const config = loadConfig(process.env);
  const dir = values.dir ? path.resolve(values.dir) : config.lmiDir;
  if (!dir) throw new UsageError('give the folder with --dir, or set LMI_DIR');
  if (!existsSync(dir)) throw new UsageError(`the folder ${dir} does not exist`);
  const only = values.source?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !LMI_SOURCES.some((source) => source.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown source ${unknown.join(', ')} (known: ${LMI_SOURCES.map((s) => s.id).join(', ')})`,
    );
  }
  const database = await openDatabase(config.database);
  try {
    await runMigrations(database);
    const started = performance.now();
    const summaries = await importLmi(database.db, dir, LMI_SOURCES, {
      ...(only ? { only } : {}),
      force: values.force,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const failed = summaries.filter((summary) => summary.status === 'failed');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `LMI import from ${dir} into ${database.location}: ${summaries.length - failed.length} of ${summaries.length} sources ok in ${seconds} s\n`,
    );
    process.exitCode = failed.length > 0 ? 1 : 0;
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
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  throw error;
}
