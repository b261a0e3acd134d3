import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { href, pageRoutes, type RouteId } from '../src/web/routes.ts';
import { catalogues, type Lang } from '../src/web/i18n/i18n.ts';
import { LMI_FIXTURES } from '../test/support/lmi.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { axeViolations, launchBrowser, watchPage } from './browser.ts';

const SCREENSHOTS = 'test-results';

describe('every page, in English and French, in a real browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let demoInstitution = '';
  let programSlugs: string[] = [];
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      startServer({ LMI_DIR: LMI_FIXTURES, DEMO_CATALOGUE_COUNT: '120' }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The portal starts with a generated demo catalogue; the first programs of a demo institution stand in for any program.
    const institutions = (await (await fetch(`${server.url}/api/v1/institutions`)).json()) as {
      items: { id: string; isDemo: boolean; programs: number }[];
    };
    demoInstitution = institutions.items.find((item) => item.isDemo && item.programs >= 3)?.id ?? '';
    const programs = (await (await fetch(`${server.url}/api/v1/institutions/${demoInstitution}`)).json()) as {
      items: { slug: string }[];
    };
    programSlugs = programs.items.slice(0, 3).map((item) => item.slug);
    assert.equal(programSlugs.length, 3, 'the demo catalogue was created at start');
  });
  after(async () => {
    await context.close();
    await browser.close();
    await server.stop();
  });

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const { problems } = watchPage(page, server.url);
    const response = await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
    assert.ok(response, url);
    return { page, problems };
  }

  const pages: Array<{ name: string; url: (lang: Lang) => string; status: number }> = [
    ...(Object.keys(pageRoutes) as RouteId[]).map((id) => ({
      name: id,
      // The portal runs on the fixture LMI, in which 21232 is a unit group with every kind of data.
      url: (lang: Lang) =>
        href(id, lang, { noc: '21232', slug: programSlugs[0] ?? '', id: 'humber-polytechnic' }),
      status: 200,
    })),
    { name: 'occupation-group', url: (lang: Lang) => href('occupation', lang, { noc: '2123' }), status: 200 },
    {
      name: 'occupation-search',
      url: (lang: Lang) => href('occupations', lang, {}, { q: lang === 'en' ? 'developer' : 'développeur' }),
      status: 200,
    },
    {
      name: 'occupation-unknown',
      url: (lang: Lang) => href('occupation', lang, { noc: '99999' }),
      status: 404,
    },
    {
      name: 'search-with-query',
      url: (lang: Lang) => href('search', lang, {}, { q: 'infirmière auxiliaire' }),
      status: 200,
    },
    {
      name: 'program-compare-three',
      url: (lang: Lang) => href('programCompare', lang, {}, { p: programSlugs }),
      status: 200,
    },
    {
      name: 'demo-institution',
      url: (lang: Lang) => href('institution', lang, { id: demoInstitution }),
      status: 200,
    },
    {
      name: 'program-unknown',
      url: (lang: Lang) => href('program', lang, { slug: 'no-such-program' }),
      status: 404,
    },
    {
      name: 'search-filtered',
      url: (lang: Lang) =>
        href(
          'search',
          lang,
          {},
          { q: lang === 'en' ? 'data' : 'données', delivery: ['online', 'hybrid'], sort: 'cost' },
        ),
      status: 200,
    },
    {
      name: 'search-no-results',
      url: (lang: Lang) => href('search', lang, {}, { q: 'zzqqxx', osap: ['approved'] }),
      status: 200,
    },
    {
      name: 'search-bad-filter',
      url: (lang: Lang) => href('search', lang, {}, { delivery: 'by-pigeon' }),
      status: 400,
    },
    { name: 'not-found', url: (lang: Lang) => `/${lang}/no-such-page`, status: 404 },
    {
      name: 'bad-request',
      url: (lang: Lang) => href('search', lang, {}, { q: 'x'.repeat(201) }),
      status: 400,
    },
  ];

  for (const entry of pages) {
    for (const lang of ['en', 'fr'] as const) {
      test(`${entry.name} (${lang}): status, lang, zero axe violations, screenshot`, async () => {
        const { page, problems } = await open(entry.url(lang));
        try {
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await page.getByRole('main').count(), 1);
          assert.deepEqual(await axeViolations(page), []);
          await page.screenshot({ path: `${SCREENSHOTS}/${entry.name}-${lang}.png`, fullPage: true });
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
        }
        const response = await fetch(`${server.url}${entry.url(lang)}`);
        assert.equal(response.status, entry.status);
      });
    }
  }

  test('on a phone-sized screen the home page still passes axe', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    try {
      await page.goto(`${server.url}/fr/`);
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: `${SCREENSHOTS}/home-fr-phone.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  });

  // Pages with tables or long unbroken words: the ones that have widened a phone's page before.
  const WIDE_CONTENT = new Set([
    'occupation',
    'occupationsInDemand',
    'aboutData',
    'program',
    'program-compare-three',
  ]);
  for (const lang of ['en', 'fr'] as const) {
    test(`at 320 px (${lang}): no page scrolls sideways; wide tables scroll in a named, focusable region`, async () => {
      const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
      const page = await phone.newPage();
      try {
        const wide: string[] = [];
        for (const entry of pages) {
          await page.goto(`${server.url}${entry.url(lang)}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 320) wide.push(`${entry.name}: ${width} px`);
          if (WIDE_CONTENT.has(entry.name)) assert.deepEqual(await axeViolations(page), [], entry.name);
        }
        assert.deepEqual(wide, []);
        await page.goto(`${server.url}${href('programCompare', lang, {}, { p: programSlugs })}`);
        const region = page.getByRole('region', { name: catalogues[lang]['compare.caption'] });
        assert.equal(await region.locator('table').count(), 1);
        assert.equal(await region.getAttribute('tabindex'), '0');
      } finally {
        await phone.close();
      }
    });
  }

  for (const lang of ['en', 'fr'] as const) {
    test(`keyboard (${lang}): skip link first, then the header in order; Enter follows the language toggle`, async () => {
      const t = catalogues[lang];
      const { page } = await open(href('home', lang));
      try {
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: t['layout.skipToContent'] });
        assert.ok(
          await skip.evaluate((element) => element === document.activeElement),
          'skip link focused first',
        );
        assert.ok(await skip.isVisible(), 'skip link visible when focused');
        await page.keyboard.press('Enter');
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'main',
          'skip link moves focus to main',
        );

        await page.goto(`${server.url}${href('home', lang)}`);
        const order: string[] = [];
        for (let i = 0; i < 6; i++) {
          await page.keyboard.press('Tab');
          order.push(
            await page.evaluate(
              () => (document.activeElement as HTMLElement | null)?.innerText.split('\n')[0] ?? '',
            ),
          );
        }
        assert.deepEqual(order, [
          t['layout.skipToContent'],
          'Ladder',
          t['layout.nav.search'],
          t['layout.nav.occupations'],
          t['layout.nav.careerPaths'],
          t['layout.nav.institutions'],
        ]);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL(`${server.url}${href('home', lang === 'en' ? 'fr' : 'en')}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang === 'en' ? 'fr' : 'en');
      } finally {
        await page.close();
      }
    });
  }

  test('compare by keyboard: tick two programs on an institution page, submit, see them side by side', async () => {
    const { page } = await open(href('institution', 'en', { id: demoInstitution }));
    try {
      const boxes = page.getByRole('checkbox');
      for (const index of [0, 1]) {
        await boxes.nth(index).focus();
        await page.keyboard.press('Space');
      }
      await page.getByRole('button', { name: catalogues.en['compare.submit'] }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/en\/programs\/compare\?p=/);
      assert.equal(await page.getByRole('columnheader').count(), 2);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });

  test('a program page: the register link leaves through the tracked redirect', async () => {
    const { page } = await open(href('program', 'fr', { slug: programSlugs[0] ?? '' }));
    try {
      const link = page.getByRole('link', { name: /^S’inscrire auprès de/ });
      assert.match((await link.getAttribute('href')) ?? '', /^\/go\/[0-9a-f-]{36}\?lang=fr$/);
      assert.equal(await page.getByText(catalogues.fr['notice.demo.title']).count(), 1);
    } finally {
      await page.close();
    }
  });

  test('search by keyboard: tick a filter, apply, and the results and URL follow', async () => {
    const { page } = await open(href('search', 'en'));
    try {
      const online = page.getByRole('checkbox', {
        name: new RegExp(`^${catalogues.en['delivery.online']} \\(`),
      });
      await online.focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: catalogues.en['search.filters.apply'] }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/delivery=online/);
      assert.ok(
        await page
          .getByRole('checkbox', { name: new RegExp(`^${catalogues.en['delivery.online']} \\(`) })
          .isChecked(),
      );
      assert.equal(await page.getByRole('link', { name: /^Remove the filter/ }).count(), 1);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });

  test('the language toggle keeps the page and the query', async () => {
    const { page } = await open(href('search', 'en', {}, { q: 'welding' }));
    try {
      await page.getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`${server.url}/fr/recherche?q=welding`);
      assert.equal(
        await page.getByRole('combobox', { name: catalogues.fr['home.search.label'] }).inputValue(),
        'welding',
      );
    } finally {
      await page.close();
    }
  });

  test('the home search box submits by keyboard to the search page', async () => {
    const { page } = await open(href('home', 'fr'));
    try {
      const box = page.getByRole('combobox', { name: catalogues.fr['home.search.label'] });
      await box.fill('préposée aux bénéficiaires');
      await box.press('Enter');
      await page.waitForURL(/\/fr\/recherche\?q=/);
      assert.equal(
        decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? ''),
        'préposée aux bénéficiaires',
      );
      const expected = catalogues.fr['search.youSearchedFor'].replace(
        '{query}',
        'préposée aux bénéficiaires',
      );
      assert.equal(await page.getByText(expected).count(), 1);
    } finally {
      await page.close();
    }
  });

  test('an occupation page charts skills as a table with text values, and its related links work by keyboard', async () => {
    const { page, problems } = await open(href('occupation', 'en', { noc: '21232' }));
    try {
      const skills = page.getByRole('table', { name: catalogues.en['occupation.ratings.skills'] });
      assert.ok((await skills.getByRole('row').count()) > 1);
      assert.match(
        (await skills.getByRole('row').nth(1).innerText()).replace(/\s+/g, ' '),
        /\d(\.\d)? out of 5/,
      );
      const breadcrumb = page.getByRole('navigation', { name: catalogues.en['occupations.breadcrumbs'] });
      await breadcrumb.getByRole('link', { name: /\(2123\)/ }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.url}${href('occupation', 'en', { noc: '2123' })}`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe('without labour-market data', () => {
  test('every page says so and links to how to load it, and still passes axe', async () => {
    const [bare, browser] = await Promise.all([startServer(), launchBrowser()]);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const lang of ['en', 'fr'] as const) {
        for (const id of ['home', 'occupations'] as const) {
          await page.goto(`${bare.url}${href(id, lang)}`);
          const notice = page.getByRole('region', { name: catalogues[lang]['notice.lmiMissing.title'] });
          assert.ok(await notice.isVisible(), `${id} ${lang}`);
          assert.equal(await notice.getByRole('link').getAttribute('href'), href('aboutData', lang));
          assert.deepEqual(await axeViolations(page), []);
        }
      }
      await page.screenshot({ path: `${SCREENSHOTS}/no-lmi-occupations-fr.png`, fullPage: true });
    } finally {
      await browser.close();
      await bare.stop();
    }
  });
});
