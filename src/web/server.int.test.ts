import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { z } from 'zod';
import type { Portal } from '../app.ts';
import type { Database } from '../db/database.ts';
import { testPortal } from '../../test/support/app.ts';
import { testBackends } from '../../test/support/databases.ts';
import { catalogues } from './i18n/i18n.ts';
import { listOperations, operationMessageKeys } from './pages/api-docs.tsx';
import { href, pageRoutes, type RouteId } from './routes.ts';

for (const backend of testBackends()) {
  describe(`web app on ${backend.name}`, () => {
    let database: Database;
    let portal: Portal;
    before(async () => {
      database = await backend.create();
      portal = await testPortal(database);
      // Routes a later capability would add, registered the same way, to exercise the shared
      // machinery (CSRF, API validation errors) before such routes exist.
      const app = portal.server;
      app.get('/en/form-test', async (_request, reply) => ({ token: reply.generateCsrf() }));
      app.post('/en/form-test', async () => ({ saved: true }));
      app.get(
        '/api/v1/echo-test',
        {
          schema: {
            querystring: z.object({ n: z.coerce.number().int().min(1), lang: z.enum(['en', 'fr']) }),
          },
        },
        async (request) => request.query,
      );
      app.get('/api/v1/crash-test', async () => {
        throw new Error('secret internal detail');
      });
      app.get('/en/crash-test', async () => {
        throw new Error('secret internal detail');
      });
    });
    after(async () => {
      await portal.server.close();
      await database.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) =>
      portal.server.inject({ method: 'GET', url, headers });

    test('each request is logged once, when answered, without addresses or headers; probes are not', async () => {
      const lines: Record<string, unknown>[] = [];
      const logged = await testPortal(
        database,
        {},
        {
          logger: {
            level: 'info',
            stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
          },
        },
      );
      try {
        await logged.server.inject({
          method: 'GET',
          url: '/en/search?q=python',
          headers: { cookie: 'secret=1', 'x-request-id': 'trace-1', 'x-forwarded-for': '203.0.113.9' },
        });
        await logged.server.inject({ method: 'GET', url: '/healthz' });
        await logged.server.inject({ method: 'GET', url: '/en/no-such-page' });
        const requests = lines.filter((line) => line.req !== undefined || line.res !== undefined);
        assert.deepEqual(
          requests.map((line) => [line.msg, line.requestId, line.req, line.res]),
          [
            [
              'request completed',
              'trace-1',
              { method: 'GET', url: '/en/search?q=python' },
              { statusCode: 200 },
            ],
            [
              'request completed',
              requests[1]?.requestId,
              { method: 'GET', url: '/en/no-such-page' },
              { statusCode: 404 },
            ],
          ],
        );
        assert.equal(typeof requests[0]?.responseTime, 'number');
        assert.doesNotMatch(JSON.stringify(lines), /secret=1|203\.0\.113\.9|remoteAddress/);
      } finally {
        await logged.server.close();
      }
    });

    test('/ redirects by Accept-Language, English by default', async () => {
      assert.equal((await get('/')).headers.location, '/en/');
      assert.equal(
        (await get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })).headers.location,
        '/fr/',
      );
      assert.equal((await get('/', { 'accept-language': 'en-CA,fr;q=0.5' })).headers.location, '/en/');
      const response = await get('/');
      assert.equal(response.statusCode, 302);
      assert.match(String(response.headers.vary), /accept-language/);
    });

    test('/en and /fr gain their trailing slash; a stray trailing slash is redirected', async () => {
      assert.equal((await get('/fr')).headers.location, '/fr/');
      const response = await get('/en/search/?q=nurse');
      assert.equal(response.statusCode, 301);
      assert.equal(response.headers.location, '/en/search?q=nurse');
    });

    // Pages with parameters (an occupation) need LMI: src/web/occupations.int.test.ts covers them.
    for (const id of (Object.keys(pageRoutes) as RouteId[]).filter(
      (id) => !pageRoutes[id].en.includes(':'),
    )) {
      for (const lang of ['en', 'fr'] as const) {
        test(`page ${id} in ${lang}: 200, html lang, toggle to the same page, LMI notice`, async () => {
          const url = href(id, lang);
          const response = await get(url);
          assert.equal(response.statusCode, 200, url);
          assert.match(String(response.headers['content-type']), /^text\/html/);
          assert.match(response.body, new RegExp(`^<!doctype html><html lang="${lang}">`));
          const other = lang === 'en' ? 'fr' : 'en';
          assert.ok(response.body.includes(`href="${href(id, other)}" lang="${other}"`), 'language toggle');
          assert.ok(
            response.body.includes(catalogues[lang]['notice.lmiMissing.title'].replace(/'/g, '&#39;')),
          );
          assert.ok(response.body.includes('<main id="main"'));
          assert.ok(response.body.includes(`href="#main"`), 'skip link');
        });
      }
    }

    test('the language toggle keeps the query string', async () => {
      const response = await get('/en/search?q=soudage&page=2');
      assert.ok(response.body.includes('href="/fr/recherche?q=soudage&amp;page=2" lang="fr"'));
    });

    test('the search page keeps the query and escapes it', async () => {
      const response = await get(`/fr/recherche?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      assert.equal(response.statusCode, 200);
      assert.ok(!response.body.includes('<script>alert'));
      assert.ok(response.body.includes('&lt;script>alert(1)&lt;/script>'));
    });

    test('a malformed page query gets a styled 400 naming the parameter, in the page language', async () => {
      const response = await get(`/fr/recherche?q=${'a'.repeat(201)}`);
      assert.equal(response.statusCode, 400);
      assert.ok(response.body.includes('<html lang="fr">'));
      assert.ok(response.body.includes('Cette adresse comporte un problème'));
      assert.ok(response.body.includes('n’est pas valide\u00a0: q'));
    });

    test('unknown pages get a styled 404 in the language of the path, or of the browser', async () => {
      const fr = await get('/fr/nexiste-pas');
      assert.equal(fr.statusCode, 404);
      assert.ok(fr.body.includes('<html lang="fr">'));
      assert.ok(fr.body.includes('Nous ne trouvons pas cette page'));
      assert.ok(fr.body.includes('href="/en/" lang="en"'), 'toggle goes to the other home page');
      const bare = await get('/nowhere', { 'accept-language': 'fr' });
      assert.ok(bare.body.includes('<html lang="fr">'));
    });

    test('a crash on a page is a styled 500 with the request id, and no internals', async () => {
      const response = await get('/en/crash-test', { 'x-request-id': 'trace-123' });
      assert.equal(response.statusCode, 500);
      assert.ok(response.body.includes('Something went wrong on our side'));
      assert.ok(response.body.includes('trace-123'));
      assert.ok(!response.body.includes('secret internal detail'));
    });

    test('API errors have one JSON shape: 404, 400 with details per parameter, 500', async () => {
      const missing = await get('/api/v1/nothing-here');
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(missing.json(), {
        error: { code: 'not_found', message: 'No resource at GET /api/v1/nothing-here' },
      });

      const invalid = await get('/api/v1/echo-test?n=zero&lang=de');
      assert.equal(invalid.statusCode, 400);
      const body = invalid.json<{
        error: { code: string; message: string; details: Array<{ parameter: string }> };
      }>();
      assert.equal(body.error.code, 'invalid_request');
      assert.deepEqual(body.error.details.map((d) => d.parameter).sort(), ['lang', 'n']);
      assert.match(body.error.message, /^Invalid request: /);

      const fine = await get('/api/v1/echo-test?n=3&lang=fr');
      assert.deepEqual(fine.json(), { n: 3, lang: 'fr' });

      const crash = await get('/api/v1/crash-test');
      assert.equal(crash.statusCode, 500);
      assert.equal(crash.json<{ error: { code: string } }>().error.code, 'internal_error');
      assert.ok(!crash.body.includes('secret internal detail'));
    });

    test('/api/v1/status reports version, engine and that no LMI is loaded', async () => {
      const response = await get('/api/v1/status');
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), {
        version: '0.1.0',
        database: backend.name,
        lmi: { loaded: false, missing: ['noc', 'oasis', 'cops', 'jobbank', 'onet'] },
      });
    });

    test('the OpenAPI 3.1 document covers the API only, and every operation is documented in both languages', async () => {
      const response = await get('/api/v1/openapi.json');
      assert.equal(response.statusCode, 200);
      const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
      assert.equal(document.openapi, '3.1.0');
      assert.ok(document.paths['/api/v1/status']);
      assert.ok(Object.keys(document.paths).every((path) => path.startsWith('/api/v1/')));
      const operations = listOperations(response.json());
      assert.ok(operations.length >= 1);
      for (const operation of operations) {
        for (const key of operationMessageKeys(operation)) {
          assert.ok(
            key in catalogues.en && key in catalogues.fr,
            `catalogue key ${key} for ${operation.operationId}`,
          );
        }
      }
    });

    test('/api/docs redirects to the documentation page in the browser language', async () => {
      assert.equal(
        (await get('/api/docs', { 'accept-language': 'fr' })).headers.location,
        '/fr/developpeurs/api',
      );
      const page = await get('/en/developers/api');
      assert.ok(page.body.includes('GET /api/v1/status'));
      assert.ok(page.body.includes(catalogues.en['api.op.getStatus']));
    });

    test('security headers: strict CSP without inline script, no framing, no sniffing', async () => {
      const response = await get('/en/');
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.match(String(response.headers['permissions-policy']), /camera=\(\)/);
      assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS on http');
      assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(response.body), 'no inline scripts');
      assert.ok(!/\sstyle=/.test(response.body), 'no inline styles');
    });

    test('every request carries a request id; a safe incoming one is kept', async () => {
      assert.equal((await get('/healthz', { 'x-request-id': 'abc-123' })).headers['x-request-id'], 'abc-123');
      const generated = (await get('/healthz', { 'x-request-id': 'bad id with spaces' })).headers[
        'x-request-id'
      ];
      assert.match(String(generated), /^[0-9a-f-]{36}$/);
    });

    test('healthz and readyz', async () => {
      assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
      const ready = await get('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', database: 'ok' });
    });

    test('state-changing requests need a CSRF token from the same visitor', async () => {
      const refused = await portal.server.inject({ method: 'POST', url: '/en/form-test', payload: { a: 1 } });
      assert.equal(refused.statusCode, 403);
      assert.ok(refused.body.includes('This form has expired'));

      const issued = await get('/en/form-test');
      const token = issued.json<{ token: string }>().token;
      const cookie = issued.cookies.find((c) => c.name === '_csrf');
      assert.ok(cookie?.httpOnly, 'secret cookie is httpOnly');
      assert.equal(cookie.sameSite, 'Lax');

      const form = await portal.server.inject({
        method: 'POST',
        url: '/en/form-test',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_csrf=${cookie.value}` },
        payload: `_csrf=${encodeURIComponent(token)}&name=x`,
      });
      assert.equal(form.statusCode, 200);
      assert.deepEqual(form.json(), { saved: true });

      const wrongToken = await portal.server.inject({
        method: 'POST',
        url: '/en/form-test',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_csrf=${cookie.value}` },
        payload: `_csrf=forged&name=x`,
      });
      assert.equal(wrongToken.statusCode, 403);
    });

    test('assets: fingerprinted, cached for a year, precompressed, revalidated by ETag', async () => {
      const home = await get('/en/');
      const cssUrl = /href="(\/assets\/ladder-[0-9a-f]{12}\.css)"/.exec(home.body)?.[1];
      assert.ok(cssUrl, 'stylesheet link');
      const css = await get(cssUrl, { 'accept-encoding': 'br, gzip' });
      assert.equal(css.statusCode, 200);
      assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(css.headers['content-encoding'], 'br');
      const text = brotliDecompressSync(css.rawPayload).toString();
      assert.match(text, /ontario-input/, 'Ontario Design System styles are bundled');
      assert.match(text, /--ladder-brand:#1a1a1a/);
      const fonts = [...text.matchAll(/url\("?(\/assets\/[^")]+)"?\)/g)].map((m) => m[1] ?? '');
      assert.ok(fonts.length > 5, 'fonts are self-hosted');
      assert.ok(!/url\("?https?:/.test(text), 'no request leaves the server');
      const font = await get(fonts.find((f) => f.endsWith('.woff2')) ?? '');
      assert.equal(font.statusCode, 200);
      assert.equal(font.headers['content-type'], 'font/woff2');
      const etag = String(css.headers.etag);
      assert.equal((await get(cssUrl, { 'if-none-match': etag })).statusCode, 304);
      assert.equal((await get('/assets/ladder-000000000000.css')).statusCode, 404);
    });

    test('pages are compressed for browsers that accept it', async () => {
      const response = await get('/en/', { 'accept-encoding': 'br' });
      assert.equal(response.headers['content-encoding'], 'br');
      assert.match(brotliDecompressSync(response.rawPayload).toString(), /<html lang="en">/);
    });
  });
}

describe('limits and drains', () => {
  const [backend] = testBackends();
  let database: Database;
  before(async () => {
    database = await (backend ?? assert.fail('no backend')).create();
  });
  after(async () => {
    await database.close();
  });

  test('the rate limit answers 429 with Retry-After: a page for people, JSON for the API', async () => {
    const portal = await testPortal(database, { RATE_LIMIT_MAX: '3' });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await portal.server.inject('/en/')).statusCode, 200);
      const page = await portal.server.inject({ url: '/fr/', headers: {} });
      assert.equal(page.statusCode, 429);
      assert.ok(page.headers['retry-after']);
      assert.ok(page.body.includes('Trop de requêtes'));
      const api = await portal.server.inject('/api/v1/status');
      assert.equal(api.statusCode, 429);
      assert.equal(api.json<{ error: { code: string } }>().error.code, 'rate_limited');
      assert.equal((await portal.server.inject('/healthz')).statusCode, 200, 'probes are not limited');
    } finally {
      await portal.server.close();
    }
  });

  test('readiness fails once shutdown begins, while health stays up', async () => {
    const portal = await testPortal(database);
    try {
      portal.services.system.beginDrain();
      const ready = await portal.server.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.equal((await portal.server.inject('/healthz')).statusCode, 200);
    } finally {
      await portal.server.close();
    }
  });

  test('HSTS and upgrade-insecure-requests are sent when the portal is served over https', async () => {
    const portal = await testPortal(database, { BASE_URL: 'https://ladder.example.ca' });
    try {
      const response = await portal.server.inject('/en/');
      assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
      assert.match(String(response.headers['content-security-policy']), /upgrade-insecure-requests/);
      assert.ok(response.body.includes('<link rel="canonical" href="https://ladder.example.ca/en/"'));
    } finally {
      await portal.server.close();
    }
  });

  test('branding comes from configuration', async () => {
    const portal = await testPortal(database, { BRAND_NAME: 'Pathways', BRAND_COLOUR: '#0b3d91' });
    try {
      const page = await portal.server.inject('/en/');
      assert.ok(
        page.body.includes(
          '<title>Find a micro-credential that moves your career forward | Pathways</title>',
        ),
      );
      const cssUrl = /href="(\/assets\/ladder-[0-9a-f]{12}\.css)"/.exec(page.body)?.[1] ?? '';
      assert.match((await portal.server.inject(cssUrl)).body, /--ladder-brand:#0b3d91/);
    } finally {
      await portal.server.close();
    }
  });
});
