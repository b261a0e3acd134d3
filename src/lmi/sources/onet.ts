import { parseDelimited, requireColumns, type DelimitedRow } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition, type LoadContext } from '../import/source.ts';
import {
  occupationRelated,
  occupationTechnology,
  onetNocLink,
  onetOccupation,
  onetRelated,
  onetTechnology,
  onetTitle,
  onetTool,
} from '../schema.ts';
import { NOC_AGGREGATES, nocCode, nocUnitGroupCodes } from './codes.ts';

const ONET_DIR = 'onet/db_29_3';
const OCCUPATION_DATA = `${ONET_DIR}/Occupation Data.txt`;
const JOB_ZONES = `${ONET_DIR}/Job Zones.txt`;
const TECHNOLOGY_SKILLS = `${ONET_DIR}/Technology Skills.txt`;
const TOOLS_USED = `${ONET_DIR}/Tools Used.txt`;
const ALTERNATE_TITLES = `${ONET_DIR}/Alternate Titles.txt`;
const REPORTED_TITLES = `${ONET_DIR}/Sample of Reported Titles.txt`;
const RELATED_OCCUPATIONS = `${ONET_DIR}/Related Occupations.txt`;
const BC_MAPPING = 'crosswalks/bcgov_onet_to_noc2021_mapping_v3.0.0.csv';
const BROOKFIELD_CROSSWALK = 'crosswalks/brookfield_noc2021_onet26.csv';

/** "O*NET-SOC Code" as a normalised header; every O*NET file starts with it. */
const SOC_CODE = 'o_net_soc_code';
/** An O*NET-SOC 2019 code: SOC code plus a two-digit O*NET suffix, "15-1252.00". */
const ONET_CODE_PATTERN = /^\d{2}-\d{4}\.\d{2}$/;

/**
 * How much each O*NET relatedness tier counts in `occupation_related`. O*NET lists 20 related
 * occupations per occupation: indexes 1–5 are "Primary-Short", 6–10 "Primary-Long", 11–20 "Supplemental".
 */
const TIER_FACTORS: ReadonlyMap<string, number> = new Map([
  ['Primary-Short', 1],
  ['Primary-Long', 0.75],
  ['Supplemental', 0.5],
]);

/** The largest Index a related occupation can have (the rank column is a smallint). */
const MAX_RANK = 32_767;

/** Related unit groups kept per unit group (the strongest). */
const RELATED_PER_UNIT_GROUP = 10;

/** Below this, a unit group's link weights are taken to sum to 1 (the BC weights are rounded floats). */
const WEIGHT_TOLERANCE = 1e-9;

type OccupationRow = typeof onetOccupation.$inferInsert & { jobZone: number | null };
type TechnologyRow = typeof onetTechnology.$inferInsert;
type ToolRow = typeof onetTool.$inferInsert;
type TitleRow = typeof onetTitle.$inferInsert;
type RelatedRow = typeof onetRelated.$inferInsert;
type LinkRow = typeof onetNocLink.$inferInsert & { weight: number; viaAggregate: string | null };
type OccupationTechnologyRow = typeof occupationTechnology.$inferInsert & { weight: number };
type OccupationRelatedRow = typeof occupationRelated.$inferInsert & { score: number };

/**
 * O*NET 29.3 (technology skills with Hot Technology / In Demand flags, tools, alternate and reported
 * titles, related occupations, job zones) linked to NOC 2021 unit groups through the BC Government's
 * weighted O*NET→NOC mapping, with the Brookfield Institute crosswalk for the unit groups BC leaves out.
 * Technologies and related occupations are then aggregated per unit group.
 *
 * The files are read by header name, so both O*NET layouts load: the official text release and the
 * Excel release converted to tab-separated text, which has an extra "Title" column after the code.
 * The O*NET files are read without quote handling: their text contains bare double quotes.
 */
