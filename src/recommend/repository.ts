import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../db/database.ts';
import type { Descriptor, OccupationTechnology, ProfileCategory } from './profile.ts';
import type { TitleEntry, UnitGroupName } from './title-matcher.ts';

/** The SQL of recommendations: the job titles the title matcher indexes, and the unit groups. */
export class RecommendRepository {
  constructor(private readonly db: Db) {}

  /**
   * Every job title the LMI holds, with its unit group: NOC example titles (EN/FR), OaSIS titles, and
   * O*NET alternate and reported titles through the crosswalk. An O*NET occupation linked to several
   * unit groups gives each of them the link's weight relative to its strongest link.
   */
  titleEntries(): Promise<TitleEntry[]> {
    return selectRows<TitleEntry>(
      this.db,
      sql`SELECT noc_code AS noc, title, lang, 'nocExample' AS source, 1::float8 AS weight
            FROM noc_example_title
          UNION ALL
          SELECT p.noc_code, t.title_en, 'en', 'oasis', 1::float8
            FROM oasis_title t JOIN oasis_profile p ON p.code = t.profile_code
          UNION ALL
          SELECT l.noc_code, t.title, 'en',
                 CASE t.kind WHEN 'alternate' THEN 'onetAlternate' ELSE 'onetReported' END,
                 l.weight / nullif(max(l.weight) OVER (PARTITION BY l.onet_code, t.title, t.kind), 0)
            FROM onet_title t JOIN onet_noc_link l ON l.onet_code = t.onet_code`,
    );
  }

  unitGroups(): Promise<UnitGroupName[]> {
    return selectRows<UnitGroupName>(
      this.db,
      sql`SELECT code, title_en AS "titleEn", coalesce(title_fr, title_en) AS "titleFr"
            FROM noc_group WHERE level = 5 ORDER BY code`,
    );
  }

  /** Which LMI release recommendations are built from: changes when any source is re-imported. */
  async lmiVersion(): Promise<string> {
    const [row] = await selectRows<{ version: string | null }>(
      this.db,
      sql`SELECT string_agg(id || ':' || checksum, ',' ORDER BY id) AS version FROM lmi_source`,
    );
    return row?.version ?? '';
  }

  /** OaSIS skills, abilities and knowledge descriptors (the dimensions of a skill profile). */
  descriptors(): Promise<Descriptor[]> {
    return selectRows<Descriptor>(
      this.db,
      sql`SELECT code, category, name_en AS name FROM oasis_descriptor
          WHERE kind = 'descriptor' AND category IN ('skills', 'abilities', 'knowledge')
          ORDER BY category, code`,
    );
  }

  /** Unit groups with TEER, Ontario outlook and COPS future conditions (through COPS coverage). */
  unitGroupSignals(): Promise<
    {
      code: string;
      titleEn: string;
      titleFr: string;
      teer: number | null;
      outlook: string | null;
      futureConditions: string | null;
    }[]
  > {
    return selectRows(
      this.db,
      sql`SELECT g.code, g.title_en AS "titleEn", coalesce(g.title_fr, g.title_en) AS "titleFr", g.teer,
                 o.label AS outlook, p.future_conditions AS "futureConditions"
            FROM noc_group g
            LEFT JOIN outlook o ON o.noc_code = g.code AND o.geo = 'ON'
            LEFT JOIN cops_coverage c ON c.noc_code = g.code
            LEFT JOIN cops_projection p ON p.code = c.cops_code
           WHERE g.level = 5
           ORDER BY g.code`,
    );
  }

  /** Unit-group levels of skills, abilities and knowledge (the mean over OaSIS profiles). */
  ratings(): Promise<{ code: string; descriptor: string; category: ProfileCategory; level: number }[]> {
    return selectRows(
      this.db,
      sql`SELECT r.noc_code AS code, r.descriptor_code AS descriptor, d.category, r.level
            FROM occupation_rating r JOIN oasis_descriptor d ON d.code = r.descriptor_code
           WHERE d.category IN ('skills', 'abilities', 'knowledge')`,
    );
  }

  /** O*NET technologies per unit group (through the crosswalk), strongest link first. */
  technologies(): Promise<(OccupationTechnology & { code: string })[]> {
    return selectRows(
      this.db,
      sql`SELECT noc_code AS code, name, hot, in_demand AS "inDemand", weight FROM occupation_technology
           ORDER BY noc_code, weight DESC, name`,
    );
  }
}
