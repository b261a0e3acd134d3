import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AreaOfFocus,
  CredentialType,
  DeliveryMode,
  InstitutionType,
  OsapStatus,
  Pacing,
  ProficiencyLevel,
  ProgramStatus,
  Schedule,
  TagKind,
  TagSource,
} from './model.ts';

/**
 * The catalogue: institutions and their micro-credential listings ("programs"). A program's identity
 * in feeds is (institution, external id); its stable id is a UUID derived from that pair, so ids and
 * slugs survive a rebuild of the catalogue from the same feeds.
 */
export const institution = pgTable('institution', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  type: text('type').$type<InstitutionType>().notNull(),
  city: text('city').notNull(),
  region: text('region'),
  website: text('website').notNull(),
  logoUrl: text('logo_url'),
  /** Fictional institution created by the demonstration generator. */
  isDemo: boolean('is_demo').notNull().default(false),
  /** CTDL @id or CTID of the organisation, for feeds that refer to it. */
  ctdlId: text('ctdl_id'),
});

export const program = pgTable(
  'program',
  {
    id: uuid('id').primaryKey(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institution.id),
    externalId: text('external_id').notNull(),
    /** Set when the listing is first stored and never changed, so links keep working. */
    slug: text('slug').notNull(),
    status: text('status').$type<ProgramStatus>().notNull(),
    /** 1 when first stored, +1 each time a feed changes the listing. */
    version: integer('version').notNull(),
    /** sha-256 of the listing as validated: an unchanged listing in a re-imported feed writes nothing. */
    contentHash: text('content_hash').notNull(),
    /** The validated listing exactly as stored, the source of exports and of the program page. */
    listing: jsonb('listing').notNull(),
    titleEn: text('title_en'),
    titleFr: text('title_fr'),
    areaOfFocus: text('area_of_focus').$type<AreaOfFocus>().notNull(),
    deliveryMode: text('delivery_mode').$type<DeliveryMode>().notNull(),
    pacing: text('pacing').$type<Pacing>(),
    proficiencyLevel: text('proficiency_level').$type<ProficiencyLevel>(),
    credential: text('credential').$type<CredentialType>().notNull(),
    durationWeeks: real('duration_weeks').notNull(),
    durationHours: integer('duration_hours'),
    workloadHours: integer('workload_hours'),
    languages: text('languages').array().notNull(),
    /** Total of tuition, fees and materials in cents; null when not published. */
    totalCostCents: bigint('total_cost_cents', { mode: 'number' }),
    osapStatus: text('osap_status').$type<OsapStatus>().notNull(),
    transcriptable: boolean('transcriptable').notNull(),
    stackable: boolean('stackable').notNull(),
    /** Inconsistencies for administrators (e.g. OSAP approved but longer than the OSAP maximum). */
    reviewFlags: text('review_flags').array().notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('program_identity_idx').on(table.institutionId, table.externalId),
    uniqueIndex('program_slug_idx').on(table.slug),
    index('program_status_idx').on(table.status),
  ],
);

export const programOffering = pgTable(
  'program_offering',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    schedule: text('schedule').array().$type<Schedule[]>().notNull(),
    city: text('city'),
    campus: text('campus'),
    seats: integer('seats'),
  },
  (table) => [
    primaryKey({ columns: [table.programId, table.position] }),
    index('program_offering_start_idx').on(table.startDate),
  ],
);

/** Skills, technologies, occupations (NOC) and industries (NAICS) of a program, with provenance. */
export const programTag = pgTable(
  'program_tag',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TagKind>().notNull(),
    position: smallint('position').notNull(),
    label: text('label').notNull(),
    /** NOC or NAICS code; OaSIS descriptor code or ESCO URI for skills; null when not in a vocabulary. */
    code: text('code'),
    source: text('source').$type<TagSource>().notNull(),
    confidence: doublePrecision('confidence').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.programId, table.kind, table.position] }),
    index('program_tag_code_idx').on(table.kind, table.code),
  ],
);

/** Stackability and prerequisites between listings: what a program ladders into, what it requires. */
export const programLink = pgTable(
  'program_link',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'stacks-into' | 'requires'>().notNull(),
    position: smallint('position').notNull(),
    /** The other listing when it is in the catalogue (resolved after each feed). */
    targetId: uuid('target_id'),
    targetInstitutionId: text('target_institution_id'),
    targetExternalId: text('target_external_id'),
  },
  (table) => [
    primaryKey({ columns: [table.programId, table.kind, table.position] }),
    index('program_link_target_idx').on(table.targetId),
  ],
);

/** One click on "Register with the institution": when, which program, which page language. No personal data. */
export const referralClick = pgTable(
  'referral_click',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }).notNull().defaultNow(),
    lang: text('lang').notNull(),
  },
  (table) => [index('referral_click_program_idx').on(table.programId, table.clickedAt)],
);

/** One applied feed: what came in and what it changed (the institution workspace shows this history). */
export const feedImport = pgTable('feed_import', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  format: text('format').notNull(),
  fileName: text('file_name'),
  checksum: text('checksum').notNull(),
  counts: jsonb('counts').notNull(),
  /** 'demo' for the generated catalogue, with its seed and count in `counts`. */
  origin: text('origin').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
