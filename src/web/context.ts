import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Assets } from './assets.ts';
import { isLang, langOfPath, negotiateLang, translator, type Lang } from './i18n/i18n.ts';
import type { RouteId, RouteParams } from './routes.ts';
import type { Services } from './services.ts';
import type { PageContext } from './views/layout.tsx';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on page routes: which page and language the route serves. */
    routeId?: RouteId;
    lang?: Lang;
  }
}

export interface ContextDependencies {
  config: Config;
  services: Services;
  assets: Assets;
}

/** The language of a request: its route's, else its path prefix, else its Accept-Language. */
export function requestLang(request: FastifyRequest): Lang {
  const configured = request.routeOptions.config.lang;
  if (isLang(configured)) return configured;
  return langOfPath(request.url) ?? negotiateLang(request.headers['accept-language']);
}

/** Everything a page view needs, derived from the request. */
export function pageContext(request: FastifyRequest, deps: ContextDependencies): PageContext {
  const lang = requestLang(request);
  const routeId = request.routeOptions.config.routeId;
  const queryStart = request.url.indexOf('?');
  return {
    lang,
    t: translator(lang),
    routeId,
    params: routeId ? ((request.params ?? {}) as RouteParams) : {},
    rawQuery: queryStart === -1 ? '' : request.url.slice(queryStart + 1),
    baseUrl: deps.config.baseUrl,
    brandName: deps.config.brand.name,
    assets: deps.assets,
    lmi: deps.services.system.status().lmi,
    requestId: request.id,
  };
}
