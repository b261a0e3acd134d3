import { z } from 'zod';
import type { Assets } from './assets.ts';
import type { App } from './server.ts';

const YEAR_SECONDS = 31_536_000;

/** Fingerprinted assets (cached for a year), robots.txt and the /favicon.ico that browsers ask for. */
export function registerStatic(app: App, assets: Assets): void {
  const params = z.object({ file: z.string().max(200) });
  app.get('/assets/:file', { compress: false, schema: { hide: true, params } }, async (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    reply
      .header('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`)
      .header('etag', asset.etag)
      .header('vary', 'accept-encoding')
      .type(asset.type);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const { body, encoding } = asset.encoded(request.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(body);
  });

  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => {
    return reply.header('cache-control', 'public, max-age=86400').redirect(assets.url('favicon') ?? '/', 301);
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('text/plain; charset=utf-8').send('User-agent: *\nAllow: /\nDisallow: /api/\n');
  });
}
