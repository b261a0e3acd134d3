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

/** One training title for the re-ranker: its candidates' features and which are right. */
interface RerankExample {
  features: number[][];
  /** Per candidate: 1 when it is the right unit group; and when it is in the right major group. */
  right: number[];
  rightMajor: number[];
}

export interface RerankFit {
  rerank: number[];
  rerankNone: number;
}

/**
 * Fits the re-ranker's weights (`MatcherOptions.rerank`) on NOC example titles held out of the index
 * fold by fold (cross-fitting: each fold's titles are matched by an index built without them, and
 * without `heldOut`, such as the tuning and development splits). A conditional logistic model over
 * each title's best candidates and "none of these", maximising half the log-likelihood of the right
 * unit group and half that of the right major group; features standardised, L2 penalty, Adam,
 * deterministic.
 */
export function fitReranker(
  entries: readonly TitleEntry[],
  groups: readonly UnitGroupName[],
  folds: readonly (readonly [number, number])[],
  heldOut: readonly TitleCase[] = [],
  options: { iterations?: number; l2?: number; majorShare?: number; matcher?: Partial<MatcherOptions> } = {},
): RerankFit {
  const { iterations = 150, l2 = 0.001, majorShare = 0.5, matcher: matcherOptions = {} } = options;
  const examples: RerankExample[] = [];
  for (const [from, to] of folds) {
    const cases = heldOutCases(entries, from, to);
    const matcher = matcherWithout(entries, groups, [...cases, ...heldOut], {
      ...matcherOptions,
      rerank: [],
    });
    for (const item of cases) {
      const gold = item.noc.split('|');
      const candidates = matcher.rerankFeatures(item.title, item.lang);
      examples.push({
        features: candidates.map((candidate) => candidate.features),
        right: candidates.map((candidate) => (gold.includes(candidate.noc) ? 1 : 0)),
        rightMajor: candidates.map((candidate) =>
          gold.some((code) => code.slice(0, 2) === candidate.noc.slice(0, 2)) ? 1 : 0,
        ),
      });
    }
  }
  const size = examples.find((example) => example.features.length > 0)?.features[0]?.length ?? 0;
  // Standardise the features.
  const mean = new Float64Array(size);
  const deviation = new Float64Array(size);
  let count = 0;
  for (const example of examples) {
    for (const row of example.features) {
      row.forEach((value, k) => (mean[k] = (mean[k] ?? 0) + value));
      count++;
    }
  }
  for (let k = 0; k < size; k++) mean[k] = (mean[k] ?? 0) / Math.max(1, count);
  for (const example of examples)
    for (const row of example.features)
      row.forEach((value, k) => (deviation[k] = (deviation[k] ?? 0) + (value - (mean[k] ?? 0)) ** 2));
  for (let k = 0; k < size; k++) deviation[k] = Math.sqrt((deviation[k] ?? 0) / Math.max(1, count)) || 1;
  const standard = examples.map((example) =>
    example.features.map((row) => row.map((value, k) => (value - (mean[k] ?? 0)) / (deviation[k] ?? 1))),
  );

  // Weights, the last one the score of "none of these".
  const weights = new Float64Array(size + 1);
  const moment = new Float64Array(size + 1);
  const second = new Float64Array(size + 1);
  for (let iteration = 1; iteration <= iterations; iteration++) {
    const gradient = new Float64Array(size + 1);
    examples.forEach((example, e) => {
      const rows = standard[e] ?? [];
      const scores = rows.map((row) => row.reduce((sum, value, k) => sum + value * (weights[k] ?? 0), 0));
      scores.push(weights[size] ?? 0);
      const max = Math.max(...scores);
      const exps = scores.map((value) => Math.exp(value - max));
      const total = exps.reduce((sum, value) => sum + value, 0);
      const probabilities = exps.map((value) => value / total);
      for (const [targets, share] of [
        [example.right, 1 - majorShare],
        [example.rightMajor, majorShare],
      ] as const) {
        if (share === 0) continue;
        // The right candidates, or "none of these" when none of them is right.
        const target = [...targets, targets.some((value) => value > 0) ? 0 : 1];
        const mass = target.reduce((sum, value, i) => sum + value * (probabilities[i] ?? 0), 0);
        probabilities.forEach((probability, i) => {
          const delta = share * (probability - ((target[i] ?? 0) * probability) / Math.max(mass, 1e-12));
          if (i < rows.length)
            (rows[i] ?? []).forEach((value, k) => (gradient[k] = (gradient[k] ?? 0) + delta * value));
          else gradient[size] = (gradient[size] ?? 0) + delta;
        });
      }
    });
    for (let k = 0; k <= size; k++) {
      const g = (gradient[k] ?? 0) / Math.max(1, examples.length) + (k < size ? l2 * (weights[k] ?? 0) : 0);
      moment[k] = 0.9 * (moment[k] ?? 0) + 0.1 * g;
      second[k] = 0.999 * (second[k] ?? 0) + 0.001 * g * g;
      const step = (moment[k] ?? 0) / (1 - 0.9 ** iteration);
      const scale = Math.sqrt((second[k] ?? 0) / (1 - 0.999 ** iteration)) + 1e-8;
      weights[k] = (weights[k] ?? 0) - (0.05 * step) / scale;
    }
  }
  // Back to the features' own scale: w·(x − mean)/sd = (w/sd)·x − Σ w·mean/sd, shifting "none".
  const rerank = Array.from({ length: size }, (_, k) => (weights[k] ?? 0) / (deviation[k] ?? 1));
  const shift = rerank.reduce((sum, weight, k) => sum + weight * (mean[k] ?? 0), 0);
  return { rerank, rerankNone: (weights[size] ?? 0) + shift };
}
