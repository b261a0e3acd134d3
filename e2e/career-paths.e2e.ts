import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { catalogues, type Lang } from '../src/web/i18n/i18n.ts';
import { href, pageRoutes, type RouteId } from '../src/web/routes.ts';
import { LMI_FIXTURES } from '../test/support/lmi.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { axeViolations, launchBrowser, watchPage } from './browser.ts';

const SCREENSHOTS = 'test-results';

const CAREER_ROUTES: RouteId[] = [
  'careerPaths',
  'careerOccupation',
  'careerProfile',
  'careerTransitions',
  'careerPrograms',
];

/**
 * The walk on the fixture LMI and the demo catalogue: a registered nurse (31301) whose only moves are
 * not "desirable" (the nurse outlook is very good), so the walk also uses the all=yes toggle, on to
 * data scientists (21211) and the programs that close that gap.
 */
const WALK = {
  en: { title: 'registered nurse', occupation: /^Registered nurses and registered psychiatric nurses/ },
  fr: { title: 'infirmière autorisée', occupation: /^Infirmiers autorisés\/infirmières autorisées/ },
} as const;
const TARGET = { en: 'Data scientists', fr: 'Scientifiques des données' } as const;

const pathOf = (id: RouteId, lang: Lang) => pageRoutes[id][lang];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('career paths, in English and French, in a real browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let noScript: BrowserContext;
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      startServer({ LMI_DIR: LMI_FIXTURES, DEMO_CATALOGUE_COUNT: '120' }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    noScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  });
  after(async () => {
    await context.close();
    await noScript.close();
    await browser.close();
    await server.stop();
  });

  async function open(
    url: string,
    on: BrowserContext = context,
  ): Promise<{ page: Page; problems: string[] }> {
    const page = await on.newPage();
    const { problems } = watchPage(page, server.url);
    const response = await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
    assert.ok(response, url);
    return { page, problems };
  }

  /** Waits for a step's path, then checks the page: language, the current step, one h1, axe. */
  async function atStep(page: Page, lang: Lang, id: RouteId, name: string): Promise<URL> {
    await page.waitForURL((url) => url.pathname === pathOf(id, lang));
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    const steps = page.getByRole('navigation', { name: catalogues[lang]['careerPaths.steps.label'] });
    assert.equal(await steps.getByRole('listitem').count(), 5);
    // The current step links to this very page (empty form fields aside).
    const here = new URL(page.url());
    const filled = new URLSearchParams([...here.searchParams].filter(([, value]) => value !== ''));
    const search = filled.size > 0 ? `?${filled.toString()}` : '';
    assert.equal(await steps.locator('[aria-current="step"]').getAttribute('href'), here.pathname + search);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
    await page.screenshot({ path: `${SCREENSHOTS}/career-${name}.png`, fullPage: true });
    return new URL(page.url());
  }

  /** Activates a control by keyboard, as a keyboard user would. */
  async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await control.focus();
    await control.press(key);
  }

  for (const lang of ['en', 'fr'] as const) {
    test(`the whole walk by keyboard, by role and label (${lang}), with zero axe violations on every step`, async () => {
      const t = catalogues[lang];
      const { page, problems } = await open(href('home', lang));
      try {
        // 1. From the header navigation to the job-title form.
        const nav = page.getByRole('navigation', { name: t['layout.headerNav'] });
        await press(nav.getByRole('link', { name: t['layout.nav.careerPaths'], exact: true }));
        await atStep(page, lang, 'careerPaths', `1-title-${lang}`);
        const title = page.getByRole('textbox', { name: t['careerPaths.start.label'] });
        await title.fill(WALK[lang].title);
        await title.press('Enter');

        // 2. The best match is ticked; continue.
        let url = await atStep(page, lang, 'careerOccupation', `2-occupation-${lang}`);
        assert.equal(url.searchParams.get('title'), WALK[lang].title);
        const best = page.getByRole('checkbox', { name: WALK[lang].occupation });
        assert.ok(await best.isChecked());
        await press(page.getByRole('button', { name: t['careerPaths.occupation.continue'] }));

        // 3. Edit the profile: remove a technology, add a skill and a technology, update.
        url = await atStep(page, lang, 'careerProfile', `3-profile-${lang}`);
        assert.deepEqual(url.searchParams.getAll('noc'), ['31301']);
        const charting = page.getByRole('checkbox', { name: 'Fixture Charting System', exact: true });
        await press(charting, 'Space');
        assert.ok(await charting.isChecked());
        await page.getByLabel(t['careerPaths.profile.addSkill'], { exact: true }).fill('digital production');
        await page.getByLabel(t['careerPaths.profile.addTechnology'], { exact: true }).fill('git');
        await press(page.getByRole('button', { name: t['careerPaths.profile.update'] }));
        await page.waitForURL((next) => next.searchParams.getAll('add').length === 2);
        url = await atStep(page, lang, 'careerProfile', `3-profile-edited-${lang}`);
        assert.deepEqual(url.searchParams.getAll('add').sort(), ['skill:F03a10', 'technology:git']);
        assert.deepEqual(url.searchParams.getAll('remove'), ['technology:Fixture Charting System']);
        const removed = page.getByRole('region', { name: t['careerPaths.profile.removed'] });
        assert.equal(await removed.getByRole('link', { name: /Fixture Charting System/ }).count(), 1);
        assert.equal(
          await page
            .getByRole('checkbox', {
              name: new RegExp(`^Digital Production .*${escape(t['careerPaths.profile.added'])}`),
            })
            .count(),
          1,
        );
        await press(page.getByRole('link', { name: t['careerPaths.profile.next'] }));

        // 4. No recommended move for a nurse: show the others too, then the programs for one.
        url = await atStep(page, lang, 'careerTransitions', `4-transitions-${lang}`);
        assert.deepEqual(url.searchParams.getAll('add').sort(), ['skill:F03a10', 'technology:git']);
        await press(page.getByRole('link', { name: t['careerPaths.transitions.showAll'] }));
        url = await atStep(page, lang, 'careerTransitions', `4-transitions-all-${lang}`);
        assert.equal(url.searchParams.get('all'), 'yes');
        const moves = page.getByRole('region', { name: t['careerPaths.transitions.list'] });
        assert.equal(await moves.getByRole('heading', { level: 3, name: TARGET[lang] }).count(), 1);
        await press(
          moves.getByRole('link', {
            name: t['careerPaths.transitions.programs'].replace('{occupation}', TARGET[lang]),
          }),
        );

        // 5. The programs for the move, then a filter.
        url = await atStep(page, lang, 'careerPrograms', `5-programs-${lang}`);
        assert.equal(url.searchParams.get('target'), '21211');
        assert.equal(url.searchParams.get('all'), 'yes');
        const ranked = page.getByRole('region', { name: t['careerPaths.programs.ranked'] });
        assert.ok((await ranked.getByRole('listitem').count()) > 0);
        assert.ok((await page.getByText(t['notice.demo.title']).count()) > 0);
        const weeks = page.getByRole('spinbutton', { name: t['careerPaths.programs.maxWeeks'] });
        await weeks.fill('8');
        await press(
          page.getByRole('radio', { name: t['careerPaths.programs.startDays'].replace('{days}', '180') }),
          'Space',
        );
        await press(page.getByRole('button', { name: t['careerPaths.programs.apply'] }));
        await page.waitForURL((next) => next.searchParams.get('maxWeeks') === '8');
        url = await atStep(page, lang, 'careerPrograms', `5-programs-filtered-${lang}`);
        assert.equal(url.searchParams.get('startWithin'), '180');
        assert.equal(
          await page.getByRole('spinbutton', { name: t['careerPaths.programs.maxCost'] }).inputValue(),
          '',
          'an empty field is no filter',
        );
        assert.equal(
          await page.getByRole('spinbutton', { name: t['careerPaths.programs.maxWeeks'] }).inputValue(),
          '8',
        );

        // Back to the profile through the steps: the profile is still there.
        const steps = page.getByRole('navigation', { name: t['careerPaths.steps.label'] });
        await press(steps.getByRole('link', { name: t['careerPaths.steps.profile'] }));
        url = await atStep(page, lang, 'careerProfile', `3-profile-again-${lang}`);
        assert.deepEqual(url.searchParams.getAll('add').sort(), ['skill:F03a10', 'technology:git']);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test('with JavaScript disabled, every step works through plain forms and links', async () => {
    const t = catalogues.fr;
    const { page } = await open(href('careerPaths', 'fr'), noScript);
    try {
      await page.getByRole('textbox', { name: t['careerPaths.start.label'] }).fill('infirmière');
      await page.getByRole('button', { name: t['careerPaths.start.button'] }).click();
      await page.waitForURL((url) => url.pathname === pathOf('careerOccupation', 'fr'));
      await page.getByRole('button', { name: t['careerPaths.occupation.continue'] }).click();
      await page.waitForURL((url) => url.pathname === pathOf('careerProfile', 'fr'));
      await page.getByLabel(t['careerPaths.profile.addTechnology'], { exact: true }).fill('kubernetes');
      await page.getByRole('button', { name: t['careerPaths.profile.update'] }).click();
      await page.waitForURL((url) => url.searchParams.get('add') === 'technology:kubernetes');
      assert.equal(
        await page
          .getByText('Nous n’avons pas reconnu la technologie «\u00a0kubernetes\u00a0»', { exact: false })
          .count(),
        1,
      );
      await page.getByRole('link', { name: t['careerPaths.profile.next'] }).click();
      await page.waitForURL((url) => url.pathname === pathOf('careerTransitions', 'fr'));
      assert.equal(
        new URL(page.url()).searchParams.get('add'),
        null,
        'the unknown technology is not carried',
      );
      await page.getByRole('link', { name: t['careerPaths.transitions.showAll'] }).click();
      await page.waitForURL((url) => url.searchParams.get('all') === 'yes');
      await page
        .getByRole('link', { name: t['careerPaths.transitions.programs'].replace('{occupation}', TARGET.fr) })
        .click();
      await page.waitForURL((url) => url.pathname === pathOf('careerPrograms', 'fr'));
      await page.getByRole('spinbutton', { name: t['careerPaths.programs.maxCost'] }).fill('3000');
      await page.getByRole('button', { name: t['careerPaths.programs.apply'] }).click();
      await page.waitForURL((url) => url.searchParams.get('maxCost') === '3000');
      assert.equal(new URL(page.url()).searchParams.get('target'), '21211');
      assert.ok(
        (await page
          .getByRole('region', { name: t['careerPaths.programs.ranked'] })
          .getByRole('listitem')
          .count()) > 0,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/career-no-js-fr.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  test('the language toggle keeps the step and its parameters', async () => {
    const query = { noc: ['31301'], add: ['technology:Git'], all: 'yes', target: '21211' };
    const { page } = await open(href('careerPrograms', 'en', {}, query));
    try {
      await page.getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`${server.url}${href('careerPrograms', 'fr', {}, query)}`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    } finally {
      await page.close();
    }
  });

  test('on a phone-sized screen the steps still pass axe', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    try {
      const page = await phone.newPage();
      for (const id of CAREER_ROUTES) {
        await page.goto(
          `${server.url}${href(id, 'fr', {}, { noc: ['31301'], all: 'yes', target: '21211' })}`,
        );
        assert.deepEqual(await axeViolations(page), [], id);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/career-programs-fr-phone.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  });
});

describe('career paths without labour-market data', () => {
  test('every step says it needs the data, links to About the data, and passes axe', async () => {
    const [bare, browser] = await Promise.all([startServer(), launchBrowser()]);
    try {
      const page = await (await browser.newContext()).newPage();
      for (const lang of ['en', 'fr'] as const) {
        for (const id of CAREER_ROUTES) {
          const response = await page.goto(`${bare.url}${href(id, lang)}`);
          assert.equal(response?.status(), 200, `${id} ${lang}`);
          const main = page.getByRole('main');
          assert.equal(await main.getByText(catalogues[lang]['careerPaths.notLoaded']).count(), 1);
          assert.equal(
            await main
              .getByRole('link', { name: catalogues[lang]['careerPaths.notLoaded.link'] })
              .getAttribute('href'),
            href('aboutData', lang),
          );
          assert.deepEqual(await axeViolations(page), [], `${id} ${lang}`);
        }
      }
    } finally {
      await browser.close();
      await bare.stop();
    }
  });
});
