import { z } from 'zod';
import { SUGGESTION_KINDS } from '../../search/suggest.ts';
import type { SearchService } from '../../search/service.ts';
import type { App } from '../server.ts';
import { standardErrors } from './schemas.ts';

const suggestions = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(SUGGESTION_KINDS),
        label: z.string(),
        lang: z.enum(['en', 'fr']).nullable(),
        occupation: z.object({ code: z.string(), titleEn: z.string(), titleFr: z.string() }).nullable(),
        params: z.record(z.string(), z.string()).describe('The precise search this suggestion runs.'),
        programs: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Suggestions' });

/** `GET /api/v1/suggest?q=`: typed suggestions while typing in the search box. */
export function registerSuggestApi(api: App, search: SearchService): void {
  api.get(
    '/suggest',
    {
      schema: {
        operationId: 'suggest',
        summary:
          'Job titles, occupations, skills, technologies, industries, institutions and programs matching what is typed.',
        tags: ['programs'],
        querystring: z.object({
          q: z.string().trim().max(100, 'must be 100 characters or fewer'),
          lang: z.enum(['en', 'fr'], { error: 'must be en or fr' }).default('en'),
          limit: z.coerce
            .number()
            .int('must be a whole number')
            .min(1, 'must be 1 or more')
            .max(20, 'must be 20 or fewer')
            .default(8),
        }),
        response: { 200: suggestions, ...standardErrors },
      },
    },
    async (request) => ({
      items: await search.suggest(request.query.q, request.query.lang, request.query.limit),
    }),
  );
}
