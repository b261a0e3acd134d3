import autocannon from 'autocannon';
import { z } from 'zod';

/**
 * The HTTP load of `npm run bench:search`, run in its own process so the load generator does not
 * share an event loop with the portal under test: autocannon cycling through the query mix's pages.
 * Input: one JSON argument; output: one JSON line on stdout.
 */
const input = z
  .object({
    origin: z.url(),
    paths: z.array(z.string().startsWith('/')).min(1),
    connections: z.number().int().min(1),
    seconds: z.number().int().min(1),
    headers: z.record(z.string(), z.string()),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const result = await autocannon({
  url: input.origin,
  connections: input.connections,
  duration: input.seconds,
  headers: input.headers,
  requests: input.paths.map((path) => ({ method: 'GET', path })),
});

process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
