import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../db/database.ts';
import type { Listing } from '../catalogue/model.ts';

export interface ProgramRow {
  id: string;
  slug: string;
  isDemo: boolean;
  listing: Listing;
  institutionId: string;
  nameEn: string;
  nameFr: string;
  type: string;
  region: string | null;
  city: string;
}

/** The SQL the search index is built from: published programs, and names of the codes they carry. */
export class SearchRepository {
  constructor(private readonly db: Db) {}

  programs(): Promise<ProgramRow[]> {
    return selectRows<ProgramRow>(
      this.db,
      sql`SELECT p.id, p.slug, p.is_demo AS "isDemo", p.listing, i.id AS "institutionId", i.name_en AS "nameEn",
                 i.name_fr AS "nameFr", i.type, i.region, i.city
          FROM program p JOIN institution i ON i.id = p.institution_id
          WHERE p.status = 'published'
          ORDER BY p.id`,
    );
  }

  occupationTitles(): Promise<{ code: string; titleEn: string; titleFr: string | null }[]> {
    return selectRows(
      this.db,
      sql`SELECT code, title_en AS "titleEn", title_fr AS "titleFr" FROM noc_group WHERE level = 5`,
    );
  }

  industryTitles(): Promise<{ code: string; titleEn: string; titleFr: string | null }[]> {
    return selectRows(
      this.db,
      sql`SELECT code, title_en AS "titleEn", title_fr AS "titleFr" FROM naics_class`,
    );
  }

  /** Every institution of the directory, for facet labels (also those without programs). */
  institutionNames(): Promise<{ id: string; nameEn: string; nameFr: string }[]> {
    return selectRows(this.db, sql`SELECT id, name_en AS "nameEn", name_fr AS "nameFr" FROM institution`);
  }

  /** Example job titles of the unit groups, both languages (the job-title side of suggestions). */
  exampleTitles(): Promise<{ code: string; lang: 'en' | 'fr'; title: string }[]> {
    return selectRows(
      this.db,
      sql`SELECT noc_code AS code, lang, title FROM noc_example_title ORDER BY noc_code, lang, title`,
    );
  }

  /** NAICS sectors, for industry suggestions. */
  sectors(): Promise<{ code: string; titleEn: string; titleFr: string | null }[]> {
    return selectRows(
      this.db,
      sql`SELECT code, title_en AS "titleEn", title_fr AS "titleFr" FROM naics_class WHERE level = 1 ORDER BY code`,
    );
  }

  /** Which LMI release the vocabulary was built from (changes when a source is re-imported). */
  async lmiVersion(): Promise<string> {
    const rows = await selectRows<{ id: string; checksum: string }>(
      this.db,
      sql`SELECT id, checksum FROM lmi_source ORDER BY id`,
    );
    return rows.map((row) => `${row.id}:${row.checksum}`).join(',');
  }

  /** Changes whenever a feed or the demo changes the catalogue (every change is recorded there). */
  async version(): Promise<number> {
    const [row] = await selectRows<{ version: number }>(
      this.db,
      sql`SELECT coalesce(max(id), 0)::int AS version FROM feed_import`,
    );
    return row?.version ?? 0;
  }
}
