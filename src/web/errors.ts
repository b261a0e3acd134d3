import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pageContext, type ContextDependencies } from './context.ts';
import { errorPage } from './pages/error.tsx';
import type { ApiError, ApiErrorCode } from './api/schemas.ts';
import type { App } from './server.ts';

const CODES: Record<number, ApiErrorCode> = {
  400: 'invalid_request',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Problems with a request named by parameter, e.g. `q: must be 200 characters or fewer`. */
export interface ParameterProblem {
  parameter: string;
  message: string;
}

/** A 4xx raised by a handler or service with a message safe to show. */
export class RequestError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 415 | 503,
    message: string,
    readonly details?: ParameterProblem[],
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

/**
 * Errors become a JSON body `{ error: { code, message, details? } }` under /api/ and a styled page
 * in the request's language elsewhere. 4xx messages say what was wrong; 5xx never leak internals.
 */
export function registerErrorHandlers(app: App, deps: ContextDependencies): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const details = problemsOf(error);
    const status = details ? 400 : statusOf(error);
    // A RequestError's message is written for the visitor (a 503 says what is missing); other
    // failures never show theirs.
    const intended = error instanceof RequestError;
    if (status >= 500 && !intended) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason: error.message }, 'request rejected');
    const message =
      status >= 500 && !intended
        ? 'An unexpected error occurred; quote the request id when reporting it.'
        : details
          ? `Invalid request: ${details.map((d) => `${d.parameter} ${d.message}`).join('; ')}`
          : error.message;
    return sendError(request, reply, status, message, details, deps);
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // "/en/search/" → "/en/search" when that page exists: a stray slash should not be a dead end.
    if (request.method === 'GET' && path.length > 1 && path.endsWith('/')) {
      const trimmed = path.replace(/\/+$/, '');
      if (app.hasRoute({ method: 'GET', url: trimmed })) {
        return reply.redirect(trimmed + request.url.slice(path.length), 301);
      }
    }
    return sendError(request, reply, 404, `No resource at ${request.method} ${path}`, undefined, deps);
  });
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  details: ParameterProblem[] | undefined,
  deps: ContextDependencies,
): FastifyReply {
  reply.status(status).header('cache-control', 'no-store');
  if (isApiRequest(request)) {
    const body: ApiError = {
      error: { code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request'), message },
    };
    if (details) body.error.details = details;
    return reply.type('application/json; charset=utf-8').send(body);
  }
  const detail = details ? details.map((d) => d.parameter).join(', ') : '';
  return reply.type('text/html; charset=utf-8').send(errorPage(pageContext(request, deps), status, detail));
}

function statusOf(error: FastifyError): number {
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 600) return status;
  return 500;
}

function problemsOf(error: FastifyError): ParameterProblem[] | undefined {
  if (error instanceof RequestError) return error.details;
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const where = (error as { validationContext?: string }).validationContext ?? 'request';
  return error.validation.map((issue) => ({
    parameter: issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || where,
    message: issue.message ?? 'is invalid',
  }));
}
