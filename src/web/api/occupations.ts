import { z } from 'zod';
import { HIRING_INDICATORS, LABOUR_CONDITIONS, OUTLOOK_LABELS } from '../../lmi/hiring-indicator.ts';
import type { LmiService } from '../../lmi/service.ts';
import { RequestError } from '../errors.ts';
import type { App } from '../server.ts';
import { apiError, standardErrors } from './schemas.ts';

const lang = z.enum(['en', 'fr']).default('en').describe('Language of titles: en or fr.');

const localText = z
  .object({ text: z.string(), lang: z.enum(['en', 'fr']).describe('The language the text is published in.') })
  .meta({ id: 'LocalText' });

const hiring = z
  .object({
    indicator: z.enum(HIRING_INDICATORS),
    points: z.number().nullable(),
    inputs: z.object({
      ontarioOutlook: z.enum(OUTLOOK_LABELS).nullable(),
      outlookPeriod: z.string().nullable(),
      futureConditions: z.enum(LABOUR_CONDITIONS).nullable(),
    }),
  })
  .meta({ id: 'HiringIndicator', description: 'The hiring indicator and the inputs it was computed from.' });

const rated = z.object({ code: z.string(), name: localText, level: z.number(), release: z.string() });
const group = z.object({ code: z.string(), level: z.number().int(), title: localText });

const occupation = z
  .object({
    code: z.string(),
    title: localText,
    titleEn: z.string(),
    titleFr: z.string().nullable(),
    definition: localText.nullable(),
    teer: z.number().int().nullable(),
    hierarchy: z.array(group),
    exampleTitles: z.array(localText),
    profiles: z.array(
      z.object({
        code: z.string(),
        title: localText,
        leadStatement: localText.nullable(),
        mainDuties: z.array(localText),
        employmentRequirements: z.array(localText),
      }),
    ),
    skills: z.array(rated),
    abilities: z.array(rated),
    knowledge: z.array(rated),
    technologies: z.array(
      z.object({ name: z.string(), hot: z.boolean(), inDemand: z.boolean(), weight: z.number() }),
    ),
    related: z.array(z.object({ code: z.string(), title: localText, score: z.number() })),
    ontarioOutlook: z
      .object({ label: z.enum(OUTLOOK_LABELS), period: z.string(), releaseDate: z.string().nullable() })
      .nullable(),
    projection: z
      .object({
        copsCode: z.string(),
        copsTitle: localText,
        aggregate: z.boolean(),
        employment2023: z.number().int().nullable(),
        employmentGrowth: z.number().int().nullable(),
        jobOpenings: z.number().int().nullable(),
        jobSeekers: z.number().int().nullable(),
        recentConditions: z.enum(LABOUR_CONDITIONS).nullable(),
        futureConditions: z.enum(LABOUR_CONDITIONS).nullable(),
      })
      .nullable(),
    hiring,
    sources: z.array(
      z.object({ id: z.string(), title: z.string(), version: z.string(), importedAt: z.string() }),
    ),
  })
  .meta({ id: 'Occupation' });

const occupationMatches = z
  .object({
    items: z.array(
      z.object({ code: z.string(), title: localText, matchedTitle: z.string(), score: z.number() }),
    ),
  })
  .meta({ id: 'OccupationMatches' });

const sources = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        publisher: z.string(),
        title: z.string(),
        version: z.string(),
        licence: z.string(),
        licenceUrl: z.string(),
        attributionEn: z.string(),
        attributionFr: z.string(),
        files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })),
        checksum: z.string(),
        rows: z.number().int(),
        importedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'LmiSources' });

function requireLoaded(lmi: LmiService): void {
  if (!lmi.status().loaded) {
    throw new RequestError(
      503,
      'Labour-market data is not loaded on this portal; an administrator loads it with LMI_DIR or npm run lmi:import.',
    );
  }
}

/** Occupations (NOC 2021 unit groups) and LMI provenance under /api/v1. */
export function registerOccupationApi(api: App, lmi: LmiService): void {
  api.get(
    '/occupations/:noc',
    {
      schema: {
        operationId: 'getOccupation',
        summary: 'A NOC 2021 unit group with its skills, technologies, outlook and hiring indicator.',
        tags: ['occupations'],
        params: z.object({
          noc: z.string().regex(/^\d{5}$/, 'must be a 5-digit NOC 2021 unit group code, such as 21232'),
        }),
        querystring: z.object({ lang }),
        response: { 200: occupation, 404: apiError, 503: apiError, ...standardErrors },
      },
    },
    async (request) => {
      requireLoaded(lmi);
      const profile = await lmi.occupation(request.params.noc, request.query.lang);
      if (!profile) throw new RequestError(404, `No NOC 2021 unit group has the code ${request.params.noc}.`);
      return profile;
    },
  );

  api.get(
    '/occupations',
    {
      schema: {
        operationId: 'searchOccupations',
        summary: 'Unit groups whose title or example job titles match a text, best first.',
        tags: ['occupations'],
        querystring: z.object({
          q: z.string().trim().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer'),
          limit: z.coerce.number().int('must be a whole number').min(1).max(50).default(10),
          lang,
        }),
        response: { 200: occupationMatches, 503: apiError, ...standardErrors },
      },
    },
    async (request) => {
      requireLoaded(lmi);
      return { items: await lmi.searchOccupations(request.query.q, request.query.lang, request.query.limit) };
    },
  );

  api.get(
    '/lmi/sources',
    {
      schema: {
        operationId: 'listLmiSources',
        summary: 'Provenance of the loaded labour-market data: publisher, version, licence, checksums.',
        tags: ['occupations'],
        response: { 200: sources, ...standardErrors },
      },
    },
    async () => ({
      items: (await lmi.sources()).map((source) => ({
        ...source,
        importedAt: source.importedAt.toISOString(),
      })),
    }),
  );
}
