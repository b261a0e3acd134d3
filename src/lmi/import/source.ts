import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { readSourceFile, type SourceFile } from './files.ts';

/** The rows one source gives one table; `key` names the primary-key properties. */
export interface TableRows<T extends PgTable = PgTable> {
  table: T;
  key: (keyof T['$inferInsert'] & string)[];
  rows: T['$inferInsert'][];
}

/** Builds a TableRows with the row type checked against the table. */
export function tableRows<T extends PgTable>(
  table: T,
  key: (keyof T['$inferInsert'] & string)[],
  rows: T['$inferInsert'][],
): TableRows {
  return { table, key, rows } as unknown as TableRows;
}

/** A row the importer could not use: where it is and why. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

/** What a source's `load` gets: the folder's files, a way to reject rows, and read access to the database. */
export interface LoadContext {
  dir: string;
  /** Reads (and checksums) one of the source's declared files. */
  file(name: string, encoding?: 'detect' | 'utf-8' | 'windows-1252'): SourceFile;
  reject(file: string, line: number, reason: string): void;
  /** Counts a data row read from a file (for the summary and the rejection threshold). */
  read(count?: number): void;
  /** The database as it is before this source is applied (e.g. to check NOC codes). */
  db: Db;
  progress(message: string): void;
}

/**
 * One publisher's dataset: which files it reads, how it turns them into rows, and what must be
 * credited. `load` validates and transforms without writing; the runner writes the result in one
 * transaction together with the provenance row.
 */
export interface LmiSourceDefinition {
  id: string;
  publisher: string;
  title: string;
  version: string;
  licence: string;
  licenceUrl: string;
  attributionEn: string;
  attributionFr: string;
  /** Files relative to the LMI folder; their checksums decide whether the source changed. */
  files: string[];
  /** Sources whose data this one checks against (loaded first). */
  dependsOn: string[];
  /** Parses, validates and transforms; derived tables (e.g. per unit group) are computed here too. */
  load(context: LoadContext): Promise<TableRows[]>;
}

/** Thrown when a source cannot be imported: too many bad rows, a missing file or dependency. */
export class SourceImportError extends Error {
  constructor(
    readonly source: string,
    message: string,
    readonly rejections: Rejection[] = [],
  ) {
    super(`${source}: ${message}`);
    this.name = 'SourceImportError';
  }
}

export function fileReader(dir: string, declared: string[]) {
  const cache = new Map<string, SourceFile>();
  return (name: string, encoding: 'detect' | 'utf-8' | 'windows-1252' = 'detect'): SourceFile => {
    if (!declared.includes(name)) throw new Error(`${name} is not declared in the source's files`);
    const cached = cache.get(name);
    if (cached) return cached;
    const file = readSourceFile(dir, name, encoding);
    cache.set(name, file);
    return file;
  };
}
