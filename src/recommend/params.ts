import { z } from 'zod';
import { many } from '../search/params.ts';
import { parseEdit, type ProfileEdit } from './profile.ts';
import { MAX_OCCUPATIONS, type RecommendInput } from './service.ts';

const nocCode = z.string().regex(/^\d{5}$/, 'must be a 5-digit NOC 2021 unit group code, such as 33102');
const edit = z
  .string()
  .trim()
  .max(200, 'must be 200 characters or fewer')
  .refine((value) => parseEdit(value) !== undefined, {
    message: 'must be skill:<OaSIS code> or technology:<name>',
  });
/** A whole number parameter; an empty one (a form field left blank) is not given. */
const whole = (name: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: `must be a number of ${name}` })
      .int(`must be a whole number of ${name}`)
      .min(min, `must be ${min} or more`)
      .max(max, `must be ${max} or less`)
      .optional(),
  );

/**
 * Every recommendation parameter, the same on the guided pages and `GET /api/v1/recommendations`: the
 * profile lives in the URL (`noc`, `add`, `remove`), so every step is a link that can be shared.
 */
export const recommendParams = z.object({
  title: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
  noc: many(nocCode).refine((codes) => codes.length <= MAX_OCCUPATIONS, {
    message: `must be given ${MAX_OCCUPATIONS} times or fewer`,
  }),
  add: many(edit),
  remove: many(edit),
  target: nocCode.optional(),
  maxCost: whole('dollars', 0, 100_000),
  maxWeeks: whole('weeks', 1, 104),
  startWithin: whole('days', 1, 366),
  all: z.enum(['yes'], { error: 'must be yes' }).optional(),
});
export type RecommendParams = z.output<typeof recommendParams>;

const edits = (values: readonly string[]): ProfileEdit[] =>
  values.map(parseEdit).filter((value): value is ProfileEdit => value !== undefined);

/** Parsed parameters as the service's input, in a language. */
export function recommendInput(params: RecommendParams, lang: 'en' | 'fr'): RecommendInput {
  return {
    title: params.title === '' ? undefined : params.title,
    noc: params.noc,
    add: edits(params.add),
    remove: edits(params.remove),
    target: params.target,
    filters: {
      maxCostCents: params.maxCost === undefined ? undefined : params.maxCost * 100,
      maxWeeks: params.maxWeeks,
      startWithinDays: params.startWithin,
    },
    includeUndesirable: params.all === 'yes',
    lang,
  };
}
