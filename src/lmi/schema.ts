import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Labour-market information, loaded by the importers in src/lmi/sources/ from the publishers' files.
 * Each table belongs to exactly one source, which replaces its content in one transaction; there are no
 * foreign keys across sources (a source validates the codes it references against what is loaded).
 * Codes are text: NOC and NAICS codes have leading zeros that matter ("00010").
 */

/** Provenance: one row per source, written in the same transaction as the source's data. */
export const lmiSource = pgTable('lmi_source', {
  id: text('id').primaryKey(),
  publisher: text('publisher').notNull(),
  title: text('title').notNull(),
  /** The publisher's version or release, e.g. "NOC 2021 Version 1.0". */
  version: text('version').notNull(),
  licence: text('licence').notNull(),
  licenceUrl: text('licence_url').notNull(),
  /** The attribution text the licence requires, in English and French. */
  attributionEn: text('attribution_en').notNull(),
  attributionFr: text('attribution_fr').notNull(),
  /** [{ name, sha256, bytes }] of every file read, in a stable order. */
  files: jsonb('files').$type<{ name: string; sha256: string; bytes: number }[]>().notNull(),
  /** sha256 over the files' checksums: the same files give the same checksum. */
  checksum: text('checksum').notNull(),
  rows: integer('rows').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  durationMs: integer('duration_ms').notNull(),
});

// ---------------------------------------------------------------------------------------------- NOC

/** The NOC 2021 hierarchy: broad category (1 digit) → major (2) → sub-major (3) → minor (4) → unit group (5). */
export const nocGroup = pgTable(
  'noc_group',
  {
    code: text('code').primaryKey(),
    /** 1 broad category … 5 unit group. */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    titleEn: text('title_en').notNull(),
    /** French titles are published for unit groups only. */
    titleFr: text('title_fr'),
    definitionEn: text('definition_en'),
    /** TEER category (0–5), the second digit of a major group or lower. */
    teer: smallint('teer'),
  },
  (table) => [index('noc_group_parent_idx').on(table.parentCode)],
);

/** Example job titles per unit group, in each language (lists are not translations of each other). */
export const nocExampleTitle = pgTable(
  'noc_example_title',
  {
    nocCode: text('noc_code').notNull(),
    lang: text('lang').$type<'en' | 'fr'>().notNull(),
    title: text('title').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nocCode, table.lang, table.title] }),
    // Title search (LmiRepository.searchTitles): substring and trigram matches on the folded title.
    index('noc_example_title_folded_trgm_idx').using(
      'gin',
      sql`public.immutable_unaccent(lower(${table.title})) gin_trgm_ops`,
    ),
  ],
);

// -------------------------------------------------------------------------------------------- OaSIS

/** An OaSIS profile: a NOC unit group ("21232") plus a suffix ("21232.01"). */
export const oasisProfile = pgTable(
  'oasis_profile',
  {
    code: text('code').primaryKey(),
    nocCode: text('noc_code').notNull(),
    titleEn: text('title_en').notNull(),
    leadStatementEn: text('lead_statement_en'),
    mainDutiesEn: text('main_duties_en').array().notNull(),
    employmentRequirementsEn: text('employment_requirements_en').array().notNull(),
    /** Holland codes (R, I, A, S, E, C), most characteristic first. */
    interests: text('interests').array().notNull(),
  },
  (table) => [index('oasis_profile_noc_idx').on(table.nocCode)],
);

/** OaSIS descriptors from the guide: categories, sub-categories, similarity groups and rated descriptors. */
export const oasisDescriptor = pgTable('oasis_descriptor', {
  code: text('code').primaryKey(),
  /** skills, abilities, knowledge, work_activities, work_context, personal_attributes, interests. */
  category: text('category').notNull(),
  /** 'category', 'sub_category', 'similarity_group' or 'descriptor'. */
  kind: text('kind').notNull(),
  parentCode: text('parent_code'),
  nameEn: text('name_en').notNull(),
  descriptionEn: text('description_en'),
});

