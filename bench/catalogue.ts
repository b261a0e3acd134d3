import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../src/app.ts';
import { exportCatalogue } from '../src/catalogue/export.ts';
import { generateDemoCatalogue } from '../src/catalogue/demo.ts';
import { loadDemoVocabulary } from '../src/catalogue/demo-vocabulary.ts';
import { loadConfig } from '../src/config.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { importLmi } from '../src/lmi/import/runner.ts';
import { LMI_SOURCES } from '../src/lmi/sources/index.ts';
import { benchEngines, quantile } from './engines.ts';

/**
 * `npm run bench:catalogue -- --dir <LMI folder> [--counts 2600,100000] [--runs 3] [--postgres postgres://…/db]`
 *
 * On each engine, with the real LMI loaded: generating the demo catalogue (pure), writing it into an
 * empty catalogue (the same all-or-nothing path a feed takes), exporting it as CSV, and validating and
 * re-importing that CSV (every listing unchanged: the no-op). Prints median and p95 over the runs.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.LMI_DIR },
    counts: { type: 'string', default: '2600,100000' },
    runs: { type: 'string', default: '1' },
    postgres: { type: 'string', default: process.env.DATABASE_URL },
  },
});
if (!values.dir) {
  console.error('Give the LMI folder with --dir or LMI_DIR.');
  process.exit(2);
}
const dir = path.resolve(values.dir);
const runs = Math.max(1, Number(values.runs) || 1);
const counts = values.counts.split(',').map(Number);
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-bench-')),
  FEED_MAX_MB: '2000',
});
const seconds = (started: number) => (performance.now() - started) / 1000;

for (const engine of benchEngines(values.postgres)) {
  const created = await engine.create();
  const { database } = created;
  try {
    await runMigrations(database);
    await importLmi(database.db, dir, LMI_SOURCES);
    const services = await createServices(config, database);
    await services.catalogue.seedDirectory();
    const vocabulary = await loadDemoVocabulary(database.db);
    for (const count of counts) {
      const timings: Record<string, number[]> = {
        generate: [],
        write: [],
        export: [],
        validate: [],
        reimport: [],
      };
      let size = 0;
      for (let run = 0; run < runs; run++) {
        const options = { count, seed: run + 1, startDate: '2027-01-04' };
        let started = performance.now();
        generateDemoCatalogue(vocabulary, options);
        timings.generate?.push(seconds(started));
        started = performance.now();
        await services.catalogue.replaceDemo(options);
        timings.write?.push(seconds(started));
        started = performance.now();
        let csv = '';
        for await (const chunk of exportCatalogue(services.catalogue, 'csv', config.baseUrl))
          csv += chunk.text;
        timings.export?.push(seconds(started));
        const bytes = new TextEncoder().encode(csv);
        size = bytes.byteLength;
        started = performance.now();
        const report = await services.catalogue.validateFeed(bytes, { format: 'csv' });
        timings.validate?.push(seconds(started));
        if (report.errors.length > 0)
          throw new Error(`export did not validate: ${JSON.stringify(report.errors[0])}`);
        started = performance.now();
        const again = await services.catalogue.importFeed(bytes, { format: 'csv' });
        timings.reimport?.push(seconds(started));
        if (again.counts.inserted + again.counts.updated > 0) throw new Error('re-import changed listings');
      }
      const line = Object.entries(timings)
        .map(([name, values]) => {
          const sorted = [...values].sort((a, b) => a - b);
          return `${name} ${quantile(sorted, 0.5).toFixed(2)} s (p95 ${quantile(sorted, 0.95).toFixed(2)})`;
        })
        .join(', ');
      console.log(
        `${engine.name}, ${count.toLocaleString('en-CA')} listings (CSV ${(size / 1024 / 1024).toFixed(1)} MB, ${runs} run(s)): ${line}`,
      );
    }
  } finally {
    await created.dispose();
  }
}
