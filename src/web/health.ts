import type { App } from './server.ts';
import type { Services } from './services.ts';

/**
 * /healthz: the process is up (for restarts). /readyz: the database answers and the portal is not
 * shutting down (for load balancers). Both are outside the rate limit and the API document.
 */
export function registerHealth(app: App, services: Services): void {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await services.system.checkReady();
      return { status: 'ready', database: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready');
      return reply.status(503).send({ status: 'unavailable', reason: (error as Error).message });
    }
  });
}
