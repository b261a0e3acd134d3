import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { catalogues, type Lang } from '../src/web/i18n/i18n.ts';
import { href } from '../src/web/routes.ts';
import { LMI_FIXTURES } from '../test/support/lmi.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { axeViolations, launchBrowser, watchPage } from './browser.ts';

const SCREENSHOTS = 'test-results';

/**
 * What to type in each language and the suggestion it must offer, on the fixture LMI and the demo
 * catalogue: a technology in English, an occupation in French, and a job title with its occupation.
 */
const CASES = {
  en: {
    typed: 'pyth',
    label: 'Python',
    kind: 'home.search.suggest.kind.technology',
    param: ['technology', 'Python'],
    jobTitle: { typed: 'registered nu', label: 'Registered nurse (RN)' },
    occupationTitle: 'Registered nurses and registered psychiatric nurses',
  },
  fr: {
    typed: 'infirm',
    label:
      'Infirmiers autorisés/infirmières autorisées et infirmiers psychiatriques autorisés/infirmières psychiatriques autorisées',
    kind: 'home.search.suggest.kind.occupation',
    param: ['occupation', '31301'],
    jobTitle: { typed: 'infirmier autor', label: 'Infirmier autorisé/infirmière autorisée' },
    occupationTitle:
      'Infirmiers autorisés/infirmières autorisées et infirmiers psychiatriques autorisés/infirmières psychiatriques autorisées',
  },
} as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('search box suggestions (combobox), in English and French, in a real browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      startServer({ LMI_DIR: LMI_FIXTURES, DEMO_CATALOGUE_COUNT: '120' }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context.close();
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

  /** The enhanced search box, once the script has run. */
  async function combobox(page: Page, lang: Lang): Promise<Locator> {
    const box = page.getByRole('combobox', { name: catalogues[lang]['home.search.label'] });
    await box.waitFor();
    return box;
  }

  /** The option for a label (its accessible name starts with the label and a dash). */
  const option = (page: Page, label: string) =>
    page.getByRole('option', { name: new RegExp(`^${escape(label)} — `) });

  for (const lang of ['en', 'fr'] as const) {
    const t = catalogues[lang];
    const c = CASES[lang];

    test(`typing shows suggestions with their kind and count, announced politely (${lang})`, async () => {
      const { page, problems } = await open(href('home', lang));
      try {
        const box = await combobox(page, lang);
        assert.equal(await box.getAttribute('aria-expanded'), 'false');
        assert.equal(await box.getAttribute('aria-autocomplete'), 'list');
        await box.fill(c.typed);
        const listbox = page.getByRole('listbox', { name: t['home.search.suggest.listLabel'] });
        await listbox.waitFor();
        assert.equal(await box.getAttribute('aria-controls'), await listbox.getAttribute('id'));
        assert.equal(await box.getAttribute('aria-expanded'), 'true');

        const options = listbox.getByRole('option');
        const count = await options.count();
        assert.ok(count >= 2 && count <= 8, `${count} options`);
        const status = page.getByRole('status');
        const announced =
          count === 1
            ? t['home.search.suggest.countOne']
            : t['home.search.suggest.count'].replace('{count}', String(count));
        await page.waitForFunction(
          (text) => document.querySelector('[role="status"]')?.textContent === text,
          announced,
        );
        assert.equal(await status.getAttribute('aria-live'), 'polite');
        for (let i = 0; i < count; i++) {
          assert.equal(await options.nth(i).getAttribute('aria-selected'), 'false');
        }

        const wanted = option(page, c.label);
        assert.equal(await wanted.count(), 1);
        const text = (await wanted.textContent()) ?? '';
        assert.match(
          text,
          new RegExp(
            `^${escape(c.label)} — ${escape(t[c.kind])} · ${escape(t['home.search.suggest.programs']).replace('\\{count\\}', '\\d+')}$`,
          ),
        );

        // A job title says which occupation it belongs to.
        await box.fill(c.jobTitle.typed);
        const jobTitle = option(page, c.jobTitle.label);
        await jobTitle.waitFor();
        assert.equal(
          await jobTitle.textContent(),
          `${c.jobTitle.label} — ${t['home.search.suggest.kind.jobTitle']} · ${c.occupationTitle}`,
        );

        // Nothing matches: the list closes and the live region says so.
        await box.fill('zzqqxx');
        await page.waitForFunction(
          (text) => document.querySelector('[role="status"]')?.textContent === text,
          t['home.search.suggest.none'],
        );
        assert.equal(await page.getByRole('option').count(), 0);
        assert.equal(await box.getAttribute('aria-expanded'), 'false');

        // One character asks for nothing.
        await box.fill('p');
        await page.waitForTimeout(300);
        assert.equal(await page.getByRole('listbox').count(), 0);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`with the list open and an option highlighted, axe finds nothing (${lang})`, async () => {
      const { page, problems } = await open(href('search', lang));
      try {
        const box = await combobox(page, lang);
        await box.fill(c.typed);
        await option(page, c.label).waitFor();
        await box.press('ArrowDown');
        assert.ok(await box.getAttribute('aria-activedescendant'));
        assert.deepEqual(await axeViolations(page), []);
        await page.screenshot({ path: `${SCREENSHOTS}/search-combobox-${lang}.png` });
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`ArrowDown and Enter run the precise search of the highlighted suggestion (${lang})`, async () => {
      const { page, problems } = await open(href('home', lang));
      try {
        const box = await combobox(page, lang);
        await box.fill(c.typed);
        const wanted = option(page, c.label);
        await wanted.waitFor();
        const options = page.getByRole('option');
        const index = await options.evaluateAll(
          (elements, label) => elements.findIndex((element) => element.textContent.startsWith(`${label} — `)),
          c.label,
        );
        for (let i = 0; i <= index; i++) await box.press('ArrowDown');
        const id = await wanted.getAttribute('id');
        assert.equal(await box.getAttribute('aria-activedescendant'), id);
        assert.equal(await wanted.getAttribute('aria-selected'), 'true');
        assert.equal(await page.locator('[role="option"][aria-selected="true"]').count(), 1);
        // Still typing in the box: the focus never left it.
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');
        const programs = /(\d+)\D*$/.exec((await wanted.textContent()) ?? '')?.[1] ?? '';

        await box.press('Enter');
        const [name, value] = c.param;
        await page.waitForURL((url) => url.pathname === href('search', lang) && url.searchParams.has(name));
        const url = new URL(page.url());
        assert.deepEqual([...url.searchParams], [[name, value]]);
        const results = page.getByRole('region', { name: t['search.allPrograms'] });
        assert.equal(
          await results.getByText(t['search.count'].replace('{count}', programs), { exact: true }).count(),
          1,
          `the page finds the ${programs} programs the suggestion promised`,
        );
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`Escape closes, a second Escape clears; Tab closes; Home and End stay in the box (${lang})`, async () => {
      const { page } = await open(href('home', lang));
      try {
        const box = await combobox(page, lang);
        await box.fill(c.typed);
        await option(page, c.label).waitFor();
        await box.press('ArrowDown');
        await box.press('Escape');
        assert.equal(await box.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.getByRole('listbox').count(), 0);
        assert.equal(await box.getAttribute('aria-activedescendant'), null);
        assert.equal(await box.inputValue(), c.typed, 'the first Escape keeps the text');

        // ArrowDown reopens the same suggestions, highlighting the first.
        await box.press('ArrowDown');
        assert.equal(await box.getAttribute('aria-expanded'), 'true');
        assert.equal(await page.getByRole('option').first().getAttribute('aria-selected'), 'true');

        // Home goes back to the text: no option highlighted, caret at the start.
        await box.press('Home');
        assert.equal(await box.getAttribute('aria-activedescendant'), null);
        assert.equal(await box.evaluate((input: HTMLInputElement) => input.selectionStart), 0);
        await box.press('End');
        assert.equal(await box.evaluate((input: HTMLInputElement) => input.selectionStart), c.typed.length);
        assert.equal(await box.getAttribute('aria-expanded'), 'true');

        await box.press('Escape');
        await box.press('Escape');
        assert.equal(await box.inputValue(), '', 'the second Escape clears the box');

        await box.fill(c.typed);
        await option(page, c.label).waitFor();
        await box.press('Tab');
        assert.equal(await box.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.getByRole('listbox').count(), 0);
        assert.equal(
          await page.evaluate(() => document.activeElement?.textContent),
          t['home.search.button'],
          'Tab moves on to the search button',
        );
      } finally {
        await page.close();
      }
    });

    test(`Enter with no option highlighted searches the words as typed (${lang})`, async () => {
      const { page } = await open(href('home', lang));
      try {
        const box = await combobox(page, lang);
        await box.fill(c.typed);
        await option(page, c.label).waitFor();
        await box.press('Enter');
        await page.waitForURL((url) => url.pathname === href('search', lang));
        assert.deepEqual([...new URL(page.url()).searchParams], [['q', c.typed]]);
      } finally {
        await page.close();
      }
    });

    test(`clicking a suggestion runs its search (${lang})`, async () => {
      const { page, problems } = await open(href('search', lang, {}, { q: 'welding' }));
      try {
        const box = await combobox(page, lang);
        await box.fill(c.typed);
        await option(page, c.label).click();
        const [name, value] = c.param;
        await page.waitForURL((url) => url.searchParams.has(name));
        assert.equal(new URL(page.url()).pathname, href('search', lang));
        assert.deepEqual([...new URL(page.url()).searchParams], [[name, value]]);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`without JavaScript the box is a plain search form (${lang})`, async () => {
      const plain = await browser.newContext({ javaScriptEnabled: false });
      try {
        const { page } = await open(href('home', lang), plain);
        assert.equal(await page.getByRole('combobox').count(), 0);
        const box = page.getByRole('searchbox', { name: t['home.search.label'] });
        await box.fill(c.typed);
        await box.press('Enter');
        await page.waitForURL((url) => url.pathname === href('search', lang));
        assert.deepEqual([...new URL(page.url()).searchParams], [['q', c.typed]]);
        assert.equal(await page.getByText(t['search.youSearchedFor'].replace('{query}', c.typed)).count(), 1);
      } finally {
        await plain.close();
      }
      // axe needs JavaScript, so the plain form is checked with the script blocked instead.
      const page = await context.newPage();
      try {
        await page.route(
          (url) => url.pathname.startsWith('/assets/search-'),
          (route) => route.abort(),
        );
        await page.goto(`${server.url}${href('home', lang)}`);
        assert.equal(await page.getByRole('searchbox', { name: t['home.search.label'] }).count(), 1);
        assert.deepEqual(await axeViolations(page), []);
      } finally {
        await page.close();
      }
    });
  }

  test('typing fast asks once after a pause; a late answer to an older question is never shown', async () => {
    const { page, problems } = await open(href('home', 'en'));
    const asked: string[] = [];
    try {
      await page.route(
        (url) => url.pathname === '/api/v1/suggest',
        async (route) => {
          const q = new URL(route.request().url()).searchParams.get('q') ?? '';
          asked.push(q);
          if (q === 'py') {
            // The older question is answered last, with a suggestion that must never appear.
            await new Promise((resolve) => setTimeout(resolve, 800));
            await route
              .fulfill({
                json: {
                  items: [
                    {
                      kind: 'skill',
                      label: 'Stale answer',
                      lang: null,
                      occupation: null,
                      params: { skill: 'Stale' },
                      programs: 1,
                    },
                  ],
                },
              })
              .catch(() => undefined);
            return;
          }
          await route.continue();
        },
      );
      const box = await combobox(page, 'en');
      await box.pressSequentially('python', { delay: 10 });
      await option(page, 'Python').waitFor();
      assert.deepEqual(asked, ['python'], 'one request for six quick keystrokes');

      asked.length = 0;
      await box.fill('py');
      await page.waitForTimeout(300);
      await box.fill('pyth');
      await option(page, 'Python').waitFor();
      await page.waitForTimeout(900);
      assert.deepEqual(asked, ['py', 'pyth']);
      assert.equal(await page.getByRole('option', { name: /^Stale answer/ }).count(), 0);
      assert.ok((await page.getByRole('option').count()) > 0);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('on a 320 px wide screen the open list fits and passes axe', async () => {
    const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    try {
      const { page, problems } = await open(href('search', 'fr'), phone);
      const box = await combobox(page, 'fr');
      await box.fill(CASES.fr.typed);
      await option(page, CASES.fr.label).waitFor();
      await box.press('ArrowDown');
      const listbox = page.getByRole('listbox');
      const bounds = await listbox.boundingBox();
      assert.ok(bounds && bounds.x >= 0 && bounds.x + bounds.width <= 320, JSON.stringify(bounds));
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= 320),
        'no horizontal scrolling',
      );
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: `${SCREENSHOTS}/search-combobox-fr-320.png` });
      assert.deepEqual(problems, []);
    } finally {
      await phone.close();
    }
  });
});
