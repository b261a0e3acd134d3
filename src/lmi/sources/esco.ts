import { parseDelimited, requireColumns } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition } from '../import/source.ts';
import { escoOccupation, escoSkill } from '../schema.ts';

const HIERARCHY = 'esco/skillsHierarchy_en.csv';
const GROUPS = 'esco/skillGroups_en.csv';
const COLLECTIONS = {
  ict: 'esco/ictSkillsCollection_en.csv',
  transversal: 'esco/transversalSkillsCollection_en.csv',
  language: 'esco/languageSkillsCollection_en.csv',
} as const;
const LABELS = 'esco/skills_en_preferred_labels_esco_v1.1.0.txt';
const OCCUPATIONS = 'esco/occupations_en.csv';

const ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\/[\w-]+\/[\w.-]+$/;

type SkillRow = typeof escoSkill.$inferInsert;

/** ESCO writes alternative labels one per line in some files and separated by " | " in others. */
export function splitLabels(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/\n| \| /)
        .map((label) => label.trim())
        .filter((label) => label !== ''),
    ),
  ];
}

/**
 * ESCO v1.1 (English): the skills pillar's hierarchy and skill groups, the ICT, transversal and
 * language skill collections (with alternative labels), every skill's preferred label (the full
 * skills file with URIs is not present, so a label without a collection entry is kept under
 * `label:<text>`), and occupations with alternative labels.
 */