/** One rating (0–5) of one descriptor for one profile, with the release it comes from. */
export const oasisRating = pgTable(
  'oasis_rating',
  {
    profileCode: text('profile_code').notNull(),
    descriptorCode: text('descriptor_code').notNull(),
    level: smallint('level').notNull(),
    /** "OaSIS 2023 v1.0" or "OaSIS 2025 v1.1" (skills). */
    release: text('release').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.profileCode, table.descriptorCode] }),
    index('oasis_rating_descriptor_idx').on(table.descriptorCode),
  ],
);

/**
 * A unit group's rating of each descriptor: the mean over its OaSIS profiles. This is the occupation's
 * skill profile (a vector per category, used for similarity) and is rebuilt with the OaSIS source.
 */
export const occupationRating = pgTable(
  'occupation_rating',
  {
    nocCode: text('noc_code').notNull(),
    descriptorCode: text('descriptor_code').notNull(),
    level: doublePrecision('level').notNull(),
    release: text('release').notNull(),
  },
  (table) => [primaryKey({ columns: [table.nocCode, table.descriptorCode] })],
);

/** Job titles listed in OaSIS per profile (types Index, Example, Inclusion). */
export const oasisTitle = pgTable(
  'oasis_title',
  {
    profileCode: text('profile_code').notNull(),
    titleEn: text('title_en').notNull(),
    kind: text('kind').notNull(),
  },
  (table) => [primaryKey({ columns: [table.profileCode, table.titleEn] })],
);

// --------------------------------------------------------------------------------------------- COPS

/**
 * COPS 2024–2033 national projections, one row per COPS code: a unit group, a COPS aggregate of unit
 * groups (e.g. 00018), a TEER or broad-category total, or all occupations (00000). Counts are people
 * over the 10 years; null where COPS publishes N/A.
 */
export const copsProjection = pgTable('cops_projection', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<'unit_group' | 'aggregate' | 'teer' | 'broad_category' | 'all'>().notNull(),
  titleEn: text('title_en').notNull(),
  titleFr: text('title_fr').notNull(),
  employment2023: integer('employment_2023'),
  employmentGrowth: integer('employment_growth'),
  retirements: integer('retirements'),
  otherReplacement: integer('other_replacement'),
  jobOpenings: integer('job_openings'),
  schoolLeavers: integer('school_leavers'),
  immigration: integer('immigration'),
  otherSeekers: integer('other_seekers'),
  jobSeekers: integer('job_seekers'),
  /** balance, moderate_shortage, strong_shortage, moderate_surplus, strong_surplus; null for N/A. */
  recentConditions: text('recent_conditions'),
  futureConditions: text('future_conditions'),
});

/** Which COPS row covers each unit group: its own code, or the aggregate it is published under. */
export const copsCoverage = pgTable('cops_coverage', {
  nocCode: text('noc_code').primaryKey(),
  copsCode: text('cops_code').notNull(),
});

// ----------------------------------------------------------------------------------------- Job Bank

/**
 * Job Bank 3-year employment outlooks per unit group and geography. `geo` is a province or territory
 * code ("ON") or an economic region code; only official labels are loaded.
 */
export const outlook = pgTable(
  'outlook',
  {
    nocCode: text('noc_code').notNull(),
    geo: text('geo').notNull(),
    geoLevel: text('geo_level').$type<'province' | 'economic_region'>().notNull(),
    /** very_good, good, moderate, limited, very_limited, undetermined. */
    label: text('label').notNull(),
    /** "2025-2027". */
    period: text('period').notNull(),
    releaseDate: text('release_date'),
  },
  (table) => [primaryKey({ columns: [table.nocCode, table.geo, table.period] })],
);

// -------------------------------------------------------------------------------------------- O*NET

export const onetOccupation = pgTable('onet_occupation', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  jobZone: smallint('job_zone'),
});

/** O*NET-SOC → NOC 2021 links: BC Government weighted mapping, Brookfield where BC has none. */
export const onetNocLink = pgTable(
  'onet_noc_link',
  {
    onetCode: text('onet_code').notNull(),
    nocCode: text('noc_code').notNull(),
    /** Share of the unit group this O*NET occupation stands for (BC base weight; sums to 1 per NOC). */
    weight: doublePrecision('weight').notNull(),
    source: text('source').$type<'bcgov' | 'brookfield'>().notNull(),
    /** The aggregate code in the mapping (e.g. 00018) when the link was expanded to its unit groups. */
    viaAggregate: text('via_aggregate'),
  },
  (table) => [
    primaryKey({ columns: [table.onetCode, table.nocCode] }),
    index('onet_noc_link_noc_idx').on(table.nocCode),
  ],
);

