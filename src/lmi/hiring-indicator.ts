/**
 * The hiring indicator ("hot or not") of an occupation in Ontario, from two official signals:
 *  - the Job Bank 3-year employment outlook for Ontario (ESDC), the primary, provincial signal;
 *  - the COPS 10-year future labour-market conditions (ESDC), a national signal.
 * Job-posting demand can join later as a third input. The rule is documented in docs/lmi.md; pages
 * show the inputs next to the indicator.
 */

export const OUTLOOK_LABELS = [
  'very_good',
  'good',
  'moderate',
  'limited',
  'very_limited',
  'undetermined',
] as const;
export type OutlookLabel = (typeof OUTLOOK_LABELS)[number];

export const LABOUR_CONDITIONS = [
  'strong_shortage',
  'moderate_shortage',
  'balance',
  'moderate_surplus',
  'strong_surplus',
] as const;
export type LabourConditions = (typeof LABOUR_CONDITIONS)[number];

export const HIRING_INDICATORS = ['hot', 'steady', 'cooling', 'not_enough_data'] as const;
export type HiringIndicator = (typeof HIRING_INDICATORS)[number];

export interface HiringInputs {
  /** Ontario outlook; null when Job Bank publishes none. */
  ontarioOutlook: OutlookLabel | null;
  /** COPS 2024–2033 future conditions; null when COPS publishes N/A. */
  futureConditions: LabourConditions | null;
}

const OUTLOOK_POINTS: Record<Exclude<OutlookLabel, 'undetermined'>, number> = {
  very_good: 2,
  good: 1,
  moderate: 0,
  limited: -1,
  very_limited: -2,
};

const CONDITION_POINTS: Record<LabourConditions, number> = {
  strong_shortage: 2,
  moderate_shortage: 1,
  balance: 0,
  moderate_surplus: -1,
  strong_surplus: -2,
};

/**
 * - no Ontario outlook (or "undetermined") → not_enough_data: the indicator is about Ontario, and the
 *   national projection alone does not say how hiring looks here;
 * - points: outlook very good +2, good +1, moderate 0, limited −1, very limited −2; COPS strong risk of
 *   shortage +2, moderate +1, balance or N/A 0, moderate risk of surplus −1, strong −2;
 * - hot: the outlook is good or very good and the total is 2 or more (very good and not a surplus, or
 *   good with a risk of shortage);
 * - cooling: the total is −1 or less (a limited outlook not offset by a shortage, or a moderate one
 *   with a surplus);
 * - steady: everything else.
 */
export function hiringIndicator(inputs: HiringInputs): { indicator: HiringIndicator; points: number | null } {
  const { ontarioOutlook, futureConditions } = inputs;
  if (ontarioOutlook === null || ontarioOutlook === 'undetermined') {
    return { indicator: 'not_enough_data', points: null };
  }
  const outlook = OUTLOOK_POINTS[ontarioOutlook];
  const points = outlook + (futureConditions === null ? 0 : CONDITION_POINTS[futureConditions]);
  if (outlook >= 1 && points >= 2) return { indicator: 'hot', points };
  if (points <= -1) return { indicator: 'cooling', points };
  return { indicator: 'steady', points };
}

export function isOutlookLabel(value: unknown): value is OutlookLabel {
  return typeof value === 'string' && (OUTLOOK_LABELS as readonly string[]).includes(value);
}

export function isLabourConditions(value: unknown): value is LabourConditions {
  return typeof value === 'string' && (LABOUR_CONDITIONS as readonly string[]).includes(value);
}
