import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { insertRows } from '../db/bulk.ts';
import { selectRows, type Db } from '../db/database.ts';
import { escoSkill, naicsClass, nocGroup, oasisDescriptor, onetTechnology } from '../lmi/schema.ts';
import type { Listing } from './model.ts';
import {
  feedImport,
  institution,
  program,
  programLink,
  programOffering,
  programTag,
  referralClick,
} from './schema.ts';

export type InstitutionRow = typeof institution.$inferSelect;
export type ProgramRow = typeof program.$inferSelect;
export type ProgramInsert = typeof program.$inferInsert;

/** What a feed needs to know about a listing already stored to decide insert, update or nothing. */
export interface StoredState {
  id: string;
  institutionId: string;
  externalId: string;
  slug: string;
  status: string;
  version: number;
  contentHash: string;
  createdAt: Date;
}

/** A program as pages and the API read it: the stored listing and its institution. */
export interface ProgramRecord {
  id: string;
  slug: string;
  version: number;
  isDemo: boolean;
  reviewFlags: string[];
  updatedAt: Date;
  listing: Listing;
  institution: InstitutionRow;
}

/** A short program entry for lists (occupation and institution pages, stack ladders). */
export interface ProgramSummary {
  id: string;
  slug: string;
  titleEn: string | null;
  titleFr: string | null;
  institutionId: string;
  institutionEn: string;
  institutionFr: string;
  deliveryMode: string;
  durationWeeks: number;
  totalCostCents: number | null;
  osapStatus: string;
  isDemo: boolean;
}

export interface LinkTarget {
  programId: string;
  kind: 'stacks-into' | 'requires';
  position: number;
  target: ProgramSummary;
}

const summaryColumns = {
  id: program.id,
  slug: program.slug,
  titleEn: program.titleEn,
  titleFr: program.titleFr,
  institutionId: program.institutionId,
  institutionEn: institution.nameEn,
  institutionFr: institution.nameFr,
  deliveryMode: program.deliveryMode,
  durationWeeks: program.durationWeeks,
  totalCostCents: program.totalCostCents,
  osapStatus: program.osapStatus,
  isDemo: program.isDemo,
};