export const escoSource: LmiSourceDefinition = {
  id: 'esco',
  publisher: 'European Commission',
  title: 'ESCO — European Skills, Competences, Qualifications and Occupations',
  version: 'ESCO v1.1 (English)',
  licence: 'European Commission reuse policy (CC BY 4.0)',
  licenceUrl: 'https://esco.ec.europa.eu/en/about-esco/data-science-and-esco/legal-notice',
  attributionEn:
    'This service uses the ESCO classification of the European Commission (ESCO v1.1, English). The meaning of the data has not been modified.',
  attributionFr:
    'Ce service utilise la classification ESCO de la Commission européenne (ESCO v1.1, anglais). Le sens des données n’a pas été modifié.',
  files: [HIERARCHY, GROUPS, ...Object.values(COLLECTIONS), LABELS, OCCUPATIONS],
  dependsOn: [],

  async load(context) {
    const skills = new Map<string, SkillRow>();
    const reject = (file: string) => (line: number, reason: string) => {
      context.reject(file, line, reason);
    };

    // The hierarchy: each row names a concept at its deepest filled level, under the level above.
    const hierarchyFile = context.file(HIERARCHY);
    const hierarchy = parseDelimited(hierarchyFile, { onBadRow: reject(HIERARCHY) });
    requireColumns(hierarchyFile, hierarchy, ['level_0_uri', 'level_0_preferred_term', 'description']);
    for (const { line, values } of hierarchy.rows) {
      context.read();
      const levels = [0, 1, 2, 3]
        .map((level) => ({
          uri: values[`level_${level}_uri`] ?? '',
          label: values[`level_${level}_preferred_term`] ?? '',
        }))
        .filter((level) => level.uri !== '');
      const own = levels.at(-1);
      if (!own || !ESCO_URI.test(own.uri) || own.label === '') {
        context.reject(
          HIERARCHY,
          line,
          `the row has no valid concept URI and term (got "${own?.uri ?? ''}")`,
        );
        continue;
      }
      skills.set(own.uri, {
        uri: own.uri,
        kind: 'skill_group',
        labelEn: own.label,
        altLabelsEn: [],
        descriptionEn: values.description || null,
        broaderUri: levels.at(-2)?.uri ?? null,
        collections: [],
      });
    }

    const groupsFile = context.file(GROUPS);
    const groups = parseDelimited(groupsFile, { onBadRow: reject(GROUPS) });
    requireColumns(groupsFile, groups, ['concepturi', 'preferredlabel', 'altlabels', 'description']);
    for (const { line, values } of groups.rows) {
      context.read();
      const uri = values.concepturi ?? '';
      if (!ESCO_URI.test(uri) || !values.preferredlabel) {
        context.reject(GROUPS, line, `conceptUri "${uri}" or preferredLabel is missing or malformed`);
        continue;
      }
      const known = skills.get(uri);
      skills.set(uri, {
        uri,
        kind: 'skill_group',
        labelEn: values.preferredlabel,
        altLabelsEn: splitLabels(values.altlabels ?? ''),
        descriptionEn: values.description || known?.descriptionEn || null,
        broaderUri: known?.broaderUri ?? null,
        collections: [],
      });
    }

    for (const [collection, name] of Object.entries(COLLECTIONS)) {
      const file = context.file(name);
      const table = parseDelimited(file, { onBadRow: reject(name) });
      requireColumns(file, table, [
        'concepturi',
        'preferredlabel',
        'altlabels',
        'description',
        'broaderconcepturi',
      ]);
      for (const { line, values } of table.rows) {
        context.read();
        const uri = values.concepturi ?? '';
        if (!ESCO_URI.test(uri) || !values.preferredlabel) {
          context.reject(name, line, `conceptUri "${uri}" or preferredLabel is missing or malformed`);
          continue;
        }
        const known = skills.get(uri);
        // A skill in several collections is one skill with several collection tags.
        skills.set(uri, {
          uri,
          kind: 'skill',
          labelEn: values.preferredlabel,
          altLabelsEn: [...new Set([...(known?.altLabelsEn ?? []), ...splitLabels(values.altlabels ?? '')])],
          descriptionEn: values.description || known?.descriptionEn || null,
          broaderUri: splitLabels(values.broaderconcepturi ?? '')[0] ?? null,
          collections: [...new Set([...(known?.collections ?? []), collection])].sort(),
        });
      }
    }

    const known = new Set([...skills.values()].map((skill) => skill.labelEn.toLowerCase()));
    const labels = context.file(LABELS).text.split(/\r?\n/);
    labels.forEach((raw, index) => {
      const label = raw.trim();
      if (label === '') return;
      context.read();
      if (label.length > 300) {
        context.reject(LABELS, index + 1, `the label is ${label.length} characters long (more than 300)`);
        return;
      }
      if (known.has(label.toLowerCase())) return;
      known.add(label.toLowerCase());
      skills.set(`label:${label}`, {
        uri: `label:${label}`,
        kind: 'skill',
        labelEn: label,
        altLabelsEn: [],
        descriptionEn: null,
        broaderUri: null,
        collections: [],
      });
    });

    const occupationsFile = context.file(OCCUPATIONS);
    const occupations = parseDelimited(occupationsFile, { onBadRow: reject(OCCUPATIONS) });
    requireColumns(occupationsFile, occupations, [
      'concepturi',
      'iscogroup',
      'preferredlabel',
      'altlabels',
      'description',
    ]);
    const occupationRows = new Map<string, typeof escoOccupation.$inferInsert>();
    for (const { line, values } of occupations.rows) {
      context.read();
      const uri = values.concepturi ?? '';
      if (!ESCO_URI.test(uri) || !values.preferredlabel) {
        context.reject(OCCUPATIONS, line, `conceptUri "${uri}" or preferredLabel is missing or malformed`);
      } else if (values.iscogroup && !/^\d{1,4}$/.test(values.iscogroup)) {
        context.reject(OCCUPATIONS, line, `iscoGroup "${values.iscogroup}" is not an ISCO code`);
      } else if (occupationRows.has(uri)) {
        context.reject(OCCUPATIONS, line, `${uri} appears twice`);
      } else {
        occupationRows.set(uri, {
          uri,
          iscoGroup: values.iscogroup || null,
          labelEn: values.preferredlabel,
          altLabelsEn: splitLabels(values.altlabels ?? ''),
          descriptionEn: values.description || null,
        });
      }
    }
    context.progress(`${skills.size} skills and groups, ${occupationRows.size} occupations`);
    return [
      tableRows(escoSkill, ['uri'], [...skills.values()]),
      tableRows(escoOccupation, ['uri'], [...occupationRows.values()]),
    ];
  },
};
