import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import type { Recommendation } from '../recommend/service.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));

interface Matches {
  matches: { noc: string; title: string; score: number; matchedOn: { title: string; source: string } }[];
}

for (const backend of testBackends()) {
  describe(`job titles and recommendations on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    let bare: { database: Database; portal: Portal };
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      assert.deepEqual((await portal.services.catalogue.importFeed(fixture('valid.csv'))).errors, []);
      await portal.services.catalogue.replaceDemo({ count: 80, seed: 3, startDate: '2027-01-01' });
      const empty = await backend.create();
      bare = { database: empty, portal: await testPortal(empty) };
    });
    after(async () => {
      await portal.server.close();
      await database.close();
      await bare.portal.server.close();
      await bare.database.close();
    });
    const get = async <T>(url: string, status = 200) => {
      const response = await portal.server.inject({ method: 'GET', url });
      assert.equal(response.statusCode, status, response.body);
      return response.json<T>();
    };

    test('a job title is matched to unit groups, best first, in either language', async () => {
      const web = await get<Matches>('/api/v1/occupations/match?title=sr.+full+stack+dev');
      assert.equal(web.matches[0]?.noc, '21232');
      assert.equal(web.matches[0].title, 'Software developers and programmers');
      assert.equal(web.matches[0].matchedOn.title, 'Full-stack developer');
      const rn = await get<Matches>('/api/v1/occupations/match?title=RN&limit=2');
      assert.equal(rn.matches[0]?.noc, '31301');
      assert.ok(rn.matches.length <= 2);
      const french = await get<Matches>(
        `/api/v1/occupations/match?lang=fr&title=${encodeURIComponent('infirmière autorisée')}`,
      );
      assert.equal(french.matches[0]?.noc, '31301');
      assert.match(french.matches[0].title, /Infirmiers autorisés/);
      const scores = web.matches.map((match) => match.score);
      assert.ok(
        scores.every(
          (score, index) => score >= 0 && score <= 1 && (index === 0 || score <= (scores[index - 1] ?? 1)),
        ),
      );
    });

    test('bad match parameters are a 400 naming the parameter', async () => {
      for (const [query, parameter] of [
        ['title=', 'title'],
        ['title=nurse&limit=0', 'limit'],
        ['title=nurse&lang=de', 'lang'],
        [`title=${'x'.repeat(201)}`, 'title'],
      ] as const) {
        const response = await portal.server.inject({
          method: 'GET',
          url: `/api/v1/occupations/match?${query}`,
        });
        assert.equal(response.statusCode, 400, query);
        assert.match(response.body, new RegExp(parameter), query);
      }
    });

    test('the profile starts from the occupation, follows the learner’s edits and names what it cannot read', async () => {
      const base = await get<Recommendation>('/api/v1/recommendations?noc=21232');
      assert.equal(base.occupations[0]?.code, '21232');
      assert.equal(base.assumed, false);
      const skills = base.profile?.skills ?? [];
      assert.ok(skills.length > 0);
      const first = skills[0];
      assert.ok(first);
      const edited = await get<Recommendation>(
        `/api/v1/recommendations?noc=21232&remove=skill:${first.code}&add=technology:python&add=technology:Quantum+Loom`,
      );
      assert.ok(!edited.profile?.skills.some((skill) => skill.code === first.code));
      assert.deepEqual(
        edited.profile?.removed.map((item) => item.value),
        [`skill:${first.code}`],
      );
      assert.ok(
        edited.profile.technologies.some((technology) => technology.name === 'Python' && technology.added),
      );
      assert.deepEqual(edited.unresolved, ['technology:Quantum Loom']);
    });

    test('a title alone gives the profile of its best match, marked as assumed', async () => {
      const result = await get<Recommendation>('/api/v1/recommendations?title=data+scientist');
      assert.equal(result.matches[0]?.noc, '21211');
      assert.equal(result.assumed, true);
      assert.equal(result.occupations[0]?.code, '21211');
      const nothing = await get<Recommendation>('/api/v1/recommendations');
      assert.equal(nothing.profile, null);
      assert.deepEqual(nothing.transitions, []);
    });

    test('a target gives its gap and the catalogue programs that close it, with the shortest set', async () => {
      const result = await get<Recommendation>('/api/v1/recommendations?noc=31301&target=21211');
      const target = result.target;
      assert.ok(target);
      assert.equal(target.transition.code, '21211');
      assert.ok(target.gap.length > 0);
      assert.ok(target.programs.length > 0, 'programs teach some of the gap');
      for (const program of target.programs) {
        assert.ok(program.coverage > 0 && program.coverage <= 1);
        assert.ok(program.teaches.length > 0);
        assert.ok(program.teaches.every((label) => target.gap.some((item) => item.label === label)));
      }
      const best = target.bestSet;
      assert.ok(best && best.programs.length >= 1 && best.programs.length <= 3);
      assert.ok(best.coverage >= (target.programs[0]?.coverage ?? 0));
      const cheap = await get<Recommendation>(
        '/api/v1/recommendations?noc=31301&target=21211&maxCost=0&maxWeeks=1',
      );
      assert.ok(cheap.target?.programs.every((program) => program.costCents === 0 && program.weeks <= 1));
    });

    test('bad recommendation parameters are a 400 naming the parameter; unknown codes are reported', async () => {
      for (const [query, parameter] of [
        ['noc=abc', 'noc'],
        ['noc=21232&noc=21211&noc=31301&noc=00012', 'noc'],
        ['noc=21232&add=python', 'add'],
        ['noc=21232&remove=tool:hammer', 'remove'],
        ['noc=21232&maxCost=-1', 'maxCost'],
        ['noc=21232&maxWeeks=1.5', 'maxWeeks'],
        ['noc=21232&target=2121', 'target'],
        ['noc=21232&all=no', 'all'],
      ] as const) {
        const response = await portal.server.inject({
          method: 'GET',
          url: `/api/v1/recommendations?${query}`,
        });
        assert.equal(response.statusCode, 400, query);
        assert.match(response.body, new RegExp(parameter), query);
      }
      const unknown = await get<Recommendation>(
        '/api/v1/recommendations?noc=99999&target=88888&add=skill:ZZ99',
      );
      assert.deepEqual(unknown.unresolved.sort(), ['88888', '99999', 'skill:ZZ99']);
    });

    test('the vocabulary suggests skills and technologies to add, with the add= value', async () => {
      const { items } = await get<{ items: { kind: string; value: string; label: string }[] }>(
        '/api/v1/recommendations/vocabulary?q=pyth',
      );
      assert.ok(items.some((item) => item.kind === 'technology' && item.value === 'technology:Python'));
      assert.deepEqual((await get<{ items: unknown[] }>('/api/v1/recommendations/vocabulary?q=p')).items, []);
    });

    test('without labour-market data the API says so with a 503', async () => {
      for (const url of [
        '/api/v1/occupations/match?title=nurse',
        '/api/v1/recommendations?noc=31301',
        '/api/v1/recommendations/vocabulary?q=py',
      ]) {
        const response = await bare.portal.server.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 503, url);
        assert.match(response.json<{ error: { message: string } }>().error.message, /not loaded/);
      }
    });

    test('no query string makes the title or recommendation API answer 500', async () => {
      const names = [
        'title',
        'noc',
        'add',
        'remove',
        'target',
        'maxCost',
        'maxWeeks',
        'startWithin',
        'all',
        'lang',
        'limit',
        'q',
      ];
      const value = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom(
          '21232',
          '31301',
          '99999',
          'skill:F01a01',
          'technology:Python',
          'skill:',
          '-1',
          '1e9',
          'yes',
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            '/api/v1/occupations/match',
            '/api/v1/recommendations',
            '/api/v1/recommendations/vocabulary',
          ),
          fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }),
          async (path, pairs) => {
            const response = await portal.server.inject({
              method: 'GET',
              url: `${path}?${new URLSearchParams(pairs).toString()}`,
            });
            assert.ok(
              response.statusCode === 200 || response.statusCode === 400,
              `${response.statusCode} ${path} ${response.body}`,
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  });
}
