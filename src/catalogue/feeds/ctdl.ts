import { AREAS_OF_FOCUS, listingSchema, type AreaOfFocus, type Institution, type Listing } from '../model.ts';
import { FeedFileError, type FeedProblem, type ParsedFeed } from './report.ts';

/**
 * CTDL JSON-LD (Credential Engine's Credential Transparency Description Language) in and out.
 *
 * In: a single node or an `@graph`. `ceterms:LearningProgram`, `ceterms:Course` and the
 * micro-credential credential types become listings; `ceterms:Organization` (and its subtypes)
 * become institutions unless they only appear as `recognizedBy` (then they are endorsements).
 * Courses that a LearningProgram of the same document lists in `ceterms:hasPart` are parts of that
 * program, not listings of their own: their names are added to its description. Degrees and
 * diplomas are refused: Ladder lists micro-credentials. What Ladder needs and CTDL may not say
 * (a length in weeks, a registration page, a delivery mode) is an error naming the CTDL property.
 *
 * Out: a listing as a `ceterms:LearningProgram` node; what the model has and CTDL cannot say is left
 * out (no Ladder-specific extension). The area of focus travels as a `ceterms:subject` alignment
 * whose coded notation is the area's id, which the importer reads back exactly.
 */

export interface CtdlOptions {
  /** Assign every listing to this institution (an institution's own upload). */
  institution?: string;
  /** CTDL @id URL or CTID of an organisation → Ladder institution id. */
  knownInstitutions: ReadonlyMap<string, string>;
  /** O*NET-SOC code (e.g. 15-1131.00) → NOC 2021 unit groups, through the crosswalk. */
  onetToNoc?: (socCode: string) => string[];
}

type Node = Record<string, unknown>;

const CONTEXT = 'https://credreg.net/ctdl/schema/context/json';
const LISTING_TYPES = new Set([
  'ceterms:LearningProgram',
  'ceterms:Course',
  'ceterms:Badge',
  'ceterms:DigitalBadge',
  'ceterms:OpenBadge',
  'ceterms:MicroCredential',
  'ceterms:Certificate',
  'ceterms:CertificateOfCompletion',
  'ceterms:Certification',
  'ceterms:ProficiencyCertificate',
]);
const ORGANIZATION_TYPES = new Set([
  'ceterms:Organization',
  'ceterms:CredentialOrganization',
  'ceterms:QACredentialOrganization',
]);
const DEGREE = /Degree$|Diploma$|^ceterms:Doctorate|^ceterms:ResearchDoctorate/;
const AREA_FRAMEWORK = 'https://ladder.example/areas-of-focus';

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A CTDL language map ({"en-US": "…", "fr-CA": "…"}) or plain string as English/French text. */
function languageMap(value: unknown): { en?: string; fr?: string } | undefined {
  const text = (item: unknown) =>
    typeof item === 'string'
      ? item.trim()
      : Array.isArray(item)
        ? item
            .filter((part) => typeof part === 'string')
            .join('; ')
            .trim()
        : '';
  if (typeof value === 'string') return value.trim() === '' ? undefined : { en: value.trim() };
  if (!isNode(value)) return undefined;
  const result: { en?: string; fr?: string } = {};
  for (const [key, item] of Object.entries(value)) {
    const content = text(item);
    if (content === '') continue;
    if (/^en\b/i.test(key) && result.en === undefined) result.en = content;
    else if (/^fr\b/i.test(key) && result.fr === undefined) result.fr = content;
  }
  return result.en === undefined && result.fr === undefined ? undefined : result;
}

function languageList(value: unknown): string[] {
  if (!isNode(value)) return list(value).flatMap((item) => (typeof item === 'string' ? [item] : []));
  return Object.values(value).flatMap((item) =>
    list(item).flatMap((part) => (typeof part === 'string' ? [part] : [])),
  );
}

function nameOf(value: unknown): string | undefined {
  const map = languageMap(
    isNode(value) ? (value['ceterms:name'] ?? value['ceterms:targetNodeName']) : undefined,
  );
  return map?.en ?? map?.fr;
}

