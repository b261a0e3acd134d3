import type { Listing } from '../catalogue/model.ts';
import type { SearchDocument } from './engine.ts';
import type { ProgramRow } from './repository.ts';
import { fold } from './text.ts';

/** The facets of the search page and API, in display order. */
export const FACETS = [
  'area',
  'industry',
  'occupation',
  'institution',
  'institutionType',
  'delivery',
  'duration',
  'cost',
  'osap',
  'stackable',
  'language',
  'region',
  'start',
  'schedule',
] as const;
export type Facet = (typeof FACETS)[number];
/** Filters that are not shown as facets: a precise skill or technology (chosen from a suggestion). */
export const TAG_FILTERS = ['skill', 'technology'] as const;
export type Filter = Facet | (typeof TAG_FILTERS)[number];
export const FILTERS: readonly Filter[] = [...FACETS, ...TAG_FILTERS];

/** Skill and technology names as filter values: folded, so "python" selects "Python". */
export function tagKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

export const DURATION_BANDS = ['under-4', '4-8', '8-12', '12-plus'] as const;
export const COST_BANDS = ['free', 'low', '500-1500', '1500-3000', '3000-plus', 'unknown'] as const;
export const START_WINDOWS = ['30-days', '3-months', '6-months', 'any-time'] as const;

/** What the index needs of a published program, with names resolved from the LMI and the directory. */
export interface ProgramSource {
  id: string;
  listing: Listing;
  institution: { nameEn: string; nameFr: string; type: string; region: string | null; city: string };
  /** Titles of the program's NOC unit groups and NAICS codes, both languages, joined. */
  occupationNames: string;
  industryNames: string;
}

/** Weeks to a duration band: under 4, 4 to under 8, 8 to under 12 (OSAP's micro-credential range ends at 11), 12 and over. */
export function durationBand(weeks: number): (typeof DURATION_BANDS)[number] {
  return weeks < 4 ? 'under-4' : weeks < 8 ? '4-8' : weeks < 12 ? '8-12' : '12-plus';
}

/** Total cost in cents to a band; "low" is low cost (up to $500). */
export function costBand(cents: number | undefined): (typeof COST_BANDS)[number] {
  if (cents === undefined) return 'unknown';
  if (cents === 0) return 'free';
  if (cents <= 50_000) return 'low';
  if (cents <= 150_000) return '500-1500';
  if (cents <= 300_000) return '1500-3000';
  return '3000-plus';
}

/** NAICS code to its sector, sector ranges included: 23821 → 23, 44511 → 44-45. */
export function naicsSector(code: string): string {
  const two = code.slice(0, 2);
  if (code.includes('-')) return code;
  if (['31', '32', '33'].includes(two)) return '31-33';
  if (['44', '45'].includes(two)) return '44-45';
  if (['48', '49'].includes(two)) return '48-49';
  return two;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
}

/** A program as an index document; `today` is a day number, for the start-date windows. */
export function toSearchDocument(source: ProgramSource, today: number): SearchDocument<Filter> {
  const { listing, institution } = source;
  const both = (value: { en?: string | undefined; fr?: string | undefined } | undefined) =>
    value === undefined ? '' : [value.en, value.fr].filter(Boolean).join(' \n ');
  const starts = listing.offerings
    .map((offering) => (offering.start === undefined ? undefined : dayNumber(offering.start)))
    .filter((day): day is number => day !== undefined && day >= today)
    .sort((a, b) => a - b);
  const next = starts[0];
  const anyTime =
    listing.pacing === 'self-paced' && listing.offerings.every((offering) => offering.start === undefined);
  const windows: string[] = [];
  if (next !== undefined && next - today <= 30) windows.push('30-days');
  if (next !== undefined && next - today <= 91) windows.push('3-months');
  if (next !== undefined && next - today <= 183) windows.push('6-months');
  if (anyTime) windows.push('any-time', '30-days', '3-months', '6-months');
  const cost = listing.cost;
  const total = cost === undefined ? undefined : cost.tuitionCents + cost.feesCents + cost.materialsCents;
  return {
    id: source.id,
    text: {
      title: both(listing.title),
      skills: listing.skills.map((tag) => tag.name).join(' \n '),
      technologies: listing.technologies.map((tag) => tag.name).join(' \n '),
      occupations: source.occupationNames,
      industries: source.industryNames,
      institution: `${institution.nameEn} \n ${institution.nameFr}`,
      summary: both(listing.summary),
      body: [
        both(listing.description),
        listing.outcomes.en.join(' \n '),
        listing.outcomes.fr.join(' \n '),
      ].join(' \n '),
    },
    facets: {
      area: [listing.areaOfFocus],
      industry: [...new Set(listing.industries.map((tag) => naicsSector(tag.code ?? tag.name)))],
      occupation: listing.occupations.map((tag) => tag.code ?? tag.name),
      institution: [listing.institution],
      institutionType: [institution.type],
      delivery: [listing.deliveryMode],
      duration: [durationBand(listing.durationWeeks)],
      cost: [costBand(total)],
      osap: [listing.osap.status],
      stackable: listing.stacksInto.length > 0 ? ['yes'] : [],
      language: listing.languages,
      region: institution.region === null ? [] : [institution.region],
      start: [...new Set(windows)],
      schedule: [...new Set(listing.offerings.flatMap((offering) => offering.schedule))],
      skill: [...new Set(listing.skills.map((tag) => tagKey(tag.name)))],
      technology: [...new Set(listing.technologies.map((tag) => tagKey(tag.name)))],
    },
    sort: { start: anyTime ? today : next, cost: total, weeks: listing.durationWeeks },
  };
}

/**
 * The published programs as index documents, with the names of their unit groups and industries in
 * both languages (the first, primary occupation counts twice: a program for cooks before one that
 * also suits them). `today` is a day number, for the start-date windows.
 */
export function programDocuments(
  rows: readonly ProgramRow[],
  occupationRows: readonly { code: string; titleEn: string; titleFr: string | null }[],
  industryRows: readonly { code: string; titleEn: string; titleFr: string | null }[],
  today: number,
): SearchDocument<Filter>[] {
  const occupations = new Map(
    occupationRows.map((row) => [row.code, `${row.titleEn} \n ${row.titleFr ?? row.titleEn}`]),
  );
  const industries = new Map(industryRows.map((row) => [row.code, `${row.titleEn} \n ${row.titleFr ?? ''}`]));
  return rows.map((row) =>
    toSearchDocument(
      {
        id: row.id,
        listing: row.listing,
        institution: {
          nameEn: row.nameEn,
          nameFr: row.nameFr,
          type: row.type,
          region: row.region,
          city: row.city,
        },
        occupationNames: [...row.listing.occupations.slice(0, 1), ...row.listing.occupations]
          .map((tag) => occupations.get(tag.code ?? tag.name) ?? '')
          .join(' \n '),
        industryNames: row.listing.industries
          .map((tag) => industries.get(tag.code ?? tag.name) ?? '')
          .join(' \n '),
      },
      today,
    ),
  );
}
