import path from 'node:path';
import { getTableName } from 'drizzle-orm';
import type { Database, Db } from '../../src/db/database.ts';
import { importLmi } from '../../src/lmi/import/runner.ts';
import { nocSource } from '../../src/lmi/sources/noc.ts';
import { testBackends } from './databases.ts';
import {
  fileReader,
  type LmiSourceDefinition,
  type Rejection,
  type TableRows,
} from '../../src/lmi/import/source.ts';

/** A small LMI folder written by hand in the publishers' formats (never rows copied from the real files). */
export const LMI_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lmi');

export interface Loaded {
  tables: TableRows[];
  rejections: Rejection[];
  read: number;
  /** Rows of one table by its SQL name, e.g. rowsOf('noc_group'). */
  rowsOf(name: string): Record<string, unknown>[];
}

/** Runs a source's `load` against a folder without writing anything, collecting rejections. */
export async function loadSource(
  db: Db,
  source: LmiSourceDefinition,
  dir: string = LMI_FIXTURES,
): Promise<Loaded> {
  const rejections: Rejection[] = [];
  let read = 0;
  const tables = await source.load({
    dir,
    db,
    file: fileReader(dir, source.files),
    reject: (file, line, reason) => rejections.push({ file, line, reason }),
    read: (count = 1) => {
      read += count;
    },
    progress: () => undefined,
  });
  return {
    tables,
    rejections,
    read,
    rowsOf: (name) => tables.find((entry) => getTableName(entry.table) === name)?.rows ?? [],
  };
}

/** A fresh embedded test database holding the NOC fixture, which the other sources validate codes against. */
export async function databaseWithNoc(): Promise<Database> {
  const [pglite] = testBackends();
  if (!pglite) throw new Error('no test database backend');
  const database = await pglite.create();
  await importLmi(database.db, LMI_FIXTURES, [nocSource]);
  return database;
}
