import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { writeRows } from '../../db/bulk.ts';
import type { Db } from '../../db/database.ts';

/** What replacing a table's content changed. */
export interface SyncCounts {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** Keys per DELETE statement. */
const BULK_ROWS = 50_000;

/**
 * Makes `table` hold exactly `rows`, writing only the difference: rows whose key is new are inserted,
 * rows whose values changed are updated, rows whose key is gone are deleted. Re-running with the same
 * rows writes nothing. Runs inside the caller's transaction; the table must belong to one source.
 *
 * `key` names the primary-key properties (text columns). Rows are objects keyed by the table's
 * property names (as in Drizzle's insert type).
 */
export async function syncTable<T extends PgTable>(
  tx: Db,
  table: T,
  key: (keyof T['$inferInsert'] & string)[],
  rows: T['$inferInsert'][],
): Promise<SyncCounts> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const properties = Object.keys(columns);
  const keyOf = (row: Record<string, unknown>) => key.map((name) => String(row[name])).join('\u0000');

  const incoming = new Map<string, Record<string, unknown>>();
  for (const row of rows as Record<string, unknown>[]) {
    const complete = Object.fromEntries(properties.map((name) => [name, row[name] ?? null]));
    incoming.set(keyOf(complete), complete);
  }
  const existing = new Map<string, Record<string, unknown>>();
  const plain: PgTable = table;
  for (const row of (await tx.select().from(plain)) as Record<string, unknown>[]) {
    existing.set(keyOf(row), row);
  }

  const toInsert: Record<string, unknown>[] = [];
  const toUpdate: Record<string, unknown>[] = [];
  for (const [id, row] of incoming) {
    const current = existing.get(id);
    if (current === undefined) toInsert.push(row);
    else if (!sameRow(current, row, properties)) toUpdate.push(row);
  }
  const toDelete = [...existing.entries()].filter(([id]) => !incoming.has(id)).map(([, row]) => row);

  const keyColumns = key.map((name) => columns[name] as PgColumn);
  await writeRows(tx, table, columns, toInsert, null);
  await writeRows(tx, table, columns, toUpdate, keyColumns);
  for (let start = 0; start < toDelete.length; start += BULK_ROWS) {
    const slice = toDelete.slice(start, start + BULK_ROWS);
    const target = sql.join(
      keyColumns.map((column) => sql.identifier(column.name)),
      sql`, `,
    );
    const keys = sql.join(
      key.map((name) => sql`${sql.param(slice.map((row) => row[name] as string))}::text[]`),
      sql`, `,
    );
    await tx.execute(
      sql`DELETE FROM ${sql.identifier(getTableName(table))} WHERE (${target}) IN (SELECT * FROM unnest(${keys}))`,
    );
  }
  return {
    inserted: toInsert.length,
    updated: toUpdate.length,
    deleted: toDelete.length,
    unchanged: incoming.size - toInsert.length - toUpdate.length,
  };
}

function sameRow(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
  properties: string[],
): boolean {
  return properties.every((name) => comparable(current[name]) === comparable(next[name]));
}

/** Values as read back from either engine and as built by an importer compare equal when they are equal. */
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return `d:${value.toISOString()}`;
  return JSON.stringify(value);
}
