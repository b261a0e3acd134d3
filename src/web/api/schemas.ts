import { z } from 'zod';

/** The one shape of every API error; `code` values are stable and documented. */
export const apiError = z
  .object({
    error: z.object({
      code: z.enum([
        'invalid_request',
        'forbidden',
        'not_found',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
        'internal_error',
        'service_unavailable',
      ]),
      message: z.string(),
      details: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ApiError = z.infer<typeof apiError>;
export type ApiErrorCode = ApiError['error']['code'];

/** Error responses every API operation can return, for the OpenAPI document. */
export const standardErrors = { 400: apiError, 429: apiError, 500: apiError } as const;
