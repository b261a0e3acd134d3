import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { importLmi } from '../src/lmi/import/runner.ts';
import { LMI_SOURCES } from '../src/lmi/sources/index.ts';

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

interface Engine {
  name: string;
  create(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'PGlite (file-backed)',
    async create() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ladder-bench-'));
      const database = await openDatabase({ kind: 'pglite', dataDir });
      return {
        database,
        dispose: async () => {
          await database.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
const serverUrl = values.postgres;
if (serverUrl) {
  engines.push({
    name: 'PostgreSQL server',
    async create() {
      const name = `ladder_bench_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString() });
      return {
        database,
        dispose: async () => {
          await database.close();
          const dropper = new pg.Client({ connectionString: serverUrl });
          await dropper.connect();
          await dropper.query(`drop database if exists "${name}" with (force)`);
          await dropper.end();
        },
      };
    },
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

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
