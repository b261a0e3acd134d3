import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../db/database.ts';
import {
  BUILTIN_DEMO_VOCABULARY,
  SECTOR_BY_CATEGORY,
  type DemoOccupation,
  type DemoVocabulary,
} from './demo.ts';

/**
 * The demo generator's vocabulary from the loaded LMI: every unit group with OaSIS ratings, its eight
 * highest-rated skills and knowledge descriptors, its six strongest O*NET technologies (hot flagged)
 * and whether Job Bank rates its Ontario outlook good or very good. Three set-based queries.
 * Without OaSIS ratings, the built-in vocabulary (real NOC codes, no LMI figures).
 */
export async function loadDemoVocabulary(db: Db): Promise<DemoVocabulary> {
  const groups = await selectRows<{
    code: string;
    titleEn: string;
    titleFr: string | null;
    teer: number | null;
    good: boolean;
  }>(
    db,
    sql`SELECT g.code, g.title_en AS "titleEn", g.title_fr AS "titleFr", g.teer,
               EXISTS (SELECT 1 FROM outlook o WHERE o.noc_code = g.code AND o.geo = 'ON'
                       AND o.label IN ('good', 'very_good')) AS good
        FROM noc_group g
        WHERE g.level = 5 AND EXISTS (SELECT 1 FROM occupation_rating r WHERE r.noc_code = g.code)
        ORDER BY g.code`,
  );
  if (groups.length === 0) return BUILTIN_DEMO_VOCABULARY;
  const skills = await selectRows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM (
          SELECT r.noc_code AS code, d.name_en AS name,
                 row_number() OVER (PARTITION BY r.noc_code ORDER BY r.level DESC, d.name_en) AS rank
          FROM occupation_rating r JOIN oasis_descriptor d ON d.code = r.descriptor_code
          WHERE d.category IN ('skills', 'knowledge') AND d.kind = 'descriptor') ranked
        WHERE rank <= 8 ORDER BY code, rank`,
  );
  const technologies = await selectRows<{ code: string; name: string; hot: boolean }>(
    db,
    sql`SELECT code, name, hot FROM (
          SELECT noc_code AS code, name, hot,
                 row_number() OVER (PARTITION BY noc_code ORDER BY hot DESC, weight DESC, name) AS rank
          FROM occupation_technology) ranked
        WHERE rank <= 6 ORDER BY code, rank`,
  );
  // No NAICS link exists in the LMI: each unit group gets the sector of its broad category, when loaded.
  const sectors = new Set(
    (await selectRows<{ code: string }>(db, sql`SELECT code FROM naics_class WHERE level = 1`)).map(
      (row) => row.code,
    ),
  );
  const byCode = new Map<string, DemoOccupation>(
    groups.map((group) => [
      group.code,
      {
        noc: group.code,
        titleEn: group.titleEn,
        titleFr: group.titleFr,
        teer: group.teer,
        skills: [],
        technologies: [],
        industries: [SECTOR_BY_CATEGORY[group.code.charAt(0)] ?? ''].filter((code) => sectors.has(code)),
        goodOutlook: group.good,
      },
    ]),
  );
  for (const row of skills) byCode.get(row.code)?.skills.push(row.name);
  for (const row of technologies) byCode.get(row.code)?.technologies.push({ name: row.name, hot: row.hot });
  return { source: 'lmi', occupations: [...byCode.values()] };
}