export const onetTechnology = pgTable(
  'onet_technology',
  {
    onetCode: text('onet_code').notNull(),
    name: text('name').notNull(),
    commodityCode: text('commodity_code').notNull(),
    commodityTitle: text('commodity_title').notNull(),
    hot: boolean('hot').notNull(),
    inDemand: boolean('in_demand').notNull(),
  },
  (table) => [primaryKey({ columns: [table.onetCode, table.name] })],
);

export const onetTool = pgTable(
  'onet_tool',
  {
    onetCode: text('onet_code').notNull(),
    name: text('name').notNull(),
    commodityCode: text('commodity_code').notNull(),
    commodityTitle: text('commodity_title').notNull(),
  },
  (table) => [primaryKey({ columns: [table.onetCode, table.name] })],
);

/** Alternate titles and sample reported titles. */
export const onetTitle = pgTable(
  'onet_title',
  {
    onetCode: text('onet_code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<'alternate' | 'reported'>().notNull(),
    shortTitle: text('short_title'),
  },
  (table) => [primaryKey({ columns: [table.onetCode, table.title, table.kind] })],
);

export const onetRelated = pgTable(
  'onet_related',
  {
    onetCode: text('onet_code').notNull(),
    relatedCode: text('related_code').notNull(),
    tier: text('tier').notNull(),
    rank: smallint('rank').notNull(),
  },
  (table) => [primaryKey({ columns: [table.onetCode, table.relatedCode] })],
);

/** Technologies per unit group, through the crosswalk: weight = sum of link weights that carry it. */
export const occupationTechnology = pgTable(
  'occupation_technology',
  {
    nocCode: text('noc_code').notNull(),
    name: text('name').notNull(),
    commodityTitle: text('commodity_title').notNull(),
    hot: boolean('hot').notNull(),
    inDemand: boolean('in_demand').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nocCode, table.name] }),
    index('occupation_technology_name_idx').on(table.name),
  ],
);

/** Related unit groups through O*NET related occupations and the crosswalk, strongest first. */
export const occupationRelated = pgTable(
  'occupation_related',
  {
    nocCode: text('noc_code').notNull(),
    relatedNocCode: text('related_noc_code').notNull(),
    score: doublePrecision('score').notNull(),
  },
  (table) => [primaryKey({ columns: [table.nocCode, table.relatedNocCode] })],
);

// -------------------------------------------------------------------------------------------- NAICS

export const naicsClass = pgTable(
  'naics_class',
  {
    code: text('code').primaryKey(),
    /** 1 sector … 5 Canadian industry. */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr'),
    definitionEn: text('definition_en'),
    /** "CAN" when the class exists in Canada only; "US" / "MEX" flags as published. */
    superscript: text('superscript'),
  },
  (table) => [index('naics_class_parent_idx').on(table.parentCode)],
);

// --------------------------------------------------------------------------------------------- ESCO

/** ESCO skills, skill groups and the hierarchy's top levels. `uri` is ESCO's; label-only skills get `label:<text>`. */
export const escoSkill = pgTable(
  'esco_skill',
  {
    uri: text('uri').primaryKey(),
    kind: text('kind').$type<'skill' | 'skill_group'>().notNull(),
    labelEn: text('label_en').notNull(),
    altLabelsEn: text('alt_labels_en').array().notNull(),
    descriptionEn: text('description_en'),
    broaderUri: text('broader_uri'),
    /** Collections the skill belongs to: ict, transversal, language. */
    collections: text('collections').array().notNull(),
  },
  (table) => [index('esco_skill_label_idx').using('gin', sql`${table.labelEn} gin_trgm_ops`)],
);

export const escoOccupation = pgTable('esco_occupation', {
  uri: text('uri').primaryKey(),
  iscoGroup: text('isco_group'),
  labelEn: text('label_en').notNull(),
  altLabelsEn: text('alt_labels_en').array().notNull(),
  descriptionEn: text('description_en'),
});