export const onetSource: LmiSourceDefinition = {
  id: 'onet',
  publisher:
    'National Center for O*NET Development (U.S. Department of Labor); crosswalks: Government of British Columbia, Brookfield Institute',
  title: 'O*NET Database, linked to NOC 2021',
  version: 'O*NET 29.3; BC O*NET–NOC 2021 crosswalk v3.0.0',
  licence: 'CC BY 4.0 (O*NET); Apache-2.0 (BC crosswalk); MIT (Brookfield crosswalk)',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  attributionEn:
    'This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Ladder has modified all or some of this information: O*NET occupations are linked to NOC 2021 unit groups and their technologies and related occupations are combined per unit group. USDOL/ETA has not approved, endorsed, or tested these modifications. ' +
    'The O*NET–NOC 2021 links come from the O*NET to NOC 2021 crosswalk v3.0.0 by the Government of British Columbia (Apache License 2.0) and, for the unit groups it does not cover, from the NOC 2021–O*NET crosswalk by the Brookfield Institute for Innovation + Entrepreneurship (MIT License).',
  attributionFr:
    'Cette page contient des informations tirées de la base de données O*NET 29.3 du Département du Travail des États-Unis, Employment and Training Administration (USDOL/ETA), utilisées sous la licence CC BY 4.0. O*NET® est une marque de commerce de l’USDOL/ETA. Ladder a modifié tout ou partie de ces informations : les professions O*NET sont reliées aux groupes de base de la CNP 2021, et leurs technologies et professions connexes sont regroupées par groupe de base. L’USDOL/ETA n’a ni approuvé, ni cautionné, ni vérifié ces modifications. ' +
    'Les liens O*NET–CNP 2021 proviennent de la table de concordance O*NET – CNP 2021 v3.0.0 du gouvernement de la Colombie-Britannique (licence Apache 2.0) et, pour les groupes de base qu’elle ne couvre pas, de la table de concordance CNP 2021 – O*NET du Brookfield Institute for Innovation + Entrepreneurship (licence MIT).',
  files: [
    OCCUPATION_DATA,
    JOB_ZONES,
    TECHNOLOGY_SKILLS,
    TOOLS_USED,
    ALTERNATE_TITLES,
    REPORTED_TITLES,
    RELATED_OCCUPATIONS,
    BC_MAPPING,
    BROOKFIELD_CROSSWALK,
  ],
  dependsOn: ['noc'],

  async load(context) {
    const occupations = readOccupations(context);
    readJobZones(context, occupations);
    const technologies = readTechnologies(context, occupations);
    const tools = readTools(context, occupations);
    const titles = readTitles(context, occupations);
    const related = readRelated(context, occupations);
    context.progress(`${occupations.size} O*NET occupations, ${technologies.length} technologies`);

    const unitGroups = await nocUnitGroupCodes(context.db);
    const links = readLinks(context, occupations, unitGroups);
    context.progress(
      `${links.length} O*NET–NOC links, ${links.filter((link) => link.source === 'brookfield').length} from Brookfield`,
    );

    return [
      tableRows(onetOccupation, ['code'], [...occupations.values()]),
      tableRows(onetNocLink, ['onetCode', 'nocCode'], links),
      tableRows(onetTechnology, ['onetCode', 'name'], technologies),
      tableRows(onetTool, ['onetCode', 'name'], tools),
      tableRows(onetTitle, ['onetCode', 'title', 'kind'], titles),
      tableRows(onetRelated, ['onetCode', 'relatedCode'], related),
      tableRows(occupationTechnology, ['nocCode', 'name'], occupationTechnologies(links, technologies)),
      tableRows(occupationRelated, ['nocCode', 'relatedNocCode'], relatedUnitGroups(links, related)),
    ];
  },
};

/**
 * Parses one of the source's files and checks its columns; every data row is counted as read, and rows
 * with the wrong number of fields are rejected.
 */
