import { normaliseHeader, parseDelimited, requireColumns, SourceFileError } from '../import/files.ts';
import { tableRows, type LmiSourceDefinition, type LoadContext } from '../import/source.ts';
import { oasisDescriptor, oasisProfile, oasisRating, oasisTitle, occupationRating } from '../schema.ts';
import { nocUnitGroupCodes } from './codes.ts';

const DIR = 'oasis/';
const GUIDE = `${DIR}guide_oasis_2023_v1.0.csv`;
const LABELS = `${DIR}labels_oasis_2023_v1.0.csv`;
const LEAD = `${DIR}lead-statement_oasis_2023_v1.0.csv`;
const DUTIES = `${DIR}main-duties_oasis-2023_v1.0.csv`;
const REQUIREMENTS = `${DIR}employment-requirements_oasis_2023_v1.0.csv`;
const TITLES = `${DIR}example-titles_oasis_2023_v1.0.csv`;
const INTERESTS = `${DIR}interests_oasis_2023_v1.0.csv`;

const RELEASE_2023 = 'OaSIS 2023 v1.0';
const RELEASE_2025 = 'OaSIS 2025 v1.1';

/** The wide rating files: one column per descriptor (named, not coded), values 0–5. */
const RATING_FILES = [
  { file: `${DIR}skills_oasis_2025_v1.1.csv`, category: 'skills', delimiter: ';', release: RELEASE_2025 },
  { file: `${DIR}skills_oasis_2023_v1.0.csv`, category: 'skills', delimiter: ',', release: RELEASE_2023 },
  {
    file: `${DIR}abilities_oasis_2023_v1.0.csv`,
    category: 'abilities',
    delimiter: ',',
    release: RELEASE_2023,
  },
  {
    file: `${DIR}knowledges_oasis_2023_v1.0.csv`,
    category: 'knowledge',
    delimiter: ',',
    release: RELEASE_2023,
  },
  {
    file: `${DIR}workactivities_oasis_2023_v1.0.csv`,
    category: 'work_activities',
    delimiter: ',',
    release: RELEASE_2023,
  },
  {
    file: `${DIR}workcontext_oasis_2023_v1.0.csv`,
    category: 'work_context',
    delimiter: ',',
    release: RELEASE_2023,
  },
  {
    file: `${DIR}personal-attributes_oasis_2023_v1.0.csv`,
    category: 'personal_attributes',
    delimiter: ',',
    release: RELEASE_2023,
  },
] as const;

const CATEGORIES: Record<string, string> = {
  abilities: 'abilities',
  skills: 'skills',
  knowledge: 'knowledge',
  work_activities: 'work_activities',
  work_context: 'work_context',
  personal_attributes: 'personal_attributes',
  interests: 'interests',
};

const KINDS: Record<string, string> = {
  category: 'category',
  sub_category: 'sub_category',
  similarity_group: 'similarity_group',
  descriptor: 'descriptor',
};

/**
 * Rating-file column names that differ from the guide's descriptor names (after normalising case and
 * punctuation and dropping footnote digits such as "Sound and Noise 9"). Each entry was checked against
 * the guide's definitions.
 */
const COLUMN_ALIASES: Record<string, Record<string, string>> = {
  skills: { digital_systems_production: 'digital_production' },
  knowledge: {
    business_administration: 'business_management',
    client_services: 'client_service',
    vehicles_and_machinery_operations: 'vehicle_machinery_and_equipment_operations',
  },
  work_activities: {
    estimate_quantifiable_charact_of_prod_events_or_info: 'estimating_the_quantifiable_characteristics',
    evaluating_information_to_determine_compliance_with_standards:
      'evaluating_information_to_determine_compliance',
    using_new_relevant_knowledge: 'applying_new_knowledge',
  },
  work_context: { work_schedule: 'type_of_work_schedules' },
};

type Descriptor = typeof oasisDescriptor.$inferInsert;

/**
 * A column's descriptor name: normalised, an alias applied, trailing digits dropped. Some work context
 * descriptors are measured on two scales (the guide says so, e.g. Time Pressure: frequency and
 * importance) and have two columns, the second with a number appended ("Time Pressure2",
 * "Sound and Noise 9"); `numbered` tells the caller to keep such a second column as its own descriptor.
 */
function columnKey(category: string, header: string): { key: string; numbered: boolean } {
  const normalised = normaliseHeader(header);
  const withoutNumber = normalised.replace(/_?\d+$/, '');
  return {
    key: COLUMN_ALIASES[category]?.[withoutNumber] ?? withoutNumber,
    numbered: withoutNumber !== normalised,
  };
}