/** ISO 8601 duration → weeks (months of 4.345 weeks, years of 52.18) and hours; undefined when not one. */
export function parseDuration(value: string): { weeks?: number; hours?: number } | undefined {
  const match =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(
      value.trim(),
    );
  if (match === null || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes] = match
    .slice(1)
    .map((part: string | undefined) => (part === undefined ? 0 : Number(part)));
  const totalWeeks = (years ?? 0) * 52.18 + (months ?? 0) * 4.345 + (weeks ?? 0) + (days ?? 0) / 7;
  const totalHours = (hours ?? 0) + (minutes ?? 0) / 60;
  if (totalWeeks > 0)
    return {
      weeks: Math.round(totalWeeks * 10) / 10,
      ...(totalHours > 0 ? { hours: Math.round(totalHours) } : {}),
    };
  if (totalHours > 0) return { hours: Math.round(totalHours) };
  return undefined;
}

const CIP_AREAS: Record<string, AreaOfFocus> = {
  '01': 'environment',
  '03': 'environment',
  '09': 'communications',
  '10': 'communications',
  '11': 'information-technology',
  '12': 'hospitality',
  '13': 'education',
  '14': 'engineering',
  '15': 'engineering',
  '22': 'law-justice',
  '26': 'science',
  '27': 'science',
  '40': 'science',
  '43': 'law-justice',
  '44': 'community-services',
  '46': 'skilled-trades',
  '47': 'skilled-trades',
  '48': 'manufacturing',
  '49': 'transportation',
  '50': 'creative-arts',
  '51': 'health',
  '52': 'business',
};

const KEYWORD_AREAS: [RegExp, AreaOfFocus][] = [
  [
    /cyber|software|\bdata\b|digital|coding|programming|comput|network|cloud|\bit\b/i,
    'information-technology',
  ],
  [/nurs|health|medical|clinical|care aide|personal support/i, 'health'],
  [/weld|electric|carpent|plumb|millwright|trades?\b/i, 'skilled-trades'],
  [/account|business|financ|marketing|bookkeep/i, 'business'],
  [/leader|manag|innovation|personal growth|self-improvement/i, 'leadership'],
  [/teach|education|early childhood|lifelong learning/i, 'education'],
  [/design|media|art\b|arts\b/i, 'creative-arts'],
  [/logistic|transport|supply chain/i, 'transportation'],
];

/** The area of focus from a CIP code's series, else from words in the given texts. */
export function inferAreaOfFocus(texts: string[], cip?: string): AreaOfFocus | undefined {
  const byCip = cip === undefined ? undefined : CIP_AREAS[cip.slice(0, 2)];
  if (byCip !== undefined) return byCip;
  const joined = texts.join(' ');
  return KEYWORD_AREAS.find(([pattern]) => pattern.test(joined))?.[1];
}

/** The Ladder id of an organisation: its name as a slug. */
function institutionIdOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `org-${slug}`;
}

/** A known institution by CTDL @id or CTID, or by a Ladder institution URL (…/api/v1/institutions/<id>). */
function knownInstitution(options: CtdlOptions, key: string): string | undefined {
  const direct = options.knownInstitutions.get(key);
  if (direct !== undefined) return direct;
  const ladder = /\/api\/v1\/institutions\/([a-z0-9-]+)$/.exec(key)?.[1];
  return ladder === undefined ? undefined : options.knownInstitutions.get(ladder);
}

