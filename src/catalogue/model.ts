import { z } from 'zod';

/**
 * The listing model: one micro-credential as an institution publishes it. This zod schema is the one
 * definition of a listing: JSON feeds are arrays of it, CSV and CTDL feeds are mapped onto it, the
 * JSON Schema at /schemas/listing-feed.json is generated from it and the demo generator produces it.
 *
 * Units: money in integer cents (Canadian dollars), durations in weeks and hours as the institution
 * states them, dates as ISO `YYYY-MM-DD` strings.
 */

export const PROGRAM_STATUSES = ['draft', 'published', 'retired'] as const;
export const INSTITUTION_TYPES = [
  'public-college',
  'university',
  'indigenous-institute',
  'private-career-college',
  'other',
] as const;
export const DELIVERY_MODES = ['online', 'in-person', 'hybrid'] as const;
export const PACINGS = ['synchronous', 'asynchronous', 'self-paced'] as const;
export const SCHEDULES = ['daytime', 'evenings', 'weekends', 'full-time', 'part-time', 'self-paced'] as const;
export const PROFICIENCY_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export const CREDENTIAL_TYPES = ['digital-badge', 'certificate', 'transcript-notation', 'none'] as const;
export const OSAP_STATUSES = ['approved', 'not-approved', 'unknown'] as const;
export const TAG_SOURCES = ['institution', 'admin', 'automatic'] as const;
export const TAG_KINDS = ['skill', 'technology', 'occupation', 'industry'] as const;
export const INSTRUCTION_LANGUAGES = ['en', 'fr'] as const;
export const SUPPORTS = [
  'accessibility',
  'indigenous',
  'francophone',
  'newcomers',
  'women',
  'youth',
  'community',
] as const;
/** Areas of focus, the portal's subject list (labels in the message catalogues). */
export const AREAS_OF_FOCUS = [
  'business',
  'communications',
  'community-services',
  'creative-arts',
  'education',
  'engineering',
  'environment',
  'health',
  'hospitality',
  'information-technology',
  'law-justice',
  'leadership',
  'manufacturing',
  'science',
  'skilled-trades',
  'transportation',
] as const;

export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type Pacing = (typeof PACINGS)[number];
export type Schedule = (typeof SCHEDULES)[number];
export type ProficiencyLevel = (typeof PROFICIENCY_LEVELS)[number];
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
export type OsapStatus = (typeof OSAP_STATUSES)[number];
export type TagSource = (typeof TAG_SOURCES)[number];
export type TagKind = (typeof TAG_KINDS)[number];
export type InstructionLanguage = (typeof INSTRUCTION_LANGUAGES)[number];
export type Support = (typeof SUPPORTS)[number];
export type AreaOfFocus = (typeof AREAS_OF_FOCUS)[number];

export const LIMITS = {
  /** Listings per feed file. */
  listings: 100_000,
  title: 200,
  summary: 500,
  description: 10_000,
  shortText: 2_000,
  outcomes: 30,
  tags: 40,
  occupations: 3,
  industries: 5,
  offerings: 50,
  partners: 20,
  stacks: 10,
  maxWeeks: 104,
  maxHours: 2_000,
  /** $1,000,000 in cents: anything above is a typo (dollars for cents, say). */
  maxCents: 100_000_000,
} as const;

// Text a person typed: trimmed, no control characters (tab, CR and LF are allowed in long text).
// eslint-disable-next-line no-control-regex -- the point is to reject control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be ${max} characters or fewer`)
    .refine((value) => !CONTROL.test(value), 'must not contain control characters');

/** One entry of a list: CSV feeds separate entries with "|", so an entry cannot contain one. */
export const listEntry = (max: number) =>
  text(max).refine(
    (value) => !value.includes('|') && !/[\r\n]/.test(value),
    'must not contain | or a line break',
  );

/** Text in English, French or both; at least one. */
export const bilingual = (max: number, entry: typeof text = text) =>
  z
    .strictObject({ en: entry(max).optional(), fr: entry(max).optional() })
    .refine((value) => value.en !== undefined || value.fr !== undefined, 'needs an English or French text');

export const identifier = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/,
    'must be 1–100 letters, digits or . _ : / - and start with a letter or digit',
  );

