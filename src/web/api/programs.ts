import { Readable } from 'node:stream';
import { z } from 'zod';
import { catalogueUrls, EXPORT_FORMATS, exportCatalogue, toInstitution } from '../../catalogue/export.ts';
import { listingToCtdl } from '../../catalogue/feeds/ctdl.ts';
import { FeedFileError } from '../../catalogue/feeds/report.ts';
import { INSTITUTION_TYPES } from '../../catalogue/model.ts';
import type { CatalogueService } from '../../catalogue/service.ts';
import type { Config } from '../../config.ts';
import { RequestError } from '../errors.ts';
import type { App } from '../server.ts';
import { apiError, standardErrors } from './schemas.ts';

const institution = z
  .object({
    id: z.string(),
    name: z.object({ en: z.string(), fr: z.string() }),
    type: z.enum(INSTITUTION_TYPES),
    city: z.string(),
    region: z.string().optional(),
    website: z.string(),
    logoUrl: z.string().optional(),
    ctdlId: z.string().optional(),
    isDemo: z.boolean().describe('A fictional institution of the demonstration catalogue.'),
    programs: z.number().int().describe('Published programs.'),
  })
  .meta({ id: 'Institution' });

const listing = z
  .record(z.string(), z.unknown())
  .describe('The listing in the JSON feed format: see /schemas/listing-feed.json.');

const program = z
  .object({
    id: z.string().describe('Stable id (UUID).'),
    slug: z.string(),
    url: z.string().describe('The program page (English).'),
    version: z.number().int(),
    isDemo: z.boolean().describe('Demonstration data: a fictional listing.'),
    updatedAt: z.string(),
    institution,
    listing,
  })
  .meta({ id: 'Program' });

const programSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.object({ en: z.string().nullable(), fr: z.string().nullable() }),
});

const problem = z.object({ location: z.string(), field: z.string(), message: z.string() });
const feedReport = z
  .object({
    format: z.enum(['csv', 'json', 'ctdl']),
    fileName: z.string().optional(),
    valid: z.boolean().describe('True when the feed has no errors and would be applied.'),
    accepted: z.number().int().describe('Listings that passed every check.'),
    errors: z.array(problem),
    warnings: z.array(problem),
  })
  .meta({ id: 'FeedReport' });

const PAGE_SIZE = 100;

