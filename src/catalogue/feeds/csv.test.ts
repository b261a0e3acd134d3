import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arbitraryListing, listing } from '../../../test/support/catalogue.ts';
import { CSV_COLUMNS, listingsToCsv, parseCsvFeed } from './csv.ts';
import { FeedFileError } from './report.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/catalogue/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER =
  'institution,external_id,title_en,area_of_focus,registration_url,delivery_mode,duration_weeks,tuition,description_en';
const row = (cells: Partial<Record<string, string>> = {}) =>
  [
    cells.institution ?? 'humber-polytechnic',
    cells.external_id ?? 'A-1',
    cells.title_en ?? 'Welding basics',
    cells.area_of_focus ?? 'skilled-trades',
    cells.registration_url ?? 'https://example.ca/a-1',
    cells.delivery_mode ?? 'in-person',
    cells.duration_weeks ?? '8',
    cells.tuition ?? '500',
    cells.description_en ?? 'Learn to weld.',
  ].join(',');

describe('CSV feed', () => {
  it('reads one row per offering into listings, with money in cents and lists split on |', () => {
    const feed = parseCsvFeed(fixture('valid.csv'));
    assert.deepEqual(feed.errors, []);
    assert.equal(feed.entries.length, 2);
    const [python, certificate] = feed.entries.map((entry) => entry.listing);
    assert.ok(python && certificate);
    assert.equal(python.externalId, 'HUM-PY-101');
    assert.deepEqual(python.cost, { tuitionCents: 125_000, feesCents: 3_500, materialsCents: 0 });
    assert.deepEqual(
      python.offerings.map((offering) => [offering.start, offering.schedule]),
      [
        ['2027-01-11', ['evenings']],
        ['2027-04-12', ['evenings', 'weekends']],
      ],
    );
    assert.deepEqual(
      python.skills.map((tag) => [tag.name, tag.source, tag.confidence]),
      [
        ['Data analysis', 'institution', 1],
        ['Critical Thinking', 'institution', 1],
      ],
    );
    assert.deepEqual(python.stacksInto, [
      { title: { en: 'Certificate in Data Analytics' }, listing: { externalId: 'HUM-DA-CERT' } },
    ]);
    assert.deepEqual(certificate.languages, ['en', 'fr']);
    assert.deepEqual(certificate.osap, {
      status: 'not-approved',
      reason: { en: 'Not yet reviewed by the Ministry' },
    });
    assert.equal(feed.entries[1]?.location, 'line 4');
  });

  it('names the line and column of a bad cell', () => {
    const feed = parseCsvFeed(fixture('one-bad-row.csv'));
    assert.equal(feed.entries.length, 1);
    assert.deepEqual(feed.errors, [
      {
        location: 'line 4',
        field: 'duration_weeks',
        message: 'must be a number such as 6 or 7.5 (got "ten")',
      },
    ]);
  });

  it('names the column of a value the model refuses, and the line of a bad offering', () => {
    const feed = parseCsvFeed(
      bytes(
        `${HEADER},start_date,end_date\n${row({ area_of_focus: 'basket weaving' })},,\n${row({ external_id: 'B-2' })},2027-03-01,2027-02-01\n`,
      ),
    );
    assert.deepEqual(
      feed.errors.map((error) => [error.location, error.field]),
      [
        ['line 2', 'area_of_focus'],
        ['line 3', 'end_date'],
      ],
    );
  });

  it('refuses cells a spreadsheet would run as formulas, and reads them back when escaped', () => {
    const feed = parseCsvFeed(bytes(`${HEADER}\n${row({ title_en: '"=HYPERLINK(""http://evil"")"' })}\n`));
    const [error] = feed.errors;
    assert.ok(error);
    assert.equal(error.field, 'title_en');
    assert.match(error.message, /formula/);
    for (const evil of ['+1+1', '@SUM(A1)', '-2+3']) {
      assert.equal(
        parseCsvFeed(bytes(`${HEADER}\n${row({ description_en: evil })}\n`)).errors.length,
        1,
        evil,
      );
    }
    const escaped = parseCsvFeed(bytes(`${HEADER}\n${row({ description_en: "'=not a formula" })}\n`));
    assert.deepEqual(escaped.errors, []);
    assert.equal(escaped.entries[0]?.listing.description?.en, '=not a formula');
  });

  it('refuses files that are not UTF-8, naming the byte', () => {
    const latin1 = Uint8Array.from([
      ...bytes(`${HEADER}\n`),
      ...bytes(row({ title_en: 'Soudage' })),
      0xe9,
      0x0a,
    ]);
    assert.throws(
      () => parseCsvFeed(latin1),
      (error: Error) => {
        assert.ok(error instanceof FeedFileError);
        assert.match(error.message, /not UTF-8 text \(byte 0xe9 at offset \d+/);
        return true;
      },
    );
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const feed = parseCsvFeed(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(`${HEADER}\r\n${row()}\r\n`)]));
    assert.deepEqual(feed.errors, []);
    assert.equal(feed.entries.length, 1);
  });

  it('refuses headers with unknown, missing or repeated columns', () => {
    assert.throws(() => parseCsvFeed(bytes(`${HEADER},colour\n`)), /unknown column "colour"/);
    assert.throws(() => parseCsvFeed(bytes('institution,external_id\n')), /missing required column/);
    assert.throws(() => parseCsvFeed(bytes(`${HEADER},title_en\n`)), /"title_en" appears twice/);
    assert.throws(() => parseCsvFeed(bytes('')), /empty/);
  });

  it('reports rows whose listing columns disagree with the listing’s first row', () => {
    const feed = parseCsvFeed(bytes(`${HEADER}\n${row()}\n${row({ tuition: '600' })}\n`));
    assert.deepEqual(
      feed.errors.map((error) => [error.location, error.field]),
      [['line 3', 'tuition']],
    );
  });

  it('reports a row with the wrong number of cells', () => {
    const feed = parseCsvFeed(bytes(`${HEADER}\n${row()},extra\n`));
    assert.match(feed.errors[0]?.message ?? '', /has 10 cells; the header has 9/);
  });

  it('counts lines inside quoted cells when locating errors', () => {
    const feed = parseCsvFeed(
      bytes(
        `${HEADER}\n${row({ description_en: '"two\nlines"' })}\n${row({ external_id: 'B', duration_weeks: 'x' })}\n`,
      ),
    );
    assert.equal(feed.errors[0]?.location, 'line 4');
  });

  it('round-trips: what listingsToCsv writes, parseCsvFeed reads back unchanged', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryListing, { maxLength: 4, selector: (item) => item.externalId }),
        (listings) => {
          const feed = parseCsvFeed(bytes(listingsToCsv(listings)));
          assert.deepEqual(feed.errors, []);
          assert.deepEqual(
            feed.entries.map((entry) => entry.listing),
            listings,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes every documented column once', () => {
    const header = listingsToCsv([listing()]).split('\r\n')[0];
    assert.equal(header, CSV_COLUMNS.join(','));
  });

  it('never throws anything but FeedFileError on random or mangled input', () => {
    const valid = readFileSync(
      new URL('../../../test/fixtures/catalogue/valid.csv', import.meta.url),
      'utf8',
    );
    const mangled = fc
      .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ unit: 'binary', maxLength: 30 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(
      fc.property(
        fc.oneof(mangled, fc.string({ unit: 'binary', maxLength: 400 }), fc.uint8Array({ maxLength: 300 })),
        (input) => {
          try {
            const feed = parseCsvFeed(typeof input === 'string' ? bytes(input) : input);
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