export const institutionId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'must be an institution id: 2–60 lower-case letters, digits or -');

export const isoDate = z.iso.date('must be a date written YYYY-MM-DD');

export const httpUrl = z
  .string()
  .trim()
  .max(2_000, 'must be 2,000 characters or fewer')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be a web address starting with https://');

const cents = z
  .number('must be a whole number of cents')
  .int('must be a whole number of cents')
  .min(0, 'must not be negative')
  .max(LIMITS.maxCents, `must be at most ${LIMITS.maxCents} cents ($1,000,000)`);

/** A skill, technology, occupation or industry tag with where it came from and how sure it is. */
export const tagSchema = z.strictObject({
  /** The label as given (skills and technologies) or the code (occupations: NOC, industries: NAICS). */
  name: listEntry(200),
  /** Vocabulary code when known: OaSIS descriptor, ESCO URI, NOC or NAICS code. */
  code: text(200).optional(),
  source: z.enum(TAG_SOURCES).default('institution'),
  confidence: z.number().min(0).max(1).default(1),
});
export type TagInput = z.input<typeof tagSchema>;
export type Tag = z.output<typeof tagSchema>;

/** A tag given as a plain string is a tag stated by the institution with full confidence. */
const tagList = (max: number) =>
  z
    .array(z.union([listEntry(200).transform((name) => ({ name })), tagSchema]))
    .max(max, `must have ${max} entries or fewer`)
    .default([])
    .transform((tags) => tags.map((tag) => tagSchema.parse(tag)));

export const nocCode = z.string().regex(/^\d{5}$/, 'must be a 5-digit NOC 2021 unit group code');
export const naicsCode = z
  .string()
  .regex(/^(\d{2}-\d{2}|\d{2,6})$/, 'must be a NAICS code of 2 to 6 digits, or a sector range such as 31-33');

const codeTags = (code: z.ZodString, max: number) =>
  z
    .array(
      z.union([
        code.transform((value) => ({ name: value, code: value })),
        tagSchema.extend({ code }).transform((tag) => ({ ...tag, name: tag.code })),
      ]),
    )
    .max(max, `must have ${max} entries or fewer`)
    .default([])
    .transform((tags) => tags.map((tag) => tagSchema.parse(tag)));

export const offeringSchema = z.strictObject({
  start: isoDate.optional(),
  end: isoDate.optional(),
  schedule: z.array(z.enum(SCHEDULES)).max(SCHEDULES.length).default([]),
  city: text(100).optional(),
  campus: text(200).optional(),
  seats: z.number().int('must be a whole number').min(0).max(100_000).optional(),
});
export type Offering = z.output<typeof offeringSchema>;

/** A reference to another listing: same institution unless named. */
export const listingReference = z.strictObject({
  institution: institutionId.optional(),
  externalId: identifier,
});

export const stackSchema = z.strictObject({
  title: bilingual(LIMITS.title, listEntry),
  /** Credit given towards the larger credential, as the institution words it ("0.5 credit", "3 credits"). */
  credit: listEntry(200).optional(),
  listing: listingReference.optional(),
});

