import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { testBackends } from '../../test/support/databases.ts';
import { importLmi, type SourceSummary } from './import/runner.ts';
import { LmiRepository } from './repository.ts';
import { naicsClass, nocGroup, oasisProfile, outlook } from './schema.ts';
import { LmiService } from './service.ts';
import { LMI_SOURCES } from './sources/index.ts';

/**
 * The importers on the publishers' real files. Runs when LMI_DIR points at them (CI sets it); the
 * files are never committed, so without LMI_DIR these tests are skipped, saying why.
 */
const lmiDir = process.env.LMI_DIR;
const skip = lmiDir ? false : 'LMI_DIR is not set: the real labour-market files are not available';

for (const backend of testBackends()) {
  describe(`real LMI files on ${backend.name}`, { skip }, () => {
    let database: Database;
    let summaries: SourceSummary[];
    let lmi: LmiService;
    before(async () => {
      database = await backend.create();
      summaries = await importLmi(database.db, lmiDir ?? '', LMI_SOURCES);
      lmi = new LmiService(new LmiRepository(database.db));
      await lmi.refresh();
    });
    after(async () => {
      await database.close();
    });

    test('every source imports with at most a handful of rejected rows', () => {
      for (const summary of summaries) {
        assert.equal(summary.status, 'imported', `${summary.source}: ${summary.message ?? ''}`);
        assert.ok(summary.rejected <= 5, `${summary.source} rejected ${summary.rejected} rows`);
      }
      assert.deepEqual(lmi.status(), { loaded: true, missing: [] });
    });

    test('NOC 2021 has 10 broad categories, 45 major, 89 sub-major, 162 minor and 516 unit groups', async () => {
      const rows = await database.db
        .select({ level: nocGroup.level, n: count() })
        .from(nocGroup)
        .groupBy(nocGroup.level)
        .orderBy(nocGroup.level);
      assert.deepEqual(
        rows.map((row) => row.n),
        [10, 45, 89, 162, 516],
      );
      const [nurses] = await database.db.select().from(nocGroup).where(eq(nocGroup.code, '31301'));
      assert.equal(nurses?.titleEn, 'Registered nurses and registered psychiatric nurses');
      assert.match(nurses.titleFr ?? '', /^Infirmiers autorisés\/infirmières autorisées/);
    });

    test('OaSIS has 900 profiles, NAICS 20 sectors, Job Bank an Ontario outlook for every unit group', async () => {
      assert.equal((await database.db.select({ n: count() }).from(oasisProfile))[0]?.n, 900);
      assert.equal(
        (await database.db.select({ n: count() }).from(naicsClass).where(eq(naicsClass.level, 1)))[0]?.n,
        20,
      );
      assert.equal(
        (await database.db.select({ n: count() }).from(outlook).where(eq(outlook.geo, 'ON')))[0]?.n,
        516,
      );
    });

    test('21232 has a skill profile, Python among its technologies, an Ontario outlook and a hiring indicator', async () => {
      const developers = await lmi.occupation('21232', 'en');
      assert.ok(developers);
      assert.equal(developers.title.text, 'Software developers and programmers');
      assert.equal(developers.skills.length, 10);
      assert.ok(developers.skills.every((skill) => skill.level >= 0 && skill.level <= 5));
      assert.ok(developers.technologies.some((technology) => technology.name === 'Python'));
      assert.ok(developers.ontarioOutlook);
      assert.ok(developers.projection?.futureConditions);
      assert.notEqual(developers.hiring.indicator, 'not_enough_data');
      const french = await lmi.occupation('31301', 'fr');
      assert.equal(french?.title.lang, 'fr');
      assert.ok(french.exampleTitles.length > 10);
    });

    test('re-importing the same files changes nothing', async () => {
      const again = await importLmi(database.db, lmiDir ?? '', LMI_SOURCES);
      assert.deepEqual(
        again.map((summary) => summary.status),
        LMI_SOURCES.map(() => 'unchanged'),
      );
      const forced = await importLmi(database.db, lmiDir ?? '', LMI_SOURCES, {
        only: ['noc', 'cops'],
        force: true,
      });
      for (const summary of forced) {
        assert.deepEqual([summary.inserted, summary.updated, summary.deleted], [0, 0, 0], summary.source);
      }
    });
  });
}
