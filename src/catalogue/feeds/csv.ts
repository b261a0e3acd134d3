import { parse } from 'csv-parse/sync';
import { listingSchema, type Listing } from '../model.ts';
import { decodeUtf8 } from './text.ts';
import { FeedFileError, type FeedEntry, type FeedProblem, type ParsedFeed } from './report.ts';

/**
 * The CSV feed: one row per offering (a listing with three start dates is three rows; a listing with
 * none is one row with empty offering columns). Listing columns repeat on every row of a listing, or
 * are left empty after its first row. Lists are separated by "|"; money is in dollars ("1250.00");
 * yes/no flags accept yes/no/true/false/oui/non. docs/catalogue.md documents every column.
 */

const LISTING_COLUMNS = [
  'institution',
  'external_id',
  'status',
  'title_en',
  'title_fr',
  'summary_en',
  'summary_fr',
  'description_en',
  'description_fr',
  'area_of_focus',
  'last_verified',
  'registration_url',
  'outcomes_en',
  'outcomes_fr',
  'skills',
  'technologies',
  'proficiency_level',
  'prerequisites_en',
  'prerequisites_fr',
  'requires',
  'assessment_en',
  'assessment_fr',
  'workload_hours',
  'transcriptable',
  'credential',
  'noc',
  'naics',
  'cip',
  'delivery_mode',
  'pacing',
  'duration_weeks',
  'duration_hours',
  'languages',
  'tuition',
  'fees',
  'materials',
  'osap_status',
  'osap_reason_en',
  'osap_reason_fr',
  'other_funding_en',
  'other_funding_fr',
  'employer_partners',
  'endorsements',
  'stacks_into_en',
  'stacks_into_fr',
  'stacks_into_credit',
  'stacks_into_id',
  'supports',
] as const;
const OFFERING_COLUMNS = ['start_date', 'end_date', 'schedule', 'city', 'campus', 'seats'] as const;
export const CSV_COLUMNS = [...LISTING_COLUMNS, ...OFFERING_COLUMNS] as const;
type Column = (typeof CSV_COLUMNS)[number];
type ListingColumn = (typeof LISTING_COLUMNS)[number];
const REQUIRED: Column[] = [
  'institution',
  'external_id',
  'area_of_focus',
  'registration_url',
  'delivery_mode',
  'duration_weeks',
];

/** Most rows a CSV feed may have (offerings, so more than the listing limit). */
export const MAX_CSV_ROWS = 200_000;

type Row = Partial<Record<Column, string>>;
type Cell = string | undefined;

/** Parses a CSV feed. Throws FeedFileError when the file cannot be read at all; row problems are reported. */
export function parseCsvFeed(bytes: Uint8Array): ParsedFeed {
  const text = decodeUtf8(bytes);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    throw new FeedFileError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const [headerRecord, ...dataRecords] = parsed;
  if (headerRecord === undefined)
    throw new FeedFileError('the file is empty: it needs a header row and listings');
  const header = headerRecord.record;
  if (dataRecords.length > MAX_CSV_ROWS) {
    throw new FeedFileError(
      `too many rows: ${dataRecords.length.toLocaleString('en')} (at most ${MAX_CSV_ROWS.toLocaleString('en')})`,
    );
  }
  const columns = header.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new FeedFileError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} in the header (see the documented columns)`,
    );
  }
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) throw new FeedFileError(`missing required column(s): ${missing.join(', ')}`);
  const repeated = columns.find((name, index) => columns.indexOf(name) !== index);
  if (repeated !== undefined) throw new FeedFileError(`the column "${repeated}" appears twice in the header`);

  const errors: FeedProblem[] = [];
  // Rows grouped by listing identity, in file order; `line` is the 1-based line number of the row.
  const groups = new Map<string, { line: number; row: Row }[]>();
  for (const { record: cells, info } of dataRecords) {
    const line = startLine(cells, info.lines);
    if (cells.length !== columns.length) {
      errors.push({
        location: `line ${line}`,
        field: '',
        message: `has ${cells.length} cells; the header has ${columns.length}`,
      });
      continue;
    }
    const row: Row = {};
    const before = errors.length;
    columns.forEach((name, position) => {
      const cell = unescapeFormula(cells[position] ?? '');
      if (cell.problem !== undefined) {
        errors.push({ location: `line ${line}`, field: name, message: cell.problem });
      }
      const value = cell.value.trim();
      if (value !== '') row[name as Column] = value;
    });
    if (errors.length > before) continue;
    const key = `${row.institution ?? ''}\u0000${row.external_id ?? ''}`;
    const group = groups.get(key) ?? [];
    group.push({ line, row });
    groups.set(key, group);
  }

  const entries: FeedEntry[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const location = `line ${first.line}`;
    const conflicts = listingConflicts(group);
    if (conflicts.length > 0) {
      errors.push(...conflicts);
      continue;
    }
    const { input, problems } = toListingInput(
      first.row,
      group.map(({ row }) => row),
    );
    errors.push(...problems.map((problem) => ({ ...problem, location })));
    const parsed = listingSchema.safeParse(input);
    if (!parsed.success) {
      // A cell already reported as unreadable is absent from the input: do not report it twice.
      const reported = new Set(problems.map((problem) => problem.field));
      errors.push(
        ...parsed.error.issues
          .map((issue) => {
            const path = issue.path;
            const offering =
              path[0] === 'offerings' && typeof path[1] === 'number' ? group[path[1]] : undefined;
            return {
              location: offering === undefined ? location : `line ${offering.line}`,
              field: columnOf(path),
              message: issue.message,
            };
          })
          .filter((problem) => !reported.has(problem.field)),
      );
      continue;
    }
    if (problems.length === 0) entries.push({ listing: parsed.data, location });
  }
  return { format: 'csv', institutions: [], entries, errors, warnings: [] };
}

/** csv-parse reports the line a record ends on; a quoted cell may hold line breaks. */
function startLine(cells: string[], endLine: number): number {
  let breaks = 0;
  for (const cell of cells) breaks += cell.split('\n').length - 1;
  return endLine - breaks;
}

/**
 * Cells that a spreadsheet would run as a formula (=, +, -, @ or a tab/CR first) are refused, unless
 * written the way our export writes them: with a leading apostrophe, which is removed. A plain number
 * such as -5 is not a formula.
 */
function unescapeFormula(cell: string): { value: string; problem?: string } {
  if (/^'[=+\-@\t\r]/.test(cell)) return { value: cell.slice(1) };
  if (/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))) {
    return {
      value: cell,
      problem: `starts with "${cell.charAt(0).replace('\t', '\\t').replace('\r', '\\r')}", which a spreadsheet would run as a formula; remove it, or put an apostrophe (') before it`,
    };
  }
  return { value: cell };
}