/** Reads one rating file into profile → descriptor code → level. */
function readRatings(
  context: LoadContext,
  spec: (typeof RATING_FILES)[number],
  descriptors: Map<string, Descriptor>,
  profiles: Set<string>,
): Map<string, Map<string, number>> {
  const file = context.file(spec.file);
  const table = parseDelimited(file, {
    delimiter: spec.delimiter,
    onBadRow: (line, reason) => {
      context.reject(spec.file, line, reason);
    },
  });
  const byName = new Map(
    [...descriptors.values()]
      .filter((descriptor) => descriptor.category === spec.category && descriptor.kind === 'descriptor')
      .map((descriptor) => [normaliseHeader(descriptor.nameEn), descriptor]),
  );
  const used = new Set<string>();
  const codes = table.headers.slice(2).map((header) => {
    const { key, numbered } = columnKey(spec.category, header);
    const descriptor = byName.get(key);
    if (!descriptor) {
      throw new SourceFileError(
        spec.file,
        `column "${header}" is not one of the OaSIS guide’s ${spec.category.replace('_', ' ')} descriptors`,
      );
    }
    if (!(numbered && used.has(descriptor.code))) {
      used.add(descriptor.code);
      return descriptor.code;
    }
    // The second scale of a descriptor already read from an earlier column.
    const code = `${descriptor.code}-2`;
    descriptors.set(code, { ...descriptor, code, nameEn: `${descriptor.nameEn} (second scale)` });
    return code;
  });
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  if (repeated !== undefined) {
    const columns = table.headers.slice(2).filter((_header, index) => codes[index] === repeated);
    throw new SourceFileError(
      spec.file,
      `columns ${columns.join(' and ')} name the same descriptor ${repeated}`,
    );
  }
  const ratings = new Map<string, Map<string, number>>();
  for (const { line, cells } of table.rows) {
    context.read();
    const profile = profileCode(cells[0] ?? '');
    if (!profiles.has(profile)) {
      context.reject(spec.file, line, `profile "${profile}" is not in the OaSIS labels`);
      continue;
    }
    const levels = new Map<string, number>();
    const bad = cells.slice(2).findIndex((value) => !/^[0-5]$/.test(value));
    if (bad !== -1) {
      context.reject(
        spec.file,
        line,
        `column "${table.headers[bad + 2] ?? ''}" has "${cells[bad + 2] ?? ''}", not a level 0 to 5`,
      );
      continue;
    }
    cells.slice(2).forEach((value, index) => levels.set(codes[index] ?? '', Number(value)));
    if (ratings.has(profile)) context.reject(spec.file, line, `profile ${profile} appears twice`);
    else ratings.set(profile, levels);
  }
  return ratings;
}

/**
 * Profile codes as some files write them after a spreadsheet round trip: "10010" for the unit group's
 * main profile "10010.00", "21232.1" for "21232.10".
 */
export function profileCode(raw: string): string {
  const value = raw.trim();
  if (/^\d{5}$/.test(value)) return `${value}.00`;
  if (/^\d{5}\.\d$/.test(value)) return `${value}0`;
  return value;
}

/** Rows of a two-column text file (profile code, text), grouped by profile in file order. */
function readTexts(
  context: LoadContext,
  name: string,
  column: string,
  profiles: Set<string>,
): Map<string, string[]> {
  const file = context.file(name);
  const table = parseDelimited(file, {
    onBadRow: (line, reason) => {
      context.reject(name, line, reason);
    },
  });
  requireColumns(file, table, ['oasis_profile_code', column]);
  const texts = new Map<string, string[]>();
  for (const { line, values } of table.rows) {
    context.read();
    const profile = profileCode(values.oasis_profile_code ?? '');
    const text = values[column] ?? '';
    if (!profiles.has(profile)) context.reject(name, line, `profile "${profile}" is not in the OaSIS labels`);
    else if (text === '') context.reject(name, line, `the ${column.replace(/_/g, ' ')} is empty`);
    else texts.set(profile, [...(texts.get(profile) ?? []), text]);
  }
  return texts;
}

/**
 * OaSIS 2023 v1.0 (skills ratings from 2025 v1.1 where published): 900 profiles linked to NOC unit
 * groups, the guide's descriptor taxonomy, every rating, texts and job titles; and each unit group's
 * skill profile, the mean of its profiles' ratings.
 */