function readRows(
  context: LoadContext,
  name: string,
  format: 'tab' | 'csv',
  columns: string[],
): DelimitedRow[] {
  const file = context.file(name);
  const table = parseDelimited(file, {
    delimiter: format === 'tab' ? '\t' : ',',
    quote: format === 'csv',
    onBadRow: (line, reason) => {
      context.read();
      context.reject(name, line, reason);
    },
  });
  requireColumns(file, table, columns);
  context.read(table.rows.length);
  return table.rows;
}

function value(row: DelimitedRow, column: string): string {
  return row.values[column] ?? '';
}

function notAnOccupation(column: string, code: string): string {
  return `${column} "${code}" is not in O*NET Occupation Data`;
}

/** O*NET's Y/N columns; null for anything else. */
function yesNo(text: string): boolean | null {
  const upper = text.toUpperCase();
  return upper === 'Y' ? true : upper === 'N' ? false : null;
}

function readOccupations(context: LoadContext): Map<string, OccupationRow> {
  const occupations = new Map<string, OccupationRow>();
  for (const row of readRows(context, OCCUPATION_DATA, 'tab', [SOC_CODE, 'title', 'description'])) {
    const code = value(row, SOC_CODE);
    const title = value(row, 'title');
    if (!ONET_CODE_PATTERN.test(code)) {
      context.reject(OCCUPATION_DATA, row.line, `O*NET-SOC Code "${code}" is not a code like 15-1252.00`);
    } else if (title === '') {
      context.reject(OCCUPATION_DATA, row.line, `${code} has no Title`);
    } else if (occupations.has(code)) {
      context.reject(OCCUPATION_DATA, row.line, `${code} appears twice`);
    } else {
      occupations.set(code, { code, title, description: value(row, 'description'), jobZone: null });
    }
  }
  return occupations;
}

/** Job zones (1 little preparation … 5 extensive preparation); not every occupation has one. */
function readJobZones(context: LoadContext, occupations: Map<string, OccupationRow>): void {
  for (const row of readRows(context, JOB_ZONES, 'tab', [SOC_CODE, 'job_zone'])) {
    const code = value(row, SOC_CODE);
    const zoneText = value(row, 'job_zone');
    const zone = Number(zoneText);
    const occupation = occupations.get(code);
    if (!occupation) {
      context.reject(JOB_ZONES, row.line, notAnOccupation('O*NET-SOC Code', code));
    } else if (zoneText === '' || !Number.isInteger(zone) || zone < 1 || zone > 5) {
      context.reject(JOB_ZONES, row.line, `Job Zone "${zoneText}" of ${code} is not 1 to 5`);
    } else if (occupation.jobZone !== null) {
      context.reject(JOB_ZONES, row.line, `${code} has a second Job Zone`);
    } else {
      occupation.jobZone = zone;
    }
  }
}

/** The commodity columns shared by Technology Skills and Tools Used; a reason when one is unusable. */
function commodityProblem(code: string, name: string, commodityCode: string, commodityTitle: string) {
  if (name === '') return `the Example (name) of ${code} is empty`;
  if (commodityCode === '') return `"${name}" of ${code} has no Commodity Code`;
  if (commodityTitle === '') return `"${name}" of ${code} has no Commodity Title`;
  return null;
}

