import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { App } from '../server.ts';
import type { Services } from '../services.ts';
import { registerOccupationApi } from './occupations.ts';
import { registerCatalogueApi } from './programs.ts';
import { registerSearchApi } from './search.ts';
import { registerSuggestApi } from './suggest.ts';
import { registerRecommendationApi } from './recommendations.ts';
import { standardErrors } from './schemas.ts';

export interface ApiDocument {
  /** The OpenAPI 3.1 document generated from the routes' zod schemas (after the app is ready). */
  document(): OpenAPIV3_1.Document;
  readonly documentUrl: string;
}

const statusResponse = z
  .object({
    version: z.string(),
    database: z.enum(['pglite', 'postgres']),
    lmi: z.object({
      loaded: z.boolean().describe('True when the NOC backbone is loaded.'),
      missing: z.array(z.string()).describe('Core LMI sources not loaded.'),
    }),
  })
  .meta({ id: 'Status' });

/**
 * The JSON API under /api/v1. Swagger is registered inside this scope, so the OpenAPI document
 * describes exactly the API routes; pages and assets stay out of it.
 */
export async function registerApi(
  app: App,
  deps: { config: Config; services: Services },
): Promise<ApiDocument> {
  let scope: App | undefined;
  await app.register(
    async (api: App) => {
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: `${deps.config.brand.name} API`,
            version: '1',
            description: 'Micro-credentials, occupations and labour-market information for Ontario.',
            license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
          },
          servers: [{ url: deps.config.baseUrl }],
        },
        transform: jsonSchemaTransform,
        transformObject: jsonSchemaTransformObject,
      });

      api.get(
        '/status',
        {
          schema: {
            operationId: 'getStatus',
            summary: 'The portal’s version, database engine and which data is loaded.',
            tags: ['system'],
            response: { 200: statusResponse, ...standardErrors },
          },
        },
        async () => deps.services.system.status(),
      );

      registerOccupationApi(api, deps.services.lmi);
      registerCatalogueApi(api, deps.services.catalogue, deps.config);
      registerSearchApi(api, deps.services.search);
      registerSuggestApi(api, deps.services.search);
      registerRecommendationApi(api, deps.services.recommend);

      api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
      scope = api;
    },
    { prefix: '/api/v1' },
  );
  return {
    document: () => {
      if (!scope) throw new Error('API not registered');
      return scope.swagger() as OpenAPIV3_1.Document;
    },
    documentUrl: '/api/v1/openapi.json',
  };
}
