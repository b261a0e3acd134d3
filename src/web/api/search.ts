import { z } from 'zod';
import { FACETS } from '../../search/documents.ts';
import { filtersOf, searchParams } from '../../search/params.ts';
import type { SearchService } from '../../search/service.ts';
import type { App } from '../server.ts';
import { standardErrors } from './schemas.ts';

const reason = z.object({
  kind: z.enum(['title', 'skill', 'technology', 'occupation', 'industry', 'institution', 'text']),
  labelEn: z.string(),
  labelFr: z.string(),
});

const programHit = z.object({
  id: z.string(),
  slug: z.string(),
  titleEn: z.string().nullable(),
  titleFr: z.string().nullable(),
  institutionId: z.string(),
  institutionEn: z.string(),
  institutionFr: z.string(),
  deliveryMode: z.string(),
  durationWeeks: z.number(),
  totalCostCents: z
    .number()
    .int()
    .nullable()
    .describe('Tuition, fees and materials in cents (CAD); null when not published.'),
  osapStatus: z.string(),
  nextStart: z.string().nullable().describe('Next start date (YYYY-MM-DD) on or after today.'),
  isDemo: z.boolean(),
  score: z.number(),
  reasons: z.array(reason).describe('Why the program matched: the skill, technology or occupation named.'),
});

const searchResult = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
    items: z.array(programHit),
    facets: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int() }))),
    explanation: z.object({
      query: z.string(),
      corrections: z.array(z.object({ from: z.string(), to: z.string() })),
      unmatched: z.array(z.string()),
      didYouMean: z
        .object({ q: z.string(), total: z.number().int() })
        .optional()
        .describe('When nothing matches: the query with one word fewer that finds the most programs.'),
      withoutFilters: z
        .number()
        .int()
        .optional()
        .describe('When nothing matches with filters: how many programs the words alone find.'),
      jobTitles: z
        .array(
          z.object({
            noc: z.string(),
            titleEn: z.string(),
            titleFr: z.string(),
            probability: z.number(),
          }),
        )
        .describe(
          'Unit groups the query names as a job title: their programs match too, after text matches.',
        ),
    }),
  })
  .meta({ id: 'ProgramSearch' });

export const PAGE_SIZE = 20;

/** `GET /api/v1/programs`: the search page's results, facets and explanation as JSON. */
export function registerSearchApi(api: App, search: SearchService): void {
  api.get(
    '/programs',
    {
      schema: {
        operationId: 'searchPrograms',
        summary: 'Programs matching words and filters, with facet counts, 20 a page.',
        tags: ['programs'],
        querystring: searchParams,
        response: { 200: searchResult, ...standardErrors },
      },
    },
    async (request) => {
      const params = request.query;
      const result = await search.search({
        q: params.q,
        filters: filtersOf(params),
        sort: params.sort,
        page: params.page,
        pageSize: PAGE_SIZE,
      });
      return {
        total: result.total,
        page: result.page,
        pages: result.pages,
        items: result.items,
        facets: Object.fromEntries(FACETS.map((facet) => [facet, result.facets[facet]])),
        explanation: {
          query: params.q ?? '',
          corrections: result.corrections,
          unmatched: result.unmatched,
          ...(result.didYouMean === undefined ? {} : { didYouMean: result.didYouMean }),
          ...(result.withoutFilters === undefined ? {} : { withoutFilters: result.withoutFilters }),
          jobTitles: result.jobTitles,
        },
      };
    },
  );
}
