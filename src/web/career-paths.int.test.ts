import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { importLmi } from '../lmi/import/runner.ts';
import { LMI_SOURCES } from '../lmi/sources/index.ts';
import type { Recommendation } from '../recommend/service.ts';
import { listingInput } from '../../test/support/catalogue.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { catalogues, translator, type Lang } from './i18n/i18n.ts';
import { href, type RouteId } from './routes.ts';

const CAREER_ROUTES: RouteId[] = [
  'careerPaths',
  'careerOccupation',
  'careerProfile',
  'careerTransitions',
  'careerPrograms',
];

/** A day from today as YYYY-MM-DD: program starts relative to the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Three programs for the fixture move from registered nurse (31301) to data scientist (21211), whose
 * gap is Digital Literacy, Computer and Information Systems and Digital Production: no one program
 * closes it, the first two together do, in 9 weeks for $1,450.
 */
const LISTINGS = [
  listingInput({
    externalId: 'CP-LIT',
    title: { en: 'Digital Literacy Bootcamp', fr: 'Camp de littératie numérique' },
    skills: ['Digital Literacy'],
    technologies: [],
    occupations: ['21211'],
    durationWeeks: 4,
    offerings: [{ start: inDays(10) }],
    cost: { tuitionCents: 50_000 },
  }),
  listingInput({
    externalId: 'CP-SYS',
    title: { en: 'Information Systems in Practice', fr: 'Systèmes d’information en pratique' },
    skills: ['Computer and Information Systems', 'Digital Production'],
    technologies: [],
    occupations: ['21211'],
    durationWeeks: 5,
    offerings: [{ start: inDays(60) }],
    cost: { tuitionCents: 95_000 },
  }),
  listingInput({
    externalId: 'CP-LONG',
    title: { en: 'Data Foundations Certificate', fr: 'Certificat en fondements des données' },
    skills: ['Digital Literacy', 'Computer and Information Systems'],
    technologies: [],
    occupations: [],
    durationWeeks: 12,
    offerings: [{ start: inDays(200) }],
    cost: { tuitionCents: 300_000 },
  }),
];

/** The text of the 400 page that names a parameter. */
const badRequest = (lang: Lang, detail: string) => translator(lang)('error.badRequest.body', { detail });

/** Undoes the HTML escaping of text so page content can be compared with catalogue strings. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The hrefs of a page, decoded. */
const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));

/** The part of a page between two markers. */
const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `missing ${start}`);
  const to = html.indexOf(end, from);
  return html.slice(from, to < 0 ? undefined : to);
};

