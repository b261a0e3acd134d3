import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { isolated, testBackends } from '../../test/support/databases.ts';
import { DatabaseOpenError, openDatabase, selectRows, type Database } from './database.ts';
import { runMigrations } from './migrate.ts';

for (const backend of testBackends()) {
  describe(`database layer on ${backend.name}`, () => {
    let database: Database;
    before(async () => {
      database = await backend.create();
    });
    after(async () => {
      await database.close();
    });

    test('migrations are applied, and applying them again is a no-op', async () => {
      const again = await runMigrations(database);
      assert.equal(again.applied, 0);
      assert.ok(again.total >= 1);
    });

    test('pg_trgm and unaccent are enabled', async () => {
      const rows = await selectRows<{ extname: string }>(
        database.db,
        sql`select extname from pg_extension where extname in ('pg_trgm', 'unaccent') order by extname`,
      );
      assert.deepEqual(
        rows.map((row) => row.extname),
        ['pg_trgm', 'unaccent'],
      );
      const [similarity] = await selectRows<{ value: number }>(
        database.db,
        sql`select similarity('infirmiere', public.immutable_unaccent('infirmière'))::float8 as value`,
      );
      assert.equal(similarity?.value, 1);
    });

    test('French search folds accents and stems: "élèves infirmières" matches "eleve infirmiere"', async () => {
      const [row] = await selectRows<{ vector: string; matches: boolean }>(
        database.db,
        sql`select to_tsvector('public.french_unaccent', 'Élèves infirmières')::text as vector,
                   to_tsvector('public.french_unaccent', 'Élèves infirmières')
                     @@ websearch_to_tsquery('public.french_unaccent', 'eleve infirmiere') as matches`,
      );
      assert.equal(row?.matches, true);
      assert.ok(!/[éè]/.test(row.vector), row.vector);
    });

    test('English search folds accents too', async () => {
      const [row] = await selectRows<{ matches: boolean }>(
        database.db,
        sql`select to_tsvector('public.english_unaccent', 'Résumé writing') @@ websearch_to_tsquery('public.english_unaccent', 'resume') as matches`,
      );
      assert.equal(row?.matches, true);
    });

    test('isolated() rolls back everything a test writes', async () => {
      await isolated(database, async ({ db }) => {
        await db.execute(sql`create table scratch (id int)`);
        await db.execute(sql`insert into scratch values (1)`);
      });
      const [row] = await selectRows<{ present: boolean }>(
        database.db,
        sql`select to_regclass('public.scratch') is not null as present`,
      );
      assert.equal(row?.present, false);
    });

    test('ping answers', async () => {
      await database.ping();
    });

    if (backend.name === 'postgres') {
      test('idle connections ended by the server neither crash the process nor the next query', async () => {
        // The portal's own pool, on this test's database (whose connections alone are ended).
        const [current] = await selectRows<{ name: string }>(
          database.db,
          sql`select current_database() as name`,
        );
        const url = new URL(process.env.DATABASE_URL ?? '');
        url.pathname = `/${current?.name ?? ''}`;
        const production = await openDatabase({ kind: 'postgres', url: url.toString() });
        try {
          for (const { db } of [database, production]) {
            // Several queries at once leave several idle connections in the pool.
            await Promise.all(Array.from({ length: 4 }, () => db.execute(sql`select pg_sleep(0.02)`)));
            await db.execute(
              sql`select pg_terminate_backend(pid) from pg_stat_activity
                  where datname = current_database() and pid <> pg_backend_pid()`,
            );
            // The terminations reach the idle connections as error events; an unhandled one
            // would end this test file with an uncaught exception.
            await new Promise((resolve) => setTimeout(resolve, 200));
            const [row] = await selectRows<{ one: number }>(db, sql`select 1 as one`);
            assert.equal(row?.one, 1);
          }
        } finally {
          await production.close();
        }
      });
    }
  });
}

describe('the embedded database directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ladder-pglite-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('is created on first open, then refused to a second opener while in use', async () => {
    const dataDir = path.join(dir, 'db');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), (error: Error) => {
        assert.ok(error instanceof DatabaseOpenError);
        assert.match(error.message, /is in use by another Ladder process/);
        return true;
      });
    } finally {
      await first.close();
    }
    // Closed: it opens again.
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  });

  test('a damaged directory gives a clear error, not a crash', async () => {
    const dataDir = path.join(dir, 'db');
    rmSync(path.join(dataDir, 'global', 'pg_control'));
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), (error: Error) => {
      assert.ok(error instanceof DatabaseOpenError, String(error));
      assert.match(error.message, /could not be opened and may be damaged/);
      assert.match(error.message, /move the folder aside/);
      return true;
    });
  });

  test('a folder holding something else is refused before it is touched', async () => {
    const dataDir = path.join(dir, 'other');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), /is not an embedded database/);
  });

  test('an unreachable PostgreSQL server names DATABASE_URL without the password', async () => {
    await assert.rejects(
      openDatabase({ kind: 'postgres', url: 'postgres://user:s3cret@127.0.0.1:1/ladder' }),
      (error: Error) => {
        assert.ok(error instanceof DatabaseOpenError);
        assert.match(
          error.message,
          /could not connect to PostgreSQL at 127\.0\.0\.1:1\/ladder \(DATABASE_URL\)/,
        );
        assert.ok(!error.message.includes('s3cret'));
        return true;
      },
    );
  });
});
