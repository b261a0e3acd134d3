import { parseArgs } from 'node:util';
import { createServices } from '../app.ts';
import { runMigrations } from '../db/migrate.ts';
import { runCommand, UsageError } from './run.ts';

/**
 * `npm run catalogue:demo -- [--count 2600] [--seed 1] [--start YYYY-MM-DD]`: replaces the
 * demonstration catalogue (fictional demo institutions, listings flagged as demo) with a deterministic
 * one built from the loaded LMI. Real listings are not touched.
 */
const usage = 'Usage: npm run catalogue:demo -- [--count <listings>] [--seed <number>] [--start YYYY-MM-DD]';

await runCommand(usage, async (config, open) => {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(config.catalogue.demoCount) },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new UsageError(`--count must be a whole number from 1 to 1000000 (got "${values.count}")`);
  }
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start) || Number.isNaN(Date.parse(values.start))) {
    throw new UsageError(`--start must be a date written YYYY-MM-DD (got "${values.start}")`);
  }
  const database = await open();
  await runMigrations(database);
  const services = await createServices(config, database);
  const started = performance.now();
  process.stderr.write(`Generating ${count} demo listings (seed ${seed}) into ${database.location}…\n`);
  const result = await services.catalogue.replaceDemo({ count, seed, startDate: values.start });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Demo catalogue: ${result.inserted + result.updated + result.unchanged} listings, ${result.institutions} demo institutions, from ${result.vocabulary === 'lmi' ? 'the loaded LMI' : 'the built-in vocabulary (no LMI loaded)'} in ${seconds} s\n`,
  );
  return 0;
});
