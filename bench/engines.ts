import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';

export interface Engine {
  name: string;
  /** `url`: the database's address, for a benchmark that starts the portal as its own process (servers only). */
  create(): Promise<{ database: Database; dispose(): Promise<void>; url?: string }>;
}

/** The engines a benchmark runs on: file-backed PGlite always, a throwaway database on a server when given. */
export function benchEngines(serverUrl: string | undefined): Engine[] {
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
          url: url.toString(),
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
  return engines;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
