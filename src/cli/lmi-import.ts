import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMigrations } from '../db/migrate.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import { runCommand, UsageError } from './run.ts';

/**
 * `npm run lmi:import -- --dir <folder> [--source noc,oasis] [--force]`: loads the labour-market
 * files into the configured database, one transaction per source, and prints one summary line per
 * source. Exit code 1 when any source failed (the others are still loaded).
 */
const usage = 'Usage: npm run lmi:import -- --dir <folder> [--source <id,id>] [--force]';
const known = LMI_SOURCES.map((source) => source.id);

await runCommand(usage, async (config, open) => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\nSources: ${known.join(', ')}\n`);
    return 0;
  }
  const dir = values.dir ? path.resolve(values.dir) : config.lmiDir;
  if (!dir) throw new UsageError('give the folder with --dir, or set LMI_DIR');
  if (!existsSync(dir)) throw new UsageError(`the folder ${dir} does not exist`);
  const only = values.source?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length > 0)
    throw new UsageError(`unknown source ${unknown.join(', ')} (known: ${known.join(', ')})`);

  const database = await open();
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
  return failed.length > 0 ? 1 : 0;
});
