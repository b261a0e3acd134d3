import { createHash } from 'node:crypto';
import { TitleMatcher, type MatcherOptions, type TitleEntry, type UnitGroupName } from './title-matcher.ts';

/**
 * Evaluation of the title matcher on titles it has never indexed: the evaluated titles are taken out
 * of the index (every source) before it is built, then each is matched and the rank of its true unit
 * group recorded. Pure.
 */

export interface TitleCase {
  title: string;
  /** The true NOC 2021 unit group; "33102|44101" when either is right (an ambiguous title). */
  noc: string;
  lang: 'en' | 'fr';
}

export interface TitleEvaluation {
  cases: number;
  top1: number;
  top5: number;
  majorTop1: number;
  /** Mean top-1 score per bin of 0.1 against the share of those top-1 guesses that were right. */
  calibration: { from: number; to: number; cases: number; meanScore: number; accuracy: number }[];
  /** Mean negative log-likelihood of the true unit group (lower is better calibrated). */
  logLoss: number;
  misses: { title: string; noc: string; got: string[] }[];
}

/** A stable bucket 0–99 for a title, so dev and tuning splits are the same on every machine. */
export function bucketOf(noc: string, lang: string, title: string): number {
  return createHash('sha1').update(`${noc}|${lang}|${title}`).digest().readUInt16BE(0) % 100;
}

/**
 * Splits NOC example titles into held-out cases by bucket (`from` ≤ bucket < `to`), e.g. the
 * development set 0–10 and the tuning set 10–20.
 */
export function heldOutCases(
  entries: readonly TitleEntry[],
  from: number,
  to: number,
  source: 'nocExample' | 'oasis' = 'nocExample',
): TitleCase[] {
  return entries
    .filter((entry) => entry.source === source)
    .filter((entry) => {
      const bucket = bucketOf(entry.noc, entry.lang, entry.title);
      return bucket >= from && bucket < to;
    })
    .map((entry) => ({ title: entry.title, noc: entry.noc, lang: entry.lang }));
}

/** Builds the matcher without the cases' titles, from any source. */
export function matcherWithout(
  entries: readonly TitleEntry[],
  groups: readonly UnitGroupName[],
  cases: readonly TitleCase[],
  options: Partial<MatcherOptions> = {},
): TitleMatcher {
  const held = new Set(cases.map((item) => TitleMatcher.key(item.title)));
  return new TitleMatcher(
    entries.filter((entry) => !held.has(TitleMatcher.key(entry.title))),
    groups,
    options,
  );
}

export function evaluate(matcher: TitleMatcher, cases: readonly TitleCase[]): TitleEvaluation {
  let top1 = 0;
  let top5 = 0;
  let majorTop1 = 0;
  let logLoss = 0;
  const bins = Array.from({ length: 10 }, () => ({ cases: 0, score: 0, right: 0 }));
  const misses: TitleEvaluation['misses'] = [];
  for (const item of cases) {
    const ranked = matcher.rank(item.title, item.lang);
    const codes = ranked.map((candidate) => candidate.group.code);
    const gold = item.noc.split('|');
    const at = codes.findIndex((code) => gold.includes(code));
    if (at === 0) top1++;
    if (at >= 0 && at < 5) top5++;
    if (gold.some((code) => code.slice(0, 2) === codes[0]?.slice(0, 2))) majorTop1++;
    const probability = at >= 0 ? (ranked[at]?.probability ?? 0) : 0;
    logLoss += -Math.log(Math.max(probability, 1e-4));
    const best = ranked[0];
    if (best !== undefined) {
      const bin = bins[Math.min(9, Math.floor(best.probability * 10))];
      if (bin) {
        bin.cases++;
        bin.score += best.probability;
        if (at === 0) bin.right++;
      }
    }
    if (at !== 0) misses.push({ title: item.title, noc: item.noc, got: codes.slice(0, 3) });
  }
  const n = Math.max(1, cases.length);
  return {
    cases: cases.length,
    top1: top1 / n,
    top5: top5 / n,
    majorTop1: majorTop1 / n,
    calibration: bins.map((bin, index) => ({
      from: index / 10,
      to: (index + 1) / 10,
      cases: bin.cases,
      meanScore: bin.cases === 0 ? 0 : bin.score / bin.cases,
      accuracy: bin.cases === 0 ? 0 : bin.right / bin.cases,
    })),
    logLoss: logLoss / n,
    misses,
  };
}
