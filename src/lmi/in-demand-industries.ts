import { naicsSector } from '../search/documents.ts';
import type { HiringIndicator } from './hiring-indicator.ts';

/**
 * In-demand industries: NAICS sectors ranked by the hiring indicator of the occupations their
 * programs prepare for. The LMI has no NOC↔NAICS table, so the link comes from the catalogue, where
 * a program carries both NOC unit groups and NAICS codes. The rule is documented in docs/lmi.md
 * ("In-demand industries"):
 *  - a program belongs to every sector of its NAICS codes (23821 → 23, 44511 → 44-45), once each;
 *  - a sector's programs "prepare for an in-demand occupation" when at least one of their NOC unit
 *    groups has the hiring indicator "hot";
 *  - a sector is eligible with at least `minPrograms` programs, at least `minOccupations` distinct
 *    unit groups that have an Ontario outlook among them, and at least one program for a hot
 *    occupation: a sector with one or two programs cannot win;
 *  - eligible sectors are ranked by the share of their programs for an in-demand occupation, then by
 *    the mean hiring points of their programs (each program the mean of its rated unit groups, −4 to
 *    +4), then by the number of programs, then by code.
 */

/** Published programs sharing the same tags, counted together (the repository groups them). */
export interface TaggedPrograms {
  /** NAICS codes of any level, as listings carry them. */
  industries: readonly string[];
  /** NOC 2021 unit group codes. */
  occupations: readonly string[];
  /** How many programs carry exactly these tags. */
  programs: number;
  /** How many of them are demonstration listings. */
  demoPrograms: number;
}

/** The hiring indicator of a unit group; `points` is null when there is no Ontario outlook. */
export interface OccupationSignal {
  indicator: HiringIndicator;
  points: number | null;
}

export interface RankedIndustry {
  /** NAICS sector code: two digits, or a range such as 31-33. */
  sector: string;
  /** Published programs tagged with the sector (what the search page finds with `industry=`). */
  programs: number;
  demoPrograms: number;
  /** Programs tagged with at least one unit group rated "hot". */
  hotPrograms: number;
  /** Distinct unit groups with an Ontario outlook among the sector's programs. */
  ratedOccupations: number;
  /** Mean over the programs with a rated unit group of their mean hiring points (−4 to +4). */
  meanPoints: number;
  /** Hot unit groups of the sector's programs, most programs first, then strongest points, then code. */
  inDemand: { code: string; programs: number }[];
}

export interface IndustryRankingOptions {
  /** How many sectors to return. */
  limit: number;
  minPrograms: number;
  minOccupations: number;
  /** How many hot unit groups to keep per sector. */
  topOccupations: number;
}

export const INDUSTRY_RANKING: IndustryRankingOptions = {
  limit: 3,
  minPrograms: 5,
  minOccupations: 3,
  topOccupations: 3,
};

interface Tally {
  programs: number;
  demoPrograms: number;
  hotPrograms: number;
  ratedPrograms: number;
  pointsSum: number;
  rated: Set<string>;
  hot: Map<string, number>;
}

/** The in-demand sectors, best first; at most `limit`, possibly none. Pure. */
export function rankIndustries(
  groups: readonly TaggedPrograms[],
  signals: ReadonlyMap<string, OccupationSignal>,
  options: Partial<IndustryRankingOptions> = {},
): RankedIndustry[] {
  const { limit, minPrograms, minOccupations, topOccupations } = { ...INDUSTRY_RANKING, ...options };
  const tallies = new Map<string, Tally>();
  for (const group of groups) {
    if (group.programs <= 0) continue;
    const occupations = [...new Set(group.occupations)];
    const rated = occupations.filter((code) => signals.get(code)?.points != null);
    const hot = occupations.filter((code) => signals.get(code)?.indicator === 'hot');
    const points = rated.reduce((sum, code) => sum + (signals.get(code)?.points ?? 0), 0);
    for (const sector of new Set(group.industries.map(naicsSector))) {
      let tally = tallies.get(sector);
      if (tally === undefined) {
        tally = {
          programs: 0,
          demoPrograms: 0,
          hotPrograms: 0,
          ratedPrograms: 0,
          pointsSum: 0,
          rated: new Set(),
          hot: new Map(),
        };
        tallies.set(sector, tally);
      }
      tally.programs += group.programs;
      tally.demoPrograms += group.demoPrograms;
      if (hot.length > 0) tally.hotPrograms += group.programs;
      if (rated.length > 0) {
        tally.ratedPrograms += group.programs;
        tally.pointsSum += (points / rated.length) * group.programs;
      }
      for (const code of rated) tally.rated.add(code);
      for (const code of hot) tally.hot.set(code, (tally.hot.get(code) ?? 0) + group.programs);
    }
  }
  const ranked: RankedIndustry[] = [];
  for (const [sector, tally] of tallies) {
    if (tally.programs < minPrograms || tally.rated.size < minOccupations || tally.hotPrograms === 0) {
      continue;
    }
    const pointsOf = (code: string) => signals.get(code)?.points ?? 0;
    ranked.push({
      sector,
      programs: tally.programs,
      demoPrograms: tally.demoPrograms,
      hotPrograms: tally.hotPrograms,
      ratedOccupations: tally.rated.size,
      // Rounded so that equal means summed in another order compare equal.
      meanPoints: Math.round((tally.pointsSum / tally.ratedPrograms) * 1000) / 1000,
      inDemand: [...tally.hot]
        .map(([code, programs]) => ({ code, programs }))
        .sort(
          (a, b) =>
            b.programs - a.programs || pointsOf(b.code) - pointsOf(a.code) || a.code.localeCompare(b.code),
        )
        .slice(0, topOccupations),
    });
  }
  return ranked
    .sort(
      (a, b) =>
        // Shares compared exactly: a.hot / a.programs > b.hot / b.programs.
        b.hotPrograms * a.programs - a.hotPrograms * b.programs ||
        b.meanPoints - a.meanPoints ||
        b.programs - a.programs ||
        a.sector.localeCompare(b.sector),
    )
    .slice(0, limit);
}