/** Every row of a listing must agree with its first row on listing columns (or leave them empty). */
function listingConflicts(group: { line: number; row: Row }[]): FeedProblem[] {
  const [first, ...rest] = group;
  if (first === undefined) return [];
  const problems: FeedProblem[] = [];
  for (const { line, row } of rest) {
    for (const column of LISTING_COLUMNS) {
      const value = row[column];
      if (value !== undefined && value !== first.row[column]) {
        problems.push({
          location: `line ${line}`,
          field: column,
          message: `differs from line ${first.line} of the same listing ("${value}" vs "${first.row[column] ?? ''}"); listing columns must be the same on every row of a listing`,
        });
      }
    }
  }
  return problems;
}

function toListingInput(
  row: Row,
  offerings: Row[],
): { input: Record<string, unknown>; problems: FeedProblem[] } {
  const problems: FeedProblem[] = [];
  const problem = (field: Column, message: string) => problems.push({ location: '', field, message });
  const list = (value: Cell) =>
    value === undefined
      ? undefined
      : value
          .split('|')
          .map((item) => item.trim())
          .filter((item) => item !== '');
  const both = (en: Cell, fr: Cell) => (en === undefined && fr === undefined ? undefined : { en, fr });
  const number = (column: Column) => {
    const value = row[column];
    if (value === undefined) return undefined;
    if (!/^\d+(\.\d+)?$/.test(value)) {
      problem(column, `must be a number such as 6 or 7.5 (got "${value}")`);
      return undefined;
    }
    return Number(value);
  };
  const money = (column: 'tuition' | 'fees' | 'materials') => {
    const value = row[column]?.replace(/^\$/, '').replace(/,(?=\d{3}\b)/g, '');
    if (value === undefined) return undefined;
    const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
    if (match === null) {
      problem(column, `must be an amount in dollars such as 1250 or 1250.00 (got "${row[column] ?? ''}")`);
      return undefined;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  };
  const flag = (column: Column) => {
    const value = row[column]?.toLowerCase();
    if (value === undefined) return undefined;
    if (['yes', 'true', 'oui', 'y', '1'].includes(value)) return true;
    if (['no', 'false', 'non', 'n', '0'].includes(value)) return false;
    problem(column, `must be yes or no (got "${row[column] ?? ''}")`);
    return undefined;
  };

  const tuition = money('tuition');
  const fees = money('fees');
  const materials = money('materials');
  // The stacks_into_* columns are parallel lists: entry i of each describes the same credential.
  const aligned = (value: Cell) =>
    value === undefined ? [] : value.split('|').map((item) => item.trim() || undefined);
  const stackEn = aligned(row.stacks_into_en);
  const stackFr = aligned(row.stacks_into_fr);
  const stackCredit = aligned(row.stacks_into_credit);
  const stackId = aligned(row.stacks_into_id);
  const stacks = Array.from({ length: Math.max(stackEn.length, stackFr.length) }, (_, index) => ({
    title: both(stackEn[index], stackFr[index]),
    credit: stackCredit[index],
    listing: stackId[index] === undefined ? undefined : { externalId: stackId[index] },
  }));
  const osapReason = both(row.osap_reason_en, row.osap_reason_fr);

  const input: Record<string, unknown> = {
    institution: row.institution,
    externalId: row.external_id,
    status: row.status,
    title: both(row.title_en, row.title_fr),
    summary: both(row.summary_en, row.summary_fr),
    description: both(row.description_en, row.description_fr),
    areaOfFocus: row.area_of_focus,
    lastVerified: row.last_verified,
    registrationUrl: row.registration_url,
    outcomes: { en: list(row.outcomes_en), fr: list(row.outcomes_fr) },
    skills: list(row.skills),
    technologies: list(row.technologies),
    proficiencyLevel: row.proficiency_level,
    prerequisites: both(row.prerequisites_en, row.prerequisites_fr),
    requires: list(row.requires)?.map((externalId) => ({ externalId })),
    assessment: both(row.assessment_en, row.assessment_fr),
    workloadHours: number('workload_hours'),
    transcriptable: flag('transcriptable'),
    credential: row.credential,
    occupations: list(row.noc),
    industries: list(row.naics),
    cip: row.cip,
    deliveryMode: row.delivery_mode,
    pacing: row.pacing,
    durationWeeks: number('duration_weeks'),
    durationHours: number('duration_hours'),
    offerings: offerings
      .filter((offering) => OFFERING_COLUMNS.some((column) => offering[column] !== undefined))
      .map((offering) => ({
        start: offering.start_date,
        end: offering.end_date,
        schedule: list(offering.schedule),
        city: offering.city,
        campus: offering.campus,
        seats: offering.seats === undefined ? undefined : Number(offering.seats),
      })),
    languages: list(row.languages),
    cost:
      tuition === undefined && fees === undefined && materials === undefined
        ? undefined
        : { tuitionCents: tuition ?? 0, feesCents: fees, materialsCents: materials },
    osap:
      row.osap_status === undefined && osapReason === undefined
        ? undefined
        : { status: row.osap_status ?? 'unknown', reason: osapReason },
    otherFunding: both(row.other_funding_en, row.other_funding_fr),
    employerPartners: list(row.employer_partners),
    endorsements: list(row.endorsements),
    stacksInto: stacks.length === 0 ? undefined : stacks,
    supports: list(row.supports),
  };
  return { input: withoutUndefined(input), problems };
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    result[key] =
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? withoutUndefined(item as Record<string, unknown>)
        : Array.isArray(item)
          ? item.map((element: unknown) =>
              element !== null && typeof element === 'object'
                ? withoutUndefined(element as Record<string, unknown>)
                : element,
            )
          : item;
  }
  return result;
}

