import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { EmbeddedLock, EmbeddedLockedError } from './embedded-lock.ts';

export type Schema = typeof schema;

/** A Drizzle handle on either engine; a transaction is one too, so repositories accept both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseSettings = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Where the data lives, without credentials, for logs. */
  readonly location: string;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A database that cannot be opened: the message is one line a person can act on. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.kind === 'pglite' ? openEmbedded(settings.dataDir) : openServer(settings.url);
}

/** Opens (creating when new) the file-backed PGlite database in `dataDir`, locked to this process. */
async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const entries = readdirSync(dataDir).filter((name) => name !== 'ladder.lock');
  if (entries.length > 0 && !existsSync(`${dataDir}/PG_VERSION`)) {
    throw new DatabaseOpenError(
      `the folder ${dataDir} is not an embedded database (no PG_VERSION file); empty it or set DATA_DIR to another folder`,
    );
  }
  let lock: EmbeddedLock;
  try {
    lock = EmbeddedLock.acquire(dataDir);
  } catch (error) {
    if (error instanceof EmbeddedLockedError) throw new DatabaseOpenError(error.message);
    throw error;
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
    await client.query('select 1');
  } catch (error) {
    lock.release();
    throw new DatabaseOpenError(
      `the embedded database at ${dataDir} could not be opened and may be damaged (${describe(error)}); ` +
        'move the folder aside to start with an empty database, or restore it from a backup',
      { cause: error },
    );
  }
  return fromPglite(client, `embedded PGlite at ${dataDir}`, () => {
    lock.release();
  });
}

/** Wraps an open PGlite instance (also used by tests with in-memory instances). */
export function fromPglite(
  client: PGlite,
  location: string,
  afterClose: () => void = () => undefined,
): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    location,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        afterClose();
      }
    },
  };
}

async function openServer(url: string): Promise<Database> {
  const target = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(
      `could not connect to PostgreSQL at ${target} (DATABASE_URL): ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
  return fromPool(pool, `PostgreSQL at ${target}`);
}

export function fromPool(pool: pg.Pool, location: string): Database {
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    location,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Rows of a raw SQL query; both drivers return `{ rows }`. Cast bigint/numeric columns in SQL. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** host:port/database of a PostgreSQL URL, without user or password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error)
    return (error as NodeJS.ErrnoException).code ?? error.message.split('\n')[0] ?? error.name;
  return String(error);
}