/** Reads a CTDL JSON-LD document. Throws FeedFileError only when the file is not a JSON-LD object. */
export function parseCtdlFeed(text: string, options: CtdlOptions): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedFileError(`not JSON: ${(error as Error).message}`);
  }
  if (!isNode(document))
    throw new FeedFileError('not a CTDL document: expected a JSON-LD object with @type or @graph');
  const graph = document['@graph'];
  if (graph !== undefined && !Array.isArray(graph))
    throw new FeedFileError('not a CTDL document: @graph must be a list of nodes');
  const nodes = (Array.isArray(graph) ? graph : [document]).map((node, index) => ({
    node: isNode(node) ? node : {},
    location: `${Array.isArray(graph) ? `@graph[${index}]` : 'document'}${isNode(node) && typeof node['@id'] === 'string' ? ` (${node['@id']})` : ''}`,
  }));
  const errors: FeedProblem[] = [];
  const warnings: FeedProblem[] = [];
  const byId = new Map<string, Node>();
  for (const { node } of nodes) {
    const id = str(node['@id']);
    if (id !== undefined) byId.set(id, node);
  }
  const resolve = (value: unknown): Node | undefined =>
    isNode(value) ? value : typeof value === 'string' ? byId.get(value) : undefined;

  // Organisations referenced only as recognisers are endorsements, not institutions.
  const recognisers = new Set(
    nodes.flatMap(({ node }) =>
      list(node['ceterms:recognizedBy']).flatMap((value) => (typeof value === 'string' ? [value] : [])),
    ),
  );
  const parts = new Set(
    nodes
      .filter(({ node }) => node['@type'] === 'ceterms:LearningProgram')
      .flatMap(({ node }) =>
        list(node['ceterms:hasPart']).flatMap((value) => (typeof value === 'string' ? [value] : [])),
      ),
  );

  const institutions: Institution[] = [];
  const documentInstitutions = new Map<string, string>();
  for (const { node, location } of nodes) {
    const type = str(node['@type']);
    if (type === undefined || !ORGANIZATION_TYPES.has(type)) continue;
    const id = str(node['@id']);
    if (id !== undefined && recognisers.has(id)) continue;
    // An organisation the catalogue already knows (by @id, CTID or a Ladder institution URL) is not re-imported.
    const known = [id, str(node['ceterms:ctid'])]
      .map((key) => (key === undefined ? undefined : knownInstitution(options, key)))
      .find((value) => value !== undefined);
    if (known !== undefined) {
      for (const key of [id, str(node['ceterms:ctid'])])
        if (key !== undefined) documentInstitutions.set(key, known);
      continue;
    }
    const institution = toInstitution(node, location, errors);
    if (institution === undefined) continue;
    institutions.push(institution);
    for (const key of [id, str(node['ceterms:ctid'])])
      if (key !== undefined) documentInstitutions.set(key, institution.id);
  }

  const entries = [];
  for (const { node, location } of nodes) {
    const type = str(node['@type']);
    if (type === undefined) {
      errors.push({ location, field: '@type', message: 'is missing: every node needs a CTDL type' });
      continue;
    }
    if (ORGANIZATION_TYPES.has(type)) continue;
    if (DEGREE.test(type)) {
      errors.push({
        location,
        field: '@type',
        message: `${type} is a degree or diploma, not a micro-credential; Ladder lists micro-credentials (LearningProgram, Course, Badge, Certificate and similar)`,
      });
      continue;
    }
    if (!LISTING_TYPES.has(type)) {
      warnings.push({
        location,
        field: '@type',
        message: `${type} is not a listing or organisation; ignored`,
      });
      continue;
    }
    const id = str(node['@id']);
    if (type === 'ceterms:Course' && id !== undefined && parts.has(id)) continue;
    const mapped = toListing(node, type, location, {
      options,
      documentInstitutions,
      resolve,
      errors,
      warnings,
    });
    if (mapped === undefined) continue;
    const parsed = listingSchema.safeParse(mapped);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ location, field: issue.path.map(String).join('.') || '', message: issue.message });
      }
      continue;
    }
    entries.push({ listing: parsed.data, location });
  }
  return { format: 'ctdl', institutions, entries, errors, warnings };
}

function toInstitution(node: Node, location: string, errors: FeedProblem[]): Institution | undefined {
  const name = languageMap(node['ceterms:name']);
  const english = name?.en ?? name?.fr;
  const website = str(node['ceterms:subjectWebpage']);
  if (english === undefined) {
    errors.push({ location, field: 'ceterms:name', message: 'is missing: an organisation needs a name' });
    return undefined;
  }
  if (website === undefined) {
    errors.push({
      location,
      field: 'ceterms:subjectWebpage',
      message: 'is missing: an organisation needs its website',
    });
    return undefined;
  }
  const address = list(node['ceterms:address']).find(isNode);
  const city = languageMap(address?.['ceterms:addressLocality']);
  const ctdlId = str(node['@id']) ?? str(node['ceterms:ctid']);
  return {
    id: institutionIdOf(english),
    name: { en: english, fr: name?.fr ?? english },
    type: 'other',
    city: city?.en ?? city?.fr ?? 'Unknown',
    website,
    ...(ctdlId === undefined ? {} : { ctdlId }),
  };
}

