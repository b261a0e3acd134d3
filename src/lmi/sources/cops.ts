import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { copsCoverage, copsProjection } from '../schema.ts';
import type { LabourConditions } from '../hiring-indicator.ts';
import { NOC_AGGREGATES, nocUnitGroupCodes } from './codes.ts';

const SUMMARY = 'cops/summary_sommaire_2024_2033_noc2021.csv';

/** English and French condition labels as COPS writes them ("signs" for recent, "risk" for future). */
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

const CONDITION_COLUMNS = {
  recentConditions: ['recent_labour_market_conditions', 'conditions_recentes_sur_le_marche_du_travail'],
  futureConditions: ['future_labour_market_conditions', 'conditions_futures_sur_le_marche_du_travail'],
} as const;

function conditionKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** "8,238,800", "8238800" or "-179200" → a number; "N/A"/"N/D" → null; anything else → undefined. */
export function copsCount(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (/^n\/[ad]$/i.test(trimmed) || trimmed === '') return null;
  if (!/^-?\d{1,3}(,\d{3})*$|^-?\d+$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/,/g, ''));
}

function kindOf(code: string, unitGroups: Set<string>): (typeof copsProjection.$inferInsert)['kind'] | null {
  if (code === '00000') return 'all';
  if (/^TEER_[0-5]$/.test(code)) return 'teer';
  if (/^NOC1_\d$/.test(code)) return 'broad_category';
  if (unitGroups.has(code)) return 'unit_group';
  if (NOC_AGGREGATES.has(code)) return 'aggregate';
  return null;
}

/**
 * COPS 2024–2033 national projections: the summary file (bilingual headers) holds every figure the
 * portal uses, including the recent (2021–2023) and future (2024–2033) conditions in both languages,
 * which must agree.
 */
export const copsSource: LmiSourceDefinition = {
  id: 'cops',
  publisher: 'Employment and Social Development Canada',
  title: 'Canadian Occupational Projection System (COPS) 2024–2033 projections',
  version: 'COPS 2024–2033 (NOC 2021)',
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
    const projections = new Map<string, typeof copsProjection.$inferInsert>();
    for (const { line, values } of table.rows) {
      context.read();
      const code = values.code ?? '';
      const kind = kindOf(code, unitGroups);
      if (kind === null) {
        context.reject(
          SUMMARY,
          line,
          `code "${code}" is neither a NOC unit group nor a known COPS aggregate`,
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

    // A unit group is covered by its own row when COPS publishes figures for it, else by its aggregate.
    const hasFigures = (row: typeof copsProjection.$inferInsert | undefined) =>
      row !== undefined && (row.jobOpenings != null || row.futureConditions != null);
    const coverage: (typeof copsCoverage.$inferInsert)[] = [];
    for (const noc of [...unitGroups].sort()) {
      if (hasFigures(projections.get(noc))) {
        coverage.push({ nocCode: noc, copsCode: noc });
        continue;
      }
      const aggregate = [...NOC_AGGREGATES].find(
        ([code, members]) => members.includes(noc) && hasFigures(projections.get(code)),
      );
      if (aggregate) coverage.push({ nocCode: noc, copsCode: aggregate[0] });
    }
    context.progress(`${projections.size} COPS rows; ${coverage.length} unit groups covered`);
    return [
      tableRows(copsProjection, ['code'], [...projections.values()]),
      tableRows(copsCoverage, ['nocCode'], coverage),
    ];
  },
};
