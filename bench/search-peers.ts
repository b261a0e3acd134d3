import MiniSearch from 'minisearch';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Db } from '../src/db/database.ts';
import { FACETS, FILTERS, programDocuments, type Facet, type Filter } from '../src/search/documents.ts';
import {
  FIELD_WEIGHTS,
  FIELDS,
  type Field,
  type SearchDocument,
  type SortOrder,
} from '../src/search/engine.ts';
import type { SearchRepository } from '../src/search/repository.ts';
import { fold, STOPWORDS } from '../src/search/text.ts';

/**
 * The peers `npm run bench:search` times against SearchService, on the same documents and queries:
 * the naive PostgreSQL full-text search (a generated tsvector, `ts_rank_cd`, one `GROUP BY` per
 * facet) and MiniSearch in memory (its own prefix and fuzzy matching, facets counted by a loop over
 * its results). Benchmark-only code: nothing in the portal uses it.
 */

export type Filters = Partial<Record<Filter, readonly string[]>>;

/** What each peer returns: enough to check it did the same work (total, a page of ids, every facet's counts). */
export interface PeerResult {
  total: number;
  ids: string[];
  facets: Record<Facet, Map<string, number>>;
}

/**
 * The published programs as index documents, built the way SearchService builds its index (the same
 * `programDocuments`, occupation and industry names resolved from the LMI), for the peers.
 * `today` is a day number (start-date windows).
 */
export async function searchDocuments(
  repository: SearchRepository,
  today: number,
): Promise<SearchDocument<Filter>[]> {
  const [rows, occupationRows, industryRows] = await Promise.all([
    repository.programs(),
    repository.occupationTitles(),
    repository.industryTitles(),
  ]);
  return programDocuments(rows, occupationRows, industryRows, today);
}

const selected = (filters: Filters) =>
  FILTERS.filter((filter) => (filters[filter]?.length ?? 0) > 0).map(
    (filter) => [filter, filters[filter] ?? []] as const,
  );

const emptyFacets = (): Record<Facet, Map<string, number>> =>
  Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;

const TABLE = 'bench_naive_program';
const column = (filter: Filter) => sql.identifier(`f_${filter}`);
const BATCH = 1000;
/**
 * Queries of one naive search in flight at once: below the portal's pool of 10 connections, so none
 * waits for a connection (PGlite runs them one after the other anyway).
 */
const CONCURRENT_QUERIES = 4;

/** Runs the tasks, at most `concurrency` at a time. */
async function limited(tasks: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task !== undefined) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

/** A PostgreSQL array literal of strings: {"a","b"} with quotes and backslashes escaped. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * The naive baseline: one table with the documents' text and facet values (text[] per facet), a
 * generated tsvector over both languages (english_unaccent and french_unaccent, title A, tags B,
 * industries/institution/summary C, body D) with a GIN index; a search is the ranked page
 * (`ts_rank_cd`, LIMIT 20), a count, and one `GROUP BY` per facet with the other facets' filters,
 * four at a time on the pool (PGlite runs them one after the other).
 */
export class NaivePostgresSearch {
  private constructor(private readonly db: Db) {}

  /** Creates and fills the table in the benchmark's throwaway database (replacing any earlier one). */
  static async create(db: Db, documents: readonly SearchDocument<Filter>[]): Promise<NaivePostgresSearch> {
    await db.execute(sql.raw(`DROP TABLE IF EXISTS ${TABLE}`));
    const vector = (text: string, weight: string) =>
      `setweight(to_tsvector('public.english_unaccent', ${text}) || to_tsvector('public.french_unaccent', ${text}), '${weight}')`;
    const facetColumns = FILTERS.map((filter) => `"f_${filter}" text[] NOT NULL`).join(',\n  ');
    await db.execute(
      sql.raw(`CREATE TABLE ${TABLE} (
  id text PRIMARY KEY,
  ${FIELDS.map((field) => `${field} text NOT NULL`).join(',\n  ')},
  ${facetColumns},
  start_day integer,
  cost_cents bigint,
  weeks real NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    ${vector('title', 'A')} ||
    ${vector(`skills || ' ' || technologies || ' ' || occupations`, 'B')} ||
    ${vector(`industries || ' ' || institution || ' ' || summary`, 'C')} ||
    ${vector('body', 'D')}
  ) STORED
)`),
    );
    const recordColumns = [
      'id text',
      ...FIELDS.map((field) => `${field} text`),
      ...FILTERS.map((filter) => `"f_${filter}" text[]`),
      'start_day integer',
      'cost_cents bigint',
      'weeks real',
    ].join(', ');
    const names = [
      'id',
      ...FIELDS,
      ...FILTERS.map((filter) => `"f_${filter}"`),
      'start_day',
      'cost_cents',
      'weeks',
    ];
    for (let from = 0; from < documents.length; from += BATCH) {
      const rows = documents.slice(from, from + BATCH).map((document) => {
        const row: Record<string, unknown> = { id: document.id };
        for (const field of FIELDS) row[field] = document.text[field] ?? '';
        for (const filter of FILTERS) row[`f_${filter}`] = document.facets[filter];
        row.start_day = document.sort.start ?? null;
        row.cost_cents = document.sort.cost ?? null;
        row.weeks = document.sort.weeks;
        return row;
      });
      await db.execute(
        sql`INSERT INTO ${sql.raw(TABLE)} (${sql.raw(names.join(', '))})
            SELECT ${sql.raw(names.join(', '))}
            FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${sql.raw(recordColumns)})`,
      );
    }
    await db.execute(sql.raw(`CREATE INDEX ${TABLE}_document_idx ON ${TABLE} USING gin (document)`));
    await db.execute(sql.raw(`ANALYZE ${TABLE}`));
    return new NaivePostgresSearch(db);
  }

