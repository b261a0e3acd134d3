import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { nocExampleTitle, nocGroup } from '../schema.ts';

const STRUCTURE = 'noc2021/noc_2021_v1.0_classification_structure_en.csv';
const UNIT_GROUP_TITLES = 'noc2021/noc_2021_v1.0_unit_group_titles_en_fr.csv';
const EXAMPLE_TITLES = 'noc2021/noc_2021_v1.0_example_titles_en_fr.csv';

/**
 * NOC 2021 V1.0: the classification structure (five levels with definitions), unit group titles in
 * English and French, and example job titles in each language.
 */
export const nocSource: LmiSourceDefinition = {
  id: 'noc',
  publisher: 'Statistics Canada; Employment and Social Development Canada',
  title: 'National Occupational Classification (NOC) 2021',
  version: 'NOC 2021 Version 1.0',
  licence: 'Open Government Licence – Canada',
  licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
  attributionEn:
    'Contains information licensed under the Open Government Licence – Canada: National Occupational Classification (NOC) 2021 Version 1.0, Statistics Canada and Employment and Social Development Canada.',
  attributionFr:
    'Contient des informations autorisées en vertu de la Licence du gouvernement ouvert – Canada : Classification nationale des professions (CNP) 2021 version 1.0, Statistique Canada et Emploi et Développement social Canada.',
  files: [STRUCTURE, UNIT_GROUP_TITLES, EXAMPLE_TITLES],
  dependsOn: [],

  async load(context) {
    const structureFile = context.file(STRUCTURE);
    const structure = parseDelimited(structureFile, {
      onBadRow: (line, reason) => {
        context.reject(STRUCTURE, line, reason);
      },
    });
    requireColumns(structureFile, structure, [
      'level',
      'code_noc_2021_v1_0',
      'class_title',
      'class_definition',
    ]);
    const groups = new Map<string, typeof nocGroup.$inferInsert>();
    for (const { line, values } of structure.rows) {
      context.read();
      const level = Number(values.level);
      const code = values.code_noc_2021_v1_0 ?? '';
      const title = values.class_title ?? '';
      if (!Number.isInteger(level) || level < 1 || level > 5) {
        context.reject(STRUCTURE, line, `level "${values.level ?? ''}" is not 1 to 5`);
      } else if (!/^\d+$/.test(code) || code.length !== level) {
        context.reject(STRUCTURE, line, `code "${code}" is not a ${level}-digit NOC code for level ${level}`);
      } else if (title === '') {
        context.reject(STRUCTURE, line, `code ${code} has no title`);
      } else if (groups.has(code)) {
        context.reject(STRUCTURE, line, `code ${code} appears twice`);
      } else {
        groups.set(code, {
          code,
          level,
          parentCode: level === 1 ? null : code.slice(0, -1),
          titleEn: title,
          titleFr: null,
          definitionEn: values.class_definition || null,
          teer: level === 1 ? null : Number(code[1]),
        });
      }
    }
    for (const group of groups.values()) {
      if (group.parentCode && !groups.has(group.parentCode)) {
        context.reject(STRUCTURE, 0, `code ${group.code} has no parent ${group.parentCode} in the structure`);
      }
    }

    const titlesFile = context.file(UNIT_GROUP_TITLES);
    const titles = parseDelimited(titlesFile, {
      onBadRow: (line, reason) => {
        context.reject(UNIT_GROUP_TITLES, line, reason);
      },
    });
    requireColumns(titlesFile, titles, ['noc_2021_code', 'title_en', 'title_fr']);
    for (const { line, values } of titles.rows) {
      context.read();
      const group = groups.get(values.noc_2021_code ?? '');
      if (!group || group.level !== 5) {
        context.reject(
          UNIT_GROUP_TITLES,
          line,
          `"${values.noc_2021_code ?? ''}" is not a unit group in the structure`,
        );
      } else if (!values.title_fr) {
        context.reject(UNIT_GROUP_TITLES, line, `unit group ${group.code} has no French title`);
      } else {
        group.titleFr = values.title_fr;
      }
    }

    const examplesFile = context.file(EXAMPLE_TITLES);
    const examples = parseDelimited(examplesFile, {
      onBadRow: (line, reason) => {
        context.reject(EXAMPLE_TITLES, line, reason);
      },
    });
    requireColumns(examplesFile, examples, ['noc_2021_code', 'lang', 'title']);
    const exampleRows = new Map<string, typeof nocExampleTitle.$inferInsert>();
    for (const { line, values } of examples.rows) {
      context.read();
      const code = values.noc_2021_code ?? '';
      const lang = values.lang;
      const title = values.title ?? '';
      if (groups.get(code)?.level !== 5) {
        context.reject(EXAMPLE_TITLES, line, `"${code}" is not a unit group in the structure`);
      } else if (lang !== 'en' && lang !== 'fr') {
        context.reject(EXAMPLE_TITLES, line, `language "${lang ?? ''}" is not en or fr`);
      } else if (title === '') {
        context.reject(EXAMPLE_TITLES, line, 'the title is empty');
      } else {
        const key = `${code}|${lang}|${title}`;
        if (exampleRows.has(key))
          context.reject(EXAMPLE_TITLES, line, `"${title}" is listed twice for ${code}`);
        else exampleRows.set(key, { nocCode: code, lang, title });
      }
    }
    return [
      tableRows(nocGroup, ['code'], [...groups.values()]),
      tableRows(nocExampleTitle, ['nocCode', 'lang', 'title'], [...exampleRows.values()]),
    ];
  },
};
