import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Portal } from '../app.ts';
import { listingSchema, type ListingInput } from '../catalogue/model.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LmiRepository } from '../lmi/repository.ts';
import { LmiService } from '../lmi/service.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import { listingInput } from '../../test/support/catalogue.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { catalogues } from './i18n/i18n.ts';
import { href } from './routes.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** A message as text() leaves it: no-break spaces are spaces. */
const plain = (message: string) => message.replace(/\s+/g, ' ');

/** The HTML between two section headings of the home page. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}"`);
  assert.ok(start >= 0, `the page has the section ${id}`);
  const end = html.indexOf('<section', start);
  return html.slice(start, end < 0 ? undefined : end);
}

const feed = (listings: ListingInput[]) => new TextEncoder().encode(JSON.stringify({ listings }));

let serial = 0;
/** `count` published listings with these NAICS and NOC codes. */
function programs(count: number, industries: string[], occupations: string[]): ListingInput[] {
  return Array.from({ length: count }, () => {
    serial += 1;
    return listingInput({
      externalId: `HOME-${serial}`,
      title: { en: `Spotlight program ${serial}` },
      industries,
      occupations,
    });
  });
}

/*
 * In the fixture LMI, 31301 (very good outlook, strong risk of shortage), 21211, 21232 and 00012 are
 * "hot"; 21231 is steady; 00010 has no Ontario outlook. The catalogue below gives:
 *   62 Health care:        6 of 6 programs for hot occupations, 4 rated occupations → first
 *   54 Professional:       3 of 6, 3 rated occupations                               → second
 *   23 Construction:       2 of 5, 3 rated occupations                               → third
 *   31-33 Manufacturing:   6 of 6, but one rated occupation only                     → not eligible
 * plus a draft in 62, which does not count.
 */
const LISTINGS: ListingInput[] = [
  ...programs(3, ['62'], ['31301']),
  ...programs(1, ['62'], ['31301', '21211']),
  ...programs(2, ['62'], ['00012', '21231']),
  ...programs(3, ['541515', '5415'], ['21211', '21232']),
  ...programs(3, ['54'], ['21231']),
  ...programs(1, ['23821'], ['21232']),
  ...programs(1, ['238'], ['00012', '21231']),
  ...programs(3, ['23'], ['21231']),
  ...programs(6, ['334'], ['31301', '00010']),
  {
    ...listingInput({ externalId: 'HOME-DRAFT', industries: ['62'], occupations: ['31301'] }),
    status: 'draft',
  },
];