interface MappingContext {
  options: CtdlOptions;
  documentInstitutions: Map<string, string>;
  resolve: (value: unknown) => Node | undefined;
  errors: FeedProblem[];
  warnings: FeedProblem[];
}

function toListing(
  node: Node,
  type: string,
  location: string,
  context: MappingContext,
): Record<string, unknown> | undefined {
  const { options, errors, warnings } = context;
  const problem = (field: string, message: string) => errors.push({ location, field, message });
  const before = errors.length;

  // Institution: the upload's own, else the owner or offerer, known or described in this document.
  let institution = options.institution;
  if (institution === undefined) {
    const owners = [...list(node['ceterms:ownedBy']), ...list(node['ceterms:offeredBy'])];
    for (const owner of owners) {
      const key =
        typeof owner === 'string'
          ? owner
          : isNode(owner)
            ? (str(owner['@id']) ?? str(owner['ceterms:ctid']))
            : undefined;
      if (key === undefined) continue;
      institution = knownInstitution(options, key) ?? context.documentInstitutions.get(key);
      if (institution !== undefined) break;
    }
    if (institution === undefined) {
      const first = owners.find((owner) => typeof owner === 'string');
      problem(
        'ceterms:ownedBy',
        first === undefined
          ? 'is missing: name the institution that owns the program, or pass --institution'
          : `${first} is not a known institution: import its Organization document first or pass --institution`,
      );
    }
  }

  const externalId = str(node['ceterms:codedNotation']) ?? str(node['ceterms:ctid']);
  if (externalId === undefined)
    problem('ceterms:ctid', 'is missing: a listing needs a CTID or coded notation to be its id');
  const title = languageMap(node['ceterms:name']);
  if (title === undefined) problem('ceterms:name', 'is missing');
  const registrationUrl =
    str(node['ceterms:subjectWebpage']) ?? str(list(node['ceterms:availableOnlineAt'])[0]);
  if (registrationUrl === undefined)
    problem(
      'ceterms:subjectWebpage',
      'is missing: Ladder links every listing to its page at the institution',
    );

  const deliveryNodes = list(node['ceterms:deliveryType']).map((item) =>
    isNode(item) ? (str(item['ceterms:targetNode']) ?? '') : String(item),
  );
  const online = deliveryNodes.some((value) => /Online/i.test(value));
  const inPerson = deliveryNodes.some((value) => /InPerson/i.test(value));
  const blended = deliveryNodes.some((value) => /Blended/i.test(value));
  const deliveryMode =
    blended || (online && inPerson) ? 'hybrid' : online ? 'online' : inPerson ? 'in-person' : undefined;
  if (deliveryMode === undefined)
    problem('ceterms:deliveryType', 'is missing or not one of OnlineOnly, InPerson, BlendedDelivery');

  let durationWeeks: number | undefined;
  let durationHours: number | undefined;
  const durations = list(node['ceterms:estimatedDuration']).filter(isNode);
  const profile = durations[0];
  const written =
    profile === undefined
      ? undefined
      : (str(profile['ceterms:exactDuration']) ??
        str(profile['ceterms:maximumDuration']) ??
        str(profile['ceterms:minimumDuration']));
  const parsedDuration = written === undefined ? undefined : parseDuration(written);
  for (const item of durations) {
    const hours = str(item['ceterms:exactDuration']);
    const value = hours === undefined ? undefined : parseDuration(hours);
    if (value?.weeks === undefined && value?.hours !== undefined) durationHours = value.hours;
  }
  if (parsedDuration?.weeks !== undefined) {
    durationWeeks = parsedDuration.weeks;
    durationHours ??= parsedDuration.hours;
  } else {
    const described = languageMap(profile?.['ceterms:description']);
    problem(
      'ceterms:estimatedDuration',
      written === undefined
        ? `has no exact, maximum or minimum duration${described?.en ? ` (only the description "${described.en}")` : ''}; Ladder needs the length in weeks`
        : `"${written}" is not an ISO 8601 duration in weeks, months, days or years (such as P8W)`,
    );
  }

  let cost: { tuitionCents: number; feesCents: number; materialsCents: number } | undefined;
  for (const item of list(node['ceterms:estimatedCost']).filter(isNode)) {
    const price = item['ceterms:price'];
    const currency = str(item['ceterms:currency']) ?? '';
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) continue;
    if (!/^(CAD|Canadian)/i.test(currency)) {
      warnings.push({
        location,
        field: 'ceterms:estimatedCost',
        message: `cost in ${currency || 'an unstated currency'} ignored: Ladder shows costs in Canadian dollars`,
      });
      cost = undefined;
      break;
    }
    const kind = isNode(item['ceterms:directCostType'])
      ? (str(item['ceterms:directCostType']['ceterms:targetNode']) ?? '')
      : '';
    cost ??= { tuitionCents: 0, feesCents: 0, materialsCents: 0 };
    const cents = Math.round(price * 100);
    if (/Material|Book|Suppl|Equipment/i.test(kind)) cost.materialsCents += cents;
    else if (kind === '' || /Tuition|Enrollment|Enrolment/i.test(kind)) cost.tuitionCents += cents;
    else cost.feesCents += cents;
  }

  const conditions = [...list(node['ceterms:entryCondition']), ...list(node['ceterms:requires'])].filter(
    isNode,
  );
  const prerequisiteText = (lang: 'en' | 'fr') =>
    conditions
      .flatMap((condition) => [
        languageMap(condition['ceterms:description'])?.[lang],
        languageMap(condition['ceterms:condition'])?.[lang],
      ])
      .filter((part): part is string => part !== undefined)
      .join(' ')
      .slice(0, 2000) || undefined;
  const prerequisites = { en: prerequisiteText('en'), fr: prerequisiteText('fr') };

  const occupations: string[] = [];
  for (const item of list(node['ceterms:occupationType']).filter(isNode)) {
    const code = str(item['ceterms:codedNotation']);
    const framework = str(item['ceterms:framework']) ?? '';
    if (code !== undefined && /^\d{5}$/.test(code) && /noc/i.test(framework)) occupations.push(code);
    else if (code !== undefined && /^\d{2}-\d{4}(\.\d{2})?$/.test(code) && options.onetToNoc)
      occupations.push(...options.onetToNoc(code));
    else {
      warnings.push({
        location,
        field: 'ceterms:occupationType',
        message: `occupation "${nameOf(item) ?? code ?? '?'}" has no NOC 2021 code${code ? ` (${code} could not be mapped)` : ''}; not tagged`,
      });
    }
  }
  const uniqueOccupations = [...new Set(occupations)];
  if (uniqueOccupations.length > 3) {
    warnings.push({
      location,
      field: 'ceterms:occupationType',
      message: `names ${uniqueOccupations.length} occupations; the first three are kept`,
    });
  }
  const industries = list(node['ceterms:industryType'])
    .filter(isNode)
    .flatMap((item) => {
      const code = str(item['ceterms:codedNotation']);
      return code !== undefined && /^(\d{2}-\d{2}|\d{2,6})$/.test(code) ? [code] : [];
    });
  const cip = list(node['ceterms:instructionalProgramType'])
    .filter(isNode)
    .map((item) => str(item['ceterms:codedNotation']))
    .find((code) => code !== undefined && /^\d{2}\.\d{2}(\d{2})?$/.test(code));
  const skills = [...list(node['ceterms:teaches']), ...list(node['ceterms:targetCompetency'])]
    .map((item) => nameOf(item))
    .filter((name): name is string => name !== undefined)
    .map((name) => name.replace(/\|/g, '/').slice(0, 200));

  // Area of focus: Ladder's own subject alignment, else the CIP series, else words.
  const subjects = list(node['ceterms:subject']).filter(isNode);
  const declared = subjects
    .map((item) => str(item['ceterms:codedNotation']))
    .find((code): code is AreaOfFocus => (AREAS_OF_FOCUS as readonly string[]).includes(code ?? ''));
  const words = [
    title?.en,
    title?.fr,
    ...languageList(node['ceterms:keyword']),
    ...subjects.map((item) => nameOf(item) ?? ''),
    ...languageList(node['ceterms:subject']),
  ].filter((word): word is string => word !== undefined);
  const inferred = declared ?? inferAreaOfFocus(words, cip);
  if (declared === undefined && inferred !== undefined) {
    warnings.push({
      location,
      field: 'areaOfFocus',
      message: `CTDL has no area of focus; "${inferred}" inferred from ${cip ? 'the CIP code' : 'the title and keywords'}`,
    });
  }
  if (inferred === undefined) {
    problem(
      'areaOfFocus',
      'CTDL has no area of focus and no CIP code (ceterms:instructionalProgramType) or recognisable subject was found',
    );
  }

  const status = isNode(node['ceterms:lifeCycleStatusType'])
    ? (str(node['ceterms:lifeCycleStatusType']['ceterms:targetNode']) ?? '')
    : '';
  const languages = [
    ...new Set(
      list(node['ceterms:inLanguage']).flatMap((value) =>
        typeof value === 'string' ? (/^fr/i.test(value) ? ['fr'] : /^en/i.test(value) ? ['en'] : []) : [],
      ),
    ),
  ];
  const endorsements = list(node['ceterms:recognizedBy'])
    .map((value) => nameOf(context.resolve(value)))
    .filter((name): name is string => name !== undefined)
    .map((name) => name.replace(/\|/g, '/').slice(0, 200));
  const partNames = list(node['ceterms:hasPart'])
    .map((value) => nameOf(context.resolve(value)))
    .filter((name): name is string => name !== undefined);
  const description = languageMap(node['ceterms:description']);
  if (partNames.length > 0 && description !== undefined) {
    description.en = `${description.en ?? ''} Courses: ${partNames.join('; ')}.`.trim();
  }
  const credential = /Badge/.test(type)
    ? 'digital-badge'
    : /Certificat/.test(type)
      ? 'certificate'
      : undefined;

  if (errors.length > before) return undefined;
  return {
    institution,
    externalId,
    status: /Ceased|Suspended|Inactive/i.test(status) ? 'retired' : 'published',
    title,
    ...(description === undefined ? {} : { description }),
    areaOfFocus: inferred,
    registrationUrl,
    skills: [...new Set(skills)].slice(0, 40),
    ...(prerequisites.en === undefined && prerequisites.fr === undefined
      ? {}
      : { prerequisites: stripUndefined(prerequisites) }),
    ...(credential === undefined ? {} : { credential }),
    occupations: uniqueOccupations.slice(0, 3),
    industries: [...new Set(industries)].slice(0, 5),
    ...(cip === undefined ? {} : { cip }),
    deliveryMode,
    durationWeeks,
    ...(durationHours === undefined ? {} : { durationHours }),
    ...(languages.length === 0 ? {} : { languages }),
    ...(cost === undefined ? {} : { cost }),
    endorsements: [...new Set(endorsements)].slice(0, 20),
  };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

