import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { selectRows, type Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import type { Services } from '../web/services.ts';
import { listingInput } from '../../test/support/catalogue.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { exportCatalogue } from './export.ts';
import type { ListingInput } from './model.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));
const json = (listings: ListingInput[]) => new TextEncoder().encode(JSON.stringify({ listings }));
const CTDL_DIR = path.resolve(import.meta.dirname, '../../../shared/standards/ctdl');

async function services(database: Database): Promise<Services> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-test-')),
    SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
  });
  const built = await createServices(config, database);
  await built.catalogue.seedDirectory();
  return built;
}

/** Everything stored about programs, to compare before and after a rejected feed. */
async function snapshot(database: Database): Promise<string> {
  const tables = ['program', 'program_offering', 'program_tag', 'program_link', 'feed_import', 'institution'];
  const parts = [];
  for (const table of tables) {
    parts.push(await selectRows(database.db, sql.raw(`SELECT * FROM ${table} ORDER BY 1, 2`)));
  }
  return JSON.stringify(parts);
}

async function exported(catalogue: Services['catalogue'], format: 'json' | 'csv' | 'ctdl'): Promise<string> {
  let text = '';
  for await (const chunk of exportCatalogue(catalogue, format, 'https://ladder.example.ca'))
    text += chunk.text;
  return text;
}

