import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, pageRoutes } from './routes.ts';

test('every page has a path in each language under its prefix, and no two pages share a path', () => {
  const seen = new Set<string>();
  for (const [id, paths] of Object.entries(pageRoutes)) {
    assert.ok(paths.en.startsWith('/en/'), `${id} en`);
    assert.ok(paths.fr.startsWith('/fr/'), `${id} fr`);
    for (const path of [paths.en, paths.fr]) {
      assert.ok(!seen.has(path), `duplicate path ${path}`);
      seen.add(path);
    }
  }
});

test('href builds paths and query strings from the route id', () => {
  assert.equal(href('search', 'fr'), '/fr/recherche');
  assert.equal(
    href('search', 'en', {}, { q: 'web developer', page: 2, empty: '', none: undefined }),
    '/en/search?q=web+developer&page=2',
  );
  assert.equal(href('search', 'en', {}, { skill: ['Python', 'C#'] }), '/en/search?skill=Python&skill=C%23');
  assert.equal(href('search', 'en', {}, 'q=a&b=c'), '/en/search?q=a&b=c');
});
