import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { naicsClass } from '../schema.ts';

const STRUCTURE = 'naics2022/naics-scian-2022-structure-v1-eng.csv';

/** Code shapes per level: sectors may be ranges ("31-33"); then 3, 4, 5 and 6 digits. */
const CODE_SHAPE: Record<number, RegExp> = {
  1: /^\d{2}(-\d{2})?$/,
  2: /^\d{3}$/,
  3: /^\d{4}$/,
  4: /^\d{5}$/,
  5: /^\d{6}$/,
};

const SUPERSCRIPTS = new Set(['', 'CAN', 'US', 'MEX']);

/**
 * NAICS Canada 2022 V1.0: the full hierarchy from 20 sectors to 923 Canadian industries, with
 * definitions. Only the English structure file is present, so French titles stay empty.
 */
export const naicsSource: LmiSourceDefinition = {
  id: 'naics',
  publisher: 'Statistics Canada',
  title: 'North American Industry Classification System (NAICS) Canada 2022',
  version: 'NAICS Canada 2022 Version 1.0',
  licence: 'Open Government Licence – Canada',
  licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
  attributionEn:
    'Contains information licensed under the Open Government Licence – Canada: North American Industry Classification System (NAICS) Canada 2022 Version 1.0, Statistics Canada.',
  attributionFr:
    'Contient des informations autorisées en vertu de la Licence du gouvernement ouvert – Canada : Système de classification des industries de l’Amérique du Nord (SCIAN) Canada 2022 version 1.0, Statistique Canada.',
  files: [STRUCTURE],
  dependsOn: [],

  async load(context) {
    const file = context.file(STRUCTURE);
    const table = parseDelimited(file, {
      onBadRow: (line, reason) => {
        context.reject(STRUCTURE, line, reason);
      },
    });
    requireColumns(file, table, [
      'level',
      'code',
      'parent',
      'class_title',
      'superscript',
      'class_definition',
    ]);
    const classes = new Map<string, typeof naicsClass.$inferInsert & { line: number }>();
    for (const { line, values } of table.rows) {
      context.read();
      const level = Number(values.level);
      const code = values.code ?? '';
      const superscript = values.superscript ?? '';
      const shape = CODE_SHAPE[level];
      if (!shape) context.reject(STRUCTURE, line, `level "${values.level ?? ''}" is not 1 to 5`);
      else if (!shape.test(code))
        context.reject(STRUCTURE, line, `code "${code}" does not fit level ${level}`);
      else if (!values.class_title) context.reject(STRUCTURE, line, `code ${code} has no title`);
      else if (!SUPERSCRIPTS.has(superscript))
        context.reject(STRUCTURE, line, `superscript "${superscript}" is not CAN, US or MEX`);
      else if (level === 1 && values.parent) context.reject(STRUCTURE, line, `sector ${code} has a parent`);
      else if (level > 1 && !values.parent) context.reject(STRUCTURE, line, `code ${code} has no parent`);
      else if (classes.has(code)) context.reject(STRUCTURE, line, `code ${code} appears twice`);
      else {
        classes.set(code, {
          line,
          code,
          level,
          parentCode: values.parent || null,
          titleEn: values.class_title,
          titleFr: null,
          definitionEn: values.class_definition || null,
          superscript: superscript || null,
        });
      }
    }
    const rows: (typeof naicsClass.$inferInsert)[] = [];
    for (const { line, ...row } of classes.values()) {
      const parent = row.parentCode ? classes.get(row.parentCode) : undefined;
      if (row.parentCode && parent?.level !== row.level - 1) {
        context.reject(
          STRUCTURE,
          line,
          `parent ${row.parentCode} of ${row.code} is not a class one level up`,
        );
      } else rows.push(row);
    }
    return [tableRows(naicsClass, ['code'], rows)];
  },
};
