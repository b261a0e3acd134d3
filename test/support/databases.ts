import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPglite, fromPool, PGLITE_EXTENSIONS, redact, type Database } from '../../src/db/database.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '../../src/db/migrate.ts';
import { importLmi } from '../../src/lmi/import/runner.ts';
import { LMI_SOURCES } from '../../src/lmi/sources/index.ts';

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

/**
 * A fresh database with the labour-market files of `dir` loaded. The import of the real files takes
 * 20–40 s; on PGlite it runs once per set of files and migrations and is then loaded from a cached
 * snapshot (a few seconds). On a server each call imports (about 10 s).
 */
export async function createWithLmi(backend: TestBackend, dir: string): Promise<Database> {
  if (backend.name === 'postgres') {
    const database = await backend.create();
    await importLmi(database.db, dir, LMI_SOURCES);
    return database;
  }
  const hash = createHash('sha256').update(migrationsKey());
  // Names, sizes and modification times identify the files without reading 70 MB.
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const stats = statSync(path.join(dir, file));
    if (stats.isFile()) hash.update(`${file}:${stats.size}:${stats.mtimeMs}`);
  }
  const file = path.join(CACHE_DIR, `pglite-lmi-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  const snapshot = existsSync(file)
    ? readFileSync(file)
    : await snapshotOf(file, async (database) => {
        await importLmi(database.db, dir, LMI_SOURCES);
      });
  const client = await PGlite.create({
    loadDataDir: new Blob([new Uint8Array(snapshot)]),
    extensions: PGLITE_EXTENSIONS,
  });
  return fromPglite(client, 'in-memory PGlite with LMI (test)');
}

/** The migrations and PGlite version, as a cache key. */
function migrationsKey(): string {
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
  return hash.digest('hex');
}

/** Builds a migrated PGlite database, fills it, and caches its dump in `file`. */
async function snapshotOf(file: string, fill: (database: Database) => Promise<void>): Promise<Buffer> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = fromPglite(client, 'snapshot');
  await runMigrations(database);
  await fill(database);
  const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
  await database.close();
  mkdirSync(CACHE_DIR, { recursive: true });
  // Concurrent test processes may race here: each writes its own file and renames it into place.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, dump);
  renameSync(temporary, file);
  return dump;
}

async function migratedSnapshot(): Promise<Buffer> {
  const file = path.join(CACHE_DIR, `pglite-${migrationsKey().slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return readFileSync(file);
  return snapshotOf(file, async () => undefined);
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
  // pool.end() resolves before its idle connections have closed, so the forced drop below can end
  // one of them first: the server's "terminating connection" then reaches the pool as an error
  // event, which must not crash the test file (the portal's own pool ignores it the same way).
  pool.on('error', () => undefined);
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
