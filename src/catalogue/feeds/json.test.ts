import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arbitraryListing, listingInput } from '../../../test/support/catalogue.ts';
import { listingFeedJsonSchema, parseJsonFeed, toJsonFeed } from './json.ts';
import { FeedFileError } from './report.ts';

const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('JSON feed', () => {
  it('reads listings and names each problem by position and field', () => {
    const feed = parseJsonFeed(
      bytes({
        listings: [
          listingInput(),
          listingInput({
            externalId: 'MC-2',
            cost: { tuitionCents: 12.5 },
            deliveryMode: 'by pigeon' as never,
          }),
        ],
      }),
    );
    assert.equal(feed.entries.length, 1);
    assert.deepEqual(feed.errors.map((error) => `${error.location} ${error.field}`).sort(), [
      'listings[1] cost.tuitionCents',
      'listings[1] deliveryMode',
    ]);
  });

  it('accepts a bare array of listings', () => {
    assert.equal(parseJsonFeed(bytes([listingInput()])).entries.length, 1);
  });

  it('refuses what is not a feed with a reason', () => {
    assert.throws(() => parseJsonFeed(bytes('{"listings": [')), /not JSON/);
    assert.throws(() => parseJsonFeed(bytes({ programs: [] })), /not a listing feed/);
    assert.throws(() => parseJsonFeed(bytes(42)), FeedFileError);
  });

  it('round-trips through toJsonFeed', () => {
    fc.assert(
      fc.property(fc.array(arbitraryListing, { maxLength: 3 }), (listings) => {
        const feed = parseJsonFeed(
          bytes(toJsonFeed(listings, [], 'https://example.ca/schemas/listing-feed.json')),
        );
        assert.deepEqual(feed.errors, []);
        assert.deepEqual(
          feed.entries.map((entry) => entry.listing),
          listings,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('publishes a JSON Schema generated from the model', () => {
    const schema = listingFeedJsonSchema('https://example.ca/schemas/listing-feed.json') as {
      $id: string;
      properties: { listings: { items: { required: string[]; properties: Record<string, unknown> } } };
    };
    assert.equal(schema.$id, 'https://example.ca/schemas/listing-feed.json');
    const item = schema.properties.listings.items;
    assert.ok(item.required.includes('registrationUrl'));
    assert.ok('osap' in item.properties && 'offerings' in item.properties);
  });

  it('never throws anything but FeedFileError on random JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ listings: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
          fc.record({
            listings: fc.array(
              fc.dictionary(fc.constantFrom(...Object.keys(listingInput())), fc.jsonValue()),
            ),
          }),
        ),
        (value) => {
          try {
            parseJsonFeed(bytes(value));
          } catch (error) {
            assert.ok(error instanceof FeedFileError, String(error));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