/** Programs, institutions, feed validation and the catalogue export under /api/v1. */
export function registerCatalogueApi(api: App, catalogue: CatalogueService, config: Config): void {
  const urls = catalogueUrls(config.baseUrl);

  api.get(
    '/programs/:program',
    {
      schema: {
        operationId: 'getProgram',
        summary: 'A published program by id or slug, as JSON or CTDL JSON-LD.',
        tags: ['programs'],
        params: z.object({
          program: z
            .string()
            .max(120, 'must be 120 characters or fewer')
            .regex(/^[a-z0-9-]+$/i, 'must be a program id (UUID) or slug'),
        }),
        querystring: z.object({
          format: z.enum(['json', 'ctdl'], { error: 'must be json or ctdl' }).default('json'),
        }),
        response: { 200: program.or(z.record(z.string(), z.unknown())), 404: apiError, ...standardErrors },
      },
    },
    async (request, reply) => {
      const record = await catalogue.program(request.params.program);
      if (record === undefined) {
        throw new RequestError(404, `No published program has the id or slug "${request.params.program}".`);
      }
      const owner = toInstitution(record.institution);
      if (request.query.format === 'ctdl') {
        void reply.type('application/ld+json; charset=utf-8');
        return listingToCtdl(record.listing, owner, {
          id: record.id,
          program: urls.program(record.slug),
          institution: urls.institution(owner.id),
        });
      }
      const counts = await catalogue.programCounts();
      return {
        id: record.id,
        slug: record.slug,
        url: urls.program(record.slug),
        version: record.version,
        isDemo: record.isDemo,
        updatedAt: record.updatedAt.toISOString(),
        institution: { ...owner, isDemo: record.institution.isDemo, programs: counts.get(owner.id) ?? 0 },
        listing: record.listing,
      };
    },
  );

  api.get(
    '/institutions',
    {
      schema: {
        operationId: 'listInstitutions',
        summary: 'Every institution with its number of published programs.',
        tags: ['programs'],
        response: { 200: z.object({ items: z.array(institution) }), ...standardErrors },
      },
    },
    async () => {
      const [rows, counts] = await Promise.all([catalogue.institutions(), catalogue.programCounts()]);
      return {
        items: rows.map((row) => ({
          ...toInstitution(row),
          isDemo: row.isDemo,
          programs: counts.get(row.id) ?? 0,
        })),
      };
    },
  );

  api.get(
    '/institutions/:institution',
    {
      schema: {
        operationId: 'getInstitution',
        summary: 'One institution with its published programs, 100 a page.',
        tags: ['programs'],
        params: z.object({
          institution: z
            .string()
            .max(60, 'must be 60 characters or fewer')
            .regex(/^[a-z0-9-]+$/, 'must be an institution id (lower-case letters, digits and -)'),
        }),
        querystring: z.object({
          page: z.coerce
            .number()
            .int('must be a whole number')
            .min(1, 'must be 1 or more')
            .max(10_000)
            .default(1),
        }),
        response: {
          200: institution.extend({ page: z.number().int(), items: z.array(programSummary) }),
          404: apiError,
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const row = await catalogue.institution(request.params.institution);
      if (row === undefined)
        throw new RequestError(404, `No institution has the id "${request.params.institution}".`);
      const counts = await catalogue.programCounts();
      const programs = await catalogue.programsForInstitution(
        row.id,
        PAGE_SIZE,
        (request.query.page - 1) * PAGE_SIZE,
      );
      return {
        ...toInstitution(row),
        isDemo: row.isDemo,
        programs: counts.get(row.id) ?? 0,
        page: request.query.page,
        items: programs.map((item) => ({
          id: item.id,
          slug: item.slug,
          title: { en: item.titleEn, fr: item.titleFr },
        })),
      };
    },
  );

  api.get(
    '/catalogue/export',
    {
      schema: {
        operationId: 'exportCatalogue',
        summary: 'Every published listing as a feed (JSON, CSV or CTDL JSON-LD).',
        tags: ['programs'],
        querystring: z.object({
          format: z.enum(EXPORT_FORMATS, { error: 'must be json, csv or ctdl' }).default('json'),
        }),
        response: { 200: z.string().describe('The feed file.'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const format = request.query.format;
      const type = { json: 'application/json', csv: 'text/csv', ctdl: 'application/ld+json' }[format];
      const chunks = exportCatalogue(catalogue, format, config.baseUrl);
      return reply
        .type(`${type}; charset=utf-8`)
        .header(
          'content-disposition',
          `attachment; filename="catalogue.${format === 'csv' ? 'csv' : 'json'}"`,
        )
        .send(
          // Streamed: the typed reply only knows the documented body (a string), not the stream that produces it.
          Readable.from(
            (async function* () {
              for await (const chunk of chunks) yield chunk.text;
            })(),
          ) as unknown as string,
        );
    },
  );

  // Feed validation takes the file as the raw request body, whatever its type, up to FEED_MAX_MB.
  void api.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: config.catalogue.feedMaxBytes },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scope.post(
      '/feeds/validate',
      {
        // Writes nothing and takes no cookie-authenticated action, so it needs no CSRF token.
        config: { csrf: false },
        bodyLimit: config.catalogue.feedMaxBytes,
        schema: {
          operationId: 'validateFeed',
          summary: 'Checks a listing feed and returns the report. Writes nothing.',
          tags: ['programs'],
          querystring: z.object({
            format: z.enum(['csv', 'json', 'ctdl'], { error: 'must be csv, json or ctdl' }).optional(),
            institution: z
              .string()
              .regex(/^[a-z0-9-]+$/, 'must be an institution id')
              .max(60)
              .optional(),
          }),
          response: { 200: feedReport, 413: apiError, 415: apiError, ...standardErrors },
        },
      },
      async (request) => {
        const body = request.body;
        if (!(body instanceof Buffer) || body.byteLength === 0) {
          throw new RequestError(400, 'The request body must be the feed file (CSV, JSON or CTDL JSON-LD).');
        }
        const contentType = request.headers['content-type'] ?? '';
        const format =
          request.query.format ??
          (contentType.includes('csv') ? 'csv' : contentType.includes('ld+json') ? 'ctdl' : undefined);
        try {
          const report = await catalogue.validateFeed(body, {
            ...(format === undefined ? {} : { format }),
            ...(request.query.institution === undefined ? {} : { institution: request.query.institution }),
          });
          return {
            format: report.format,
            valid: report.errors.length === 0,
            accepted: report.accepted,
            errors: report.errors,
            warnings: report.warnings,
          };
        } catch (error) {
          if (error instanceof FeedFileError)
            throw new RequestError(400, `The feed was rejected: ${error.message}.`);
          throw error;
        }
      },
    );
  });
}
