import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { catalogues } from './i18n/i18n.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

for (const backend of testBackends()) {
  describe(`occupation pages and API on ${backend.name} (fixture LMI)`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      const summaries = await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      for (const summary of summaries)
        assert.equal(summary.status, 'imported', `${summary.source}: ${summary.message ?? ''}`);
      portal = await testPortal(database);
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });
    const get = (url: string) => portal.server.inject({ method: 'GET', url });

    test('with every source loaded, pages carry no LMI notice', async () => {
      const response = await get('/en/');
      assert.ok(!response.body.includes(catalogues.en['notice.lmiMissing.title']));
      assert.ok(!response.body.includes(catalogues.en['notice.lmiPartial.title']));
    });

    test('an occupation page in English and French: title, code, hierarchy, example titles, sources', async () => {
      const en = await get('/en/occupations/21232');
      assert.equal(en.statusCode, 200);
      const body = text(en.body);
      assert.match(en.body, /<h1>Software developers and programmers<\/h1>/);
      assert.ok(body.includes('NOC 2021 code 21232'));
      assert.ok(body.includes('Full-stack developer'));
      assert.ok(en.body.includes('href="/en/occupations/2123"'), 'breadcrumb to the minor group');
      assert.ok(
        body.includes(
          'National Occupational Classification (NOC) 2021, Statistics Canada, NOC 2021 Version 1.0',
        ),
      );
      assert.ok(!body.includes('ESCO'), 'only the sources the profile is built from');

      const fr = await get('/fr/professions/21232');
      assert.equal(fr.statusCode, 200);
      assert.match(
        fr.body,
        /<h1>Concepteurs\/conceptrices et développeurs\/développeuses de logiciels<\/h1>/,
      );
      assert.ok(text(fr.body).includes('Développeur/développeuse Web'));
      assert.ok(
        !text(fr.body).includes('Full-stack developer'),
        'French pages list the French example titles',
      );
      assert.ok(fr.body.includes('href="/en/occupations/21232" lang="en"'), 'language toggle');
    });

    test('skills, technologies, outlook and the hiring indicator with its inputs, from every source', async () => {
      const page = text((await get('/en/occupations/21232')).body);
      assert.ok(page.includes('Digital Literacy 5 out of 5'), 'skills table with text values');
      assert.ok(page.includes('Digital Production 4.5 out of 5'), 'mean over profiles');
      assert.ok(page.includes('Python Hot In demand'));
      assert.ok(page.includes('Ontario outlook Good (2025-2027, Job Bank)'));
      assert.ok(page.includes('Hiring indicator: hot'));
      assert.ok(
        page.includes(
          'Based on the Ontario outlook (Good, Job Bank) and the 10-year national conditions (Moderate risk of shortage, COPS).',
        ),
      );
      assert.ok(page.includes('Projected job openings in Canada, 2024 to 2033 30,000'));
      assert.ok(page.includes('Software engineers and designers'), 'related occupations');
      assert.ok(page.includes('Write code for new programs'), 'OaSIS main duties');
      const french = text((await get('/fr/professions/21232')).body);
      // text() folds no-break spaces (French typography and digit grouping) into plain spaces.
      assert.ok(french.includes('Indicateur d’embauche : forte demande'));
      assert.ok(
        french.includes('Possibilités d’emploi projetées au Canada, 2024 à 2033 30 000'),
        'French number format',
      );
      const aggregate = text((await get('/en/occupations/00013')).body);
      assert.ok(
        aggregate.includes(
          'COPS publishes these projections for a group of occupations: Senior managers - public and private sector (00018).',
        ),
      );
      assert.ok(aggregate.includes('Hiring indicator: not enough data'));
    });

    test('group pages list their children; malformed codes are a 400 page, unknown ones a 404 page', async () => {
      const group = await get('/en/occupations/2123');
      assert.equal(group.statusCode, 200);
      assert.ok(group.body.includes('href="/en/occupations/21231"'));
      assert.ok(group.body.includes('href="/en/occupations/21232"'));
      const malformed = await get('/fr/professions/21a32');
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.body, /<html lang="fr">/);
      assert.equal((await get('/en/occupations/99999')).statusCode, 404);
      assert.equal((await get('/en/occupations/123456')).statusCode, 400);
    });

    test('the browse page lists broad categories and major groups, and finds occupations by job title', async () => {
      const browse = await get('/en/occupations');
      assert.ok(browse.body.includes('href="/en/occupations/2"'));
      assert.ok(browse.body.includes('href="/en/occupations/21"'));
      const search = await get('/fr/professions?q=developpeur');
      assert.ok(search.body.includes('href="/fr/professions/21232"'), 'accent-insensitive title search');
      const none = await get('/en/occupations?q=zzzzqqqq');
      assert.ok(text(none.body).includes(catalogues.en['occupations.search.none']));
    });

    test('GET /api/v1/occupations/{noc}: the profile as JSON; 400 for malformed codes, 404 for unknown ones', async () => {
      const response = await get('/api/v1/occupations/21232?lang=fr');
      assert.equal(response.statusCode, 200);
      const body = response.json<{
        code: string;
        title: { text: string; lang: string };
        hierarchy: { code: string }[];
        hiring: { indicator: string };
      }>();
      assert.equal(body.code, '21232');
      assert.deepEqual(body.title, {
        text: 'Concepteurs/conceptrices et développeurs/développeuses de logiciels',
        lang: 'fr',
      });
      assert.deepEqual(
        body.hierarchy.map((group) => group.code),
        ['2', '21', '212', '2123'],
      );
      const malformed = await get('/api/v1/occupations/2123');
      assert.equal(malformed.statusCode, 400);
      assert.equal(
        malformed.json<{ error: { details: { parameter: string }[] } }>().error.details[0]?.parameter,
        'noc',
      );
      const unknown = await get('/api/v1/occupations/99999');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json<{ error: { code: string } }>().error.code, 'not_found');
      assert.equal((await get('/api/v1/occupations/21232?lang=de')).statusCode, 400);
      const english = (await get('/api/v1/occupations/21232')).json<{
        skills: { code: string; level: number; release: string }[];
        technologies: { name: string; hot: boolean }[];
        ontarioOutlook: { label: string };
        hiring: { indicator: string; inputs: { ontarioOutlook: string; futureConditions: string } };
      }>();
      assert.deepEqual(english.skills[0], {
        code: 'F01c02',
        name: { text: 'Digital Literacy', lang: 'en' },
        level: 5,
        release: 'OaSIS 2025 v1.1',
      });
      assert.ok(english.technologies.some((technology) => technology.name === 'Python' && technology.hot));
      assert.equal(english.ontarioOutlook.label, 'good');
      assert.deepEqual(english.hiring.inputs, {
        ontarioOutlook: 'good',
        outlookPeriod: '2025-2027',
        futureConditions: 'moderate_shortage',
      });
      assert.equal(english.hiring.indicator, 'hot');
    });

    test('GET /api/v1/occupations?q= searches titles; bad parameters are 400s naming them', async () => {
      const response = await get('/api/v1/occupations?q=web%20developer&limit=3');
      const { items } = response.json<{ items: { code: string; matchedTitle: string }[] }>();
      assert.equal(items[0]?.code, '21232');
      assert.equal(items[0].matchedTitle, 'Web developer');
      assert.ok(items.length <= 3);
      const wildcard = await get('/api/v1/occupations?q=%25');
      assert.deepEqual(wildcard.json(), { items: [] }, 'LIKE wildcards are literal');
      for (const [url, parameter] of [
        ['/api/v1/occupations', 'q'],
        ['/api/v1/occupations?q=', 'q'],
        ['/api/v1/occupations?q=nurse&limit=abc', 'limit'],
        ['/api/v1/occupations?q=nurse&limit=500', 'limit'],
      ] as const) {
        const bad = await get(url);
        assert.equal(bad.statusCode, 400, url);
        assert.equal(
          bad.json<{ error: { details: { parameter: string }[] } }>().error.details[0]?.parameter,
          parameter,
          url,
        );
      }
    });

    test('GET /api/v1/lmi/sources and the About the data page show provenance and attribution', async () => {
      const { items } = (await get('/api/v1/lmi/sources')).json<{
        items: { id: string; checksum: string; files: { sha256: string }[] }[];
      }>();
      assert.deepEqual(items.map((item) => item.id).sort(), LMI_SOURCES.map((source) => source.id).sort());
      assert.match(items[0]?.checksum ?? '', /^[0-9a-f]{64}$/);
      const page = await get('/fr/a-propos-des-donnees');
      for (const source of LMI_SOURCES)
        assert.ok(page.body.includes(source.attributionFr.replace(/'/g, '&#39;')), source.id);
      assert.ok(page.body.includes('id="hiring-indicator"'));
    });

    test('the in-demand index lists occupations rated hot with the inputs', async () => {
      const response = await get('/en/occupations/in-demand');
      assert.equal(response.statusCode, 200);
      const rows = [...response.body.matchAll(/<th scope="row"><a href="\/en\/occupations\/(\d{5})"/g)].map(
        (match) => match[1],
      );
      // 31301: very good + strong shortage (4 points); 21211: good + strong shortage (3); 21232 and 00012 (through
      // COPS aggregate 00018): good + moderate (2), more job openings first.
      assert.deepEqual(rows, ['31301', '21211', '21232', '00012']);
      assert.ok(text(response.body).includes('Very good Strong risk of shortage'));
    });
  });
}

describe('occupations without LMI', () => {
  test('the API answers 503 and pages say the data is not loaded', async () => {
    const [backend] = testBackends();
    const database = await (backend?.create() ?? Promise.reject(new Error('no backend')));
    const portal = await testPortal(database);
    try {
      const api = await portal.server.inject({ method: 'GET', url: '/api/v1/occupations/21232' });
      assert.equal(api.statusCode, 503);
      assert.equal(api.json<{ error: { code: string } }>().error.code, 'service_unavailable');
      const page = await portal.server.inject({ method: 'GET', url: '/en/occupations' });
      assert.ok(text(page.body).includes(catalogues.en['occupations.notLoaded']));
      assert.equal(
        (await portal.server.inject({ method: 'GET', url: '/en/occupations/21232' })).statusCode,
        404,
      );
      const sources = await portal.server.inject({ method: 'GET', url: '/api/v1/lmi/sources' });
      assert.deepEqual(sources.json(), { items: [] });
    } finally {
      await portal.server.close();
      await database.close();
    }
  });
});
