import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { catalogues } from './i18n/i18n.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

for (const backend of testBackends()) {
  describe(`program pages and catalogue API on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    let id: string;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database, { FEED_MAX_MB: '1' });
      await portal.services.catalogue.seedDirectory();
      const report = await portal.services.catalogue.importFeed(fixture('valid.csv'));
      assert.deepEqual(report.errors, []);
      await portal.services.catalogue.replaceDemo({ count: 20, seed: 3, startDate: '2027-01-01' });
      const program = await portal.services.catalogue.program('python-for-data-analysts');
      assert.ok(program);
      id = program.id;
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });
    const get = (url: string) => portal.server.inject({ method: 'GET', url });

    test('a program page in English: facts, skills, jobs with outlook, schedule, ladder, register link, JSON-LD', async () => {
      const response = await get('/en/programs/python-for-data-analysts');
      assert.equal(response.statusCode, 200);
      const body = text(response.body);
      assert.match(response.body, /<h1>Python for Data Analysts/);
      for (const expected of [
        '$1,285', // tuition + fees
        'OSAP approved',
        '6 weeks, 36 hours of instruction',
        'About 6 hours a week',
        'Online, on your own time, with deadlines',
        'January 11, 2027',
        'Data analysis',
        'Data scientists', // the NOC fixture's title for 21211
        'Certificate in Data Analytics',
      ]) {
        assert.ok(body.includes(expected), `page shows "${expected}"`);
      }
      assert.ok(response.body.includes(`href="/go/${id}?lang=en"`));
      assert.ok(response.body.includes('href="/en/occupations/21211"'));
      assert.ok(response.body.includes('href="/en/programs/certificate-in-data-analytics"'));
      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(response.body)?.[1];
      const course = JSON.parse(jsonLd ?? '{}') as { '@type': string; offers: { price: string }[] };
      assert.equal(course['@type'], 'Course');
      assert.equal(course.offers[0]?.price, '1285.00');
      assert.ok(!body.includes(catalogues.en['notice.demo.title']), 'a real listing carries no demo notice');
    });

    test('the same program in French, and its id redirecting to the slug', async () => {
      const response = await get('/fr/programmes/python-for-data-analysts');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<h1>Python pour les analystes de données/);
      assert.ok(text(response.body).includes('Admissible au RAFEO'));
      const byId = await get(`/en/programs/${id}`);
      assert.equal(byId.statusCode, 301);
      assert.equal(byId.headers.location, '/en/programs/python-for-data-analysts');
      assert.equal((await get('/en/programs/no-such-program')).statusCode, 404);
      assert.equal((await get('/en/programs/%3Cscript%3E')).statusCode, 400);
    });

    test('a demo program carries the demonstration notice', async () => {
      const [demo] = await portal.services.catalogue.programsForInstitution(
        (await portal.services.catalogue.institutions()).find((row) => row.isDemo)?.id ?? '',
        1,
        0,
      );
      assert.ok(demo);
      const body = text((await get(`/en/programs/${demo.slug}`)).body);
      assert.ok(body.includes(catalogues.en['notice.demo.title']));
    });

    test('/go/:id records a referral click and redirects to the institution', async () => {
      const before = await portal.services.catalogue.clicks(id);
      const response = await get(`/go/${id}?lang=fr`);
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, 'https://example.ca/humber/py-101');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(await portal.services.catalogue.clicks(id), before + 1);
      assert.equal((await get('/go/not-an-id')).statusCode, 400);
      assert.equal((await get('/go/00000000-0000-8000-8000-000000000000')).statusCode, 404);
    });

    test('compare: up to three side by side, from checkboxes or from a program page', async () => {
      const response = await get(
        '/en/programs/compare?p=python-for-data-analysts&p=certificate-in-data-analytics',
      );
      assert.equal(response.statusCode, 200);
      const body = text(response.body);
      assert.ok(body.includes('Python for Data Analysts') && body.includes('Certificate in Data Analytics'));
      assert.ok(body.includes('Not OSAP approved'));
      const similar = text((await get('/en/programs/compare?p=python-for-data-analysts')).body);
      assert.ok(
        similar.includes('Certificate in Data Analytics'),
        'a program for the same occupation is added',
      );
      const many = await get(
        `/en/programs/compare?${Array.from({ length: 5 }, () => 'p=python-for-data-analysts').join('&')}`,
      );
      assert.equal(many.statusCode, 200);
      assert.equal((await get('/en/programs/compare')).statusCode, 200);
    });

    test('institution pages list programs; the occupation page lists programs that train for it', async () => {
      const list = await get('/en/institutions');
      assert.equal(list.statusCode, 200);
      assert.ok(text(list.body).includes('Humber'));
      const humber = await get('/en/institutions/humber-polytechnic');
      assert.equal(humber.statusCode, 200);
      assert.ok(text(humber.body).includes('Python for Data Analysts'));
      assert.equal((await get('/fr/etablissements/humber-polytechnic')).statusCode, 200);
      assert.equal((await get('/en/institutions/nowhere')).statusCode, 404);
      assert.equal((await get('/en/institutions/humber-polytechnic?page=99')).statusCode, 404);
      const occupation = text((await get('/en/occupations/21211')).body);
      assert.ok(occupation.includes('Python for Data Analysts'));
    });

    test('API: a program as JSON and CTDL, institutions, the export', async () => {
      const program = await get(`/api/v1/programs/${id}`);
      assert.equal(program.statusCode, 200);
      const body = program.json<{
        slug: string;
        listing: { externalId: string };
        institution: { id: string };
      }>();
      assert.equal(body.slug, 'python-for-data-analysts');
      assert.equal(body.listing.externalId, 'HUM-PY-101');
      assert.equal(body.institution.id, 'humber-polytechnic');
      const ctdl = await get('/api/v1/programs/python-for-data-analysts?format=ctdl');
      assert.match(String(ctdl.headers['content-type']), /application\/ld\+json/);
      assert.equal(ctdl.json<{ '@type': string }>()['@type'], 'ceterms:LearningProgram');
      assert.equal((await get('/api/v1/programs/nope')).statusCode, 404);
      assert.equal((await get(`/api/v1/programs/${id}?format=xml`)).statusCode, 400);
      const institutions = (await get('/api/v1/institutions')).json<{
        items: { id: string; programs: number }[];
      }>();
      assert.equal(institutions.items.find((item) => item.id === 'humber-polytechnic')?.programs, 2);
      const one = await get('/api/v1/institutions/humber-polytechnic');
      assert.equal(one.json<{ items: unknown[] }>().items.length, 2);
      const csv = await get('/api/v1/catalogue/export?format=csv');
      assert.equal(csv.statusCode, 200);
      assert.ok(csv.body.startsWith('institution,external_id,'));
      assert.equal(csv.body.split('\r\n').filter((line) => line.includes('HUM-PY-101')).length, 2);
    });

    test('POST /api/v1/feeds/validate returns the report and writes nothing', async () => {
      const before = await portal.services.catalogue.totals();
      const bad = await portal.server.inject({
        method: 'POST',
        url: '/api/v1/feeds/validate',
        headers: { 'content-type': 'text/csv' },
        payload: fixture('one-bad-row.csv'),
      });
      assert.equal(bad.statusCode, 200);
      const report = bad.json<{ valid: boolean; errors: { location: string; field: string }[] }>();
      assert.equal(report.valid, false);
      assert.deepEqual(
        report.errors.map((error) => [error.location, error.field]),
        [['line 4', 'duration_weeks']],
      );
      const good = await portal.server.inject({
        method: 'POST',
        url: '/api/v1/feeds/validate?format=csv',
        payload: fixture('valid.csv'),
      });
      assert.equal(good.json<{ valid: boolean }>().valid, true);
      const garbage = await portal.server.inject({
        method: 'POST',
        url: '/api/v1/feeds/validate',
        headers: { 'content-type': 'application/json' },
        payload: '{"listings": [',
      });
      assert.equal(garbage.statusCode, 400);
      assert.match(garbage.json<{ error: { message: string } }>().error.message, /not JSON/);
      const huge = await portal.server.inject({
        method: 'POST',
        url: '/api/v1/feeds/validate',
        headers: { 'content-type': 'text/csv' },
        payload: Buffer.alloc(1024 * 1024 + 10, 'a'),
      });
      assert.equal(huge.statusCode, 413);
      assert.deepEqual(await portal.services.catalogue.totals(), before);
    });

    test('the feed JSON Schema is published', async () => {
      const response = await get('/schemas/listing-feed.json');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /application\/schema\+json/);
      assert.equal(response.json<{ title: string }>().title, 'Ladder listing feed');
    });

    test('no query string or path makes a catalogue page answer 500', async () => {
      const pages = [
        '/en/programs/',
        '/fr/programmes/',
        '/en/programs/compare?',
        '/en/institutions/',
        '/api/v1/programs/',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...pages), fc.string({ maxLength: 40 }), async (prefix, tail) => {
          const response = await get(`${prefix}${encodeURIComponent(tail)}`);
          assert.ok(response.statusCode < 500, `${prefix}${tail} → ${response.statusCode}`);
        }),
        { numRuns: 150 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(fc.constantFrom('p', 'page', 'format', 'lang', 'x'), fc.string({ maxLength: 30 })),
            { maxLength: 6 },
          ),
          async (pairs) => {
            const query = new URLSearchParams(pairs).toString();
            for (const url of [
              '/en/programs/compare',
              '/en/institutions/humber-polytechnic',
              `/api/v1/programs/${id}`,
              `/go/${id}`,
            ]) {
              const response = await get(`${url}?${query}`);
              assert.ok(response.statusCode < 500, `${url}?${query} → ${response.statusCode}`);
            }
          },
        ),
        { numRuns: 100 },
      );
    });
  });
}
