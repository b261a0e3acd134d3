import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiDocument } from '../api/v1.ts';
import { pageContext, type ContextDependencies } from '../context.ts';
import { LANGS, negotiateLang } from '../i18n/i18n.ts';
import { href, pageRoutes, type RouteId } from '../routes.ts';
import type { App } from '../server.ts';
import type { PageContext } from '../views/layout.tsx';
import { apiDocsPage } from './api-docs.tsx';
import {
  careerOccupationPage,
  careerPathsPage,
  careerProfilePage,
  careerProgramsPage,
  careerTransitionsPage,
} from './career-paths.tsx';
import { careerProfileQuery, careerQuery } from '../views/career-paths.tsx';
import { homePage } from './home.tsx';
import { aboutDataPage, accessibilityPage, privacyPage, termsPage } from './info.tsx';
import {
  inDemandPage,
  nocParams,
  occupationPage,
  occupationSearchQuery,
  occupationsPage,
} from './occupations.tsx';
import { institutionPage, institutionParams, institutionsPage, pageQuery } from './institutions.tsx';
import { comparePage, compareQuery, programPage, programParams } from './programs.tsx';
import { searchPage, searchQuery } from './search.tsx';

type Render<Q> = (
  ctx: PageContext,
  query: Q,
  request: FastifyRequest,
  reply: FastifyReply,
) => string | Promise<string>;

/** Registers every page once per language from the route table, plus the language redirects. */
export function registerPages(app: App, deps: ContextDependencies, api: ApiDocument): void {
  function page<S extends z.ZodType>(
    id: RouteId,
    query: S | undefined,
    render: Render<z.output<S>>,
    params?: z.ZodType,
  ): void {
    for (const lang of LANGS) {
      app.route({
        method: 'GET',
        url: pageRoutes[id][lang],
        schema: { hide: true, ...(query ? { querystring: query } : {}), ...(params ? { params } : {}) },
        config: { routeId: id, lang },
        handler: async (request, reply) => {
          const html = await render(pageContext(request, deps), request.query as z.output<S>, request, reply);
          if (reply.sent) return reply; // the page redirected
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
        },
      });
    }
  }

  page('home', undefined, (ctx) => homePage(ctx, deps.services.lmi));
  page('search', searchQuery, (ctx, query) => searchPage(ctx, deps.services, query));
  page('occupations', occupationSearchQuery, (ctx, query) => occupationsPage(ctx, deps.services.lmi, query));
  page('occupationsInDemand', undefined, (ctx) => inDemandPage(ctx, deps.services.lmi));
  page(
    'occupation',
    undefined,
    (ctx, _query, request) =>
      occupationPage(
        ctx,
        deps.services.lmi,
        deps.services.catalogue,
        (request.params as z.output<typeof nocParams>).noc,
      ),
    nocParams,
  );
  page('careerPaths', careerQuery, (ctx, query) => careerPathsPage(ctx, query));
  page('careerOccupation', careerQuery, (ctx, query) => careerOccupationPage(ctx, deps.services, query));
  page('careerProfile', careerProfileQuery, (ctx, query, _request, reply) =>
    careerProfilePage(ctx, deps.services, query, reply),
  );
  page('careerTransitions', careerQuery, (ctx, query) => careerTransitionsPage(ctx, deps.services, query));
  page('careerPrograms', careerQuery, (ctx, query) => careerProgramsPage(ctx, deps.services, query));
  page('programCompare', compareQuery, (ctx, query) => comparePage(ctx, deps.services, query));
  page(
    'program',
    undefined,
    (ctx, _query, request, reply) =>
      programPage(ctx, deps.services, (request.params as z.output<typeof programParams>).slug, reply),
    programParams,
  );
  page('institutions', undefined, (ctx) => institutionsPage(ctx, deps.services.catalogue));
  page(
    'institution',
    pageQuery,
    (ctx, query, request) =>
      institutionPage(
        ctx,
        deps.services.catalogue,
        (request.params as z.output<typeof institutionParams>).id,
        query,
      ),
    institutionParams,
  );
  page('aboutData', undefined, async (ctx) => aboutDataPage(ctx, await deps.services.lmi.sources()));
  page('accessibility', undefined, (ctx) => accessibilityPage(ctx));
  page('privacy', undefined, (ctx) => privacyPage(ctx));
  page('terms', undefined, (ctx) => termsPage(ctx));
  page('apiDocs', undefined, (ctx) => apiDocsPage(ctx, api.document(), api.documentUrl));

  // "/" and "/api/docs" pick the visitor's language; "/en" and "/fr" gain their trailing slash.
  const byLanguage = (id: RouteId) => async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('vary', 'accept-language')
      .redirect(href(id, negotiateLang(request.headers['accept-language'])), 302);
  app.get('/', { schema: { hide: true } }, byLanguage('home'));
  app.get('/api/docs', { schema: { hide: true } }, byLanguage('apiDocs'));
  for (const lang of LANGS) {
    app.get(`/${lang}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect(href('home', lang), 301),
    );
  }
}
