import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { copsCoverage, copsProjection } from '../schema.ts';
import type { LabourConditions } from '../hiring-indicator.ts';
import { NOC_AGGREGATES, nocCode, nocUnitGroupCodes } from './codes.ts';

/**
 * The summary holds every figure the portal uses. The release's other files are not read: the yearly
 * files (employment, job openings, seekers …) break the same decade totals down by year, and
 * flmc_cfmt / rlmc_crmt repeat the summary's future and recent condition columns (identical for all
 * 533 rows of the 2024–2033 release). Declaring them would only make the import depend on copies.
 */
const SUMMARY = 'cops/summary_sommaire_2024_2033_noc2021.csv';

/**
 * Condition labels as COPS writes them, compared without case or accents: recent conditions say
 * "signs" ("Moderate signs of Shortage" / "Signes modérés de pénurie"), future ones "risk" ("Moderate
 * risk of Shortage" / "Risque modéré de pénurie"). N/A (N/D in French) is published for the totals
 * and for unit groups COPS does not project.
 */
const CONDITIONS: Record<string, LabourConditions | null> = {
  balance: 'balance',
  'a equilibre': 'balance',
  'moderate risk of shortage': 'moderate_shortage',
  'moderate signs of shortage': 'moderate_shortage',
  'risque modere de penurie': 'moderate_shortage',
  'signes moderes de penurie': 'moderate_shortage',
  'strong risk of shortage': 'strong_shortage',
  'strong signs of shortage': 'strong_shortage',
  'risque important de penurie': 'strong_shortage',
  'signes importants de penurie': 'strong_shortage',
  'moderate risk of surplus': 'moderate_surplus',
  'moderate signs of surplus': 'moderate_surplus',
  'risque modere de surplus': 'moderate_surplus',
  'signes moderes de surplus': 'moderate_surplus',
  'strong risk of surplus': 'strong_surplus',
  'strong signs of surplus': 'strong_surplus',
  'risque important de surplus': 'strong_surplus',
  'signes importants de surplus': 'strong_surplus',
  'n/a': null,
  'n/d': null,
};

/** The summary's count columns (normalised headers): numbers of people over 2024–2033, 2023 for employment. */
const COUNTS = {
  employment2023: 'employment_emploi_2023',
  employmentGrowth: 'employment_growth_croissance_emploi',
  retirements: 'retirements_retraites',
  otherReplacement: 'other_replacement_autre_remplacement',
  jobOpenings: 'total_job_openings_perspective_d_emploi',
  schoolLeavers: 'school_leavers_sortants_scolaires',
  immigration: 'immigration',
  otherSeekers: 'other_seekers_autres_chercheurs',
  jobSeekers: 'job_seekers_chercheurs_emploi',
} as const;

/** English and French column of each condition; both must name the same condition. */
const CONDITION_COLUMNS = {
  recentConditions: ['recent_labour_market_conditions', 'conditions_recentes_sur_le_marche_du_travail'],
  futureConditions: ['future_labour_market_conditions', 'conditions_futures_sur_le_marche_du_travail'],
} as const;

/** The largest value of a PostgreSQL integer column. */
const MAX_INTEGER = 2_147_483_647;

type CopsRow = typeof copsProjection.$inferInsert;

function conditionKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A COPS count: "8,238,800" (thousands separators, as COPS writes some totals), "8238800" or
 * "-179200" (other seekers can be negative) → the number; "N/A", "N/D" or empty → null; anything
 * else, or a number beyond a PostgreSQL integer → undefined (the caller rejects the row).
 */
export function copsCount(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (/^n\/[ad]$/i.test(trimmed) || trimmed === '') return null;
  if (!/^-?\d{1,3}(,\d{3})*$|^-?\d+$/.test(trimmed)) return undefined;
  const count = Number(trimmed.replace(/,/g, ''));
  return Math.abs(count) <= MAX_INTEGER ? count : undefined;
}

/**
 * What a COPS code stands for: 00000 all occupations, TEER_0…TEER_5, NOC1_0…NOC1_9 (broad
 * categories), a NOC unit group, or a known aggregate (NOC_AGGREGATES in codes.ts: 00018 for
 * 00011–00015; the 2024–2033 summary publishes 00011–00015 itself, 00013–00015 as N/A, and no
 * aggregate); null for anything else. Digit codes arrive already padded to five digits.
 */
function kindOf(code: string, unitGroups: Set<string>): CopsRow['kind'] | null {
  if (code === '00000') return 'all';
  if (/^TEER_[0-5]$/.test(code)) return 'teer';
  if (/^NOC1_\d$/.test(code)) return 'broad_category';
  if (unitGroups.has(code)) return 'unit_group';
  if (NOC_AGGREGATES.has(code)) return 'aggregate';
  return null;
}

/** A row with at least one published figure or condition (COPS writes N/A everywhere for some unit groups). */
function hasData(row: CopsRow | undefined): boolean {
  if (!row) return false;
  return (
    Object.keys(COUNTS).some((property) => row[property as keyof typeof COUNTS] != null) ||
    row.recentConditions != null ||
    row.futureConditions != null
  );
}

/**
 * COPS 2024–2033 national projections from the summary file (bilingual headers): the decade's counts
 * and the recent (2021–2023) and future (2024–2033) labour-market conditions, whose English and
 * French columns must agree. `cops_coverage` then says which row covers each loaded unit group.
 */
