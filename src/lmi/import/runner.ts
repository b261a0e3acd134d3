import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { lmiSource } from '../schema.ts';
import { SourceFileError } from './files.ts';
import { fileReader, SourceImportError, type LmiSourceDefinition, type Rejection } from './source.ts';
import { syncTable, type SyncCounts } from './sync.ts';

export interface SourceSummary {
  source: string;
  status: 'imported' | 'unchanged' | 'missing' | 'failed';
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  rejected: number;
  seconds: number;
  message?: string;
}

export interface ImportOptions {
  /** Only these source ids (dependencies must already be loaded). */
  only?: string[];
  /** Re-import even when the files' checksums match the loaded release. */
  force?: boolean;
  /** A source fails when more rows than this are rejected: max(minimum, share × rows read). */
  rejectionLimit?: { minimum: number; share: number };
  /** Progress and per-row warnings, one line each. */
  log?: (line: string) => void;
}

const DEFAULT_LIMIT = { minimum: 10, share: 0.01 };
/** Only so many rejected rows are printed per source; the count is always exact. */
const SHOWN_REJECTIONS = 20;
/** Serialises imports across processes sharing one database. */
const IMPORT_LOCK = 4_242_001;

/**
 * Imports every source whose files are in `dir`, in dependency order, each in its own transaction:
 * a source that fails (bad file, too many bad rows, a crash) leaves its previous release untouched.
 * A source whose files have the checksum of the loaded release is skipped.
 */
export async function importLmi(
  db: Db,
  dir: string,
  sources: readonly LmiSourceDefinition[],
  options: ImportOptions = {},
): Promise<SourceSummary[]> {
  const log = options.log ?? (() => undefined);
  const summaries: SourceSummary[] = [];
  const failed = new Set<string>();
  for (const source of sources) {
    if (options.only && !options.only.includes(source.id)) continue;
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    const empty = { read: 0, inserted: 0, updated: 0, deleted: 0, rejected: 0 };
    if (!source.files.some((file) => existsSync(path.join(dir, file)))) {
      summaries.push({
        source: source.id,
        status: 'missing',
        ...empty,
        seconds: 0,
        message: 'no files in the folder',
      });
      continue;
    }
    try {
      const blocked = source.dependsOn.find((id) => failed.has(id));
      if (blocked) throw new SourceImportError(source.id, `needs ${blocked}, which failed`);
      const summary = await importSource(db, dir, source, options, log);
      summaries.push({ ...summary, seconds: seconds() });
    } catch (error) {
      failed.add(source.id);
      const message =
        error instanceof SourceImportError || error instanceof SourceFileError
          ? error.message
          : databaseMessage(error);
      const rejected = error instanceof SourceImportError ? error.rejections.length : 0;
      summaries.push({
        source: source.id,
        status: 'failed',
        ...empty,
        rejected,
        seconds: seconds(),
        message,
      });
    }
    const last = summaries[summaries.length - 1];
    if (last) log(formatSummary(last));
  }
  return summaries;
}

async function importSource(
  db: Db,
  dir: string,
  source: LmiSourceDefinition,
  options: ImportOptions,
  log: (line: string) => void,
): Promise<Omit<SourceSummary, 'seconds'>> {
  const started = performance.now();
  const missing = source.files.filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0) throw new SourceImportError(source.id, `missing file(s): ${missing.join(', ')}`);
  const checksums = source.files.map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    return { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  });
  const checksum = createHash('sha256')
    .update(checksums.map((file) => `${file.name}:${file.sha256}`).join('\n'))
    .digest('hex');
  const [loaded] = await db.select().from(lmiSource).where(eq(lmiSource.id, source.id));
  if (loaded && loaded.checksum === checksum && loaded.version === source.version && !options.force) {
    return {
      source: source.id,
      status: 'unchanged',
      read: loaded.rows,
      inserted: 0,
      updated: 0,
      deleted: 0,
      rejected: 0,
    };
  }
  for (const dependency of source.dependsOn) {
    const [present] = await db
      .select({ id: lmiSource.id })
      .from(lmiSource)
      .where(eq(lmiSource.id, dependency));
    if (!present) throw new SourceImportError(source.id, `needs ${dependency} to be loaded first`);
  }

  const rejections: Rejection[] = [];
  let read = 0;
  const context = {
    dir,
    db,
    file: fileReader(dir, source.files),
    reject(file: string, line: number, reason: string) {
      rejections.push({ file, line, reason });
      if (rejections.length <= SHOWN_REJECTIONS) log(`${source.id}: rejected ${file}:${line}: ${reason}`);
    },
    read(count = 1) {
      read += count;
    },
    progress(message: string) {
      log(`${source.id}: ${message}`);
    },
  };
  context.progress(`reading ${source.files.length} file(s)`);
  const tables = await source.load(context);
  const limit = options.rejectionLimit ?? DEFAULT_LIMIT;
  const allowed = Math.max(limit.minimum, Math.floor(read * limit.share));
  if (rejections.length > allowed) {
    throw new SourceImportError(
      source.id,
      `${rejections.length} of ${read} rows rejected (more than ${allowed}); nothing was changed. First: ${rejections
        .slice(0, 3)
        .map((r) => `${r.file}:${r.line}: ${r.reason}`)
        .join('; ')}`,
      rejections,
    );
  }

  const totals: SyncCounts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  const add = (counts: SyncCounts) => {
    totals.inserted += counts.inserted;
    totals.updated += counts.updated;
    totals.deleted += counts.deleted;
    totals.unchanged += counts.unchanged;
  };
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
    for (const { table, key, rows } of tables) {
      context.progress(`writing ${rows.length.toLocaleString('en-CA')} rows to ${tableName(table)}`);
      add(await syncTable(tx, table, key as never, rows));
    }
    const provenance = {
      id: source.id,
      publisher: source.publisher,
      title: source.title,
      version: source.version,
      licence: source.licence,
      licenceUrl: source.licenceUrl,
      attributionEn: source.attributionEn,
      attributionFr: source.attributionFr,
      files: checksums,
      checksum,
      rows: read - rejections.length,
      importedAt: new Date(),
      durationMs: Math.round(performance.now() - started),
    };
    await tx
      .insert(lmiSource)
      .values(provenance)
      .onConflictDoUpdate({ target: lmiSource.id, set: provenance });
  });
  return {
    source: source.id,
    status: 'imported',
    read,
    inserted: totals.inserted,
    updated: totals.updated,
    deleted: totals.deleted,
    rejected: rejections.length,
  };
}

function tableName(table: PgTable): string {
  return getTableName(table);
}

/** "noc: imported — read 58,530, inserted 58,530, updated 0, deleted 0, rejected 0 (3.2 s)". */
export function formatSummary(summary: SourceSummary): string {
  const n = (value: number) => value.toLocaleString('en-CA');
  const counts = `read ${n(summary.read)}, inserted ${n(summary.inserted)}, updated ${n(summary.updated)}, deleted ${n(summary.deleted)}, rejected ${n(summary.rejected)}`;
  const tail = summary.message ? ` — ${summary.message}` : '';
  return `${summary.source}: ${summary.status} — ${counts} (${summary.seconds.toFixed(1)} s)${tail}`;
}

/**
 * A failed statement's own message (Drizzle wraps it in "Failed query: <sql> params: <all values>",
 * which can be megabytes for a bulk insert), cut to a readable length.
 */
function databaseMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
