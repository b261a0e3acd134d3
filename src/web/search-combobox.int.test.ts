import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { SUGGESTION_KINDS } from '../search/suggest.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { catalogues } from './i18n/i18n.ts';
import { href } from './routes.ts';

function attribute(html: string, name: string): string | undefined {
  const value = new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
  return value
    ?.replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

for (const backend of testBackends()) {
  describe(`search box script on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      portal = await testPortal(database);
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      portal.server.inject({ method: 'GET', url, headers });

    for (const lang of ['en', 'fr'] as const) {
      for (const id of ['home', 'search'] as const) {
        test(`${id} (${lang}) loads the script as a module and gives it its words in ${lang}`, async () => {
          const page = await get(href(id, lang));
          assert.equal(page.statusCode, 200);
          // Scripts that run (structured data in application/ld+json is not one).
          const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)]
            .map((match) => match[0])
            .filter((tag) => !tag.includes('application/ld+json'));
          assert.deepEqual(
            scripts.map((tag) => /src="(\/assets\/search-[0-9a-f]{12}\.js)"/.test(tag)),
            [true],
            'one script, the fingerprinted search asset',
          );
          assert.match(scripts[0] ?? '', /type="module"/);
          assert.doesNotMatch(page.body, /<script\b(?![^>]*ld\+json)[^>]*>[^<]/, 'no inline script');

          assert.equal(attribute(page.body, 'action'), href('search', lang));
          assert.equal(attribute(page.body, 'data-suggest-url'), '/api/v1/suggest');
          assert.equal(attribute(page.body, 'data-suggest-lang'), lang);
          const messages = JSON.parse(attribute(page.body, 'data-suggest-messages') ?? '') as {
            none: string;
            kinds: Record<string, string>;
          };
          assert.equal(messages.none, catalogues[lang]['home.search.suggest.none']);
          assert.deepEqual(Object.keys(messages.kinds).sort(), [...SUGGESTION_KINDS].sort());
          assert.equal(messages.kinds.jobTitle, catalogues[lang]['home.search.suggest.kind.jobTitle']);
        });
      }
    }

    test('the script is served as JavaScript, cached for a year, compressed, under a CSP without inline script', async () => {
      const page = await get(href('home', 'en'));
      const csp = String(page.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const url = /src="(\/assets\/search-[0-9a-f]{12}\.js)"/.exec(page.body)?.[1] ?? '';
      const script = await get(url);
      assert.equal(script.statusCode, 200);
      assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.match(String(script.headers['cache-control']), /max-age=31536000, immutable/);
      assert.match(script.body, /aria-activedescendant/);
      assert.ok(script.body.length < 20_000, `${script.body.length} bytes, minified`);
      const compressed = await get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(compressed.headers['content-encoding'], 'br');
    });
  });
}
