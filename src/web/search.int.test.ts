import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import { SearchRepository } from '../search/repository.ts';
import { SearchService } from '../search/service.ts';
import { listingInput } from '../../test/support/catalogue.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));

interface Result {
  total: number;
  items: { slug: string; reasons: { kind: string; labelEn: string }[] }[];
  facets: Record<string, { value: string; count: number }[]>;
  explanation: { corrections: { from: string; to: string }[]; unmatched: string[] };
}

for (const backend of testBackends()) {
  describe(`program search on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      assert.deepEqual((await portal.services.catalogue.importFeed(fixture('valid.csv'))).errors, []);
      await portal.services.catalogue.replaceDemo({ count: 60, seed: 5, startDate: '2027-01-01' });
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });
    const search = async (query: string) => {
      const response = await portal.server.inject({ method: 'GET', url: `/api/v1/programs?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<Result>();
    };

    test('a technology finds the programs that teach it, first, and says so', async () => {
      const result = await search('q=python');
      const ours = result.items.find((item) => item.slug === 'python-for-data-analysts');
      assert.ok(ours, 'the program teaching Python is found');
      assert.ok(ours.reasons.some((reason) => reason.kind === 'technology' && reason.labelEn === 'Python'));
      assert.ok(
        result.items.every((item) =>
          item.reasons.some((reason) => reason.kind === 'title' || /python/i.test(reason.labelEn)),
        ),
        'every result matched on Python',
      );
    });

    test('an occupation title finds programs tagged with it, in English and French', async () => {
      const english = await search('q=data+scientists');
      const slugs = english.items.map((item) => item.slug);
      assert.ok(
        slugs.includes('python-for-data-analysts') && slugs.includes('certificate-in-data-analytics'),
      );
      assert.ok(english.items[0]?.reasons.some((reason) => reason.kind === 'occupation'));
      const french = await search(`q=${encodeURIComponent('scientifiques de données')}`);
      assert.ok(french.items.some((item) => item.slug === 'python-for-data-analysts'));
    });

    test('typos are corrected and explained', async () => {
      const result = await search('q=pyhton');
      assert.equal(result.total, (await search('q=python')).total);
      assert.deepEqual(result.explanation.corrections, [{ from: 'pyhton', to: 'python' }]);
    });

    test('filters narrow the results; facet counts are disjunctive', async () => {
      const all = await search('');
      const online = await search('delivery=online');
      const onlineCount = all.facets.delivery?.find((entry) => entry.value === 'online')?.count;
      assert.equal(online.total, onlineCount);
      assert.deepEqual(
        online.facets.delivery,
        all.facets.delivery,
        'the delivery facet ignores its own filter',
      );
      const both = await search('delivery=online&delivery=hybrid');
      const hybridCount = all.facets.delivery?.find((entry) => entry.value === 'hybrid')?.count ?? 0;
      assert.equal(both.total, (onlineCount ?? 0) + hybridCount);
      const osap = await search('delivery=online&osap=approved');
      assert.ok(osap.total <= online.total);
      assert.equal(
        osap.facets.osap?.reduce((sum, entry) => sum + entry.count, 0),
        online.total,
      );
    });

    interface Suggestions {
      items: {
        kind: string;
        label: string;
        lang: string | null;
        params: Record<string, string>;
        programs: number;
      }[];
    }
    const suggest = async (query: string) => {
      const response = await portal.server.inject({ method: 'GET', url: `/api/v1/suggest?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<Suggestions>().items;
    };

    test('suggestions: occupations, job titles, technologies, each with its precise search and program count', async () => {
      const data = await suggest('q=data+sci');
      const occupation = data.find((item) => item.kind === 'occupation');
      assert.ok(occupation);
      assert.deepEqual(occupation.params, { occupation: '21211' });
      assert.ok(occupation.programs >= 2);
      const python = (await suggest('q=pyth')).find((item) => item.kind === 'technology');
      assert.deepEqual(python?.params, { technology: 'Python' });
      const typo = await suggest('q=pyhton');
      assert.ok(typo.some((item) => item.label === 'Python'));
      const french = await suggest(`q=${encodeURIComponent('infirmière')}&lang=fr`);
      assert.ok(
        french.some(
          (item) => item.kind === 'jobTitle' && item.params.occupation === '31301' && item.lang === 'fr',
        ),
      );
      assert.ok(french.every((item) => item.lang !== 'en'));
      const rn = await suggest('q=registered+nurse');
      assert.ok(rn.some((item) => item.params.occupation === '31301'));
      assert.deepEqual(await suggest('q='), []);
    });

    test('a precise skill or technology search keeps only programs that teach it', async () => {
      const result = await search('technology=python');
      assert.ok(result.items.some((item) => item.slug === 'python-for-data-analysts'));
      const everything = await search('');
      assert.ok(result.total > 0 && result.total < everything.total);
      const none = await search('skill=underwater+basket+weaving');
      assert.equal(none.total, 0);
    });

    test('a job title finds the programs for its unit group, after those that mention the words', async () => {
      const response = await portal.server.inject({ method: 'GET', url: '/api/v1/programs?q=RN' });
      const result = response.json<Result & { explanation: { jobTitles: { noc: string }[] } }>();
      assert.equal(result.explanation.jobTitles[0]?.noc, '31301');
      assert.ok(result.total > 0);
      assert.deepEqual(result.explanation.unmatched, []);
      assert.ok(
        result.items.every((item) =>
          item.reasons.some(
            (reason) => reason.kind === 'occupation' || reason.kind === 'title' || reason.kind === 'text',
          ),
        ),
      );
      assert.ok(
        result.items.some((item) => item.reasons.some((reason) => /Registered nurses/.test(reason.labelEn))),
      );
      // A topic is not a job: "python" is not widened to developers.
      const python = await portal.server.inject({ method: 'GET', url: '/api/v1/programs?q=python' });
      assert.deepEqual(python.json<{ explanation: { jobTitles: unknown[] } }>().explanation.jobTitles, []);
    });

    test('when nothing matches, the query with a word fewer and the count without filters are offered', async () => {
      const words = await portal.server.inject({
        method: 'GET',
        url: '/api/v1/programs?q=python+xylophonist',
      });
      const offered = words.json<{
        total: number;
        explanation: { didYouMean?: { q: string; total: number } };
      }>();
      assert.equal(offered.total, 0);
      assert.equal(offered.explanation.didYouMean?.q, 'python');
      assert.ok(offered.explanation.didYouMean.total > 0);
      const filtered = await portal.server.inject({
        method: 'GET',
        url: '/api/v1/programs?q=python&institution=george-brown-college',
      });
      const without = filtered.json<{ total: number; explanation: { withoutFilters?: number } }>();
      assert.equal(without.total, 0);
      assert.ok((without.explanation.withoutFilters ?? 0) > 0);
      const page = await portal.server.inject({ method: 'GET', url: '/en/search?q=python+xylophonist' });
      assert.match(page.body, /Did you mean/);
      assert.match(page.body, /href="\/en\/search\?q=python"/);
    });

    test('the page lists facet options with counts, keeps the selected ones checked and escapes values', async () => {
      const page = await portal.server.inject({
        method: 'GET',
        url: '/en/search?delivery=online&region=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      });
      assert.equal(page.statusCode, 200);
      // A selected value without matches stays listed, checked, with a count of 0 — escaped.
      assert.match(
        page.body,
        /<input type="checkbox" id="f-region-_script_alert_1___script_" name="region" value="&lt;script&gt;alert\(1\)&lt;\/script&gt;" checked\/> <label for="f-region-_script_alert_1___script_">&lt;script&gt;alert\(1\)&lt;\/script&gt; <span class="ladder-hint">\(0\)<\/span><\/label>/,
      );
      assert.doesNotMatch(page.body, /<script>alert/);
      // Disjunctive: with "online" chosen, the other delivery modes keep their counts and stay unchecked.
      const online = await portal.server.inject({ method: 'GET', url: '/en/search?delivery=online' });
      assert.ok(online.body.includes('<legend>Delivery</legend>'));
      assert.match(
        online.body,
        /name="delivery" value="online" checked\/> <label for="f-delivery-online">Online <span class="ladder-hint">\([1-9]\d*\)/,
      );
      assert.match(
        online.body,
        /name="delivery" value="hybrid"\/> <label for="f-delivery-hybrid">Hybrid \(online and in person\) <span class="ladder-hint">\([1-9]\d*\)/,
      );
    });

    test('invalid parameters are a 400 naming the parameter', async () => {
      for (const query of [
        'delivery=by-pigeon',
        'page=0',
        'sort=price',
        `q=${'x'.repeat(201)}`,
        'occupation=123',
      ]) {
        const response = await portal.server.inject({ method: 'GET', url: `/api/v1/programs?${query}` });
        assert.equal(response.statusCode, 400, query);
        const parameter = query.split('=')[0] ?? '';
        assert.ok(
          response
            .json<{ error: { details?: { parameter: string }[] } }>()
            .error.details?.some((detail) => detail.parameter.startsWith(parameter)),
          query,
        );
      }
    });

    test('no query string makes the search API answer 500', async () => {
      const names = ['q', 'area', 'delivery', 'occupation', 'cost', 'sort', 'page', 'start', 'x'];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 30 })), { maxLength: 6 }),
          async (pairs) => {
            const response = await portal.server.inject({
              method: 'GET',
              url: `/api/v1/programs?${new URLSearchParams(pairs).toString()}`,
            });
            assert.ok(response.statusCode === 200 || response.statusCode === 400, `${response.statusCode}`);
          },
        ),
        { numRuns: 200 },
      );
    });

    test('no query string makes the suggest API answer 500', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom('q', 'lang', 'limit', 'x'), fc.string({ maxLength: 120 })), {
            maxLength: 4,
          }),
          async (pairs) => {
            const response = await portal.server.inject({
              method: 'GET',
              url: `/api/v1/suggest?${new URLSearchParams(pairs).toString()}`,
            });
            assert.ok(response.statusCode === 200 || response.statusCode === 400, `${response.statusCode}`);
          },
        ),
        { numRuns: 200 },
      );
    });

    test('the index follows the catalogue: a new feed is found after the freshness interval', async () => {
      let now = Date.parse('2027-01-05T12:00:00Z');
      const service = new SearchService(new SearchRepository(database.db), () => new Date(now));
      const query = { q: 'zymurgy', filters: {}, sort: 'relevance' as const, page: 1, pageSize: 20 };
      assert.equal((await service.search(query)).total, 0);
      await portal.services.catalogue.importFeed(
        new TextEncoder().encode(
          JSON.stringify({
            listings: [listingInput({ externalId: 'BREW-1', title: { en: 'Zymurgy for Brewers' } })],
          }),
        ),
      );
      assert.equal((await service.search(query)).total, 0, 'within the interval the index is reused');
      now += 3_000;
      assert.equal((await service.search(query)).total, 1);
    });

    test('result cards follow the catalogue: a changed listing shows its new title and cost', async () => {
      const feed = (title: string, cost: number) =>
        new TextEncoder().encode(
          JSON.stringify({
            listings: [
              listingInput({ externalId: 'BREW-2', title: { en: title }, cost: { tuitionCents: cost } }),
            ],
          }),
        );
      assert.deepEqual(
        (await portal.services.catalogue.importFeed(feed('Kombucha Brewing Basics', 12_300))).errors,
        [],
      );
      await portal.services.search.refresh();
      const before = await portal.server.inject({ method: 'GET', url: '/en/search?q=kombucha' });
      assert.match(before.body, /Kombucha Brewing Basics<\/a>/);
      assert.match(before.body, /\$123/);
      assert.deepEqual(
        (await portal.services.catalogue.importFeed(feed('Kombucha Brewing in Practice', 45_600))).errors,
        [],
      );
      await portal.services.search.refresh();
      const after = await portal.server.inject({ method: 'GET', url: '/en/search?q=kombucha' });
      assert.match(after.body, /Kombucha Brewing in Practice<\/a>/);
      assert.match(after.body, /\$456/);
      assert.doesNotMatch(after.body, /Kombucha Brewing Basics/);
    });
  });
}