export const oasisSource: LmiSourceDefinition = {
  id: 'oasis',
  publisher: 'Employment and Social Development Canada',
  title: 'Occupational and Skills Information System (OaSIS)',
  version: 'OaSIS 2023 Version 1.0 (skills: OaSIS 2025 Version 1.1)',
  licence: 'Open Government Licence – Canada',
  licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
  attributionEn:
    'Contains information licensed under the Open Government Licence – Canada: Occupational and Skills Information System (OaSIS) 2023 Version 1.0 and 2025 Version 1.1 (skills), Employment and Social Development Canada.',
  attributionFr:
    'Contient des informations autorisées en vertu de la Licence du gouvernement ouvert – Canada : Système d’information sur les professions et les compétences (OaSIS) 2023 version 1.0 et 2025 version 1.1 (compétences), Emploi et Développement social Canada.',
  files: [
    GUIDE,
    LABELS,
    LEAD,
    DUTIES,
    REQUIREMENTS,
    TITLES,
    INTERESTS,
    ...RATING_FILES.map((spec) => spec.file),
  ],
  dependsOn: ['noc'],

  async load(context) {
    const unitGroups = await nocUnitGroupCodes(context.db);

    const guideFile = context.file(GUIDE);
    const guide = parseDelimited(guideFile, {
      onBadRow: (line, reason) => {
        context.reject(GUIDE, line, reason);
      },
    });
    requireColumns(guideFile, guide, ['code', 'name', 'structure_type', 'category', 'description']);
    const descriptors = new Map<string, Descriptor>();
    for (const { line, values } of guide.rows) {
      context.read();
      const code = values.code ?? '';
      const category = CATEGORIES[normaliseHeader(values.category ?? '')];
      const kind = KINDS[normaliseHeader(values.structure_type ?? '')];
      if (!/^[A-Z]\w*$/.test(code))
        context.reject(GUIDE, line, `code "${code}" is not an OaSIS descriptor code`);
      else if (!category)
        context.reject(GUIDE, line, `category "${values.category ?? ''}" is not an OaSIS category`);
      else if (!kind)
        context.reject(GUIDE, line, `structure type "${values.structure_type ?? ''}" is unknown`);
      else if (!values.name) context.reject(GUIDE, line, `code ${code} has no name`);
      else if (descriptors.has(code)) context.reject(GUIDE, line, `code ${code} appears twice`);
      else {
        descriptors.set(code, {
          code,
          category,
          kind,
          parentCode: null,
          nameEn: values.name,
          descriptionEn: values.description || null,
        });
      }
    }
    // The parent is the longest shorter code that is a prefix: A01a01 → A01a → A01 → A.
    for (const descriptor of descriptors.values()) {
      for (let length = descriptor.code.length - 1; length > 0; length--) {
        if (descriptors.has(descriptor.code.slice(0, length))) {
          descriptor.parentCode = descriptor.code.slice(0, length);
          break;
        }
      }
    }

    const labelsFile = context.file(LABELS);
    const labels = parseDelimited(labelsFile, {
      onBadRow: (line, reason) => {
        context.reject(LABELS, line, reason);
      },
    });
    requireColumns(labelsFile, labels, ['oasis_profile_code', 'label']);
    const titles = new Map<string, string>();
    for (const { line, values } of labels.rows) {
      context.read();
      const code = values.oasis_profile_code ?? '';
      if (!/^\d{5}\.\d{2}$/.test(code))
        context.reject(LABELS, line, `profile code "${code}" is not like 21232.01`);
      else if (!unitGroups.has(code.slice(0, 5))) {
        context.reject(
          LABELS,
          line,
          `profile ${code} belongs to ${code.slice(0, 5)}, which is not a NOC unit group`,
        );
      } else if (!values.label) context.reject(LABELS, line, `profile ${code} has no label`);
      else if (titles.has(code)) context.reject(LABELS, line, `profile ${code} appears twice`);
      else titles.set(code, values.label);
    }
    const profiles = new Set(titles.keys());

    const leads = readTexts(context, LEAD, 'lead_statement', profiles);
    const duties = readTexts(context, DUTIES, 'main_duties', profiles);
    const requirements = readTexts(context, REQUIREMENTS, 'employment_requirement', profiles);

    const interestsFile = context.file(INTERESTS);
    const interestsTable = parseDelimited(interestsFile, {
      onBadRow: (line, reason) => {
        context.reject(INTERESTS, line, reason);
      },
    });
    const interests = new Map<string, string[]>();
    for (const { line, cells } of interestsTable.rows) {
      context.read();
      const profile = profileCode(cells[0] ?? '');
      // Holland codes, most characteristic first; some are published in lower case, some are blank.
      const codes = cells
        .slice(2)
        .map((value) => value.toUpperCase())
        .filter((value) => value !== '');
      if (!profiles.has(profile))
        context.reject(INTERESTS, line, `profile "${profile}" is not in the OaSIS labels`);
      else if (codes.some((value) => !/^[RIASEC]$/.test(value))) {
        context.reject(INTERESTS, line, `"${codes.join(', ')}" are not Holland codes (R, I, A, S, E, C)`);
      } else interests.set(profile, codes);
    }

    const titlesFile = context.file(TITLES);
    const titleTable = parseDelimited(titlesFile, {
      onBadRow: (line, reason) => {
        context.reject(TITLES, line, reason);
      },
    });
    requireColumns(titlesFile, titleTable, ['oasis_profile_code', 'job_title_type', 'job_title_text']);
    const titleRows = new Map<string, typeof oasisTitle.$inferInsert>();
    for (const { line, values } of titleTable.rows) {
      context.read();
      const profile = profileCode(values.oasis_profile_code ?? '');
      const title = values.job_title_text ?? '';
      const kind = values.job_title_type ?? '';
      if (!profiles.has(profile))
        context.reject(TITLES, line, `profile "${profile}" is not in the OaSIS labels`);
      else if (title === '') context.reject(TITLES, line, 'the job title is empty');
      else if (!['Index', 'Example', 'Inclusion'].includes(kind)) {
        context.reject(TITLES, line, `job title type "${kind}" is not Index, Example or Inclusion`);
      } else if (!titleRows.has(`${profile}|${title}`)) {
        // A title listed under two types (e.g. Example and Index) is one title: the first type is kept.
        titleRows.set(`${profile}|${title}`, { profileCode: profile, titleEn: title, kind });
      }
    }

    context.progress('reading rating files');
    const ratings: (typeof oasisRating.$inferInsert)[] = [];
    const skills2025 = readRatings(context, RATING_FILES[0], descriptors, profiles);
    for (const spec of RATING_FILES.slice(1)) {
      const byProfile = readRatings(context, spec, descriptors, profiles);
      for (const [profile, levels] of byProfile) {
        const newer = spec.category === 'skills' ? skills2025.get(profile) : undefined;
        for (const [descriptorCode, level] of newer ?? levels) {
          ratings.push({
            profileCode: profile,
            descriptorCode,
            level,
            release: newer ? RELEASE_2025 : spec.release,
          });
        }
      }
      if (spec.category === 'skills') {
        // Profiles rated only in 2025.
        for (const [profile, levels] of skills2025) {
          if (byProfile.has(profile)) continue;
          for (const [descriptorCode, level] of levels) {
            ratings.push({ profileCode: profile, descriptorCode, level, release: RELEASE_2025 });
          }
        }
      }
    }

    // A unit group's profile: the mean level over its OaSIS profiles, per descriptor.
    const sums = new Map<string, { sum: number; count: number; release: string }>();
    for (const rating of ratings) {
      const key = `${rating.profileCode.slice(0, 5)}|${rating.descriptorCode}`;
      const entry = sums.get(key) ?? { sum: 0, count: 0, release: rating.release };
      entry.sum += rating.level;
      entry.count += 1;
      if (rating.release > entry.release) entry.release = rating.release;
      sums.set(key, entry);
    }
    const unitGroupRatings = [...sums].map(([key, entry]) => {
      const [nocCode = '', descriptorCode = ''] = key.split('|');
      return { nocCode, descriptorCode, level: entry.sum / entry.count, release: entry.release };
    });

    const profileRows = [...titles].map(([code, title]) => ({
      code,
      nocCode: code.slice(0, 5),
      titleEn: title,
      leadStatementEn: leads.get(code)?.join(' ') ?? null,
      mainDutiesEn: duties.get(code) ?? [],
      employmentRequirementsEn: requirements.get(code) ?? [],
      interests: interests.get(code) ?? [],
    }));
    context.progress(
      `${profileRows.length} profiles, ${ratings.length} ratings, ${unitGroupRatings.length} unit-group ratings`,
    );
    return [
      tableRows(oasisDescriptor, ['code'], [...descriptors.values()]),
      tableRows(oasisProfile, ['code'], profileRows),
      tableRows(oasisTitle, ['profileCode', 'titleEn'], [...titleRows.values()]),
      tableRows(oasisRating, ['profileCode', 'descriptorCode'], ratings),
      tableRows(occupationRating, ['nocCode', 'descriptorCode'], unitGroupRatings),
    ];
  },
};
