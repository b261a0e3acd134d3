import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { selectRows, type Db } from '../db/database.ts';
import {
  copsCoverage,
  copsProjection,
  lmiSource,
  naicsClass,
  nocExampleTitle,
  nocGroup,
  oasisDescriptor,
  oasisProfile,
  occupationRating,
  occupationRelated,
  occupationTechnology,
  outlook,
} from './schema.ts';

export type NocGroupRow = typeof nocGroup.$inferSelect;
export type SourceRow = typeof lmiSource.$inferSelect;
export type CopsRow = typeof copsProjection.$inferSelect;

/** One rated descriptor of a unit group, with its guide name (English: OaSIS names are published in English). */
export interface RatingRow {
  code: string;
  nameEn: string;
  category: string;
  level: number;
  release: string;
}

export interface TitleMatchRow {
  nocCode: string;
  matchedTitle: string;
  score: number;
}

/** The SQL behind occupation pages, the occupation API and the in-demand index. */
export class LmiRepository {
  constructor(private readonly db: Db) {}

  sources(): Promise<SourceRow[]> {
    return this.db.select().from(lmiSource).orderBy(asc(lmiSource.id));
  }

  async group(code: string): Promise<NocGroupRow | undefined> {
    const [row] = await this.db.select().from(nocGroup).where(eq(nocGroup.code, code));
    return row;
  }

  /** The group and its ancestors, broad category first. Codes nest by prefix ("21232" ⊂ "2123" ⊂ … ⊂ "2"). */
  ancestors(code: string): Promise<NocGroupRow[]> {
    const prefixes = Array.from({ length: code.length - 1 }, (_unused, index) => code.slice(0, index + 1));
    if (prefixes.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(nocGroup)
      .where(inArray(nocGroup.code, prefixes))
      .orderBy(asc(nocGroup.level));
  }

  children(code: string | null): Promise<NocGroupRow[]> {
    const where = code === null ? eq(nocGroup.level, 1) : eq(nocGroup.parentCode, code);
    return this.db.select().from(nocGroup).where(where).orderBy(asc(nocGroup.code));
  }

  /** Broad categories and major groups, for the browse page. */
  topLevels(): Promise<NocGroupRow[]> {
    return this.db
      .select()
      .from(nocGroup)
      .where(inArray(nocGroup.level, [1, 2]))
      .orderBy(asc(nocGroup.code));
  }

  groupsByCode(codes: string[]): Promise<NocGroupRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.select().from(nocGroup).where(inArray(nocGroup.code, codes));
  }

  async exampleTitles(code: string, lang: 'en' | 'fr'): Promise<string[]> {
    const rows = await this.db
      .select({ title: nocExampleTitle.title })
      .from(nocExampleTitle)
      .where(and(eq(nocExampleTitle.nocCode, code), eq(nocExampleTitle.lang, lang)))
      .orderBy(asc(nocExampleTitle.title));
    return rows.map((row) => row.title);
  }

  profiles(code: string) {
    return this.db
      .select()
      .from(oasisProfile)
      .where(eq(oasisProfile.nocCode, code))
      .orderBy(asc(oasisProfile.code));
  }

  /** A unit group's ratings in one OaSIS category, highest level first. */
  ratings(code: string, category: string): Promise<RatingRow[]> {
    return this.db
      .select({
        code: oasisDescriptor.code,
        nameEn: oasisDescriptor.nameEn,
        category: oasisDescriptor.category,
        level: occupationRating.level,
        release: occupationRating.release,
      })
      .from(occupationRating)
      .innerJoin(oasisDescriptor, eq(oasisDescriptor.code, occupationRating.descriptorCode))
      .where(and(eq(occupationRating.nocCode, code), eq(oasisDescriptor.category, category)))
      .orderBy(desc(occupationRating.level), asc(oasisDescriptor.nameEn));
  }

  /** Technologies through the O*NET crosswalk: hot and in-demand first, then by crosswalk weight. */
  technologies(code: string) {
    return this.db
      .select()
      .from(occupationTechnology)
      .where(eq(occupationTechnology.nocCode, code))
      .orderBy(
        desc(occupationTechnology.hot),
        desc(occupationTechnology.inDemand),
        desc(occupationTechnology.weight),
        asc(occupationTechnology.name),
      );
  }

  related(code: string) {
    return this.db
      .select({
        code: nocGroup.code,
        titleEn: nocGroup.titleEn,
        titleFr: nocGroup.titleFr,
        score: occupationRelated.score,
      })
      .from(occupationRelated)
      .innerJoin(nocGroup, eq(nocGroup.code, occupationRelated.relatedNocCode))
      .where(eq(occupationRelated.nocCode, code))
      .orderBy(desc(occupationRelated.score), asc(nocGroup.code));
  }

  async outlook(code: string, geo: string) {
    const [row] = await this.db
      .select()
      .from(outlook)
      .where(and(eq(outlook.nocCode, code), eq(outlook.geo, geo)))
      .orderBy(desc(outlook.period));
    return row;
  }

  /** The COPS row covering a unit group: its own, or the aggregate it is published under. */
  async cops(code: string): Promise<CopsRow | undefined> {
    const [row] = await this.db
      .select({ projection: copsProjection })
      .from(copsCoverage)
      .innerJoin(copsProjection, eq(copsProjection.code, copsCoverage.copsCode))
      .where(eq(copsCoverage.nocCode, code));
    return row?.projection;
  }