export const copsSource: LmiSourceDefinition = {
  id: 'cops',
  publisher: 'Employment and Social Development Canada',
  title: 'Canadian Occupational Projection System (COPS) 2024–2033 projections',
  version: 'COPS 2024–2033',
  licence: 'Open Government Licence – Canada',
  licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
  attributionEn:
    'Contains information licensed under the Open Government Licence – Canada: Canadian Occupational Projection System (COPS) 2024–2033 projections, Employment and Social Development Canada.',
  attributionFr:
    'Contient des informations autorisées en vertu de la Licence du gouvernement ouvert – Canada : projections 2024-2033 du Système de projection des professions au Canada (SPPC), Emploi et Développement social Canada.',
  files: [SUMMARY],
  dependsOn: ['noc'],

  async load(context) {
    const unitGroups = await nocUnitGroupCodes(context.db);
    const file = context.file(SUMMARY);
    const table = parseDelimited(file, {
      onBadRow: (line, reason) => {
        context.read();
        context.reject(SUMMARY, line, reason);
      },
    });
    requireColumns(file, table, [
      'code',
      'occupation_name',
      'nom_de_la_profession',
      ...Object.values(COUNTS),
      ...Object.values(CONDITION_COLUMNS).flat(),
    ]);
    const projections = new Map<string, CopsRow>();
    for (const { line, values } of table.rows) {
      context.read();
      const published = values.code ?? '';
      // Spreadsheet round-trips drop leading zeros ("10" for 00010).
      const code = nocCode(published) ?? published;
      const kind = kindOf(code, unitGroups);
      if (kind === null) {
        context.reject(
          SUMMARY,
          line,
          `code "${published}" is neither a NOC unit group nor a known COPS aggregate`,
        );
        continue;
      }
      if (projections.has(code)) {
        context.reject(SUMMARY, line, `code ${code} appears twice`);
        continue;
      }
      const problems: string[] = [];
      const counts: Partial<Record<keyof typeof COUNTS, number | null>> = {};
      for (const [property, column] of Object.entries(COUNTS) as [keyof typeof COUNTS, string][]) {
        const parsed = copsCount(values[column] ?? '');
        if (parsed === undefined) problems.push(`${column} "${values[column] ?? ''}" is not a number`);
        else counts[property] = parsed;
      }
      const conditions: Partial<Record<keyof typeof CONDITION_COLUMNS, LabourConditions | null>> = {};
      for (const [property, [english, french]] of Object.entries(CONDITION_COLUMNS) as [
        keyof typeof CONDITION_COLUMNS,
        readonly [string, string],
      ][]) {
        const en = CONDITIONS[conditionKey(values[english] ?? '')];
        const fr = CONDITIONS[conditionKey(values[french] ?? '')];
        if (en === undefined) problems.push(`${english} "${values[english] ?? ''}" is not a known condition`);
        else if (fr === undefined)
          problems.push(`${french} "${values[french] ?? ''}" is not a known condition`);
        else if (en !== fr)
          problems.push(
            `${english} "${values[english] ?? ''}" and ${french} "${values[french] ?? ''}" disagree`,
          );
        else conditions[property] = en;
      }
      if (!values.occupation_name || !values.nom_de_la_profession)
        problems.push('an occupation name is empty');
      if (problems.length > 0) {
        context.reject(SUMMARY, line, problems.join('; '));
        continue;
      }
      projections.set(code, {
        code,
        kind,
        titleEn: values.occupation_name ?? '',
        titleFr: values.nom_de_la_profession ?? '',
        employment2023: counts.employment2023 ?? null,
        employmentGrowth: counts.employmentGrowth ?? null,
        retirements: counts.retirements ?? null,
        otherReplacement: counts.otherReplacement ?? null,
        jobOpenings: counts.jobOpenings ?? null,
        schoolLeavers: counts.schoolLeavers ?? null,
        immigration: counts.immigration ?? null,
        otherSeekers: counts.otherSeekers ?? null,
        jobSeekers: counts.jobSeekers ?? null,
        recentConditions: conditions.recentConditions ?? null,
        futureConditions: conditions.futureConditions ?? null,
      });
    }

    // Each loaded unit group: its own row when it has data, else the aggregate containing it when that
    // has data, else nothing (COPS does not project it; pages then say so).
    const coverage: (typeof copsCoverage.$inferInsert)[] = [];
    for (const noc of [...unitGroups].sort()) {
      if (hasData(projections.get(noc))) {
        coverage.push({ nocCode: noc, copsCode: noc });
        continue;
      }
      const aggregate = [...NOC_AGGREGATES].find(
        ([code, members]) => members.includes(noc) && hasData(projections.get(code)),
      );
      if (aggregate) coverage.push({ nocCode: noc, copsCode: aggregate[0] });
    }
    context.progress(
      `${projections.size} COPS rows; ${coverage.length} of ${unitGroups.size} unit groups covered` +
        ` (${coverage.filter((row) => row.nocCode !== row.copsCode).length} through an aggregate)`,
    );
    return [
      tableRows(copsProjection, ['code'], [...projections.values()]),
      tableRows(copsCoverage, ['nocCode'], coverage),
    ];
  },
};