/** The catalogue's SQL: listings, their tags, offerings and links, institutions and referral clicks. */
export class CatalogueRepository {
  constructor(readonly db: Db) {}

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(tx as unknown as Db));
  }

  /** `db` is the transaction when called inside one (PGlite has one connection: the outer handle would wait). */
  institutions(db: Db = this.db): Promise<InstitutionRow[]> {
    return db.select().from(institution).orderBy(asc(institution.nameEn));
  }

  async institution(id: string): Promise<InstitutionRow | undefined> {
    const [row] = await this.db.select().from(institution).where(eq(institution.id, id));
    return row;
  }

  /** Published programs per institution. */
  async programCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ id: program.institutionId, n: count() })
      .from(program)
      .where(eq(program.status, 'published'))
      .groupBy(program.institutionId);
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  async upsertInstitutions(tx: Db, rows: (typeof institution.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    await insertRows(tx, institution, rows, [institution.id]);
  }

  /** Stored listings of these institutions. */
  states(tx: Db, institutionIds: string[]): Promise<StoredState[]> {
    if (institutionIds.length === 0) return Promise.resolve([]);
    return tx
      .select({
        id: program.id,
        institutionId: program.institutionId,
        externalId: program.externalId,
        slug: program.slug,
        status: program.status,
        version: program.version,
        contentHash: program.contentHash,
        createdAt: program.createdAt,
      })
      .from(program)
      .where(inArray(program.institutionId, institutionIds));
  }

  /** Slugs already taken among these candidates. */
  async takenSlugs(tx: Db, slugs: string[]): Promise<Set<string>> {
    if (slugs.length === 0) return new Set();
    const rows = await selectRows<{ slug: string }>(
      tx,
      sql`SELECT slug FROM program WHERE slug = ANY(${sql.param(slugs)}::text[])`,
    );
    return new Set(rows.map((row) => row.slug));
  }

  /**
   * Writes programs (insert or replace by id) with their offerings, tags and links. Children of a
   * replaced program are deleted and written again: they are small and have no identity of their own.
   */
  async writePrograms(
    tx: Db,
    rows: ProgramInsert[],
    children: {
      offerings: (typeof programOffering.$inferInsert)[];
      tags: (typeof programTag.$inferInsert)[];
      links: (typeof programLink.$inferInsert)[];
    },
  ): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((row) => row.id);
    for (const table of [programOffering, programTag, programLink]) {
      await tx.execute(sql`DELETE FROM ${table} WHERE program_id = ANY(${sql.param(ids)}::uuid[])`);
    }
    await insertRows(tx, program, rows, [program.id]);
    await insertRows(tx, programOffering, children.offerings);
    await insertRows(tx, programTag, children.tags);
    await insertRows(tx, programLink, children.links);
  }

  /** Points links at the listings they name, wherever those are now (a feed may add the target later). */
  async resolveLinks(tx: Db): Promise<void> {
    await tx.execute(sql`
      UPDATE program_link AS l SET target_id = p.id
      FROM program AS p
      WHERE p.institution_id = l.target_institution_id AND p.external_id = l.target_external_id
        AND l.target_id IS DISTINCT FROM p.id`);
    await tx.execute(sql`
      UPDATE program_link AS l SET target_id = NULL
      WHERE l.target_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM program AS p
        WHERE p.id = l.target_id AND p.institution_id = l.target_institution_id
          AND p.external_id = l.target_external_id)`);
  }

  async recordFeed(tx: Db, row: typeof feedImport.$inferInsert): Promise<void> {
    await tx.insert(feedImport).values(row);
  }

  async demoFeed(): Promise<{ counts: unknown } | undefined> {
    const [row] = await this.db
      .select({ counts: feedImport.counts })
      .from(feedImport)
      .where(eq(feedImport.origin, 'demo'))
      .orderBy(sql`${feedImport.id} DESC`)
      .limit(1);
    return row;
  }

  /** Counts of listings: all, published, demo. */
  async totals(): Promise<{ all: number; published: number; demo: number; real: number }> {
    const [row] = await selectRows<{ all: number; published: number; demo: number; real: number }>(
      this.db,
      sql`SELECT count(*)::int AS "all",
                 (count(*) FILTER (WHERE status = 'published'))::int AS published,
                 (count(*) FILTER (WHERE is_demo))::int AS demo,
                 (count(*) FILTER (WHERE NOT is_demo))::int AS real
          FROM program`,
    );
    return row ?? { all: 0, published: 0, demo: 0, real: 0 };
  }

  /** Removes every demo listing and demo institution (before a new demo catalogue is generated). */
  async deleteDemo(tx: Db): Promise<number> {
    const removed = await selectRows<{ n: number }>(
      tx,
      sql`WITH gone AS (DELETE FROM program WHERE is_demo RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    );
    await tx.execute(sql`DELETE FROM institution WHERE is_demo`);
    await tx.execute(sql`DELETE FROM feed_import WHERE origin = 'demo'`);
    return removed[0]?.n ?? 0;
  }

  async record(
    where: { id: string } | { slug: string },
    db: Db = this.db,
  ): Promise<ProgramRecord | undefined> {
    const [row] = await db
      .select({
        id: program.id,
        slug: program.slug,
        version: program.version,
        isDemo: program.isDemo,
        reviewFlags: program.reviewFlags,
        updatedAt: program.updatedAt,
        listing: program.listing,
        institution,
      })
      .from(program)
      .innerJoin(institution, eq(institution.id, program.institutionId))
      .where('id' in where ? eq(program.id, where.id) : eq(program.slug, where.slug));
    return row === undefined ? undefined : { ...row, listing: row.listing as Listing };
  }

  /** Published programs tagged with an occupation (NOC unit group): real listings before demo ones, then by title. */
  programsForOccupation(noc: string, limit: number): Promise<ProgramSummary[]> {
    return this.db
      .select(summaryColumns)
      .from(program)
      .innerJoin(institution, eq(institution.id, program.institutionId))
      .where(
        and(
          eq(program.status, 'published'),
          sql`EXISTS (SELECT 1 FROM program_tag t WHERE t.program_id = ${program.id} AND t.kind = 'occupation' AND t.code = ${noc})`,
        ),
      )
      .orderBy(asc(program.isDemo), asc(program.titleEn), asc(program.id))
      .limit(limit);
  }

  async countForOccupation(noc: string): Promise<number> {
    const [row] = await selectRows<{ n: number }>(
      this.db,
      sql`SELECT count(DISTINCT t.program_id)::int AS n FROM program_tag t JOIN program p ON p.id = t.program_id
          WHERE t.kind = 'occupation' AND t.code = ${noc} AND p.status = 'published'`,
    );
    return row?.n ?? 0;
  }

  programsForInstitution(id: string, limit: number, offset: number): Promise<ProgramSummary[]> {
    return this.db
      .select(summaryColumns)
      .from(program)
      .innerJoin(institution, eq(institution.id, program.institutionId))
      .where(and(eq(program.institutionId, id), eq(program.status, 'published')))
      .orderBy(asc(program.titleEn), asc(program.id))
      .limit(limit)
      .offset(offset);
  }

  async summaries(ids: string[]): Promise<ProgramSummary[]> {
    if (ids.length === 0) return [];
    return this.db
      .select(summaryColumns)
      .from(program)
      .innerJoin(institution, eq(institution.id, program.institutionId))
      .where(inArray(program.id, ids));
  }

  /** Links of a program (and the programs that stack into it) with their resolved targets. */
  async links(id: string): Promise<{ outgoing: LinkTarget[]; incoming: ProgramSummary[] }> {
    const outgoing = await this.db
      .select({
        programId: programLink.programId,
        kind: programLink.kind,
        position: programLink.position,
        target: summaryColumns,
      })
      .from(programLink)
      .innerJoin(program, eq(program.id, programLink.targetId))
      .innerJoin(institution, eq(institution.id, program.institutionId))
      .where(eq(programLink.programId, id));
    const incomingIds = await selectRows<{ id: string }>(
      this.db,
      sql`SELECT l.program_id AS id FROM program_link l JOIN program p ON p.id = l.program_id
          WHERE l.target_id = ${id} AND l.kind = 'stacks-into' AND p.status = 'published'`,
    );
    return { outgoing, incoming: await this.summaries(incomingIds.map((row) => row.id)) };
  }

  /** Every listing of a kind of status, in a stable order, a page at a time (exports stream these). */
  async listings(options: {
    status: string[];
    after: string | null;
    limit: number;
  }): Promise<{ id: string; slug: string; listing: Listing }[]> {
    const rows = await this.db
      .select({ id: program.id, slug: program.slug, listing: program.listing })
      .from(program)
      .where(
        and(
          inArray(program.status, options.status as ProgramRow['status'][]),
          options.after === null ? undefined : sql`${program.id} > ${options.after}`,
        ),
      )
      .orderBy(asc(program.id))
      .limit(options.limit);
    return rows.map((row) => ({ id: row.id, slug: row.slug, listing: row.listing as Listing }));
  }

  async recordClick(programId: string, lang: string): Promise<void> {
    await this.db.insert(referralClick).values({ programId, lang });
  }

  async clicks(programId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(referralClick)
      .where(eq(referralClick.programId, programId));
    return row?.n ?? 0;
  }

  // ----------------------------------------------------------------------------------- vocabularies

  /** NOC unit group codes (5 digits) among `codes` that exist. */
  async knownNoc(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .select({ code: nocGroup.code })
      .from(nocGroup)
      .where(and(inArray(nocGroup.code, codes), eq(nocGroup.level, 5)));
    return new Set(rows.map((row) => row.code));
  }

  /** O*NET-SOC code → NOC 2021 unit groups, strongest link first (for CTDL occupation alignments). */
  async onetCrosswalk(): Promise<Map<string, string[]>> {
    const rows = await selectRows<{ onet: string; noc: string }>(
      this.db,
      sql`SELECT onet_code AS onet, noc_code AS noc FROM onet_noc_link ORDER BY onet_code, weight DESC, noc_code`,
    );
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.onet, [...(map.get(row.onet) ?? []), row.noc]);
    return map;
  }

  async hasNaics(): Promise<boolean> {
    const rows = await this.db.select({ code: naicsClass.code }).from(naicsClass).limit(1);
    return rows.length > 0;
  }

  async knownNaics(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db
      .select({ code: naicsClass.code })
      .from(naicsClass)
      .where(inArray(naicsClass.code, codes));
    return new Set(rows.map((row) => row.code));
  }

  /**
   * Vocabulary codes for skill names (OaSIS descriptor first, then ESCO preferred label) and technology
   * names (O*NET technology commodity), matched case-insensitively. Keys are lower-cased names.
   */
  async vocabularyCodes(
    skills: string[],
    technologies: string[],
  ): Promise<{
    skills: Map<string, string>;
    technologies: Map<string, string>;
  }> {
    const skillCodes = new Map<string, string>();
    const technologyCodes = new Map<string, string>();
    if (skills.length > 0) {
      const lowered = skills.map((name) => name.toLowerCase());
      const esco = await this.db
        .select({ name: sql<string>`lower(${escoSkill.labelEn})`, code: escoSkill.uri })
        .from(escoSkill)
        .where(
          sql`lower(${escoSkill.labelEn}) = ANY(${sql.param(lowered)}::text[]) AND ${escoSkill.kind} = 'skill'`,
        );
      for (const row of esco) skillCodes.set(row.name, row.code);
      const oasis = await this.db
        .select({ name: sql<string>`lower(${oasisDescriptor.nameEn})`, code: oasisDescriptor.code })
        .from(oasisDescriptor)
        .where(
          sql`lower(${oasisDescriptor.nameEn}) = ANY(${sql.param(lowered)}::text[]) AND ${oasisDescriptor.kind} = 'descriptor'
              AND ${oasisDescriptor.category} IN ('skills', 'knowledge', 'abilities')`,
        );
      for (const row of oasis) skillCodes.set(row.name, `oasis:${row.code}`);
    }
    if (technologies.length > 0) {
      const rows = await selectRows<{ name: string; code: string }>(
        this.db,
        sql`SELECT DISTINCT ON (lower(name)) lower(name) AS name, commodity_code AS code FROM ${onetTechnology}
            WHERE lower(name) = ANY(${sql.param(technologies.map((name) => name.toLowerCase()))}::text[])
            ORDER BY lower(name), commodity_code`,
      );
      for (const row of rows) technologyCodes.set(row.name, `unspsc:${row.code}`);
    }
    return { skills: skillCodes, technologies: technologyCodes };
  }
}