for (const backend of testBackends()) {
  describe(`career paths on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      await importLmi(database.db, LMI_FIXTURES, LMI_SOURCES);
      portal = await testPortal(database);
      await portal.services.catalogue.seedDirectory();
      const report = await portal.services.catalogue.importFeed(
        new TextEncoder().encode(JSON.stringify({ listings: LISTINGS })),
      );
      assert.deepEqual(report.errors, []);
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });

    const get = (url: string) => portal.server.inject({ method: 'GET', url });
    const page = async (url: string) => {
      const response = await get(url);
      assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
      return response.body;
    };

    test('every step answers 200 without a query string, with the steps and the current one marked', async () => {
      for (const lang of ['en', 'fr'] as const) {
        for (const [index, id] of CAREER_ROUTES.entries()) {
          const html = await page(href(id, lang));
          assert.equal(html.match(/aria-current="step"/g)?.length, 1, `${id} ${lang}`);
          const current = between(html, 'ladder-steps__current', '</li>');
          assert.ok(current.includes(href(id, lang)), `${id} ${lang} marks itself`);
          const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
          assert.ok(
            title.includes(lang === 'en' ? `step ${index + 1} of 5` : `étape ${index + 1} sur 5`),
            title,
          );
          assert.ok(
            html.includes(
              `href="${href('careerPaths', lang)}">${catalogues[lang]['layout.nav.careerPaths']}`,
            ),
          );
        }
      }
    });

    test('step 1: the title form submits to step 2, with example titles as links', async () => {
      for (const lang of ['en', 'fr'] as const) {
        const html = await page(href('careerPaths', lang));
        assert.ok(html.includes(`action="${href('careerOccupation', lang)}"`));
        assert.ok(html.includes(`<label class="ontario-label" for="career-title">`));
        assert.ok(html.includes('name="title"'));
        assert.ok(
          links(html).includes(
            href('careerOccupation', lang, {}, { title: catalogues[lang]['careerPaths.start.example.1'] }),
          ),
        );
      }
    });

    test('step 2: the title finds its occupation, in words, with the best one ticked', async () => {
      const en = await page(href('careerOccupation', 'en', {}, { title: 'web developer' }));
      assert.match(
        text(en),
        /We think you are one of the Software developers and programmers — is that right\?/,
      );
      assert.match(text(en), /A very likely match, on the title “Web developer”\./);
      assert.match(en, /id="noc-21232" name="noc" value="21232" checked/);
      assert.match(en, /id="noc-21231" name="noc" value="21231"\/>/, 'other candidates are offered unticked');
      assert.ok(en.includes(`action="${href('careerProfile', 'en')}"`));
      assert.ok(en.includes('<input type="hidden" name="title" value="web developer"/>'));

      const fr = await page(href('careerOccupation', 'fr', {}, { title: 'infirmière' }));
      assert.ok(text(fr).includes('Infirmiers autorisés/infirmières autorisées'));
      assert.ok(text(fr).includes('Correspondance très probable'));
      assert.match(fr, /value="31301" checked/);

      const none = await page(href('careerOccupation', 'en', {}, { title: 'zzqqxx' }));
      assert.ok(text(none).includes('We could not find an occupation for “zzqqxx”'));
      assert.ok(none.includes('name="title" value="zzqqxx"'), 'the title form is shown again');
      assert.ok(!none.includes('name="noc"'));

      const empty = await page(href('careerOccupation', 'fr'));
      assert.ok(text(empty).includes(catalogues.fr['careerPaths.occupation.noTitle']));

      // A second title keeps the jobs already chosen, ticked.
      const more = await page(
        href('careerOccupation', 'en', {}, { noc: ['21232'], title: 'data scientist' }),
      );
      assert.match(more, /value="21232" checked/);
      assert.match(more, /value="21211" checked/);
    });

    test('step 3: the profile in three groups with levels in words, and technologies', async () => {
      const en = await page(href('careerProfile', 'en', {}, { noc: ['21232'] }));
      const groups = ['skills', 'knowledge', 'abilities', 'technologies'] as const;
      const positions = groups.map((group) =>
        en.indexOf(catalogues.en[`careerPaths.profile.legend.${group}`]),
      );
      assert.ok(positions.every((position, index) => position > 0 && position > (positions[index - 1] ?? 0)));
      assert.ok(text(en).includes('Digital Literacy — level 5 of 5'));
      assert.ok(text(en).includes('Computer and Information Systems — level 3 of 5'));
      assert.match(en, /name="remove" value="skill:F01c02"/);
      assert.match(en, /name="remove" value="technology:Git"/);
      assert.ok(en.includes('<input type="hidden" name="noc" value="21232"/>'));
      assert.ok(links(en).includes(href('careerTransitions', 'en', {}, { noc: ['21232'] })));

      const fr = await page(href('careerProfile', 'fr', {}, { noc: ['21232'] }));
      assert.ok(fr.includes('<span lang="en">Digital Literacy</span> — niveau 5 sur 5'));
      assert.ok(fr.includes('<span lang="en">Git</span>'));
      assert.ok(fr.includes('<span lang="en">Reading Comprehension</span> — niveau 3,5 sur 5'));
    });

    test('step 3: the profile reflects add and remove, and removed items can be put back', async () => {
      const query = {
        noc: ['21232'],
        add: ['skill:G01a02', 'technology:fixture charting system'],
        remove: ['skill:F01c02', 'technology:Git'],
      };
      const html = await page(href('careerProfile', 'en', {}, query));
      const form = between(html, 'class="ladder-career-profile"', '</form>');
      assert.doesNotMatch(form, /type="checkbox"[^>]*value="skill:F01c02"/, 'a removed skill is not offered');
      assert.ok(text(form).includes('Business Management — level 3 of 5added by you'));
      assert.ok(text(form).includes('Fixture Charting Systemadded by you'));
      for (const value of query.remove) {
        assert.ok(form.includes(`<input type="hidden" name="remove" value="${value}"/>`));
      }
      const removed = between(html, 'career-removed-heading', '</section>');
      assert.ok(text(removed).includes('Put back Digital Literacy'));
      assert.ok(text(removed).includes('Put back Git'));
      assert.ok(
        links(removed).includes(href('careerProfile', 'en', {}, { ...query, remove: ['technology:Git'] })),
      );
      // The transitions step from there keeps every parameter.
      assert.ok(links(html).includes(href('careerTransitions', 'en', {}, query)));
    });

    test('step 3: typed names are resolved and the page redirects to the plain URL of the profile', async () => {
      const base = href('careerProfile', 'en', {}, { noc: ['21232'], remove: ['technology:Git'] });
      const response = await get(
        `${base}&addSkill=business+management&addTechnology=git&remove=skill%3AF01a01`,
      );
      assert.equal(response.statusCode, 303);
      assert.equal(
        response.headers.location,
        href(
          'careerProfile',
          'en',
          {},
          { noc: ['21232'], add: ['technology:git', 'skill:G01a02'], remove: ['skill:F01a01'] },
        ),
        'adding Git back takes it out of remove=',
      );
      const empty = await get(`${base}&addSkill=&addTechnology=`);
      assert.equal(empty.statusCode, 303);
      assert.equal(empty.headers.location, base);
    });

    test('step 3: an unknown technology or skill is reported, and not carried onward', async () => {
      const en = await page(
        href('careerProfile', 'en', {}, { noc: ['21232'], add: ['technology:kubernetes'] }),
      );
      assert.ok(text(en).includes('We did not recognise the technology “kubernetes”: it is left out.'));
      const main = between(en, '<main', '</main>');
      assert.ok(!links(main).some((link) => link.includes('kubernetes')), 'links onward leave it out');
      assert.ok(!en.includes('value="technology:kubernetes"'));

      const fr = await page(
        href('careerProfile', 'fr', {}, { noc: ['21232'], add: ['technology:kubernetes', 'skill:ZZ99'] }),
      );
      assert.ok(
        text(fr).includes(
          'Nous n’avons pas reconnu la technologie «\u00a0kubernetes\u00a0» et le code de compétence «\u00a0ZZ99\u00a0»',
        ),
      );

      const typed = await page(`${href('careerProfile', 'en', {}, { noc: ['21232'] })}&addSkill=digital`);
      assert.ok(text(typed).includes('We did not recognise the skill “digital”.'));
      assert.ok(
        links(typed).includes(href('careerProfile', 'en', {}, { noc: ['21232'], add: ['skill:F01c02'] })),
        'a similar skill is offered as a link that adds it',
      );
    });

    test('step 4: transitions with similarity, outlook, what carries over and links that keep the parameters', async () => {
      const query = { noc: ['21232'], remove: ['technology:Git'] };
      const en = await page(href('careerTransitions', 'en', {}, query));
      const moves = between(en, 'career-moves-heading', '</section>');
      assert.ok(links(moves).includes(href('occupation', 'en', { noc: '21211' })));
      assert.ok(text(moves).includes('Skills match84%'));
      assert.ok(text(moves).includes('Ontario outlookGood'));
      assert.ok(
        text(moves).includes(
          'What carries overDigital Literacy, Computer and Information Systems and Digital Production',
        ),
      );
      assert.ok(text(moves).includes('Skills to raiseInductive Reasoning (from level 3 to 5)'));
      assert.ok(links(moves).includes(href('careerPrograms', 'en', {}, { ...query, target: '21211' })));
      assert.ok(text(en).includes(catalogues.en['careerPaths.transitions.how']));
      assert.ok(links(en).includes(href('aboutData', 'en')));
      const grow = between(en, 'career-grow-heading', '</section>');
      assert.ok(text(grow).includes('Git'), 'a removed hot technology is one to grow into');

      const fr = await page(href('careerTransitions', 'fr', {}, query));
      assert.ok(text(fr).includes('Correspondance des compétences84\u00a0%'));
      assert.ok(fr.includes('<span lang="en">Digital Literacy</span>'));
    });

    test('step 4: moves that are not desirable appear with all=yes, saying why', async () => {
      const nurse = await page(href('careerTransitions', 'en', {}, { noc: ['31301'] }));
      assert.ok(text(nurse).includes(catalogues.en['careerPaths.transitions.none']));
      assert.ok(links(nurse).includes(href('careerTransitions', 'en', {}, { noc: ['31301'], all: 'yes' })));
      const all = await page(href('careerTransitions', 'en', {}, { noc: ['31301'], all: 'yes' }));
      assert.ok(text(all).includes('Not recommended: its Ontario outlook is worse than your current job’s.'));
      assert.ok(links(all).includes(href('careerTransitions', 'en', {}, { noc: ['31301'] })));
      const manager = await page(href('careerTransitions', 'fr', {}, { noc: ['00012'], all: 'yes' }));
      assert.ok(
        text(manager).includes('Non recommandée\u00a0: c’est un recul (FÉER 1; le vôtre est FÉER 0).'),
      );
    });

    test('step 5: the gap, programs with their reasons, the best set and the filters', async () => {
      // The data scientists' technologies are in the profile, so the gap is the three skills alone.
      const query = {
        noc: ['31301'],
        add: ['technology:Python', 'technology:R'],
        all: 'yes',
        target: '21211',
      };
      const en = await page(href('careerPrograms', 'en', {}, query));
      assert.ok(text(en).includes('Programs for a move to Data scientists'));
      const gap = between(en, 'career-gap-heading', '</section>');
      assert.ok(
        text(gap).includes(
          'Skills and knowledgeDigital Literacy, Computer and Information Systems and Digital Production',
        ),
      );
      const ranked = between(en, 'career-ranked-heading', '</section>');
      assert.ok(text(ranked).includes('Teaches Digital Literacy: 1 of the 3 gaps for Data scientists'));
      assert.ok(
        text(ranked).includes(
          'Teaches Computer and Information Systems and Digital Production: 2 of the 3 gaps for Data scientists',
        ),
      );
      assert.ok(links(ranked).some((link) => link.startsWith('/en/programs/')));
      const best = between(en, 'career-best-heading', '</section>');
      assert.ok(text(best).includes('Together, these 2 programs close 3 of 3 gaps in 9 weeks for $1,450.'));
      assert.equal(links(best).length, 2);
      const filters = between(en, 'class="ladder-career-filters"', '</form>');
      for (const [name, value] of [
        ['noc', '31301'],
        ['all', 'yes'],
        ['target', '21211'],
      ]) {
        assert.ok(filters.includes(`<input type="hidden" name="${name}" value="${value}"/>`), name);
      }
      for (const id of ['career-max-cost', 'career-max-weeks', 'career-start-30']) {
        assert.ok(filters.includes(`<label`) && filters.includes(`for="${id}"`), id);
      }

      const fr = await page(href('careerPrograms', 'fr', {}, query));
      assert.ok(
        text(fr).includes(
          'Ensemble, ces 2 programmes comblent 3 des 3 écarts en 9 semaines pour 1\u00a0450\u00a0$.',
        ),
      );
      assert.ok(fr.includes('<span lang="en">Digital Literacy</span>'));

      // Filters: the cheap one alone; an empty field is no filter; a start window.
      const cheap = await page(href('careerPrograms', 'en', {}, { ...query, maxCost: 600 }));
      const cheapRanked = between(cheap, 'career-ranked-heading', '</section>');
      assert.ok(text(cheapRanked).includes('Digital Literacy Bootcamp'));
      assert.ok(!text(cheapRanked).includes('Information Systems in Practice'));
      assert.ok(!cheap.includes('career-best-heading'), 'one program is not a set');
      const unfiltered = await page(
        `${href('careerPrograms', 'en', {}, query)}&maxCost=&maxWeeks=&startWithin=`,
      );
      assert.ok(text(unfiltered).includes('Information Systems in Practice'));
      const soon = await page(href('careerPrograms', 'en', {}, { ...query, startWithin: 30 }));
      const soonRanked = text(between(soon, 'career-ranked-heading', '</section>'));
      assert.ok(soonRanked.includes('Digital Literacy Bootcamp') && !soonRanked.includes('Data Foundations'));
      const none = await page(href('careerPrograms', 'en', {}, { ...query, maxCost: 0 }));
      assert.ok(text(none).includes(catalogues.en['careerPaths.programs.noneFiltered']));

      const noTarget = await page(href('careerPrograms', 'en', {}, { noc: ['31301'] }));
      assert.ok(text(noTarget).includes(catalogues.en['careerPaths.programs.noTarget']));
      assert.ok(links(noTarget).includes(href('careerTransitions', 'en', {}, { noc: ['31301'] })));
    });

    test('invalid parameters give the 400 page naming the parameter, on every step', async () => {
      const cases: [string, string][] = [
        ['noc=abc', 'noc'],
        ['add=foo', 'add'],
        ['remove=bar', 'remove'],
        ['maxCost=-1', 'maxCost'],
        ['maxWeeks=1.5', 'maxWeeks'],
        ['startWithin=0', 'startWithin'],
        ['target=123', 'target'],
        ['all=no', 'all'],
        ['noc=21232&noc=21211&noc=31301&noc=00012', 'noc'],
      ];
      for (const lang of ['en', 'fr'] as const) {
        for (const id of CAREER_ROUTES) {
          for (const [query, parameter] of cases) {
            const response = await get(`${href(id, lang)}?${query}`);
            assert.equal(response.statusCode, 400, `${id} ${query}`);
            assert.ok(
              response.body.includes(badRequest(lang, parameter)),
              `${id} ${lang} ${query} names ${parameter}`,
            );
          }
        }
      }
    });

    test('no query string makes a career-path page answer 5xx', async () => {
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
        'addSkill',
        'addTechnology',
        'x',
      ];
      const values = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '',
          '21232',
          '31301',
          '21211',
          '99999',
          'skill:F01c02',
          'skill:',
          'technology:Git',
          'technology: ',
          'yes',
          '30',
          '-1',
          'Digital Literacy',
        ),
      );
      const paths = CAREER_ROUTES.flatMap((id) => [href(id, 'en'), href(id, 'fr')]);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paths),
          fc.array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 8 }),
          async (path, pairs) => {
            const response = await get(`${path}?${new URLSearchParams(pairs).toString()}`);
            assert.ok([200, 303, 400].includes(response.statusCode), `${response.statusCode} ${path}`);
          },
        ),
        { numRuns: 300 },
      );
    });

    test('the JSON API with the same parameters agrees with the pages', async () => {
      const query = {
        noc: ['31301'],
        all: 'yes',
        target: '21211',
        add: ['skill:G01a02'],
        remove: ['technology:Fixture Charting System'],
      };
      const response = await get(
        `/api/v1/recommendations?${new URLSearchParams([...Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]])), ['lang', 'fr']]).toString()}`,
      );
      assert.equal(response.statusCode, 200, response.body);
      const api = response.json<Recommendation>();

      const profile = await page(href('careerProfile', 'fr', {}, query));
      const offered = [
        ...between(profile, 'class="ladder-career-profile"', '</form>').matchAll(
          /name="remove" value="([^"]+)"\/>/g,
        ),
      ]
        .map((match) => match[1])
        .filter((value) => !query.remove.includes(value ?? ''));
      assert.deepEqual(offered, [
        ...(api.profile?.skills ?? []).map((skill) => `skill:${skill.code}`),
        ...(api.profile?.technologies ?? []).map((technology) => `technology:${technology.name}`),
      ]);

      const moves = await page(href('careerTransitions', 'fr', {}, query));
      const targets = [
        ...between(moves, 'career-moves-heading', '</section>').matchAll(/target=(\d{5})/g),
      ].map((match) => match[1]);
      assert.deepEqual(
        targets,
        api.transitions.map((move) => move.code),
      );
      assert.ok(api.transitions.length > 0);

      const programs = await page(href('careerPrograms', 'fr', {}, query));
      const slugs = (section: string) =>
        links(section)
          .filter((link) => link.startsWith('/fr/programmes/'))
          .map((link) => decodeURIComponent(link.slice('/fr/programmes/'.length)));
      assert.deepEqual(
        slugs(between(programs, 'career-ranked-heading', '</section>')),
        api.target?.programs.map((program) => program.slug),
      );
      assert.deepEqual(
        slugs(between(programs, 'career-best-heading', '</section>')),
        api.target?.bestSet?.programs.map((program) => program.slug),
      );
      assert.ok(text(programs).includes(api.target?.transition.occupation.title ?? '—'));
    });
  });
}

describe('career paths without labour-market data', () => {
  let database: Database;
  let portal: Portal;
  before(async () => {
    database = await (testBackends()[0] ?? assert.fail('no backend')).create();
    portal = await testPortal(database);
  });
  after(async () => {
    await portal.server.close();
    await database.close();
  });

  test('every step says it needs the data and links to the About the data page (status 200)', async () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const id of CAREER_ROUTES) {
        const response = await portal.server.inject({
          method: 'GET',
          url: href(id, lang, {}, { noc: ['21232'], target: '21211', title: 'nurse' }),
        });
        assert.equal(response.statusCode, 200, `${id} ${lang}`);
        assert.ok(text(response.body).includes(catalogues[lang]['careerPaths.notLoaded']), `${id} ${lang}`);
        assert.ok(
          response.body.includes(
            `href="${href('aboutData', lang)}">${catalogues[lang]['careerPaths.notLoaded.link']}`,
          ),
        );
      }
    }
    const typed = await portal.server.inject({
      method: 'GET',
      url: `${href('careerProfile', 'en')}?addSkill=reading`,
    });
    assert.equal(typed.statusCode, 200);
  });
});
