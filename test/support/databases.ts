import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPglite, fromPool, PGLITE_EXTENSIONS, redact, type Database } from '../../src/db/database.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '../../src/db/migrate.ts';

/**
 * Integration tests run on every backend available: PGlite always, and the PostgreSQL server named
 * by DATABASE_URL when it is set. Each `create()` gives a fresh, migrated database of its own.
 */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  create(): Promise<Database>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', create: createPglite }];
  const url = process.env.DATABASE_URL;
  if (url) backends.push({ name: 'postgres', create: () => createPostgres(url) });
  return backends;
}

const CACHE_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/ladder-tests');

/**
 * A new PGlite database takes ~4 s to initialise; loading a migrated snapshot takes ~1 s. The
 * snapshot is keyed by the migrations and the PGlite version, so it is rebuilt when either changes.
 */
async function createPglite(): Promise<Database> {
  const snapshot = await migratedSnapshot();
  const client = await PGlite.create({
    loadDataDir: new Blob([new Uint8Array(snapshot)]),
    extensions: PGLITE_EXTENSIONS,
  });
  return fromPglite(client, 'in-memory PGlite (test)');
}

async function migratedSnapshot(): Promise<Buffer> {
  const pgliteVersion = (
    JSON.parse(
      readFileSync(
        path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'),
        'utf8',
      ),
    ) as {
      version: string;
    }
  ).version;
  const hash = createHash('sha256').update(pgliteVersion);
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  const file = path.join(CACHE_DIR, `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return readFileSync(file);
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = fromPglite(client, 'snapshot');
  await runMigrations(database);
  const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
  await database.close();
  mkdirSync(CACHE_DIR, { recursive: true });
  // Concurrent test processes may race here: each writes its own file and renames it into place.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, dump);
  renameSync(temporary, file);
  return dump;
}

/** A throwaway database on the server, dropped again when the returned Database is closed. */
async function createPostgres(url: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const base = new URL(url).pathname.slice(1) || 'ladder';
  const name = `${base}_t${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 5 });
  const database = fromPool(pool, `PostgreSQL test database ${redact(target.toString())}`);
  await runMigrations(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

class Rollback extends Error {}

/**
 * Runs `fn` inside a transaction that is always rolled back, so a test leaves no trace. Code under
 * test that opens its own transaction gets a savepoint inside this one.
 */
export async function isolated(database: Database, fn: (database: Database) => Promise<void>): Promise<void> {
  try {
    await database.db.transaction(async (tx) => {
      await fn({ ...database, db: tx, close: async () => undefined });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}