for (const backend of testBackends()) {
  describe(`home page spotlight on ${backend.name} (fixture LMI)`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      assert.deepEqual((await portal.services.catalogue.importFeed(feed(LISTINGS))).errors, []);
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });
    const get = async (url: string) => {
      const response = await portal.server.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      return response.body;
    };
    const searchTotal = async (industry: string) => {
      const response = await portal.server.inject({
        method: 'GET',
        url: `/api/v1/programs?industry=${encodeURIComponent(industry)}`,
      });
      return response.json<{ total: number }>().total;
    };

    test('English: the three in-demand industries, best first, with counts, top occupations and links', async () => {
      const html = await get('/en/');
      const industries = section(html, 'industries-heading');
      const links = [...industries.matchAll(/<h3[^>]*><a href="([^"]+)">([^<]+)<\/a>/g)].map(
        ([, link, name]) => [link, name],
      );
      assert.deepEqual(links, [
        [href('search', 'en', {}, { industry: '62' }), 'Health care and social assistance'],
        [href('search', 'en', {}, { industry: '54' }), 'Professional, scientific and technical services'],
        [href('search', 'en', {}, { industry: '23' }), 'Construction'],
      ]);
      const words = text(industries);
      assert.ok(words.includes(plain(catalogues.en['home.industries.how'])));
      assert.ok(words.includes('6 programs, 6 of them for in-demand occupations'), words);
      assert.ok(words.includes('6 programs, 3 of them for in-demand occupations'));
      assert.ok(words.includes('5 programs, 2 of them for in-demand occupations'));
      assert.ok(!words.includes('Manufacturing'), 'a sector with one rated occupation is not eligible');
      assert.ok(!words.includes(plain(catalogues.en['home.industries.demo'])), 'real listings: no demo note');
      // Health care's hot occupations, most programs first.
      const health = industries.slice(industries.indexOf('industry-62'), industries.indexOf('industry-54'));
      assert.deepEqual(
        [...health.matchAll(/<li><a href="([^"]+)">/g)].map(([, link]) => link),
        ['31301', '00012', '21211'].map((noc) => href('occupation', 'en', { noc })),
      );
      // Each card's count is what its link finds.
      assert.equal(await searchTotal('62'), 6);
      assert.equal(await searchTotal('54'), 6);
      assert.equal(await searchTotal('23'), 5);
    });

    test('French: the same sectors, linked to /fr/recherche, NAICS titles marked as English', async () => {
      const html = await get('/fr/');
      const industries = section(html, 'industries-heading');
      assert.ok(
        industries.includes(
          `<a href="${href('search', 'fr', {}, { industry: '62' })}"><span lang="en">Health care and social assistance</span></a>`,
        ),
      );
      assert.ok(industries.includes(`href="${href('search', 'fr', {}, { industry: '54' })}"`));
      assert.ok(industries.includes(`href="${href('search', 'fr', {}, { industry: '23' })}"`));
      const words = text(industries);
      assert.ok(words.includes('6 programmes, dont 6 pour des professions en demande'));
      assert.ok(words.includes(plain(catalogues.fr['home.industries.how'])));
      // Occupation titles exist in French: not marked.
      assert.ok(industries.includes(`<a href="${href('occupation', 'fr', { noc: '31301' })}">Infirmiers`));
    });

    test('in-demand occupations: the first of the in-demand index, with the hiring indicator, in both languages', async () => {
      for (const lang of ['en', 'fr'] as const) {
        const expected = await portal.services.lmi.inDemand(lang, 6);
        assert.ok(expected.length >= 3, 'the fixture has hot occupations');
        const html = await get(href('home', lang));
        const occupations = section(html, 'occupations-heading');
        assert.deepEqual(
          [...occupations.matchAll(/<li><a href="([^"]+)">/g)].map(([, link]) => link),
          expected.map((item) => href('occupation', lang, { noc: item.code })),
        );
        const words = text(occupations);
        assert.equal(words.split(plain(catalogues[lang]['lmi.hiring.hot'])).length - 1, expected.length);
        assert.ok(
          words.includes(
            plain(
              catalogues[lang]['lmi.hiring.inputs']
                .replace('{outlook}', catalogues[lang]['lmi.outlook.very_good'])
                .replace('{conditions}', catalogues[lang]['lmi.conditions.strong_shortage']),
            ),
          ),
          'the inputs behind the indicator of 31301',
        );
        assert.ok(occupations.includes(`href="${href('occupationsInDemand', lang)}"`));
        assert.ok(occupations.includes(`href="${href('aboutData', lang)}#hiring-indicator"`));
      }
    });

    test('the spotlight is cached: a catalogue change shows after the check interval, not before', async () => {
      let now = Date.parse('2027-01-05T12:00:00Z');
      const lmi = new LmiService(new LmiRepository(database.db), () => now);
      await lmi.refresh();
      const before = await lmi.spotlight('en');
      assert.deepEqual(
        before?.industries.map((industry) => industry.code),
        ['62', '54', '23'],
      );
      // Manufacturing gains two more occupations and becomes eligible, with the best share.
      assert.deepEqual(
        (
          await portal.services.catalogue.importFeed(
            feed([...programs(1, ['31-33'], ['21211']), ...programs(1, ['334'], ['21232'])]),
          )
        ).errors,
        [],
      );
      now += 10_000;
      assert.equal(await lmi.spotlight('en'), before, 'within the interval the same spotlight is served');
      now += 30_000;
      const after = await lmi.spotlight('en');
      assert.deepEqual(
        after?.industries.map((industry) => [industry.code, industry.programs]),
        [
          ['31-33', 8],
          ['62', 6],
          ['54', 6],
        ],
      );
      assert.equal(await lmi.spotlight('fr').then((spotlight) => spotlight?.industries[0]?.code), '31-33');
    });
  });

  describe(`home page spotlight on ${backend.name}: demonstration catalogue only`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      // The demo generator on the tiny fixture LMI yields no eligible sector (too few occupations per
      // sector), so the listings above are written as demonstration listings, as the generator does.
      await portal.services.catalogue.apply(
        LISTINGS.map((input) => listingSchema.parse(input)),
        [],
        { origin: 'demo', isDemo: true, retireMissing: false, checksum: 'home-demo', format: 'generated' },
      );
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });

    test('sectors are still ranked from the real outlooks, and the page says the counts are demo listings', async () => {
      const spotlight = await portal.services.lmi.spotlight('en');
      assert.deepEqual(
        spotlight?.industries.map((industry) => [industry.code, industry.demo]),
        [
          ['62', true],
          ['54', true],
          ['23', true],
        ],
      );
      for (const lang of ['en', 'fr'] as const) {
        const html = (await portal.server.inject({ method: 'GET', url: href('home', lang) })).body;
        assert.ok(
          text(section(html, 'industries-heading')).includes(plain(catalogues[lang]['home.industries.demo'])),
        );
      }
    });
  });

  describe(`home page on ${backend.name} without labour-market data`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      assert.deepEqual((await portal.services.catalogue.importFeed(feed(LISTINGS))).errors, []);
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });

    test('no industries, occupations or figures: one sentence says the data is not loaded', async () => {
      assert.equal(await portal.services.lmi.spotlight('en'), null);
      for (const lang of ['en', 'fr'] as const) {
        const response = await portal.server.inject({ method: 'GET', url: href('home', lang) });
        assert.equal(response.statusCode, 200);
        const html = response.body;
        const words = text(html);
        assert.ok(words.includes(plain(catalogues[lang]['home.spotlight.noLmi'])));
        assert.ok(!html.includes('industries-heading') && !html.includes('occupations-heading'));
        assert.ok(!html.includes('industry='), 'no industry links');
        assert.ok(!html.includes('ladder-badge'), 'no hiring indicator');
        assert.ok(!/\d+ program/.test(words), 'no program counts');
        assert.ok(
          words.includes(plain(catalogues[lang]['notice.lmiMissing.title'])),
          'the layout notice stays',
        );
      }
    });
  });
}