/** The CSV column a model path comes from, so errors name what the institution wrote. */
function columnOf(path: PropertyKey[]): string {
  const [head, second, third] = path;
  const pair = (prefix: string) =>
    second === 'en' || second === 'fr' ? `${prefix}_${second}` : `${prefix}_en`;
  switch (head) {
    case 'externalId':
      return 'external_id';
    case 'title':
    case 'summary':
    case 'description':
    case 'prerequisites':
    case 'assessment':
      return pair(head);
    case 'otherFunding':
      return pair('other_funding');
    case 'outcomes':
      return pair('outcomes');
    case 'areaOfFocus':
      return 'area_of_focus';
    case 'lastVerified':
      return 'last_verified';
    case 'registrationUrl':
      return 'registration_url';
    case 'proficiencyLevel':
      return 'proficiency_level';
    case 'workloadHours':
      return 'workload_hours';
    case 'occupations':
      return 'noc';
    case 'industries':
      return 'naics';
    case 'deliveryMode':
      return 'delivery_mode';
    case 'durationWeeks':
      return 'duration_weeks';
    case 'durationHours':
      return 'duration_hours';
    case 'cost':
      return second === 'feesCents' ? 'fees' : second === 'materialsCents' ? 'materials' : 'tuition';
    case 'osap':
      return second === 'reason' ? (third === 'fr' ? 'osap_reason_fr' : 'osap_reason_en') : 'osap_status';
    case 'employerPartners':
      return 'employer_partners';
    case 'stacksInto': {
      const [, , field, language] = path;
      if (field === 'credit') return 'stacks_into_credit';
      if (field === 'listing') return 'stacks_into_id';
      return language === 'fr' ? 'stacks_into_fr' : 'stacks_into_en';
    }
    case 'offerings': {
      const field = path[2];
      return field === 'start' ? 'start_date' : field === 'end' ? 'end_date' : String(field ?? 'start_date');
    }
    default:
      return String(head ?? '');
  }
}

