import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { outlook } from '../schema.ts';
import type { OutlookLabel } from '../hiring-indicator.ts';
import { nocCode, nocUnitGroupCodes } from './codes.ts';

const OUTLOOKS = 'jobbank_outlooks/esdc_outlooks_2025_2027_by_province_noc2021_DERIVED.csv';

/**
 * The outlook window this release covers, as the file writes it (`outlook_window`). The source's
 * version and title name it, so a row of another window is rejected: a new release needs a new
 * version here, or the provenance would name the wrong period.
 */
const PERIOD = '2025-2027';

/** Province and territory codes as Job Bank writes them. */
const PROVINCES = new Set(['NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU']);

/**
 * Ontario's economic regions (Statistics Canada SGC 2021 codes, as the official Job Bank workbook's
 * "Economic Region Code" column writes them; its province-wide rows end in 00, e.g. 3500). The
 * portal serves Ontario, so only these regions are recognised.
 */
export const ONTARIO_ECONOMIC_REGIONS: Readonly<Record<string, string>> = {
  '3510': 'Ottawa',
  '3515': 'Kingston–Pembroke',
  '3520': 'Muskoka–Kawarthas',
  '3530': 'Toronto',
  '3540': 'Kitchener–Waterloo–Barrie',
  '3550': 'Hamilton–Niagara Peninsula',
  '3560': 'London',
  '3570': 'Windsor–Sarnia',
  '3580': 'Stratford–Bruce Peninsula',
  '3590': 'Northeast',
  '3595': 'Northwest',
};

/** Job Bank's outlook labels, compared without case. */
const LABELS: Record<string, OutlookLabel> = {
  'very good': 'very_good',
  good: 'good',
  moderate: 'moderate',
  limited: 'limited',
  'very limited': 'very_limited',
  undetermined: 'undetermined',
};

/** "CA" in the derived file: an employment-weighted average of the provinces, not an ESDC outlook. */
const UNOFFICIAL_NATIONAL = 'CA';

/** Whether a `geo` value is a province or territory, an Ontario economic region, or neither (null). */
export function outlookGeoLevel(geo: string): 'province' | 'economic_region' | null {
  if (PROVINCES.has(geo)) return 'province';
  if (geo in ONTARIO_ECONOMIC_REGIONS) return 'economic_region';
  return null;
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Job Bank 3-year employment outlooks. Only ESDC's official labels load: the province and territory
 * rows, and Ontario economic-region rows when a file has them (this derived copy has none). The "CA"
 * rows are the deriving repository's own aggregate (Job Bank publishes no national outlook) and are
 * skipped without being rejected; the LFS employment, unemployment and wage columns are estimates
 * copied down from coarser occupation groups and are not read, nor is the repository's outlook_score.
 */
export const jobbankSource: LmiSourceDefinition = {
  id: 'jobbank',
  publisher: 'Employment and Social Development Canada (Job Bank)',
  title: `Job Bank 3-year employment outlooks ${PERIOD.replace('-', '–')}`,
  version: PERIOD.replace('-', '–'),
  licence: 'Open Government Licence – Canada',
  licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
  attributionEn:
    'Contains information licensed under the Open Government Licence – Canada: Job Bank 3-year employment outlooks 2025–2027, Employment and Social Development Canada. Outlook labels are ESDC’s official province and territory outlooks.',
  attributionFr:
    'Contient des informations autorisées en vertu de la Licence du gouvernement ouvert – Canada : perspectives d’emploi sur trois ans 2025-2027 du Guichet-Emplois, Emploi et Développement social Canada. Les cotes sont les perspectives officielles d’EDSC pour les provinces et les territoires.',
  files: [OUTLOOKS],
  dependsOn: ['noc'],

  async load(context) {
    const unitGroups = await nocUnitGroupCodes(context.db);
    const file = context.file(OUTLOOKS);
    const table = parseDelimited(file, {
      onBadRow: (line, reason) => {
        context.read();
        context.reject(OUTLOOKS, line, reason);
      },
    });
    requireColumns(file, table, [
      'noc_2021_code',
      'geo',
      'outlook_label',
      'outlook_window',
      'outlook_release_date',
    ]);
    const rows = new Map<string, typeof outlook.$inferInsert>();
    let unofficial = 0;
    for (const { line, values } of table.rows) {
      context.read();
      const published = values.noc_2021_code ?? '';
      // Spreadsheet round-trips drop leading zeros ("10" for 00010).
      const noc = nocCode(published) ?? published;
      const geo = values.geo ?? '';
      const label = LABELS[(values.outlook_label ?? '').toLowerCase().replace(/\s+/g, ' ')];
      const period = values.outlook_window ?? '';
      const releaseDate = values.outlook_release_date ?? '';
      if (geo === UNOFFICIAL_NATIONAL) {
        unofficial++;
        continue;
      }
      const geoLevel = outlookGeoLevel(geo);
      if (!unitGroups.has(noc)) {
        context.reject(OUTLOOKS, line, `"${published}" is not a NOC 2021 unit group`);
      } else if (geoLevel === null) {
        context.reject(
          OUTLOOKS,
          line,
          `geo "${geo}" is not a province, territory or Ontario economic region`,
        );
      } else if (!label) {
        context.reject(
          OUTLOOKS,
          line,
          `outlook_label "${values.outlook_label ?? ''}" is not a Job Bank outlook`,
        );
      } else if (period !== PERIOD) {
        context.reject(
          OUTLOOKS,
          line,
          `outlook_window "${period}" is not ${PERIOD}, the release this importer declares (update PERIOD in jobbank.ts for a new release)`,
        );
      } else if (releaseDate !== '' && !isIsoDate(releaseDate)) {
        context.reject(OUTLOOKS, line, `outlook_release_date "${releaseDate}" is not a date (YYYY-MM-DD)`);
      } else {
        const key = `${noc}|${geo}|${period}`;
        if (rows.has(key)) context.reject(OUTLOOKS, line, `${noc} in ${geo} for ${period} appears twice`);
        else rows.set(key, { nocCode: noc, geo, geoLevel, label, period, releaseDate: releaseDate || null });
      }
    }
    context.progress(
      `${rows.size} official outlooks; ${unofficial} unofficial national (${UNOFFICIAL_NATIONAL}) rows skipped`,
    );
    return [tableRows(outlook, ['nocCode', 'geo', 'period'], [...rows.values()])];
  },
};