function readTechnologies(context: LoadContext, occupations: Map<string, OccupationRow>): TechnologyRow[] {
  const technologies = new Map<string, TechnologyRow>();
  const rows = readRows(context, TECHNOLOGY_SKILLS, 'tab', [
    SOC_CODE,
    'example',
    'commodity_code',
    'commodity_title',
    'hot_technology',
    'in_demand',
  ]);
  for (const row of rows) {
    const onetCode = value(row, SOC_CODE);
    const name = value(row, 'example');
    const commodityCode = value(row, 'commodity_code');
    const commodityTitle = value(row, 'commodity_title');
    const hot = yesNo(value(row, 'hot_technology'));
    const inDemand = yesNo(value(row, 'in_demand'));
    const key = `${onetCode}\u0000${name}`;
    const commodity = commodityProblem(onetCode, name, commodityCode, commodityTitle);
    if (!occupations.has(onetCode)) {
      context.reject(TECHNOLOGY_SKILLS, row.line, notAnOccupation('O*NET-SOC Code', onetCode));
    } else if (commodity !== null) {
      context.reject(TECHNOLOGY_SKILLS, row.line, commodity);
    } else if (hot === null) {
      context.reject(
        TECHNOLOGY_SKILLS,
        row.line,
        `Hot Technology "${value(row, 'hot_technology')}" of "${name}" is not Y or N`,
      );
    } else if (inDemand === null) {
      context.reject(
        TECHNOLOGY_SKILLS,
        row.line,
        `In Demand "${value(row, 'in_demand')}" of "${name}" is not Y or N`,
      );
    } else if (technologies.has(key)) {
      context.reject(TECHNOLOGY_SKILLS, row.line, `"${name}" is listed twice for ${onetCode}`);
    } else {
      technologies.set(key, { onetCode, name, commodityCode, commodityTitle, hot, inDemand });
    }
  }
  return [...technologies.values()];
}

function readTools(context: LoadContext, occupations: Map<string, OccupationRow>): ToolRow[] {
  const tools = new Map<string, ToolRow>();
  const rows = readRows(context, TOOLS_USED, 'tab', [
    SOC_CODE,
    'example',
    'commodity_code',
    'commodity_title',
  ]);
  for (const row of rows) {
    const onetCode = value(row, SOC_CODE);
    const name = value(row, 'example');
    const commodityCode = value(row, 'commodity_code');
    const commodityTitle = value(row, 'commodity_title');
    const key = `${onetCode}\u0000${name}`;
    const commodity = commodityProblem(onetCode, name, commodityCode, commodityTitle);
    if (!occupations.has(onetCode)) {
      context.reject(TOOLS_USED, row.line, notAnOccupation('O*NET-SOC Code', onetCode));
    } else if (commodity !== null) {
      context.reject(TOOLS_USED, row.line, commodity);
    } else if (tools.has(key)) {
      context.reject(TOOLS_USED, row.line, `"${name}" is listed twice for ${onetCode}`);
    } else {
      tools.set(key, { onetCode, name, commodityCode, commodityTitle });
    }
  }
  return [...tools.values()];
}

/**
 * Alternate titles and sample reported titles. O*NET 29.3 lists a few alternate titles twice, once
 * without and once with a short title (e.g. a licensed counsellor title and its acronym): those are
 * merged into one row that keeps the short title; two different short titles for one title are rejected.
 */
function readTitles(context: LoadContext, occupations: Map<string, OccupationRow>): TitleRow[] {
  const titles = new Map<string, TitleRow>();
  for (const row of readRows(context, ALTERNATE_TITLES, 'tab', [
    SOC_CODE,
    'alternate_title',
    'short_title',
  ])) {
    const onetCode = value(row, SOC_CODE);
    const title = value(row, 'alternate_title');
    const shortTitle = value(row, 'short_title') || null;
    const key = `${onetCode}\u0000${title}\u0000alternate`;
    const listed = titles.get(key);
    if (!occupations.has(onetCode)) {
      context.reject(ALTERNATE_TITLES, row.line, notAnOccupation('O*NET-SOC Code', onetCode));
    } else if (title === '') {
      context.reject(ALTERNATE_TITLES, row.line, `the Alternate Title of ${onetCode} is empty`);
    } else if (!listed) {
      titles.set(key, { onetCode, title, kind: 'alternate', shortTitle });
    } else if (listed.shortTitle && shortTitle && listed.shortTitle !== shortTitle) {
      context.reject(
        ALTERNATE_TITLES,
        row.line,
        `"${title}" is listed twice for ${onetCode} with different Short Titles ("${listed.shortTitle}", "${shortTitle}")`,
      );
    } else {
      listed.shortTitle ??= shortTitle;
    }
  }
  for (const row of readRows(context, REPORTED_TITLES, 'tab', [SOC_CODE, 'reported_job_title'])) {
    const onetCode = value(row, SOC_CODE);
    const title = value(row, 'reported_job_title');
    const key = `${onetCode}\u0000${title}\u0000reported`;
    if (!occupations.has(onetCode)) {
      context.reject(REPORTED_TITLES, row.line, notAnOccupation('O*NET-SOC Code', onetCode));
    } else if (title === '') {
      context.reject(REPORTED_TITLES, row.line, `the Reported Job Title of ${onetCode} is empty`);
    } else if (titles.has(key)) {
      context.reject(REPORTED_TITLES, row.line, `"${title}" is listed twice for ${onetCode}`);
    } else {
      titles.set(key, { onetCode, title, kind: 'reported', shortTitle: null });
    }
  }
  return [...titles.values()];
}