for (const backend of testBackends()) {
  describe(`catalogue feeds on ${backend.name}`, () => {
    let database: Database;
    let built: Services;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      built = await services(database);
    });
    after(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await database.db.execute(sql`DELETE FROM program`);
      await database.db.execute(sql`DELETE FROM feed_import`);
      await database.db.execute(sql`DELETE FROM institution WHERE is_demo`);
    });

    test('a CSV feed is applied: listings, offerings, tags with vocabulary codes, resolved stack links', async () => {
      const report = await built.catalogue.importFeed(fixture('valid.csv'), { fileName: 'valid.csv' });
      assert.deepEqual(report.errors, []);
      assert.equal(report.applied, true);
      assert.deepEqual(report.counts, { inserted: 2, updated: 0, unchanged: 0, retired: 0, institutions: 0 });
      const program = await built.catalogue.program('python-for-data-analysts');
      assert.ok(program);
      assert.equal(program.version, 1);
      assert.equal(program.listing.offerings.length, 2);
      const python = program.listing.technologies.find((tag) => tag.name === 'Python');
      assert.match(python?.code ?? '', /^unspsc:\d+$/, 'Python is an O*NET technology in the fixture');
      const links = await built.catalogue.links(program.id);
      assert.equal(links.outgoing[0]?.target.slug, 'certificate-in-data-analytics');
      const certificate = await built.catalogue.program('certificate-in-data-analytics');
      assert.ok(certificate);
      assert.deepEqual(
        (await built.catalogue.links(certificate.id)).incoming.map((item) => item.id),
        [program.id],
      );
    });

    test('re-importing the same feed writes nothing', async () => {
      await built.catalogue.importFeed(fixture('valid.csv'));
      const before = await snapshot(database);
      const again = await built.catalogue.importFeed(fixture('valid.csv'));
      assert.deepEqual(again.counts, { inserted: 0, updated: 0, unchanged: 2, retired: 0, institutions: 0 });
      assert.equal(await snapshot(database), before);
    });

    test('a feed with one bad row is rejected whole, naming the line and field; the catalogue is unchanged', async () => {
      await built.catalogue.importFeed(json([listingInput({ externalId: 'KEEP-1' })]));
      const before = await snapshot(database);
      const report = await built.catalogue.importFeed(fixture('one-bad-row.csv'));
      assert.equal(report.applied, false);
      assert.deepEqual(report.errors, [
        {
          location: 'line 4',
          field: 'duration_weeks',
          message: 'must be a number such as 6 or 7.5 (got "ten")',
        },
      ]);
      assert.equal(report.accepted, 1);
      assert.equal(await snapshot(database), before);
    });

    test('checks against the catalogue and the LMI: institution, NOC, NAICS, duplicates, own institution', async () => {
      const report = await built.catalogue.validateFeed(
        json([
          listingInput({ externalId: 'A', institution: 'no-such-college' }),
          listingInput({ externalId: 'B', occupations: ['99999'] }),
          listingInput({ externalId: 'C', industries: ['999999'] }),
          listingInput({ externalId: 'D' }),
          listingInput({ externalId: 'D' }),
        ]),
      );
      assert.deepEqual(
        report.errors.map((error) => `${error.location} ${error.field}: ${error.message}`),
        [
          'listings[0] institution: "no-such-college" is not an institution in the directory',
          'listings[1] occupations: 99999 is not a NOC 2021 unit group',
          'listings[2] industries: 999999 is not a NAICS 2022 code',
          'listings[4] externalId: repeats the id "D" of listings[3]; each listing must appear once',
        ],
      );
      const own = await built.catalogue.validateFeed(json([listingInput()]), {
        institution: 'sheridan-college',
      });
      assert.match(own.errors[0]?.message ?? '', /may only list programs of "sheridan-college"/);
      assert.equal((await built.catalogue.totals()).all, 0, 'validation writes nothing');
    });

    test('a changed listing is updated with a new version; --retire-missing retires what the feed dropped', async () => {
      await built.catalogue.importFeed(
        json([listingInput(), listingInput({ externalId: 'MC-200', title: { en: 'Other' } })]),
      );
      const changed = await built.catalogue.importFeed(
        json([
          listingInput({ durationWeeks: 7 }),
          listingInput({ externalId: 'MC-200', title: { en: 'Other' } }),
        ]),
      );
      assert.deepEqual(changed.counts, {
        inserted: 0,
        updated: 1,
        unchanged: 1,
        retired: 0,
        institutions: 0,
      });
      const program = await built.catalogue.program('python-for-data-analysts');
      assert.ok(program);
      assert.equal(program.version, 2);
      assert.equal(program.listing.durationWeeks, 7);

      const kept = await built.catalogue.importFeed(json([listingInput({ durationWeeks: 7 })]));
      assert.equal(kept.counts.retired, 0, 'not retired without the option');
      const retired = await built.catalogue.importFeed(json([listingInput({ durationWeeks: 7 })]), {
        retireMissing: true,
      });
      assert.deepEqual(retired.counts, {
        inserted: 0,
        updated: 0,
        unchanged: 1,
        retired: 1,
        institutions: 0,
      });
      assert.equal(await built.catalogue.program('other'), undefined, 'retired listings are not shown');
    });

    test('OSAP rules flag inconsistencies without changing the status', async () => {
      const report = await built.catalogue.importFeed(
        json([listingInput({ durationWeeks: 14, osap: { status: 'approved' } })]),
      );
      assert.deepEqual(
        report.warnings.map((warning) => warning.message),
        ['marked OSAP approved but lasts 14 weeks; the OSAP maximum for micro-credentials is 11 weeks'],
      );
      const program = await built.catalogue.program('python-for-data-analysts');
      assert.ok(program);
      assert.equal(program.listing.osap.status, 'approved');
      assert.deepEqual(program.reviewFlags, ['osap-approved-too-long']);
    });

    test('export → import round-trips in JSON, CSV and CTDL', async () => {
      await built.catalogue.importFeed(fixture('valid.csv'));
      const original = [];
      for await (const item of built.catalogue.listings()) original.push(item.listing);
      for (const format of ['json', 'csv'] as const) {
        const text = await exported(built.catalogue, format);
        await database.db.execute(sql`DELETE FROM program`);
        const report = await built.catalogue.importFeed(new TextEncoder().encode(text), { format });
        assert.deepEqual(report.errors, [], format);
        const again = [];
        for await (const item of built.catalogue.listings()) again.push(item.listing);
        assert.deepEqual(again, original, format);
      }
      const ctdl = JSON.parse(await exported(built.catalogue, 'ctdl')) as { '@graph': { '@type': string }[] };
      assert.deepEqual(ctdl['@graph'].map((node) => node['@type']).sort(), [
        'ceterms:LearningProgram',
        'ceterms:LearningProgram',
        'ceterms:Organization',
      ]);
      await database.db.execute(sql`DELETE FROM program`);
      const report = await built.catalogue.importFeed(new TextEncoder().encode(JSON.stringify(ctdl)), {
        format: 'ctdl',
      });
      assert.deepEqual(report.errors, []);
      assert.equal(report.counts.inserted, 2);
    });

    test('the demo catalogue: deterministic, flagged, from the LMI, and never touching real listings', async () => {
      await built.catalogue.importFeed(json([listingInput()]));
      const first = await built.catalogue.replaceDemo({ count: 40, seed: 7, startDate: '2027-01-01' });
      assert.equal(first.vocabulary, 'lmi');
      assert.equal(first.inserted, 40);
      const totals = await built.catalogue.totals();
      assert.deepEqual(totals, { all: 41, published: 41, demo: 40, real: 1 });
      const dump = await exported(built.catalogue, 'json');
      await built.catalogue.replaceDemo({ count: 40, seed: 7, startDate: '2027-01-01' });
      assert.equal(await exported(built.catalogue, 'json'), dump, 'same seed, same catalogue');
      const codes = await selectRows<{ code: string }>(
        database.db,
        sql`SELECT DISTINCT t.code FROM program_tag t JOIN program p ON p.id = t.program_id
            WHERE p.is_demo AND t.kind = 'occupation'`,
      );
      const fixtureGroups = [
        '00010',
        '00011',
        '00012',
        '00013',
        '00014',
        '00015',
        '21211',
        '21231',
        '21232',
        '31301',
      ];
      assert.ok(
        codes.length > 0 && codes.every((row) => fixtureGroups.includes(row.code)),
        JSON.stringify(codes),
      );
      assert.equal(
        await built.catalogue.ensureDemo({ count: 40, seed: 7, startDate: '2027-01-01' }),
        undefined,
      );
    });

    test('ensureDemo builds the demo on an empty catalogue only', async () => {
      assert.equal(
        await built.catalogue.ensureDemo({ count: 12, seed: 1, startDate: '2027-01-01' }),
        'the catalogue was empty',
      );
      assert.equal((await built.catalogue.totals()).demo, 12);
      assert.equal(
        await built.catalogue.ensureDemo({ count: 12, seed: 1, startDate: '2027-01-15' }),
        undefined,
      );
      assert.equal(
        await built.catalogue.ensureDemo({ count: 12, seed: 1, startDate: '2027-03-01' }),
        'its dates were more than 30 days old',
      );
    });

    test(
      'the CTDL examples import or are refused with a precise reason',
      { skip: !existsSync(CTDL_DIR) && 'no ../shared/standards/ctdl' },
      async () => {
        const read = (name: string) => readFileSync(path.join(CTDL_DIR, name));
        const organization = await built.catalogue.importFeed(read('Organization_1_Organization-1.json'));
        assert.deepEqual(organization.errors, []);
        assert.equal(organization.counts.institutions, 1);
        const program = await built.catalogue.importFeed(read('LearningProgram_1_LearningProgram-1.json'));
        assert.deepEqual(program.errors, []);
        assert.equal(program.counts.inserted, 1);
        const degree = await built.catalogue.importFeed(read('Credential_1_Credential-1.json'));
        assert.match(degree.errors[0]?.message ?? '', /degree/);
      },
    );
  });
}
