import { z } from 'zod';
import {
  AREAS_OF_FOCUS,
  DELIVERY_MODES,
  INSTITUTION_TYPES,
  INSTRUCTION_LANGUAGES,
  OSAP_STATUSES,
  SCHEDULES,
} from '../catalogue/model.ts';
import { COST_BANDS, DURATION_BANDS, START_WINDOWS, tagKey, type Filter } from './documents.ts';

/** A parameter given once or repeated (`?delivery=online&delivery=hybrid`), as a list of allowed values. */
export const many = (value: z.ZodType<string>) =>
  z
    .union([value, z.array(value).max(50, 'must be given 50 times or fewer')])
    .optional()
    .transform((item) => (item === undefined ? [] : Array.isArray(item) ? item : [item]));

const oneOf = (values: readonly string[]) =>
  z.string().refine((value) => values.includes(value), { message: `must be one of ${values.join(', ')}` });

/** Every search parameter: the same on the search page and `GET /api/v1/programs`. */
export const searchParams = z.object({
  q: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
  area: many(oneOf(AREAS_OF_FOCUS)),
  industry: many(z.string().regex(/^\d{2}(-\d{2})?$/, 'must be a NAICS sector such as 23 or 31-33')),
  occupation: many(z.string().regex(/^\d{5}$/, 'must be a 5-digit NOC 2021 unit group code')),
  institution: many(z.string().regex(/^[a-z0-9-]{2,60}$/, 'must be an institution id')),
  institutionType: many(oneOf(INSTITUTION_TYPES)),
  delivery: many(oneOf(DELIVERY_MODES)),
  duration: many(oneOf(DURATION_BANDS)),
  cost: many(oneOf(COST_BANDS)),
  osap: many(oneOf(OSAP_STATUSES)),
  stackable: many(oneOf(['yes'])),
  language: many(oneOf(INSTRUCTION_LANGUAGES)),
  region: many(z.string().trim().min(1).max(60, 'must be 60 characters or fewer')),
  start: many(oneOf(START_WINDOWS)),
  schedule: many(oneOf(SCHEDULES)),
  skill: many(z.string().trim().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer')),
  technology: many(z.string().trim().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer')),
  sort: z
    .enum(['relevance', 'start', 'cost', 'duration'], { error: 'must be relevance, start, cost or duration' })
    .default('relevance'),
  page: z.coerce
    .number({ error: 'must be a page number' })
    .int('must be a whole page number')
    .min(1, 'must be 1 or more')
    .max(500, 'must be 500 or less')
    .default(1),
});
export type SearchParams = z.output<typeof searchParams>;

/** The selected facet and tag filter values of parsed parameters. */
export function filtersOf(params: SearchParams): Partial<Record<Filter, readonly string[]>> {
  const {
    area,
    industry,
    occupation,
    institution,
    institutionType,
    delivery,
    duration,
    cost,
    osap,
    stackable,
    language,
    region,
    start,
    schedule,
  } = params;
  return {
    area,
    industry,
    occupation,
    institution,
    institutionType,
    delivery,
    duration,
    cost,
    osap,
    stackable,
    language,
    region,
    start,
    schedule,
    skill: params.skill.map(tagKey),
    technology: params.technology.map(tagKey),
  };
}