function readRelated(context: LoadContext, occupations: Map<string, OccupationRow>): RelatedRow[] {
  const related = new Map<string, RelatedRow>();
  const rows = readRows(context, RELATED_OCCUPATIONS, 'tab', [
    SOC_CODE,
    'related_o_net_soc_code',
    'relatedness_tier',
    'index',
  ]);
  for (const row of rows) {
    const onetCode = value(row, SOC_CODE);
    const relatedCode = value(row, 'related_o_net_soc_code');
    const tier = value(row, 'relatedness_tier');
    const indexText = value(row, 'index');
    const rank = Number(indexText);
    const key = `${onetCode}\u0000${relatedCode}`;
    const reject = (reason: string) => {
      context.reject(RELATED_OCCUPATIONS, row.line, reason);
    };
    if (!occupations.has(onetCode)) {
      reject(notAnOccupation('O*NET-SOC Code', onetCode));
    } else if (!occupations.has(relatedCode)) {
      reject(notAnOccupation('Related O*NET-SOC Code', relatedCode));
    } else if (relatedCode === onetCode) {
      reject(`${onetCode} is related to itself`);
    } else if (!TIER_FACTORS.has(tier)) {
      reject(`Relatedness Tier "${tier}" is not one of ${[...TIER_FACTORS.keys()].join(', ')}`);
    } else if (indexText === '' || !Number.isInteger(rank) || rank < 1 || rank > MAX_RANK) {
      reject(
        `Index "${indexText}" of ${onetCode} → ${relatedCode} is not a whole number from 1 to ${MAX_RANK}`,
      );
    } else if (related.has(key)) {
      reject(`${relatedCode} is listed twice as related to ${onetCode}`);
    } else {
      related.set(key, { onetCode, relatedCode, tier, rank });
    }
  }
  return [...related.values()];
}

/**
 * The O*NET–NOC links. The BC mapping comes first, with its base weight (the share of the unit group an
 * O*NET occupation stands for; the weights sum to 1 per NOC code). Its aggregate codes are expanded to
 * their unit groups (see NOC_AGGREGATES), except into a unit group the mapping also maps directly (the
 * direct mapping is more specific, and adding both would double its weights). If rejected rows leave a
 * unit group's weights off 1, they are rescaled to sum to 1.
 *
 * The Brookfield crosswalk (NOC codes without leading zeros) fills only the loaded unit groups that have
 * no BC link at all, with equal weights (1/n for n O*NET occupations). It is built on O*NET 26, whose
 * former occupations it lists under their 2019 code once per former title: such repeats count once.
 * Its rows for unit groups BC covers are not used, so their O*NET codes are not checked.
 */