export const listingSchema = z
  .strictObject({
    institution: institutionId,
    /** The institution's own id for the listing; with `institution`, the listing's identity in feeds. */
    externalId: identifier,
    status: z.enum(PROGRAM_STATUSES).default('published'),
    title: bilingual(LIMITS.title),
    summary: bilingual(LIMITS.summary).optional(),
    description: bilingual(LIMITS.description).optional(),
    areaOfFocus: z.enum(AREAS_OF_FOCUS),
    lastVerified: isoDate.optional(),
    registrationUrl: httpUrl,
    outcomes: z
      .strictObject({
        en: z.array(listEntry(LIMITS.shortText)).max(LIMITS.outcomes).default([]),
        fr: z.array(listEntry(LIMITS.shortText)).max(LIMITS.outcomes).default([]),
      })
      .default({ en: [], fr: [] }),
    skills: tagList(LIMITS.tags),
    technologies: tagList(LIMITS.tags),
    proficiencyLevel: z.enum(PROFICIENCY_LEVELS).optional(),
    prerequisites: bilingual(LIMITS.shortText).optional(),
    /** Listings a learner must complete first. */
    requires: z.array(listingReference).max(LIMITS.stacks).default([]),
    assessment: bilingual(LIMITS.shortText).optional(),
    /** Total learner workload in hours. */
    workloadHours: z.number().int().min(1).max(LIMITS.maxHours).optional(),
    transcriptable: z.boolean().default(false),
    credential: z.enum(CREDENTIAL_TYPES).default('digital-badge'),
    occupations: codeTags(nocCode, LIMITS.occupations),
    industries: codeTags(naicsCode, LIMITS.industries),
    /** CIP 2021 code (Canada), e.g. 11.0701. */
    cip: z
      .string()
      .regex(/^\d{2}\.\d{2}(\d{2})?$/, 'must be a CIP code such as 11.0701')
      .optional(),
    deliveryMode: z.enum(DELIVERY_MODES),
    pacing: z.enum(PACINGS).optional(),
    durationWeeks: z.number().positive('must be more than 0').max(LIMITS.maxWeeks),
    /** Instructional hours (contact or course hours), as published. */
    durationHours: z.number().int().min(1).max(LIMITS.maxHours).optional(),
    offerings: z.array(offeringSchema).max(LIMITS.offerings).default([]),
    languages: z.array(z.enum(INSTRUCTION_LANGUAGES)).min(1).max(2).default(['en']),
    /** Cost in cents; absent when the institution has not published it. */
    cost: z
      .strictObject({
        tuitionCents: cents,
        feesCents: cents.default(0),
        materialsCents: cents.default(0),
      })
      .optional(),
    osap: z
      .strictObject({
        status: z.enum(OSAP_STATUSES),
        reason: bilingual(LIMITS.shortText).optional(),
      })
      .default({ status: 'unknown' }),
    otherFunding: bilingual(LIMITS.shortText).optional(),
    employerPartners: z.array(listEntry(200)).max(LIMITS.partners).default([]),
    endorsements: z.array(listEntry(200)).max(LIMITS.partners).default([]),
    stacksInto: z.array(stackSchema).max(LIMITS.stacks).default([]),
    supports: z.array(z.enum(SUPPORTS)).max(SUPPORTS.length).default([]),
  })
  .superRefine((listing, context) => {
    listing.offerings.forEach((offering, index) => {
      if (offering.start !== undefined && offering.end !== undefined && offering.end < offering.start) {
        context.addIssue({
          code: 'custom',
          path: ['offerings', index, 'end'],
          message: 'must not be before the start date',
        });
      }
    });
    const duplicates = (kind: 'skills' | 'technologies' | 'occupations' | 'industries') => {
      const seen = new Set<string>();
      listing[kind].forEach((tag, index) => {
        const key = (tag.code ?? tag.name).toLowerCase();
        if (seen.has(key)) {
          context.addIssue({ code: 'custom', path: [kind, index], message: `repeats "${tag.name}"` });
        }
        seen.add(key);
      });
    };
    duplicates('skills');
    duplicates('technologies');
    duplicates('occupations');
    duplicates('industries');
  });

/** A listing as a feed states it (defaults not yet applied). */
export type ListingInput = z.input<typeof listingSchema>;
/** A validated listing with defaults applied. */
export type Listing = z.output<typeof listingSchema>;

export const institutionSchema = z.strictObject({
  id: institutionId,
  name: z.strictObject({ en: text(200), fr: text(200) }),
  type: z.enum(INSTITUTION_TYPES),
  city: text(100),
  region: text(100).optional(),
  website: httpUrl,
  logoUrl: httpUrl.optional(),
  /** The organisation's CTDL @id or CTID, so CTDL feeds that name it find it. */
  ctdlId: text(500).optional(),
});
export type Institution = z.output<typeof institutionSchema>;

/** A JSON feed: the listings, and optionally the institutions they belong to. */
export const jsonFeedSchema = z.strictObject({
  $schema: z.string().optional(),
  institutions: z.array(institutionSchema).max(1_000).default([]),
  listings: z.array(z.unknown()).max(LIMITS.listings, `must have ${LIMITS.listings} listings or fewer`),
});
