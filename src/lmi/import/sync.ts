import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';

/** What replacing a table's content changed. */
export interface SyncCounts {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** PostgreSQL accepts at most 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement when each column travels as one array parameter. */
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

/**
 * Inserts rows, or upserts them on `conflict` columns. Tables without array columns send each column
 * as one array parameter (`INSERT … SELECT * FROM unnest($1::text[], $2::int2[], …)`): one statement per
 * 50,000 rows, several times faster than a VALUES list on both engines. Tables with array columns
 * (unnest would flatten them) use Drizzle's VALUES insert in batches.
 */
async function writeRows(
  tx: Db,
  table: PgTable,
  columns: Record<string, PgColumn>,
  rows: Record<string, unknown>[],
  conflict: PgColumn[] | null,
): Promise<void> {
  if (rows.length === 0) return;
  const properties = Object.keys(columns);
  const list = Object.values(columns);
  const conflictKeys = new Set(conflict?.map((column) => column.name));
  const updates = list.filter((column) => !conflictKeys.has(column.name));
  const onConflict =
    conflict === null
      ? sql``
      : sql` ON CONFLICT (${sql.join(
          conflict.map((column) => sql.identifier(column.name)),
          sql`, `,
        )}) DO UPDATE SET ${sql.join(
          updates.map(
            (column) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`,
          ),
          sql`, `,
        )}`;
  const names = sql.join(
    list.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const types = list.map((column) => column.getSQLType());
  if (types.some((type) => type.endsWith('[]') || type === 'jsonb')) {
    const batch = Math.max(1, Math.floor(MAX_PARAMETERS / properties.length));
    for (let start = 0; start < rows.length; start += batch) {
      const values = sql.join(
        rows.slice(start, start + batch).map(
          (row) =>
            sql`(${sql.join(
              properties.map((name, index) => sql`${sql.param(encode(row[name], types[index] ?? ''))}`),
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) VALUES ${values}${onConflict}`,
      );
    }
    return;
  }
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const slice = rows.slice(start, start + BULK_ROWS);
    const arrays = sql.join(
      properties.map(
        (name, index) =>
          sql`${sql.param(slice.map((row) => row[name] ?? null))}::${sql.raw(types[index] ?? 'text')}[]`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) SELECT * FROM unnest(${arrays})${onConflict}`,
    );
  }
}

/** Array and jsonb values as parameters: arrays go as arrays, jsonb as JSON text. */
function encode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}
