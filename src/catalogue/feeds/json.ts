import { z } from 'zod';
import { jsonFeedSchema, listingSchema, type Institution, type Listing } from '../model.ts';
import { decodeUtf8 } from './text.ts';
import { FeedFileError, zodProblems, type FeedEntry, type FeedProblem, type ParsedFeed } from './report.ts';

/** Where the JSON Schema of the JSON feed is published (served by the web app). */
export const LISTING_FEED_SCHEMA_PATH = '/schemas/listing-feed.json';

/**
 * The JSON feed: `{ "listings": [ … ], "institutions": [ … ] }` (or just the array of listings), each
 * listing in the model's own shape. Problems are located by JSON path ("listings[3]", field "cost.tuitionCents").
 */
export function parseJsonFeed(bytes: Uint8Array): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof FeedFileError) throw error;
    throw new FeedFileError(`not JSON: ${(error as Error).message}`);
  }
  const feed = jsonFeedSchema.safeParse(Array.isArray(document) ? { listings: document } : document);
  if (!feed.success) {
    const issue = feed.error.issues[0];
    throw new FeedFileError(
      `not a listing feed: ${issue?.path.join('.') || 'the document'} ${issue?.message ?? 'is invalid'} (expected {"listings": [...]})`,
    );
  }
  const errors: FeedProblem[] = [];
  const entries: FeedEntry[] = [];
  feed.data.listings.forEach((raw, index) => {
    const location = `listings[${index}]`;
    const parsed = listingSchema.safeParse(raw);
    if (parsed.success) entries.push({ listing: parsed.data, location });
    else errors.push(...zodProblems(parsed.error, location));
  });
  return { format: 'json', institutions: feed.data.institutions, entries, errors, warnings: [] };
}

/** The catalogue as a JSON feed that parseJsonFeed reads back to the same listings and institutions. */
export function toJsonFeed(
  listings: readonly Listing[],
  institutions: readonly Institution[],
  schemaUrl: string,
): { $schema: string; institutions: readonly Institution[]; listings: readonly Listing[] } {
  return { $schema: schemaUrl, institutions, listings };
}

/** JSON Schema (draft 2020-12) of the JSON feed, generated from the model so the two cannot drift. */
export function listingFeedJsonSchema(id: string): Record<string, unknown> {
  const feed = jsonFeedSchema.extend({ listings: z.array(listingSchema).max(100_000) });
  return {
    ...z.toJSONSchema(feed, { io: 'input', unrepresentable: 'any' }),
    $id: id,
    title: 'Ladder listing feed',
    description:
      'Micro-credential listings published by institutions. Money in integer cents (CAD), durations in weeks and hours, dates YYYY-MM-DD.',
  };
}