// ------------------------------------------------------------------------------------------- export

const text = (value: { en?: string | undefined; fr?: string | undefined }) =>
  stripUndefined({ en: value.en, fr: value.fr });

const alignment = (framework: string, frameworkName: string, code: string, name?: string) => ({
  '@type': 'ceterms:CredentialAlignmentObject',
  'ceterms:framework': framework,
  'ceterms:frameworkName': { en: frameworkName },
  'ceterms:codedNotation': code,
  ...(name === undefined ? {} : { 'ceterms:targetNodeName': { en: name } }),
});

const DELIVERY_NODES = {
  online: 'deliveryType:OnlineOnly',
  'in-person': 'deliveryType:InPerson',
  hybrid: 'deliveryType:BlendedDelivery',
} as const;

/** A listing as a CTDL `ceterms:LearningProgram` node (costs in CAD, duration in weeks). */
export function listingToCtdl(
  listing: Listing,
  institution: Institution,
  urls: { program: string; institution: string; id: string },
): Record<string, unknown> {
  const cost = listing.cost;
  const costProfile = (kind: string, cents: number) => ({
    '@type': 'ceterms:CostProfile',
    'ceterms:price': cents / 100,
    'ceterms:currency': 'CAD',
    'ceterms:directCostType': { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNode': kind },
  });
  return {
    '@context': CONTEXT,
    '@id': urls.program,
    '@type': 'ceterms:LearningProgram',
    'ceterms:ctid': `ce-${urls.id}`,
    'ceterms:codedNotation': listing.externalId,
    'ceterms:name': text(listing.title),
    ...(listing.description ? { 'ceterms:description': text(listing.description) } : {}),
    'ceterms:ownedBy': [urls.institution],
    'ceterms:offeredBy': [urls.institution],
    'ceterms:subjectWebpage': listing.registrationUrl,
    'ceterms:inLanguage': listing.languages,
    'ceterms:deliveryType': [
      {
        '@type': 'ceterms:CredentialAlignmentObject',
        'ceterms:targetNode': DELIVERY_NODES[listing.deliveryMode],
      },
    ],
    'ceterms:estimatedDuration': [
      { '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': `P${listing.durationWeeks}W` },
      ...(listing.durationHours === undefined
        ? []
        : [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': `PT${listing.durationHours}H` }]),
    ],
    ...(cost === undefined
      ? {}
      : {
          'ceterms:estimatedCost': [
            costProfile('costType:Tuition', cost.tuitionCents),
            ...(cost.feesCents > 0 ? [costProfile('costType:AggregateCost', cost.feesCents)] : []),
            ...(cost.materialsCents > 0
              ? [costProfile('costType:LearningResource-Materials', cost.materialsCents)]
              : []),
          ],
        }),
    'ceterms:subject': [alignment(AREA_FRAMEWORK, 'Ladder areas of focus', listing.areaOfFocus)],
    ...(listing.occupations.length > 0
      ? {
          'ceterms:occupationType': listing.occupations.map((tag) =>
            alignment('https://noc.esdc.gc.ca', 'NOC 2021', tag.code ?? tag.name),
          ),
        }
      : {}),
    ...(listing.industries.length > 0
      ? {
          'ceterms:industryType': listing.industries.map((tag) =>
            alignment(
              'https://www.statcan.gc.ca/en/subjects/standard/naics/2022/v1/index',
              'NAICS 2022',
              tag.code ?? tag.name,
            ),
          ),
        }
      : {}),
    ...(listing.cip === undefined
      ? {}
      : {
          'ceterms:instructionalProgramType': [
            alignment(
              'https://www.statcan.gc.ca/en/subjects/standard/cip/2021/index',
              'CIP 2021',
              listing.cip,
            ),
          ],
        }),
    ...(listing.skills.length > 0
      ? {
          'ceterms:teaches': listing.skills.map((tag) => ({
            '@type': 'ceterms:CredentialAlignmentObject',
            'ceterms:targetNodeName': { en: tag.name },
          })),
        }
      : {}),
    ...(listing.prerequisites
      ? {
          'ceterms:entryCondition': [
            { '@type': 'ceterms:ConditionProfile', 'ceterms:description': text(listing.prerequisites) },
          ],
        }
      : {}),
    ...(listing.endorsements.length > 0
      ? {
          'ceterms:recognizedBy': listing.endorsements.map((name) => ({
            '@type': 'ceterms:QACredentialOrganization',
            'ceterms:name': { en: name },
          })),
        }
      : {}),
    'ceterms:lifeCycleStatusType': {
      '@type': 'ceterms:CredentialAlignmentObject',
      'ceterms:targetNode': listing.status === 'retired' ? 'lifeCycle:Ceased' : 'lifeCycle:Active',
    },
  };
}

/** An institution as a CTDL `ceterms:Organization` node. */
export function institutionToCtdl(institution: Institution, url: string): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    '@id': url,
    '@type': 'ceterms:Organization',
    'ceterms:name': { en: institution.name.en, fr: institution.name.fr },
    'ceterms:subjectWebpage': institution.website,
    'ceterms:address': [
      {
        '@type': 'ceterms:Place',
        'ceterms:addressLocality': { en: institution.city },
        'ceterms:addressRegion': { en: 'Ontario' },
      },
    ],
  };
}