// --------------------------------------------------------------------------------------------- export

/** Writes listings as a CSV feed that parseCsvFeed reads back to the same listings (tags as institution-stated). */
export function listingsToCsv(listings: readonly Listing[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const listing of listings) {
    const fields = listingCells(listing);
    const offerings = listing.offerings.length > 0 ? listing.offerings : [undefined];
    for (const offering of offerings) {
      const cells: Record<Column, string> = {
        ...fields,
        start_date: offering?.start ?? '',
        end_date: offering?.end ?? '',
        schedule: offering?.schedule.join('|') ?? '',
        city: offering?.city ?? '',
        campus: offering?.campus ?? '',
        seats: offering?.seats === undefined ? '' : String(offering.seats),
      };
      lines.push(CSV_COLUMNS.map((column) => quote(cells[column])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function listingCells(listing: Listing): Record<ListingColumn, string> {
  const dollars = (cents: number | undefined) =>
    cents === undefined ? '' : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const join = (items: readonly string[] | undefined) => items?.join('|') ?? '';
  const names = (tags: readonly { name: string }[]) => join(tags.map((tag) => tag.name));
  const hasCost = listing.cost !== undefined;
  return {
    institution: listing.institution,
    external_id: listing.externalId,
    status: listing.status,
    title_en: listing.title.en ?? '',
    title_fr: listing.title.fr ?? '',
    summary_en: listing.summary?.en ?? '',
    summary_fr: listing.summary?.fr ?? '',
    description_en: listing.description?.en ?? '',
    description_fr: listing.description?.fr ?? '',
    area_of_focus: listing.areaOfFocus,
    last_verified: listing.lastVerified ?? '',
    registration_url: listing.registrationUrl,
    outcomes_en: join(listing.outcomes.en),
    outcomes_fr: join(listing.outcomes.fr),
    skills: names(listing.skills),
    technologies: names(listing.technologies),
    proficiency_level: listing.proficiencyLevel ?? '',
    prerequisites_en: listing.prerequisites?.en ?? '',
    prerequisites_fr: listing.prerequisites?.fr ?? '',
    requires: join(listing.requires.map((reference) => reference.externalId)),
    assessment_en: listing.assessment?.en ?? '',
    assessment_fr: listing.assessment?.fr ?? '',
    workload_hours: listing.workloadHours === undefined ? '' : String(listing.workloadHours),
    transcriptable: listing.transcriptable ? 'yes' : 'no',
    credential: listing.credential,
    noc: names(listing.occupations),
    naics: names(listing.industries),
    cip: listing.cip ?? '',
    delivery_mode: listing.deliveryMode,
    pacing: listing.pacing ?? '',
    duration_weeks: String(listing.durationWeeks),
    duration_hours: listing.durationHours === undefined ? '' : String(listing.durationHours),
    languages: join(listing.languages),
    tuition: hasCost ? dollars(listing.cost?.tuitionCents) : '',
    fees: hasCost ? dollars(listing.cost?.feesCents) : '',
    materials: hasCost ? dollars(listing.cost?.materialsCents) : '',
    osap_status: listing.osap.status,
    osap_reason_en: listing.osap.reason?.en ?? '',
    osap_reason_fr: listing.osap.reason?.fr ?? '',
    other_funding_en: listing.otherFunding?.en ?? '',
    other_funding_fr: listing.otherFunding?.fr ?? '',
    employer_partners: join(listing.employerPartners),
    endorsements: join(listing.endorsements),
    stacks_into_en: join(listing.stacksInto.map((stack) => stack.title.en ?? '')),
    stacks_into_fr: join(listing.stacksInto.map((stack) => stack.title.fr ?? '')),
    stacks_into_credit: listing.stacksInto.some((stack) => stack.credit !== undefined)
      ? join(listing.stacksInto.map((stack) => stack.credit ?? ''))
      : '',
    stacks_into_id: listing.stacksInto.some((stack) => stack.listing !== undefined)
      ? join(listing.stacksInto.map((stack) => stack.listing?.externalId ?? ''))
      : '',
    supports: join(listing.supports),
  };
}

/** RFC 4180 quoting, and an apostrophe before anything a spreadsheet would take for a formula. */
function quote(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