  async drop(): Promise<void> {
    await this.db.execute(sql.raw(`DROP TABLE IF EXISTS ${TABLE}`));
  }

  async search(
    text: string | undefined,
    filters: Filters,
    sort: SortOrder,
    offset = 0,
    limit = 20,
  ): Promise<PeerResult> {
    const words = text !== undefined && text.trim() !== '';
    const query = words
      ? sql`(plainto_tsquery('public.english_unaccent', ${text}) || plainto_tsquery('public.french_unaccent', ${text}))`
      : undefined;
    const active = selected(filters);
    const where = (except?: Filter): SQL => {
      const conditions: SQL[] = query === undefined ? [] : [sql`document @@ ${query}`];
      for (const [filter, values] of active) {
        if (filter !== except) conditions.push(sql`${column(filter)} && ${textArray(values)}::text[]`);
      }
      return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` AND `);
    };
    const rank = query === undefined ? sql`` : sql`ts_rank_cd(document, ${query}) DESC, `;
    const order = {
      relevance: sql`${rank}start_day NULLS LAST, id`,
      start: sql`start_day NULLS LAST, ${rank}id`,
      cost: sql`cost_cents NULLS LAST, ${rank}id`,
      duration: sql`weeks, ${rank}id`,
    }[sort];
    const table = sql.raw(TABLE);
    const facets = emptyFacets();
    let ids: string[] = [];
    let total = 0;
    await limited(
      [
        async () => {
          const rows = await selectRows<{ id: string }>(
            this.db,
            sql`SELECT id FROM ${table} WHERE ${where()} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
          );
          ids = rows.map((row) => row.id);
        },
        async () => {
          const [row] = await selectRows<{ total: number }>(
            this.db,
            sql`SELECT count(*)::int AS total FROM ${table} WHERE ${where()}`,
          );
          total = row?.total ?? 0;
        },
        ...FACETS.map((facet) => async () => {
          const rows = await selectRows<{ value: string; count: number }>(
            this.db,
            sql`SELECT v AS value, count(*)::int AS count
                FROM ${table} CROSS JOIN LATERAL unnest(${column(facet)}) AS v
                WHERE ${where(facet)} GROUP BY v`,
          );
          for (const row of rows) facets[facet].set(row.value, row.count);
        }),
      ],
      CONCURRENT_QUERIES,
    );
    return { total, ids, facets };
  }
}

/**
 * MiniSearch over the same documents: the same fields and weights, accents folded and stop words
 * dropped, every word required (AND), the last word as a prefix, fuzzy matching with the portal's
 * allowance (one edit from five letters, two from nine). MiniSearch returns every match sorted by
 * score; filters and disjunctive facet counts are one loop over those results.
 */
export class MiniSearchPeer {
  private readonly index: MiniSearch<SearchDocument<Filter>>;
  private readonly documents: readonly SearchDocument<Filter>[];
  private readonly positions = new Map<string, number>();

  constructor(documents: readonly SearchDocument<Filter>[]) {
    this.documents = documents;
    documents.forEach((document, index) => this.positions.set(document.id, index));
    this.index = new MiniSearch<SearchDocument<Filter>>({
      idField: 'id',
      fields: [...FIELDS],
      extractField: (document, field) =>
        field === 'id' ? document.id : (document.text[field as Field] ?? ''),
      processTerm: (term) => {
        const folded = fold(term);
        return STOPWORDS.has(folded) ? null : folded;
      },
      searchOptions: {
        boost: FIELD_WEIGHTS,
        combineWith: 'AND',
        prefix: (_term, index, terms) => index === terms.length - 1,
        fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      },
    });
    this.index.addAll(documents);
  }

  search(text: string | undefined, filters: Filters, sort: SortOrder, offset = 0, limit = 20): PeerResult {
    const words = text !== undefined && text.trim() !== '';
    const results = words ? this.index.search(text) : this.index.search(MiniSearch.wildcard);
    const active = selected(filters).map(([filter, values]) => [filter, new Set(values)] as const);
    const facets = emptyFacets();
    const count = (facet: Facet, document: SearchDocument<Filter>) => {
      const counts = facets[facet];
      for (const value of document.facets[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
    };
    const counted = new Set<Filter>(FACETS);
    // Results come best first; another order needs every passing result, sorted.
    const passing: SearchDocument<Filter>[] = [];
    const page: string[] = [];
    let total = 0;
    for (const result of results) {
      const document = this.documents[this.positions.get(String(result.id)) ?? -1];
      if (document === undefined) continue;
      // Disjunctive counts: a result failing no filter counts for every facet, one failing a single
      // facet's filter counts for that facet only.
      let failed: Filter | undefined;
      let failures = 0;
      for (const [filter, values] of active) {
        if (!document.facets[filter].some((value) => values.has(value))) {
          failed = filter;
          failures++;
          if (failures > 1) break;
        }
      }
      if (failures === 0) {
        if (sort !== 'relevance') passing.push(document);
        else if (total >= offset && page.length < limit) page.push(document.id);
        total++;
        for (const facet of FACETS) count(facet, document);
      } else if (failures === 1 && failed !== undefined && counted.has(failed)) {
        count(failed as Facet, document);
      }
    }
    if (sort !== 'relevance') {
      const key = (document: SearchDocument<Filter>) =>
        (sort === 'start'
          ? document.sort.start
          : sort === 'cost'
            ? document.sort.cost
            : document.sort.weeks) ?? Number.POSITIVE_INFINITY;
      passing.sort((a, b) => key(a) - key(b));
      page.push(...passing.slice(offset, offset + limit).map((document) => document.id));
    }
    return { total, ids: page, facets };
  }
}