function readLinks(
  context: LoadContext,
  occupations: Map<string, OccupationRow>,
  unitGroups: Set<string>,
): LinkRow[] {
  const direct = new Map<string, LinkRow>();
  const viaAggregate = new Map<string, LinkRow>();
  const mapping = readRows(context, BC_MAPPING, 'csv', ['onet_soc_code', 'noc_2021', 'base_weight']);
  for (const row of mapping) {
    const onetCode = value(row, 'onet_soc_code');
    const nocText = value(row, 'noc_2021');
    const code = nocCode(nocText);
    const weightText = value(row, 'base_weight');
    const weight = Number(weightText);
    const members = code === null ? undefined : NOC_AGGREGATES.get(code);
    const links = members ? viaAggregate : direct;
    const key = `${onetCode}\u0000${code ?? ''}`;
    const reject = (reason: string) => {
      context.reject(BC_MAPPING, row.line, reason);
    };
    if (!occupations.has(onetCode)) {
      reject(notAnOccupation('onet_soc_code', onetCode));
    } else if (code === null) {
      reject(`noc_2021 "${nocText}" is not a NOC code`);
    } else if (!members && !unitGroups.has(code)) {
      reject(`noc_2021 "${nocText}" is not a loaded NOC 2021 unit group or a known aggregate`);
    } else if (members && !members.some((member) => unitGroups.has(member))) {
      reject(`noc_2021 aggregate ${code} has none of its unit groups (${members.join(', ')}) loaded`);
    } else if (weightText === '' || !Number.isFinite(weight) || weight <= 0 || weight > 1) {
      reject(`base_weight "${weightText}" of ${onetCode} → ${code} is not a number above 0 and at most 1`);
    } else if (links.has(key)) {
      reject(`${onetCode} → ${code} appears twice`);
    } else {
      links.set(key, { onetCode, nocCode: code, weight, source: 'bcgov', viaAggregate: null });
    }
  }

  const bcLinks: LinkRow[] = [...direct.values()];
  const directlyMapped = new Set(bcLinks.map((link) => link.nocCode));
  for (const link of viaAggregate.values()) {
    for (const member of NOC_AGGREGATES.get(link.nocCode) ?? []) {
      if (unitGroups.has(member) && !directlyMapped.has(member)) {
        bcLinks.push({ ...link, nocCode: member, viaAggregate: link.nocCode });
      }
    }
  }
  rescaleToOne(bcLinks);

  const covered = new Set(bcLinks.map((link) => link.nocCode));
  const fallback = new Map<string, Set<string>>();
  const crosswalk = readRows(context, BROOKFIELD_CROSSWALK, 'csv', ['noc', 'onet']);
  for (const row of crosswalk) {
    const nocText = value(row, 'noc');
    const code = nocCode(nocText);
    const onetCode = value(row, 'onet');
    if (code === null || !unitGroups.has(code)) {
      context.reject(
        BROOKFIELD_CROSSWALK,
        row.line,
        `noc "${nocText}"${code && code !== nocText ? ` (${code})` : ''} is not a loaded NOC 2021 unit group`,
      );
    } else if (covered.has(code)) {
      continue;
    } else if (!occupations.has(onetCode)) {
      context.reject(BROOKFIELD_CROSSWALK, row.line, notAnOccupation('onet', onetCode));
    } else {
      const linked = fallback.get(code) ?? new Set<string>();
      linked.add(onetCode);
      fallback.set(code, linked);
    }
  }
  const brookfieldLinks = [...fallback].flatMap(([code, onetCodes]) =>
    [...onetCodes].map((onetCode): LinkRow => ({
      onetCode,
      nocCode: code,
      weight: 1 / onetCodes.size,
      source: 'brookfield',
      viaAggregate: null,
    })),
  );
  return [...bcLinks, ...brookfieldLinks].sort(
    (a, b) => compare(a.nocCode, b.nocCode) || compare(a.onetCode, b.onetCode),
  );
}

