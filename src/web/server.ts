import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Assets } from './assets.ts';
import { registerApi } from './api/v1.ts';
import { registerErrorHandlers } from './errors.ts';
import { registerHealth } from './health.ts';
import { registerCatalogueRoutes } from './catalogue-routes.ts';
import { registerPages } from './pages/register.ts';
import { registerStatic } from './static.ts';
import type { Services } from './services.ts';

export interface WebDependencies {
  config: Config;
  services: Services;
  assets: Assets;
  /** Pino options, or false for no logs (tests). Defaults to the configured level on stdout. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

/** The application instance, typed so route schemas written with zod type their handlers. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on a state-changing route that must not require a CSRF token (token-authenticated API). */
    csrf?: boolean;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const QUIET_PATHS = /^\/(assets\/|healthz$|readyz$)/;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** Builds the Fastify application: security, logging, assets, pages, API and error pages. */
export async function createServer(deps: WebDependencies): Promise<App> {
  const { config } = deps;
  const secure = config.baseUrl.startsWith('https:');
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: typeof deps.logger === 'object' ? deps.logger.level : config.logLevel,
            ...(typeof deps.logger === 'object' && deps.logger.stream ? { stream: deps.logger.stream } : {}),
            // Requests are logged without client addresses or headers (privacy); cookies never.
            serializers: {
              req: (request: FastifyRequest) => ({ method: request.method, url: request.url }),
            },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    // A caller's X-Request-Id is kept when it is a plain token, so ids can be followed across systems.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // One line per request, when it is answered (the onResponse hook below), instead of two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    // A number trusts that many proxy hops in X-Forwarded-For (closest first).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // In-flight requests finish during shutdown; the listener stops taking new connections.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The security headers, from helmet's middleware built once (@fastify/helmet builds it again for
  // every request: a few percent of a search page's CPU time under load, docs/performance.md).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  // Probes and fingerprinted assets would drown the request log; everything else is logged.
  app.addHook('onResponse', (request, reply, done) => {
    if (!QUIET_PATHS.test(request.url)) {
      request.log.info(
        { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 },
        'request completed',
      );
    }
    done();
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });

  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Pages are rendered per request, so they are compressed per request: in one synchronous call
    // (a page is 20–60 KB), not through a zlib stream per response on libuv's threadpool, and with a
    // 256 KB brotli window instead of the default 4 MB, whose allocation dominated the cost. Measured
    // on the search page under load (docs/performance.md): 173 requests/s with the defaults on this
    // 2-core machine, over 700 with these. Quality 1: over the search benchmark's 104 pages (27 KB on
    // average) 0.12 ms a page for 5.2 KB, against 0.17 ms for 4.8 KB at quality 2 and 0.30 ms for
    // 4.5 KB at quality 4 (bench:search prints this; docs/performance.md).
    syncThreshold: 256 * 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_LGWIN]: 18 } },
    zlibOptions: { level: 6 },
  });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const header = request.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });
  // Every state-changing route checks the CSRF token before its handler runs, unless it opts out.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((method) => UNSAFE_METHODS.has(method)) || route.config?.csrf === false) return;
    const existing =
      route.preHandler === undefined
        ? []
        : Array.isArray(route.preHandler)
          ? route.preHandler
          : [route.preHandler];
    route.preHandler = [app.csrfProtection.bind(app), ...existing];
  });
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute === 0 ? Number.MAX_SAFE_INTEGER : config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => config.rateLimitPerMinute === 0 || QUIET_PATHS.test(request.url),
  });

  // Error handlers first: plugin scopes registered later (the API) inherit them.
  registerErrorHandlers(app, deps);
  registerHealth(app, deps.services);
  registerStatic(app, deps.assets);
  const api = await registerApi(app, deps);
  registerPages(app, deps, api);
  registerCatalogueRoutes(app, deps);
  return app;
}
