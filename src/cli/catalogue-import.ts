import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../app.ts';
import { FeedFileError, formatReport, type FeedFormat } from '../catalogue/feeds/report.ts';
import { runMigrations } from '../db/migrate.ts';
import { runCommand, UsageError } from './run.ts';

/**
 * `npm run catalogue:import -- <file> [--format csv|json|ctdl] [--institution <id>] [--retire-missing]
 * [--dry-run]`: checks a feed and applies it all-or-nothing. Prints the report; exit code 1 when the
 * feed was rejected (nothing written).
 */
const usage =
  'Usage: npm run catalogue:import -- <file> [--format csv|json|ctdl] [--institution <id>] [--retire-missing] [--dry-run]';
const FORMATS: FeedFormat[] = ['csv', 'json', 'ctdl'];

await runCommand(usage, async (config, open) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      institution: { type: 'string' },
      'retire-missing': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('give exactly one feed file');
  const format = values.format as FeedFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) {
    throw new UsageError(`unknown format "${format}" (known: ${FORMATS.join(', ')})`);
  }
  let bytes: Uint8Array;
  try {
    if (statSync(file).size > config.catalogue.feedMaxBytes) {
      throw new UsageError(
        `${file} is larger than FEED_MAX_MB (${config.catalogue.feedMaxBytes / 1024 / 1024} MB)`,
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const database = await open();
  await runMigrations(database);
  const services = await createServices(config, database);
  const options = {
    fileName: path.basename(file),
    ...(format === undefined ? {} : { format }),
    ...(values.institution === undefined ? {} : { institution: values.institution }),
    retireMissing: values['retire-missing'],
  };
  const started = performance.now();
  try {
    const report = values['dry-run']
      ? await services.catalogue.validateFeed(bytes, options)
      : await services.catalogue.importFeed(bytes, options);
    process.stdout.write(formatReport(report, performance.now() - started, values['dry-run']));
    return report.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof FeedFileError) {
      process.stderr.write(`${file}: rejected, ${error.message}\n`);
      return 1;
    }
    throw error;
  }
});