/** Rescales each unit group's link weights to sum to 1 when they do not (after rejected rows). */
function rescaleToOne(links: LinkRow[]): void {
  const totals = new Map<string, number>();
  for (const link of links) totals.set(link.nocCode, (totals.get(link.nocCode) ?? 0) + link.weight);
  for (const link of links) {
    const total = totals.get(link.nocCode) ?? 1;
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) link.weight /= total;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The technologies of each unit group: every technology (by its Example name) that a linked O*NET
 * occupation lists. `weight` is the sum of the link weights of the linked occupations that list it
 * (0–1: 1 means every O*NET occupation of the unit group uses it); `hot` and `inDemand` are true when
 * any linked occupation flags it; the commodity title is that of the highest-weight link (ties: the
 * lowest O*NET code).
 */
function occupationTechnologies(
  links: readonly LinkRow[],
  technologies: readonly TechnologyRow[],
): OccupationTechnologyRow[] {
  const technologiesByOccupation = groupBy(technologies, (technology) => technology.onetCode);
  const rows: OccupationTechnologyRow[] = [];
  for (const [code, unitGroupLinks] of groupBy(links, (link) => link.nocCode)) {
    const strongestFirst = [...unitGroupLinks].sort(
      (a, b) => b.weight - a.weight || compare(a.onetCode, b.onetCode),
    );
    const byName = new Map<string, OccupationTechnologyRow>();
    for (const link of strongestFirst) {
      for (const technology of technologiesByOccupation.get(link.onetCode) ?? []) {
        const row = byName.get(technology.name);
        if (row) {
          row.weight += link.weight;
          row.hot ||= technology.hot;
          row.inDemand ||= technology.inDemand;
        } else {
          byName.set(technology.name, {
            nocCode: code,
            name: technology.name,
            commodityTitle: technology.commodityTitle,
            hot: technology.hot,
            inDemand: technology.inDemand,
            weight: link.weight,
          });
        }
      }
    }
    rows.push(...byName.values());
  }
  return rows;
}

/**
 * Related unit groups through O*NET's related occupations. For unit groups A ≠ B:
 *
 *   score(A, B) = Σ w(a, A) × w(r, B) × tier(a → r) / (1 + index(a → r) / 10)
 *
 * summed over every O*NET occupation a linked to A, every occupation r that O*NET lists as related to a,
 * and every link of r to B; w is the link weight, tier is 1 for Primary-Short, 0.75 for Primary-Long and
 * 0.5 for Supplemental, and index is O*NET's rank of r among a's related occupations (1 = closest).
 * The score has no unit; it only orders. The RELATED_PER_UNIT_GROUP highest scores of each unit group
 * are kept (ties: the lowest code). O*NET occupations that A and B share through the crosswalk do not
 * count by themselves; only O*NET's relatedness does.
 */
function relatedUnitGroups(
  links: readonly LinkRow[],
  related: readonly RelatedRow[],
): OccupationRelatedRow[] {
  const linksByOccupation = groupBy(links, (link) => link.onetCode);
  const relatedByOccupation = groupBy(related, (row) => row.onetCode);
  const rows: OccupationRelatedRow[] = [];
  for (const [code, unitGroupLinks] of groupBy(links, (link) => link.nocCode)) {
    const scores = new Map<string, number>();
    for (const link of unitGroupLinks) {
      for (const relation of relatedByOccupation.get(link.onetCode) ?? []) {
        const strength = (link.weight * (TIER_FACTORS.get(relation.tier) ?? 0)) / (1 + relation.rank / 10);
        for (const relatedLink of linksByOccupation.get(relation.relatedCode) ?? []) {
          if (relatedLink.nocCode === code) continue;
          const score = strength * relatedLink.weight;
          scores.set(relatedLink.nocCode, (scores.get(relatedLink.nocCode) ?? 0) + score);
        }
      }
    }
    const strongest = [...scores]
      .sort(([codeA, scoreA], [codeB, scoreB]) => scoreB - scoreA || compare(codeA, codeB))
      .slice(0, RELATED_PER_UNIT_GROUP);
    for (const [relatedNocCode, score] of strongest) rows.push({ nocCode: code, relatedNocCode, score });
  }
  return rows;
}
