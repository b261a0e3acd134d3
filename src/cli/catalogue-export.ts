import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createServices } from '../app.ts';
import { runMigrations } from '../db/migrate.ts';
import { exportCatalogue, EXPORT_FORMATS, type ExportFormat } from '../catalogue/export.ts';
import { runCommand, UsageError } from './run.ts';

/**
 * `npm run catalogue:export -- --format csv|json|ctdl [--out file] [--all]`: writes the catalogue as a
 * feed in the format the importer reads (published listings; `--all` adds drafts and retired ones).
 */
const usage = 'Usage: npm run catalogue:export -- --format csv|json|ctdl [--out <file>] [--all]';

await runCommand(usage, async (config, open) => {
  const { values } = parseArgs({
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`unknown format "${values.format}" (known: ${EXPORT_FORMATS.join(', ')})`);
  }
  const database = await open();
  await runMigrations(database);
  const services = await createServices(config, database);
  const out = values.out === undefined ? process.stdout : createWriteStream(values.out);
  let listings = 0;
  for await (const chunk of exportCatalogue(services.catalogue, format, config.baseUrl, {
    all: values.all,
  })) {
    listings += chunk.listings;
    if (!out.write(chunk.text)) await once(out, 'drain');
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(
    `Exported ${listings} listings as ${format}${values.out ? ` to ${values.out}` : ''}\n`,
  );
  return 0;
});
