import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMigrations } from '../src/db/migrate.ts';
import { importLmi } from '../src/lmi/import/runner.ts';
import { LMI_SOURCES } from '../src/lmi/sources/index.ts';
import { benchEngines, quantile } from './engines.ts';

/**
 * `npm run bench:lmi-import -- --dir <LMI folder> [--runs 3] [--postgres postgres://…/db]`
 *
 * Times a full LMI import into an empty database — embedded PGlite (a fresh file-backed directory)
 * and, when --postgres (or DATABASE_URL) names a server, a throwaway database created there — and a
 * second, unchanged import (the no-op). Prints per-source seconds for the first run and the median,
 * p95 and max of the totals over the runs. Targets (issue 3): under 60 s on PostgreSQL and under
 * 3 minutes on PGlite on a 2-core machine.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.LMI_DIR },
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

const engines = benchEngines(values.postgres);

for (const engine of engines) {
  const totals: number[] = [];
  const noops: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const created = await engine.create();
    const { database } = created;
    try {
      await runMigrations(database);
      const started = performance.now();
      const summaries = await importLmi(database.db, dir, LMI_SOURCES);
      totals.push((performance.now() - started) / 1000);
      const failed = summaries.filter((summary) => summary.status !== 'imported');
      if (failed.length > 0)
        throw new Error(
          `not imported: ${failed.map((s) => `${s.source} (${s.message ?? s.status})`).join(', ')}`,
        );
      if (run === 1) {
        for (const summary of summaries) {
          console.log(
            `  ${engine.name} ${summary.source.padEnd(8)} ${summary.seconds.toFixed(1).padStart(6)} s  ${summary.inserted.toLocaleString('en-CA')} rows`,
          );
        }
      }
      const again = performance.now();
      await importLmi(database.db, dir, LMI_SOURCES);
      noops.push((performance.now() - again) / 1000);
    } finally {
      await created.dispose();
    }
  }
  totals.sort((a, b) => a - b);
  noops.sort((a, b) => a - b);
  console.log(
    `${engine.name}: full import over ${runs} run(s): median ${quantile(totals, 0.5).toFixed(1)} s, p95 ${quantile(totals, 0.95).toFixed(1)} s, max ${totals.at(-1)?.toFixed(1) ?? '?'} s; unchanged re-import median ${quantile(noops, 0.5).toFixed(2)} s`,
  );
}
