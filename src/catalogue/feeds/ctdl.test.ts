import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arbitraryListing } from '../../../test/support/catalogue.ts';
import type { Institution, Listing } from '../model.ts';
import { inferAreaOfFocus, listingToCtdl, parseCtdlFeed, parseDuration } from './ctdl.ts';
import { FeedFileError } from './report.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../shared/standards/ctdl');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const noInstitutions = { knownInstitutions: new Map<string, string>() };
const known = (url: string, id: string) => ({ knownInstitutions: new Map([[url, id]]) });
const ORG_1 =
  'https://credentialengine.github.io/credential-registry-ingest-examples/Organization/1/Organization-1.json';

describe('CTDL JSON-LD feeds', () => {
  it('maps an Ontario-style LearningProgram with its Organization in one graph', () => {
    const feed = parseCtdlFeed(
      readFileSync(new URL('../../../test/fixtures/ctdl/ontario-program.json', import.meta.url), 'utf8'),
      noInstitutions,
    );
    assert.deepEqual(feed.errors, []);
    const [college] = feed.institutions;
    assert.ok(college);
    assert.equal(college.id, 'lakeshore-example-college');
    assert.equal(college.name.fr, 'Collège exemple Lakeshore');
    const [entry] = feed.entries;
    assert.ok(entry);
    const { listing } = entry;
    assert.equal(listing.institution, 'lakeshore-example-college');
    assert.equal(listing.externalId, 'ce-5d1c2b8e-8c0e-4a63-9d5e-7f0b1c2d3e04');
    assert.equal(listing.title.fr, 'Soins des plaies pour infirmières auxiliaires');
    assert.equal(listing.deliveryMode, 'online');
    assert.equal(listing.durationWeeks, 6);
    assert.deepEqual(listing.cost, { tuitionCents: 67_550, feesCents: 0, materialsCents: 0 });
    assert.deepEqual(
      listing.occupations.map((tag) => tag.code),
      ['31301'],
    );
    assert.equal(listing.cip, '51.3901');
    assert.equal(listing.areaOfFocus, 'health', 'from the CIP series');
    assert.deepEqual(listing.languages, ['en', 'fr']);
    assert.deepEqual(
      listing.skills.map((tag) => tag.name),
      ['Wound assessment', 'Infection prevention'],
    );
  });

  it('parses ISO 8601 durations into weeks and hours', () => {
    assert.deepEqual(parseDuration('P8W'), { weeks: 8 });
    assert.deepEqual(parseDuration('P9M'), { weeks: 39.1 });
    assert.deepEqual(parseDuration('P40D'), { weeks: 5.7 });
    assert.deepEqual(parseDuration('PT40H'), { hours: 40 });
    assert.equal(parseDuration('P'), undefined);
    assert.equal(parseDuration('eight weeks'), undefined);
  });

  it('infers the area of focus from a CIP code, then from words', () => {
    assert.equal(inferAreaOfFocus([], '11.0701'), 'information-technology');
    assert.equal(inferAreaOfFocus(['Cybersecurity Program']), 'information-technology');
    assert.equal(inferAreaOfFocus(['Leadership and Innovation Excellence']), 'leadership');
    assert.equal(inferAreaOfFocus(['Underwater basket weaving']), undefined);
  });

  const examples = existsSync(EXAMPLES) ? false : 'no ../shared/standards/ctdl beside the checkout';
  it('the Credential Engine examples: what imports and why the rest is refused', { skip: examples }, () => {
    const organization = parseCtdlFeed(example('Organization_1_Organization-1.json'), noInstitutions);
    assert.deepEqual(organization.errors, []);
    const [university] = organization.institutions;
    assert.ok(university);
    assert.equal(university.id, 'example-university');
    assert.equal(university.ctdlId, ORG_1);

    const program = parseCtdlFeed(
      example('LearningProgram_1_LearningProgram-1.json'),
      known(ORG_1, 'example-university'),
    );
    assert.deepEqual(program.errors, []);
    const listing = program.entries[0]?.listing;
    assert.ok(listing);
    assert.equal(listing.deliveryMode, 'hybrid');
    assert.equal(listing.durationWeeks, 39.1);
    assert.equal(listing.cost, undefined);
    assert.ok(program.warnings.some((warning) => /cost in US Dollar ignored/.test(warning.message)));

    const graph = parseCtdlFeed(
      example('LearningProgram_1_LearningProgram-1-graph.json'),
      known(ORG_1, 'example-university'),
    );
    assert.deepEqual(graph.errors, []);
    assert.equal(graph.entries.length, 1, 'the three courses are parts of the program');
    assert.match(
      graph.entries[0]?.listing.description?.en ?? '',
      /Courses: Personal Growth Mastery; Digital Skills Revolution/,
    );

    const course = parseCtdlFeed(
      example('LearningProgram_1_Course-1a.json'),
      known(ORG_1, 'example-university'),
    );
    assert.deepEqual(
      course.errors.map((error) => error.field),
      ['ceterms:estimatedDuration'],
    );

    const unknownOwner = parseCtdlFeed(example('LearningProgram_1_LearningProgram-1.json'), noInstitutions);
    assert.match(
      unknownOwner.errors[0]?.message ?? '',
      /is not a known institution: import its Organization document first/,
    );

    const bachelor = parseCtdlFeed(
      example('LearningProgram_2_LearningProgram-2.json'),
      known(ORG_1, 'example-university'),
    );
    assert.deepEqual(
      bachelor.errors.map((error) => error.field),
      ['ceterms:estimatedDuration'],
    );
    assert.match(bachelor.errors[0]?.message ?? '', /Four years/);

    for (const name of ['Credential_1_Credential-1.json', 'Credential_1_Credential-1-graph.json']) {
      const degree = parseCtdlFeed(example(name), known(ORG_1, 'example-university'));
      assert.match(
        degree.errors[0]?.message ?? '',
        /ceterms:BachelorDegree is a degree or diploma, not a micro-credential/,
      );
      assert.deepEqual(degree.institutions, [], 'the recognising QA organisation is not an institution');
    }
  });

  const owner: Institution = {
    id: 'humber-polytechnic',
    name: { en: 'Humber Polytechnic', fr: 'Humber Polytechnic' },
    type: 'public-college',
    city: 'Toronto',
    website: 'https://humber.ca',
  };
  const urls = {
    id: '3f1e6a40-0000-8000-8000-000000000001',
    program: 'https://ladder.example.ca/en/programs/x',
    institution: 'https://ladder.example.ca/api/v1/institutions/humber-polytechnic',
  };

  it('round-trips what CTDL can carry', () => {
    fc.assert(
      fc.property(arbitraryListing, (original) => {
        const listing: Listing = { ...original, institution: owner.id };
        const feed = parseCtdlFeed(
          JSON.stringify(listingToCtdl(listing, owner, urls)),
          known(urls.institution, owner.id),
        );
        assert.deepEqual(feed.errors, []);
        const back = feed.entries[0]?.listing;
        assert.ok(back);
        const carried = (item: Listing) => ({
          institution: item.institution,
          externalId: item.externalId,
          status: item.status === 'retired' ? 'retired' : 'published',
          title: item.title,
          description: item.description,
          areaOfFocus: item.areaOfFocus,
          registrationUrl: item.registrationUrl,
          languages: item.languages,
          deliveryMode: item.deliveryMode,
          durationWeeks: item.durationWeeks,
          durationHours: item.durationHours,
          cost: item.cost,
          occupations: item.occupations.map((tag) => tag.code),
          industries: item.industries.map((tag) => tag.code),
          cip: item.cip,
          skills: item.skills.map((tag) => tag.name),
          prerequisites: item.prerequisites,
          endorsements: item.endorsements,
        });
        assert.deepEqual(carried(back), carried(listing));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws anything but FeedFileError on random or mangled documents', () => {
    const base = readFileSync(
      new URL('../../../test/fixtures/ctdl/ontario-program.json', import.meta.url),
      'utf8',
    );
    const program = (JSON.parse(base) as { '@graph': Record<string, unknown>[] })['@graph'][1] ?? {};
    const keys = Object.keys(program);
    const mangled = fc
      .tuple(fc.subarray(keys), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()))
      .map(([removed, replaced]) => {
        const copy: Record<string, unknown> = { ...program, ...replaced };
        for (const key of removed) Reflect.deleteProperty(copy, key);
        return JSON.stringify({ '@graph': [copy] });
      });
    fc.assert(
      fc.property(
        fc.oneof(
          mangled,
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string(),
        ),
        (text) => {
          try {
            const feed = parseCtdlFeed(text, noInstitutions);
            assert.ok(Array.isArray(feed.errors) && Array.isArray(feed.entries));
          } catch (error) {
            assert.ok(error instanceof FeedFileError, String(error));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