  /** Every unit group with its Ontario outlook and COPS conditions, for the in-demand index. */
  /** Which of these technology names O*NET marks as a hot technology for some occupation. */
  async hotTechnologies(names: string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const rows = await selectRows<{ name: string }>(
      this.db,
      sql`SELECT DISTINCT lower(name) AS name FROM onet_technology
          WHERE hot AND lower(name) = ANY(${sql.param(names.map((name) => name.toLowerCase()))}::text[])`,
    );
    return new Set(rows.map((row) => row.name));
  }

  naicsTitles(codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db
      .select({ code: naicsClass.code, titleEn: naicsClass.titleEn, titleFr: naicsClass.titleFr })
      .from(naicsClass)
      .where(inArray(naicsClass.code, codes));
  }

  unitGroupSignals(geo: string) {
    return this.db
      .select({
        code: nocGroup.code,
        titleEn: nocGroup.titleEn,
        titleFr: nocGroup.titleFr,
        outlook: outlook.label,
        futureConditions: copsProjection.futureConditions,
        jobOpenings: copsProjection.jobOpenings,
        copsCode: copsProjection.code,
      })
      .from(nocGroup)
      .leftJoin(outlook, and(eq(outlook.nocCode, nocGroup.code), eq(outlook.geo, geo)))
      .leftJoin(copsCoverage, eq(copsCoverage.nocCode, nocGroup.code))
      .leftJoin(copsProjection, eq(copsProjection.code, copsCoverage.copsCode))
      .where(eq(nocGroup.level, 5))
      .orderBy(asc(nocGroup.code));
  }

  /**
   * Published programs with at least one NAICS code, grouped by identical NAICS and NOC tag sets
   * (codes sorted), with how many programs share them and how many are demonstration listings: the
   * input of the in-demand industries (src/lmi/in-demand-industries.ts). Reads the catalogue's tables
   * because the LMI itself has no NOC↔NAICS link.
   */
  taggedPrograms(): Promise<
    { industries: string[]; occupations: string[]; programs: number; demoPrograms: number }[]
  > {
    return selectRows(
      this.db,
      sql`
        WITH tagged AS (
          SELECT p.id, p.is_demo,
                 array_agg(DISTINCT t.code ORDER BY t.code) FILTER (WHERE t.kind = 'industry') AS industries,
                 coalesce(array_agg(DISTINCT t.code ORDER BY t.code) FILTER (WHERE t.kind = 'occupation'),
                          '{}'::text[]) AS occupations
            FROM program p
            JOIN program_tag t ON t.program_id = p.id
           WHERE p.status = 'published' AND t.kind IN ('industry', 'occupation') AND t.code IS NOT NULL
           GROUP BY p.id, p.is_demo
        )
        SELECT industries, occupations, count(*)::int AS programs,
               (count(*) FILTER (WHERE is_demo))::int AS "demoPrograms"
          FROM tagged
         WHERE industries IS NOT NULL
         GROUP BY industries, occupations
         ORDER BY industries, occupations`,
    );
  }

  /**
   * Changes when the catalogue (every feed and demo build is recorded in feed_import) or a loaded LMI
   * release changes: the key of the cached in-demand industries.
   */
  async spotlightVersion(): Promise<string> {
    const [row] = await selectRows<{ version: string }>(
      this.db,
      sql`SELECT (SELECT coalesce(max(id), 0) FROM feed_import)::text || '|' ||
                 coalesce((SELECT string_agg(id || ':' || checksum, ',' ORDER BY id) FROM lmi_source), '')
                 AS version`,
    );
    return row?.version ?? '';
  }

  /**
   * Unit groups whose title or example titles resemble the query, best first: an exact title, then
   * titles containing the query, then trigram similarity. Accents and case are ignored.
   */
  searchTitles(query: string, lang: 'en' | 'fr', limit: number): Promise<TitleMatchRow[]> {
    const needle = query.trim();
    // LIKE wildcards in the query are matched literally.
    const literal = needle.replace(/[\\%_]/g, (char) => `\\${char}`);
    // The folded query and pattern are written inline (not joined from a CTE) so that the planner sees
    // constants and uses the trigram index on noc_example_title for both LIKE and %.
    const folded = sql`public.immutable_unaccent(lower(${needle}))`;
    const pattern = sql`('%' || public.immutable_unaccent(lower(${literal})) || '%')`;
    const title = sql`public.immutable_unaccent(lower(c.title))`;
    return selectRows<TitleMatchRow>(
      this.db,
      sql`
        WITH candidates AS (
          SELECT g.code AS noc_code,
                 CASE WHEN ${lang} = 'fr' THEN coalesce(g.title_fr, g.title_en) ELSE g.title_en END AS title
            FROM noc_group g
           WHERE g.level = 5
          UNION ALL
          SELECT t.noc_code, t.title
            FROM noc_example_title t
           WHERE t.lang = ${lang}
             AND (public.immutable_unaccent(lower(t.title)) LIKE ${pattern}
                  OR public.immutable_unaccent(lower(t.title)) % ${folded})
        ),
        scored AS (
          SELECT c.noc_code, c.title,
                 CASE
                   WHEN ${title} = ${folded} THEN 3.0
                   WHEN ${title} LIKE ${pattern} THEN 2.0 + similarity(${folded}, ${title})
                   ELSE similarity(${folded}, ${title})
                 END AS score
            FROM candidates c
           WHERE ${title} LIKE ${pattern} OR ${title} % ${folded}
        ),
        best AS (
          SELECT DISTINCT ON (noc_code) noc_code, title, score FROM scored ORDER BY noc_code, score DESC, length(title)
        )
        SELECT noc_code AS "nocCode", title AS "matchedTitle", score::float8 AS score
          FROM best ORDER BY score DESC, noc_code LIMIT ${limit}`,
    );
  }
}
