import { z } from 'zod';
import { LISTING_FEED_SCHEMA_PATH, listingFeedJsonSchema } from '../catalogue/feeds/json.ts';
import type { ContextDependencies } from './context.ts';
import { RequestError } from './errors.ts';
import { REFERRAL_PATH } from './routes.ts';
import type { App } from './server.ts';

/** Language-neutral catalogue routes: the tracked registration redirect and the feed's JSON Schema. */
export function registerCatalogueRoutes(app: App, deps: ContextDependencies): void {
  // "Register with the institution": records the click (program, time, page language; nothing about
  // the person) and sends the learner to the institution. 302 so every click reaches us.
  app.get(
    REFERRAL_PATH,
    {
      schema: {
        hide: true,
        params: z.object({
          id: z.string().regex(/^[0-9a-f-]{36}$/i, 'must be a program id (UUID)'),
        }),
        querystring: z.object({ lang: z.enum(['en', 'fr']).default('en') }),
      },
    },
    async (request, reply) => {
      const target = await deps.services.catalogue.referral(request.params.id, request.query.lang);
      if (target === undefined) throw new RequestError(404, 'No published program has this id.');
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(target, 302);
    },
  );

  const schema = JSON.stringify(
    listingFeedJsonSchema(`${deps.config.baseUrl}${LISTING_FEED_SCHEMA_PATH}`),
    null,
    2,
  );
  app.get(LISTING_FEED_SCHEMA_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/schema+json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(schema),
  );
}
