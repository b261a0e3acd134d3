import { z } from 'zod';
import { HIRING_INDICATORS, LABOUR_CONDITIONS, OUTLOOK_LABELS } from '../../lmi/hiring-indicator.ts';
import { recommendInput, recommendParams } from '../../recommend/params.ts';
import { LmiNotLoadedError, type RecommendService } from '../../recommend/service.ts';
import { TITLE_SOURCES } from '../../recommend/title-matcher.ts';
import { RequestError } from '../errors.ts';
import type { App } from '../server.ts';
import { apiError, standardErrors } from './schemas.ts';

const lang = z.enum(['en', 'fr'], { error: 'must be en or fr' }).default('en');

const titleMatch = z.object({
  noc: z.string(),
  title: z.string().describe('The unit group title in the asked language.'),
  score: z
    .number()
    .describe('Probability (0–1) that this is the unit group, calibrated on held-out real titles.'),
  matchedOn: z.object({ title: z.string(), source: z.enum(TITLE_SOURCES), lang: z.enum(['en', 'fr']) }),
});

const occupationSummary = z.object({
  code: z.string(),
  title: z.string(),
  teer: z.number().int(),
  ontarioOutlook: z.enum(OUTLOOK_LABELS).nullable(),
  futureConditions: z.enum(LABOUR_CONDITIONS).nullable(),
  hiring: z.enum(HIRING_INDICATORS),
});

const namedLevel = z.object({
  code: z.string().describe('OaSIS descriptor code.'),
  name: z.string().describe('OaSIS descriptor name (published in English only).'),
  category: z.enum(['skills', 'abilities', 'knowledge']),
  level: z.number().describe('OaSIS level, 0–5.'),
});

const technology = z.object({ name: z.string(), hot: z.boolean(), inDemand: z.boolean() });

const transition = z.object({
  code: z.string(),
  occupation: occupationSummary,
  similarity: z.number().describe('Weighted Ruzicka similarity of skills, abilities and knowledge, 0–1.'),
  viable: z.boolean(),
  desirable: z.boolean(),
  outlookAtLeastAsGood: z.boolean().nullable(),
  notAStepDown: z.boolean(),
  carriesOver: z.array(namedLevel),
  skillGaps: z.array(namedLevel.extend({ have: z.number() })),
  technologyGaps: z.array(technology),
});

const program = z.object({
  id: z.string(),
  slug: z.string(),
  titleEn: z.string().nullable(),
  titleFr: z.string().nullable(),
  institutionEn: z.string(),
  institutionFr: z.string(),
  deliveryMode: z.string(),
  weeks: z.number(),
  costCents: z.number().int().nullable(),
  nextStart: z.string().nullable(),
  isDemo: z.boolean(),
  coverage: z.number().describe('Share of the gap’s weight the program closes, 0–1.'),
  teaches: z.array(z.string()).describe('The gap items it teaches.'),
});

const recommendation = z
  .object({
    matches: z.array(titleMatch),
    occupations: z.array(occupationSummary),
    assumed: z.boolean().describe('True when the profile uses the title’s best match, not a confirmed noc.'),
    profile: z
      .object({
        skills: z.array(namedLevel.extend({ added: z.boolean() })),
        technologies: z.array(z.object({ name: z.string(), added: z.boolean() })),
        removed: z.array(z.object({ value: z.string(), label: z.string() })),
      })
      .nullable(),
    transitions: z.array(transition),
    grow: z
      .array(technology)
      .describe('Hot or in-demand technologies of the current occupation not in the profile.'),
    target: z
      .object({
        transition,
        gap: z.array(
          z.object({
            kind: z.enum(['skill', 'technology']),
            key: z.string(),
            label: z.string(),
            weight: z.number(),
          }),
        ),
        programs: z.array(program),
        bestSet: z
          .object({
            programs: z.array(program),
            coverage: z.number(),
            weeks: z.number(),
            costCents: z.number().int().nullable(),
            closes: z.array(z.string()),
          })
          .nullable(),
      })
      .nullable(),
    unresolved: z.array(z.string()).describe('Codes or names in the parameters that name nothing known.'),
  })
  .meta({ id: 'Recommendation' });

/** The LMI is needed for all of it: a 503 that says how to load it. */
async function withLmi<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LmiNotLoadedError) {
      throw new RequestError(
        503,
        'Labour-market data is not loaded on this portal; an administrator loads it with LMI_DIR or npm run lmi:import.',
      );
    }
    throw error;
  }
}

/** Job-title matching, skill profiles, transitions and programs that close a gap, under /api/v1. */
export function registerRecommendationApi(api: App, recommend: RecommendService): void {
  api.get(
    '/occupations/match',
    {
      schema: {
        operationId: 'matchJobTitle',
        summary:
          'NOC 2021 unit groups for a job title in English or French, best first, with calibrated scores.',
        tags: ['occupations'],
        querystring: z.object({
          title: z.string().trim().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer'),
          lang,
          limit: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be 1 or more')
            .max(50, 'must be 50 or fewer')
            .default(5),
        }),
        response: { 200: z.object({ matches: z.array(titleMatch) }), 503: apiError, ...standardErrors },
      },
    },
    async (request) =>
      withLmi(async () => ({
        matches: await recommend.matchTitle(request.query.title, request.query.lang, request.query.limit),
      })),
  );

  api.get(
    '/recommendations',
    {
      schema: {
        operationId: 'recommend',
        summary:
          'From a job title or NOC codes and profile edits: the skill profile, career transitions with their gaps, and programs that close a chosen gap.',
        tags: ['occupations'],
        querystring: recommendParams.extend({ lang }),
        response: { 200: recommendation, 503: apiError, ...standardErrors },
      },
    },
    async (request) => withLmi(() => recommend.recommend(recommendInput(request.query, request.query.lang))),
  );

  api.get(
    '/recommendations/vocabulary',
    {
      schema: {
        operationId: 'profileVocabulary',
        summary:
          'Skills (OaSIS) and technologies (O*NET) whose names match what is typed, to add to a profile.',
        tags: ['occupations'],
        querystring: z.object({
          q: z.string().trim().max(100, 'must be 100 characters or fewer'),
          limit: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be 1 or more')
            .max(50, 'must be 50 or fewer')
            .default(10),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                kind: z.enum(['skill', 'technology']),
                value: z.string().describe('The add= value that adds it to a profile.'),
                label: z.string(),
              }),
            ),
          }),
          503: apiError,
          ...standardErrors,
        },
      },
    },
    async (request) =>
      withLmi(async () => ({ items: await recommend.vocabulary(request.query.q, request.query.limit) })),
  );
}
