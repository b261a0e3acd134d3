import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { outlook } from '../schema.ts';
import type { OutlookLabel } from '../hiring-indicator.ts';
import { nocUnitGroupCodes } from './codes.ts';

const OUTLOOKS = 'jobbank_outlooks/esdc_outlooks_2025_2027_by_province_noc2021_DERIVED.csv';

const PROVINCES = new Set(['NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU']);
/** Ontario's economic regions in Job Bank's workbook: 3510 Ottawa … 3595 Northwest. */
const ONTARIO_REGION = /^35\d{2}$/;

const LABELS: Record<string, OutlookLabel> = {
  'very good': 'very_good',
  good: 'good',
  moderate: 'moderate',
  limited: 'limited',
  'very limited': 'very_limited',
  undetermined: 'undetermined',
};

/**
 * Job Bank 3-year employment outlooks. Only official labels load: province and territory rows, and
 * Ontario economic-region rows when a file has them. The "CA" rows of this derived file are an
 * unofficial aggregate (Job Bank publishes no national outlook) and are skipped, as are its LFS
 * employment, unemployment and wage columns, which are estimates copied down from coarser groups.
 */
export const jobbankSource: LmiSourceDefinition = {
  id: 'jobbank',
  publisher: 'Employment and Social Development Canada (Job Bank)',
  title: 'Job Bank 3-year employment outlooks',
  version: 'Outlooks 2025–2027 (NOC 2021)',
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
    let national = 0;
    for (const { line, values } of table.rows) {
      context.read();
      const noc = values.noc_2021_code ?? '';
      const geo = values.geo ?? '';
      const label = LABELS[(values.outlook_label ?? '').toLowerCase()];
      const period = values.outlook_window ?? '';
      const releaseDate = values.outlook_release_date ?? '';
      if (geo === 'CA') {
        national++;
        continue;
      }
      const geoLevel = PROVINCES.has(geo) ? 'province' : ONTARIO_REGION.test(geo) ? 'economic_region' : null;
      if (!unitGroups.has(noc)) context.reject(OUTLOOKS, line, `"${noc}" is not a NOC 2021 unit group`);
      else if (geoLevel === null)
        context.reject(
          OUTLOOKS,
          line,
          `geo "${geo}" is not a province, territory or Ontario economic region`,
        );
      else if (!label)
        context.reject(
          OUTLOOKS,
          line,
          `outlook_label "${values.outlook_label ?? ''}" is not a Job Bank outlook`,
        );
      else if (!/^\d{4}-\d{4}$/.test(period))
        context.reject(OUTLOOKS, line, `outlook_window "${period}" is not like 2025-2027`);
      else if (releaseDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(releaseDate)) {
        context.reject(OUTLOOKS, line, `outlook_release_date "${releaseDate}" is not a date (YYYY-MM-DD)`);
      } else {
        const key = `${noc}|${geo}|${period}`;
        if (rows.has(key)) context.reject(OUTLOOKS, line, `${noc} in ${geo} for ${period} appears twice`);
        else rows.set(key, { nocCode: noc, geo, geoLevel, label, period, releaseDate: releaseDate || null });
      }
    }
    context.progress(`${rows.size} official outlooks; ${national} unofficial national rows skipped`);
    return [tableRows(outlook, ['nocCode', 'geo', 'period'], [...rows.values()])];
  },
};
