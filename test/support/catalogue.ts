import fc from 'fast-check';
import {
  AREAS_OF_FOCUS,
  CREDENTIAL_TYPES,
  DELIVERY_MODES,
  listingSchema,
  OSAP_STATUSES,
  PACINGS,
  PROFICIENCY_LEVELS,
  SCHEDULES,
  SUPPORTS,
  type Listing,
  type ListingInput,
} from '../../src/catalogue/model.ts';

/** A small valid listing as a feed states it; override what a test is about. */
export function listingInput(overrides: Partial<ListingInput> = {}): ListingInput {
  return {
    institution: 'humber-polytechnic',
    externalId: 'MC-100',
    title: { en: 'Python for Data Analysts', fr: 'Python pour les analystes de données' },
    summary: { en: 'Clean, analyse and chart data with Python.' },
    areaOfFocus: 'information-technology',
    registrationUrl: 'https://example.ca/register/mc-100',
    skills: ['Data analysis', 'Critical Thinking'],
    technologies: ['Python', 'Microsoft Excel'],
    occupations: ['21211'],
    deliveryMode: 'online',
    pacing: 'asynchronous',
    durationWeeks: 6,
    durationHours: 36,
    offerings: [{ start: '2027-01-11', end: '2027-02-19', schedule: ['evenings'] }],
    cost: { tuitionCents: 89_500 },
    osap: { status: 'approved' },
    ...overrides,
  };
}

export function listing(overrides: Partial<ListingInput> = {}): Listing {
  return listingSchema.parse(listingInput(overrides));
}

// Text without the separators CSV lists use, leading/trailing spaces or control characters.
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ,.'’()&/#+-]{0,30}[A-Za-zÀ-ÿ0-9.)]$/);
const sentence = fc.stringMatching(
  /^[A-Za-zÀ-ÿ0-9«"][A-Za-zÀ-ÿ0-9 ,.;:'’"«»()&/#+=@-]{0,80}[A-Za-zÀ-ÿ0-9.»"]$/,
);
const bilingual = (value: fc.Arbitrary<string>) =>
  fc.oneof(fc.record({ en: value }), fc.record({ fr: value }), fc.record({ en: value, fr: value }));
const isoDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const uniqueWords = (max: number) =>
  fc.uniqueArray(word, { maxLength: max, selector: (value) => value.toLowerCase() });

/** Any valid listing whose every field a CSV feed can carry (tags stated by the institution). */
export const arbitraryListing: fc.Arbitrary<Listing> = fc
  .record({
    institution: fc.constantFrom('humber-polytechnic', 'george-brown-college'),
    externalId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,20}$/),
    status: fc.constantFrom('draft', 'published', 'retired'),
    title: bilingual(word),
    summary: fc.option(bilingual(sentence), { nil: undefined }),
    description: fc.option(bilingual(sentence), { nil: undefined }),
    areaOfFocus: fc.constantFrom(...AREAS_OF_FOCUS),
    lastVerified: fc.option(isoDate, { nil: undefined }),
    registrationUrl: fc
      .webUrl({ validSchemes: ['https'] })
      .filter((url) => new URL(url).hostname.includes('.')),
    outcomes: fc.record({ en: uniqueWords(4), fr: uniqueWords(4) }),
    skills: uniqueWords(5),
    technologies: uniqueWords(5),
    proficiencyLevel: fc.option(fc.constantFrom(...PROFICIENCY_LEVELS), { nil: undefined }),
    prerequisites: fc.option(bilingual(sentence), { nil: undefined }),
    requires: fc.array(fc.record({ externalId: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,10}$/) }), {
      maxLength: 2,
    }),
    assessment: fc.option(bilingual(sentence), { nil: undefined }),
    workloadHours: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    transcriptable: fc.boolean(),
    credential: fc.constantFrom(...CREDENTIAL_TYPES),
    occupations: fc.uniqueArray(fc.stringMatching(/^\d{5}$/), { maxLength: 3 }),
    industries: fc.uniqueArray(fc.stringMatching(/^\d{2,6}$/), { maxLength: 3 }),
    cip: fc.option(fc.stringMatching(/^\d{2}\.\d{4}$/), { nil: undefined }),
    deliveryMode: fc.constantFrom(...DELIVERY_MODES),
    pacing: fc.option(fc.constantFrom(...PACINGS), { nil: undefined }),
    durationWeeks: fc.integer({ min: 1, max: 1040 }).map((tenths) => tenths / 10),
    durationHours: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    offerings: fc.array(
      fc.record({
        start: isoDate,
        schedule: fc.uniqueArray(fc.constantFrom(...SCHEDULES), { maxLength: 3 }),
        city: fc.option(word, { nil: undefined }),
        campus: fc.option(word, { nil: undefined }),
        seats: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    languages: fc.constantFrom(['en'], ['fr'], ['en', 'fr']),
    cost: fc.option(
      fc.record({
        tuitionCents: fc.integer({ min: 0, max: 10_000_000 }),
        feesCents: fc.integer({ min: 0, max: 100_000 }),
        materialsCents: fc.integer({ min: 0, max: 100_000 }),
      }),
      { nil: undefined },
    ),
    osap: fc.record(
      {
        status: fc.constantFrom(...OSAP_STATUSES),
        reason: fc.option(bilingual(sentence), { nil: undefined }),
      },
      { requiredKeys: ['status'] },
    ),
    otherFunding: fc.option(bilingual(sentence), { nil: undefined }),
    employerPartners: uniqueWords(3),
    endorsements: uniqueWords(2),
    stacksInto: fc.array(
      fc.record({
        title: fc.record({ en: word, fr: word }),
        credit: fc.option(word, { nil: undefined }),
        listing: fc.option(fc.record({ externalId: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,10}$/) }), {
          nil: undefined,
        }),
      }),
      { maxLength: 2 },
    ),
    supports: fc.uniqueArray(fc.constantFrom(...SUPPORTS), { maxLength: 3 }),
  })
  .map((raw) => stripUndefined(raw))
  .map((raw) => listingSchema.safeParse(raw).data)
  .filter((parsed): parsed is Listing => parsed !== undefined);

function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripUndefined) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, stripUndefined(item)]),
    ) as T;
  }
  return value;
}
