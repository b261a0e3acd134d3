import { allowedTypos, editDistance, fold } from '../search/text.ts';
import { TypoIndex } from '../search/typo-index.ts';
import { MajorClassifier } from './title-major.ts';
import { ABBREVIATIONS, headWord, LEVEL_WORDS, learnAbbreviations, rawWords, termOf } from './title-text.ts';

/**
 * The job-title coder: ranks NOC 2021 unit groups for a free-text job title in English or French.
 *
 * Every title the LMI holds is a document — NOC example titles (EN/FR), OaSIS titles, O*NET alternate
 * and reported titles through the O*NET→NOC crosswalk, and the unit group titles themselves. A title
 * is a bag of weighted words (idf, with seniority words counting a quarter); the query is compared to
 * each title by cosine similarity, with abbreviations expanded ("RN", "sr. dev"), typos corrected from
 * five letters (two from nine) and the last word also read as a prefix. A unit group scores its best
 * title, plus a little for further titles that agree, its whole vocabulary and a naive Bayes
 * posterior. The best candidates are then re-ranked by a small logistic model (`RERANK_FEATURES`)
 * that also weighs a major-group classifier trained on the index (`MajorClassifier`), which gives
 * calibrated probabilities; the most likely major group's best unit group comes first. Pure: built
 * from rows, no I/O.
 */

export const TITLE_SOURCES = ['noc', 'nocExample', 'oasis', 'onetAlternate', 'onetReported'] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

export interface TitleEntry {
  /** NOC 2021 unit group (5 digits). */
  noc: string;
  title: string;
  lang: 'en' | 'fr';
  source: TitleSource;
  /** How surely the title belongs to the unit group (1 for NOC and OaSIS; the crosswalk share for O*NET). */
  weight: number;
}

export interface UnitGroupName {
  code: string;
  titleEn: string;
  titleFr: string;
}

export interface TitleMatch {
  noc: string;
  /** The unit group's title in the asked language. */
  title: string;
  /** Probability that this is the person's unit group (calibrated on held-out real titles). */
  score: number;
  /**
   * The title it matched best, where that title comes from, its language, and how close the text is
   * to it (cosine similarity of weighted words, 0–1).
   */
  matchedOn: { title: string; source: TitleSource; lang: 'en' | 'fr'; similarity: number };
}

/** A unit group as ranked for a text, with what `match` and `jobTitleMatches` need. */
export interface RankedGroup {
  group: UnitGroupName;
  /** The uncalibrated score. */
  raw: number;
  probability: number;
  /** The best-matching title, and the text's similarity to it. */
  entry: TitleEntry;
  similarity: number;
  /** True when the text contains the head word of that title (it names the job, not just a topic). */
  namesJob: boolean;
}

export interface MatcherOptions {
  /** How much each source counts; O*NET titles are US titles reached through a crosswalk. */
  sourceWeights: Record<TitleSource, number>;
  /** Weight of further agreeing titles in a unit group's score. */
  support: number;
  /** Factor for a title in the other language than the one asked. */
  otherLanguage: number;
  /** Calibration: softmax temperature and the score of "none of these". */
  temperature: number;
  noneScore: number;
  /** How much more the head word of a title (the kind of work) counts than its other words. */
  headFactor: number;
  /** Share of the score from the unit group's whole vocabulary (its profile) rather than its best title. */
  profile: number;
  /** Share of the score from a naive Bayes posterior over unit groups, and its smoothing. */
  bayes: number;
  alpha: number;
  /**
   * Weights of the re-ranker's features (`RERANK_FEATURES`, in order) and the score of "none of
   * these"; fitted on training titles held out of the index (`fitReranker` in title-eval.ts). Empty:
   * no re-ranking, the candidates keep the order and probabilities of the mixed score.
   */
  rerank: readonly number[];
  rerankNone: number;
}

/** What the re-ranker knows of each of the best candidates, in the order of `MatcherOptions.rerank`. */
export const RERANK_FEATURES = [
  'mixed score / temperature',
  'title similarity score',
  'profile similarity',
  'log naive Bayes posterior',
  'similarity of the best title',
  "text names the best title's job",
  'first by the mixed score',
  'log summed probability of its major group',
  'log summed probability of its TEER',
  'best title from O*NET',
  'best similarity of a title with the same head word',
  'has a title with the same head word',
  'best such similarity in its major group',
  'log probability of its major group (classifier)',
  'log probability of its TEER (classifier)',
] as const;

export const DEFAULT_OPTIONS: MatcherOptions = {
  sourceWeights: { noc: 1, nocExample: 1, oasis: 1, onetAlternate: 0.4, onetReported: 0.4 },
  support: 0.1,
  otherLanguage: 0.97,
  temperature: 0.07,
  noneScore: 0.1,
  headFactor: 1.25,
  profile: 0.3,
  bayes: 0.3,
  alpha: 0.1,
  // Fitted by `fitReranker` on NOC example titles in buckets 20–99, eight folds of ten buckets.
  rerank: [
    0.3145, 0.918, 3.133, 0.263, 1.258, -0.7406, 0.2721, -0.14, -0.2658, -0.5862, 1.654, -0.4257, 0.611,
    0.3273, 0.2059,
  ],
  rerankNone: 1.582,
};

const LEVEL_FACTOR = 0.25;
/** A word in fewer titles than this may be a misspelling of a more common word (see `slot`). */
const RARE_WORD = 20;
/** How close a text must be to a job title, and how likely the unit group, to widen a search with it. */
const JOB_TITLE_SIMILARITY = 0.7;
const JOB_TITLE_PROBABILITY = 0.1;
const TYPO_FACTORS = [1, 0.8, 0.6];
const PREFIX_FACTOR = 0.7;
const MAX_PREFIX_TERMS = 50;
/** An unknown word ending in a known one names that job ("paleobotanist", "massotherapist"). */
const COMPOUND_FACTOR = 0.6;
/** The known ending has at least this many letters, and at least three come before it. */
const COMPOUND_MIN = 5;
const SUPPORT_TITLES = 3;
/** How many of the best candidates the re-ranker orders. */
const RERANK_DEPTH = 10;

interface Alternative {
  term: number;
  factor: number;
}

/** One word of the query: its weight, whether it is the head word, and the terms that may stand for it. */
interface Slot {
  weight: number;
  head: boolean;
  alternatives: Alternative[];
}

export class TitleMatcher {
  private readonly options: MatcherOptions;
  private readonly terms = new Map<string, number>();
  private readonly termText: string[] = [];
  private readonly idf: Float64Array;
  private readonly postings: Int32Array[];
  /** Per posting: the word's weight in that title (1, or the head factor). */
  private readonly postingWeights: Float32Array[];
  /** Every term, sorted, for prefix ranges. */
  private readonly sortedTerms: string[];
  private readonly typoIndex: TypoIndex;
  private readonly abbreviations: Map<string, string>;
  /** Per title document: its unit group (index), prior, norm and the entry it shows. */
  private readonly docGroup: Int32Array;
  private readonly docPrior: Float64Array;
  private readonly docNorm: Float64Array;
  private readonly docEntry: TitleEntry[];
  /** Per title document: the term of its head word (-1: none). */
  private readonly docHead: Int32Array;
  /** Every term that is the head word of some title. */
  private readonly heads = new Set<number>();
  private readonly groups: UnitGroupName[];
  /** Scratch arrays (matching is synchronous). */
  private readonly slotScore: Float64Array;
  private readonly total: Float64Array;
  private readonly medianIdf: number;
  /** Per term: the unit groups using it and its weight in each group's profile (log count × group idf). */
  private readonly profileGroups: Int32Array[];
  private readonly profileWeights: Float32Array[];
  private readonly profileNorm: Float64Array;
  private readonly groupIdf: Float64Array;
  private readonly groupScore: Float64Array;
  private readonly groupSlot: Float64Array;
  /** Per unit group while ranking: best title score, its similarity, its document (-1: none yet), next best scores. */
  private readonly groupBest: Float64Array;
  private readonly groupSimilarity: Float64Array;
  private readonly groupDoc: Int32Array;
  private readonly groupOthers: Float64Array;
  private readonly profileCounts: Float32Array[];
  private readonly groupTotal: Float64Array;
  /** Per unit group: its major group (index) and TEER (second digit); per major group: its TEER. */
  private readonly groupMajor: Int32Array;
  private readonly groupTeer: Int32Array;
  private readonly majorTeer: Int32Array;
  private readonly classifier: MajorClassifier;
  /** Per unit group while ranking: its best similarity with a title sharing the text's head word. */
  private readonly groupHeadSimilarity: Float64Array;

  constructor(
    entries: readonly TitleEntry[],
    groups: readonly UnitGroupName[],
    options: Partial<MatcherOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.groups = [...groups];
    const groupIndex = new Map(this.groups.map((group, index) => [group.code, index]));
    const titles = [
      ...entries,
      ...groups.flatMap((group): TitleEntry[] => [
        { noc: group.code, title: group.titleEn, lang: 'en', source: 'noc', weight: 1 },
        { noc: group.code, title: group.titleFr, lang: 'fr', source: 'noc', weight: 1 },
      ]),
    ];
    this.abbreviations = learnAbbreviations(titles.map((entry) => entry.title));
    for (const [short, long] of Object.entries(ABBREVIATIONS)) this.abbreviations.set(short, long);

    // One document per distinct (words, unit group), keeping the strongest source.
    const documents = new Map<
      string,
      { group: number; terms: number[]; head: number; prior: number; entry: TitleEntry }
    >();
    for (const entry of titles) {
      const group = groupIndex.get(entry.noc);
      if (group === undefined) continue;
      const words = [...new Set(rawWords(entry.title).map(termOf))];
      if (words.length === 0) continue;
      const prior = this.options.sourceWeights[entry.source] * Math.min(1, Math.max(0, entry.weight));
      if (prior <= 0) continue;
      const key = `${entry.noc}|${[...words].sort().join(' ')}`;
      const found = documents.get(key);
      if (found !== undefined && found.prior >= prior) continue;
      const head = headWord(entry.title, entry.lang);
      documents.set(key, {
        group,
        terms: words.map((word) => this.termId(word)),
        head: head === undefined ? -1 : this.termId(termOf(head)),
        prior,
        entry,
      });
    }

    const size = documents.size;
    const df = new Int32Array(this.termText.length);
    for (const document of documents.values())
      for (const term of document.terms) df[term] = (df[term] ?? 0) + 1;
    this.idf = new Float64Array(this.termText.length);
    this.termText.forEach((text, term) => {
      const base = Math.log(1 + size / (df[term] ?? 1));
      this.idf[term] = LEVEL_WORDS.has(text) ? base * LEVEL_FACTOR : base;
    });
    const sortedIdf = [...this.idf].sort((a, b) => a - b);
    this.medianIdf = sortedIdf[Math.floor(sortedIdf.length / 2)] ?? 1;

    const lists: number[][] = this.termText.map(() => []);
    const weights: number[][] = this.termText.map(() => []);
    this.docGroup = new Int32Array(size);
    this.docPrior = new Float64Array(size);
    this.docNorm = new Float64Array(size);
    this.docEntry = [];
    this.docHead = new Int32Array(size);
    let index = 0;
    for (const document of documents.values()) {
      this.docGroup[index] = document.group;
      this.docPrior[index] = document.prior;
      this.docHead[index] = document.head;
      if (document.head >= 0) this.heads.add(document.head);
      let norm = 0;
      for (const term of document.terms) {
        const factor = term === document.head ? this.options.headFactor : 1;
        lists[term]?.push(index);
        weights[term]?.push(factor);
        norm += ((this.idf[term] ?? 0) * factor) ** 2;
      }
      this.docNorm[index] = Math.sqrt(norm);
      this.docEntry.push(document.entry);
      index++;
    }
    this.postings = lists.map((list) => Int32Array.from(list));
    this.postingWeights = weights.map((list) => Float32Array.from(list));
    this.sortedTerms = [...this.termText].sort();
    this.typoIndex = new TypoIndex(this.termText, (text) =>
      text.length < 4 || /^\d+$/.test(text) ? 0 : text.length >= 8 ? 2 : 1,
    );
    // Unit group profiles: how many of a group's titles use each term.
    const counts = this.termText.map(() => new Map<number, number>());
    for (const document of documents.values()) {
      for (const term of document.terms) {
        const map = counts[term];
        map?.set(document.group, (map.get(document.group) ?? 0) + document.prior);
      }
    }
    const groupCount = this.groups.length;
    this.groupIdf = Float64Array.from(counts, (map, term) => {
      const base = Math.log(1 + groupCount / Math.max(1, map.size));
      return LEVEL_WORDS.has(this.termText[term] ?? '') ? base * LEVEL_FACTOR : base;
    });
    this.profileNorm = new Float64Array(groupCount);
    this.profileGroups = counts.map((map) => Int32Array.from(map.keys()));
    this.profileCounts = counts.map((map) => Float32Array.from(map.values()));
    this.groupTotal = new Float64Array(groupCount);
    for (const map of counts)
      for (const [group, count] of map) this.groupTotal[group] = (this.groupTotal[group] ?? 0) + count;

    this.profileWeights = counts.map((map, term) =>
      Float32Array.from(map.values(), (count) => Math.log(1 + count) * (this.groupIdf[term] ?? 0)),
    );
    this.profileGroups.forEach((groupsOfTerm, term) => {
      const weightsOfTerm = this.profileWeights[term];
      groupsOfTerm.forEach((group, at) => {
        this.profileNorm[group] = (this.profileNorm[group] ?? 0) + (weightsOfTerm?.[at] ?? 0) ** 2;
      });
    });
    for (let group = 0; group < groupCount; group++)
      this.profileNorm[group] = Math.sqrt(this.profileNorm[group] ?? 0);
    this.groupScore = new Float64Array(groupCount);
    this.groupSlot = new Float64Array(groupCount);
    this.groupBest = new Float64Array(groupCount);
    this.groupSimilarity = new Float64Array(groupCount);
    this.groupDoc = new Int32Array(groupCount).fill(-1);
    this.groupOthers = new Float64Array(groupCount * SUPPORT_TITLES);
    this.slotScore = new Float64Array(size);
    this.total = new Float64Array(size);

    const majorIndex = new Map<string, number>();
    for (const group of this.groups) {
      const major = group.code.slice(0, 2);
      if (!majorIndex.has(major)) majorIndex.set(major, majorIndex.size);
    }
    this.groupMajor = Int32Array.from(this.groups, (group) => majorIndex.get(group.code.slice(0, 2)) ?? 0);
    this.groupTeer = Int32Array.from(this.groups, (group) => Number(group.code[1] ?? 0));
    this.majorTeer = Int32Array.from(majorIndex.keys(), (major) => Number(major[1] ?? 0));
    this.groupHeadSimilarity = new Float64Array(groupCount);
    this.classifier = new MajorClassifier(
      [...documents.values()].map((document) => ({
        terms: document.terms,
        head: document.head,
        label: this.groupMajor[document.group] ?? 0,
        weight: document.prior,
      })),
      this.termText.length,
      majorIndex.size,
    );
  }

  get size(): number {
    return this.docEntry.length;
  }

  private termId(word: string): number {
    let id = this.terms.get(word);
    if (id === undefined) {
      id = this.termText.length;
      this.terms.set(word, id);
      this.termText.push(word);
    }
    return id;
  }

  /** The query as slots: each slot is one word of what was typed, with the index terms that may stand for it. */
  private slots(text: string, lang: 'en' | 'fr'): Slot[] {
    const head = headWord(text.slice(0, 200), lang);
    // "Infirmier/infirmière": gendered pairs stem to one term, which counts once.
    const seen = new Set<string>();
    const words = rawWords(text.slice(0, 200)).filter((word) => {
      const term = termOf(word);
      if (seen.has(term)) return false;
      seen.add(term);
      return true;
    });
    const slots: Slot[] = [];
    words.forEach((word, position) => {
      const last = position === words.length - 1;
      const expansion = this.abbreviations.get(word);
      if (expansion?.includes('|')) {
        // One word, several readings ("admin": administrator or administrative).
        const slot = { weight: 0, alternatives: [] as Alternative[] };
        for (const reading of expansion.split('|')) {
          const part = this.slot(reading, false);
          slot.weight = Math.max(slot.weight, part.weight);
          slot.alternatives.push(...part.alternatives);
        }
        if (word === head) slot.weight *= this.options.headFactor;
        slots.push({ ...slot, head: word === head });
        return;
      }
      if (expansion !== undefined && expansion !== word) {
        const expanded = rawWords(expansion);
        expanded.forEach((part, at) => {
          const slot = this.slot(part, false);
          const own = this.terms.get(termOf(word));
          if (at === 0 && own !== undefined) slot.alternatives.push({ term: own, factor: 1 });
          const isHead = word === head && at === expanded.length - 1;
          if (isHead) slot.weight *= this.options.headFactor;
          slots.push({ ...slot, head: isHead });
        });
        return;
      }
      const slot = this.slot(word, last);
      if (word === head) slot.weight *= this.options.headFactor;
      slots.push({ ...slot, head: word === head });
    });
    return slots;
  }

  private slot(word: string, last: boolean): { weight: number; alternatives: Alternative[] } {
    const term = termOf(word);
    const exact = this.terms.get(term);
    if (exact !== undefined) {
      const alternatives: Alternative[] = [{ term: exact, factor: 1 }];
      // A whole word already in the index is taken as typed; a short one may still be a beginning ("tech").
      if (last && word.length >= 3 && word.length <= 4) alternatives.push(...this.prefixes(word, exact));
      // A rare word may be a misspelling of a common one that happens to exist ("developper" is
      // French for "to develop"): much more frequent words one typo away count too.
      const frequency = this.postings[exact]?.length ?? 0;
      if (frequency < RARE_WORD) {
        for (const typo of this.typos(term)) {
          if (typo.term !== exact && (this.postings[typo.term]?.length ?? 0) >= frequency * 10)
            alternatives.push(typo);
        }
      }
      return { weight: this.idf[exact] ?? 0, alternatives };
    }
    const alternatives: Alternative[] = this.typos(term);
    if (word.length >= 3) alternatives.push(...this.prefixes(word, -1));
    if (alternatives.length === 0) {
      const ending = this.compoundEnding(term);
      if (ending !== undefined) alternatives.push({ term: ending, factor: COMPOUND_FACTOR });
    }
    const best = alternatives.reduce(
      (top, alternative) => Math.max(top, (this.idf[alternative.term] ?? 0) * alternative.factor),
      0,
    );
    return { weight: best > 0 ? best : this.medianIdf * 0.5, alternatives };
  }

  /** The longest known term an unknown word ends with (its head, in a compound), if any. */
  private compoundEnding(term: string): number | undefined {
    for (let start = 3; term.length - start >= COMPOUND_MIN; start++) {
      const known = this.terms.get(term.slice(start));
      if (known !== undefined) return known;
    }
    return undefined;
  }

  /** Terms within the allowed typos of a term (one from five letters, two from nine). */
  private typos(term: string): Alternative[] {
    const found: Alternative[] = [];
    const max = allowedTypos(term);
    if (max === 0) return found;
    for (const candidate of this.typoIndex.candidates(term, max)) {
      const distance = editDistance(term, this.termText[candidate] ?? '', max);
      if (distance > 0 && distance <= max)
        found.push({ term: candidate, factor: TYPO_FACTORS[distance] ?? 0.5 });
    }
    return found;
  }

  /** Terms that begin with what was typed (the word being typed, or a short form like "admin"). */
  private prefixes(word: string, except: number): Alternative[] {
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sortedTerms[middle] ?? '') < word) low = middle + 1;
      else high = middle;
    }
    const found: Alternative[] = [];
    for (let i = low; i < this.sortedTerms.length && found.length < MAX_PREFIX_TERMS; i++) {
      const text = this.sortedTerms[i] ?? '';
      if (!text.startsWith(word)) break;
      const term = this.terms.get(text);
      if (term !== undefined && term !== except) found.push({ term, factor: PREFIX_FACTOR });
    }
    return found;
  }

  /**
   * Unit groups for a job title, best first, with calibrated scores. `lang` chooses the language of the
   * titles returned (and slightly prefers titles written in it); the text may be in either language.
   */
  match(text: string, lang: 'en' | 'fr', limit = 10): TitleMatch[] {
    return this.rank(text, lang)
      .slice(0, limit)
      .map((candidate) => ({
        noc: candidate.group.code,
        title: lang === 'fr' ? candidate.group.titleFr : candidate.group.titleEn,
        score: Math.round(candidate.probability * 1000) / 1000,
        matchedOn: {
          title: candidate.entry.title,
          source: candidate.entry.source,
          lang: candidate.entry.lang,
          similarity: Math.round(candidate.similarity * 1000) / 1000,
        },
      }));
  }

  /**
   * The unit groups a text names as a job, for widening a program search: only when the text contains
   * the head word of a title it closely matches ("barista", "line cook", "RN"), not when it merely
   * shares a topic with titles ("Python" with "Python developer"). At most three, each with its
   * probability; the weaker ones must be at least a fifth as likely as the best.
   */
  jobTitleMatches(text: string, lang: 'en' | 'fr'): { noc: string; probability: number }[] {
    // Most search words name no job at all ("python", "data"): no head word, no ranking needed.
    const named = this.slots(text, lang).some((slot) =>
      slot.alternatives.some((alternative) => alternative.factor >= 0.8 && this.heads.has(alternative.term)),
    );
    if (!named) return [];
    const ranked = this.rank(text, lang).filter(
      (candidate) => candidate.namesJob && candidate.similarity >= JOB_TITLE_SIMILARITY,
    );
    const best = ranked[0]?.probability ?? 0;
    return ranked
      .filter((candidate) => candidate.probability >= Math.max(JOB_TITLE_PROBABILITY, best / 5))
      .slice(0, 3)
      .map((candidate) => ({ noc: candidate.group.code, probability: candidate.probability }));
  }

  /** Raw and calibrated scores of every unit group with a matching title (for evaluation and calibration). */
  rank(text: string, lang: 'en' | 'fr'): RankedGroup[] {
    const { rerank, rerankNone } = this.options;
    const scored = this.score(text, lang);
    if (rerank.length === 0 || scored.length === 0) return scored.map(({ features: _, ...ranked }) => ranked);
    // The best candidates re-ranked: a softmax of their weighted features and "none of these", which
    // also stands for the candidates further down (they share its probability as they shared theirs).
    const head = scored.slice(0, RERANK_DEPTH);
    const tail = scored.slice(RERANK_DEPTH);
    const scores = head.map((candidate) =>
      candidate.features.reduce((sum, value, k) => sum + value * (rerank[k] ?? 0), 0),
    );
    const max = Math.max(rerankNone, ...scores);
    const exps = scores.map((value) => Math.exp(value - max));
    const noneExp = Math.exp(rerankNone - max);
    const sum = exps.reduce((acc, value) => acc + value, noneExp);
    const restBefore = 1 - head.reduce((acc, candidate) => acc + candidate.probability, 0);
    const restShare = noneExp / sum / Math.max(restBefore, 1e-12);
    const reranked = head
      .map(({ features: _, ...candidate }, index) => ({
        ...candidate,
        probability: (exps[index] ?? 0) / sum,
      }))
      .sort((a, b) => b.probability - a.probability);
    // The most likely major group (its unit groups' probabilities summed) puts its best unit group first.
    const byMajor = new Map<string, number>();
    for (const candidate of reranked) {
      const major = candidate.group.code.slice(0, 2);
      byMajor.set(major, (byMajor.get(major) ?? 0) + candidate.probability);
    }
    let bestMajor = '';
    for (const [major, probability] of byMajor)
      if (probability > (byMajor.get(bestMajor) ?? -1)) bestMajor = major;
    const first = reranked.findIndex((candidate) => candidate.group.code.startsWith(bestMajor));
    if (first > 0) reranked.unshift(...reranked.splice(first, 1));
    return [
      ...reranked,
      ...tail.map(({ features: _, ...candidate }) => ({
        ...candidate,
        probability: candidate.probability * restShare,
      })),
    ];
  }

  /** The re-ranker's features of the best candidates, for fitting its weights (see title-eval.ts). */
  rerankFeatures(text: string, lang: 'en' | 'fr'): { noc: string; features: number[] }[] {
    return this.score(text, lang)
      .slice(0, RERANK_DEPTH)
      .map((candidate) => ({ noc: candidate.group.code, features: candidate.features }));
  }

  /** Candidates by the mixed score, with its calibrated probabilities and the re-ranker's features. */
  private score(text: string, lang: 'en' | 'fr'): (RankedGroup & { features: number[] })[] {
    const slots = this.slots(text, lang);
    if (slots.length === 0) return [];
    let queryNorm = 0;
    for (const slot of slots) queryNorm += slot.weight ** 2;
    queryNorm = Math.sqrt(queryNorm);

    const touched: number[] = [];
    const { slotScore, total } = this;
    for (const slot of slots) {
      const slotTouched: number[] = [];
      for (const { term, factor } of slot.alternatives) {
        const weight = slot.weight * (this.idf[term] ?? 0) * factor;
        const docs = this.postings[term];
        const docWeights = this.postingWeights[term];
        if (docs === undefined || docWeights === undefined) continue;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] ?? 0;
          const current = slotScore[doc] ?? 0;
          if (current === 0) slotTouched.push(doc);
          const value = weight * (docWeights[i] ?? 1);
          if (value > current) slotScore[doc] = value;
        }
      }
      for (const doc of slotTouched) {
        if ((total[doc] ?? 0) === 0) touched.push(doc);
        total[doc] = (total[doc] ?? 0) + (slotScore[doc] ?? 0);
        slotScore[doc] = 0;
      }
    }

    // Per unit group: the best title, then the next few agreeing titles (kept in fixed arrays).
    const { groupBest, groupDoc, groupOthers, groupSimilarity, groupHeadSimilarity } = this;
    const groups: number[] = [];
    // The terms the text's head word stands for closely: titles with the same head name the same job.
    const heads = new Set<number>();
    for (const slot of slots) {
      if (!slot.head) continue;
      for (const alternative of slot.alternatives) if (alternative.factor >= 0.8) heads.add(alternative.term);
    }
    for (const doc of touched) {
      const similarity = (total[doc] ?? 0) / (queryNorm * (this.docNorm[doc] || 1));
      total[doc] = 0;
      const group = this.docGroup[doc] ?? 0;
      if (heads.has(this.docHead[doc] ?? -1)) {
        const value = similarity * (this.docPrior[doc] ?? 0);
        if (value > (groupHeadSimilarity[group] ?? 0)) groupHeadSimilarity[group] = value;
      }
      const languageFactor = this.docEntry[doc]?.lang === lang ? 1 : this.options.otherLanguage;
      let score = similarity * (this.docPrior[doc] ?? 0) * languageFactor;
      if (groupDoc[group] === -1) {
        groups.push(group);
        groupBest[group] = score;
        groupDoc[group] = doc;
        groupSimilarity[group] = similarity;
        continue;
      }
      if (score > (groupBest[group] ?? 0)) {
        const previous = groupBest[group] ?? 0;
        groupBest[group] = score;
        groupDoc[group] = doc;
        groupSimilarity[group] = similarity;
        score = previous;
      }
      // Insert into the group's top SUPPORT_TITLES other scores.
      const base = group * SUPPORT_TITLES;
      for (let k = 0; k < SUPPORT_TITLES; k++) {
        const held = groupOthers[base + k] ?? 0;
        if (score > held) {
          groupOthers[base + k] = score;
          score = held;
        }
      }
    }
    const { support, temperature, noneScore, profile, bayes: bayesShare } = this.options;
    const profiles = this.profileScores(slots);
    const bayes = this.bayesPosterior(slots);
    const ranked = groups.map((group) => {
      let others = 0;
      for (let k = 0; k < SUPPORT_TITLES; k++) {
        others += groupOthers[group * SUPPORT_TITLES + k] ?? 0;
        groupOthers[group * SUPPORT_TITLES + k] = 0;
      }
      const titleScore = (groupBest[group] ?? 0) + support * others;
      const raw =
        (1 - profile - bayesShare) * titleScore +
        profile * (profiles[group] ?? 0) +
        bayesShare * (bayes[group] ?? 0);
      const doc = groupDoc[group] ?? 0;
      groupDoc[group] = -1;
      const headSimilarity = groupHeadSimilarity[group] ?? 0;
      groupHeadSimilarity[group] = 0;
      return {
        group,
        raw,
        doc,
        similarity: groupSimilarity[group] ?? 0,
        titleScore,
        profile: profiles[group] ?? 0,
        bayes: bayes[group] ?? 0,
        headSimilarity,
      };
    });
    // Terms the query stands for closely (exact, abbreviation, one typo): does it name the title's job?
    const named = new Set<number>();
    for (const slot of slots) {
      for (const alternative of slot.alternatives) if (alternative.factor >= 0.8) named.add(alternative.term);
    }
    ranked.sort((a, b) => b.raw - a.raw || a.group - b.group);
    // Calibrated probabilities: a softmax over the candidates and "none of these".
    const top = ranked.slice(0, 50);
    const none = Math.exp(noneScore / temperature);
    const exps = top.map((candidate) => Math.exp(candidate.raw / temperature));
    const sum = exps.reduce((acc, value) => acc + value, none);
    const probabilities = exps.map((value) => value / sum);

    // What the re-ranker weighs besides each candidate's own scores: how likely its major group and
    // TEER are, summed over the candidates and by the major-group classifier, and how close the
    // titles of its major group that share the text's head word come.
    const majors = this.majorTeer.length;
    const majorSum = new Float64Array(majors);
    const teerSum = new Float64Array(10);
    const majorHead = new Float64Array(majors);
    top.forEach((candidate, index) => {
      const major = this.groupMajor[candidate.group] ?? 0;
      majorSum[major] = (majorSum[major] ?? 0) + (probabilities[index] ?? 0);
      const teer = this.groupTeer[candidate.group] ?? 0;
      teerSum[teer] = (teerSum[teer] ?? 0) + (probabilities[index] ?? 0);
      majorHead[major] = Math.max(majorHead[major] ?? 0, candidate.headSimilarity);
    });
    const classified = this.classify(slots);
    const classifiedTeer = new Float64Array(10);
    classified.forEach((probability, major) => {
      const teer = this.majorTeer[major] ?? 0;
      classifiedTeer[teer] = (classifiedTeer[teer] ?? 0) + probability;
    });
    return top.map((candidate, index) => {
      const entry = this.docEntry[candidate.doc] as TitleEntry;
      const namesJob = named.has(this.docHead[candidate.doc] ?? -1);
      const similarity = Math.min(1, candidate.similarity);
      const major = this.groupMajor[candidate.group] ?? 0;
      const teer = this.groupTeer[candidate.group] ?? 0;
      return {
        group: this.groups[candidate.group] as UnitGroupName,
        raw: candidate.raw,
        probability: probabilities[index] ?? 0,
        entry,
        similarity,
        namesJob,
        features:
          index < RERANK_DEPTH
            ? [
                candidate.raw / temperature,
                candidate.titleScore,
                candidate.profile,
                Math.log(candidate.bayes + 1e-6),
                similarity,
                namesJob ? 1 : 0,
                index === 0 ? 1 : 0,
                Math.log((majorSum[major] ?? 0) + 1e-4),
                Math.log((teerSum[teer] ?? 0) + 1e-4),
                entry.source === 'onetAlternate' || entry.source === 'onetReported' ? 1 : 0,
                candidate.headSimilarity,
                candidate.headSimilarity > 0 ? 1 : 0,
                majorHead[major] ?? 0,
                Math.log((classified[major] ?? 0) + 1e-9),
                Math.log((classifiedTeer[teer] ?? 0) + 1e-9),
              ]
            : [],
      };
    });
  }

  /** The major-group classifier's probabilities for the query: each word by its closest reading. */
  private classify(slots: Slot[]): Float64Array {
    const terms: number[] = [];
    const factors: number[] = [];
    let head = -1;
    for (const slot of slots) {
      let best: Alternative | undefined;
      for (const alternative of slot.alternatives)
        if (best === undefined || alternative.factor > best.factor) best = alternative;
      terms.push(best?.term ?? -1);
      factors.push(best?.factor ?? 0);
      if (slot.head && best !== undefined) head = best.term;
    }
    return this.classifier.probabilities(terms, factors, head);
  }

  /** Naive Bayes posterior of each unit group given the query words (uniform prior). */
  private bayesPosterior(slots: Slot[]): Float64Array {
    const totals = this.groupTotal;
    const groupCount = totals.length;
    const vocabulary = this.termText.length;
    const { alpha } = this.options;
    const logp = new Float64Array(groupCount);
    const slotBest = new Float64Array(groupCount);
    for (const slot of slots) {
      for (let group = 0; group < groupCount; group++) {
        slotBest[group] = Math.log(alpha) - Math.log((totals[group] ?? 0) + alpha * vocabulary);
      }
      for (const { term, factor } of slot.alternatives) {
        const groupsOfTerm = this.profileGroups[term];
        const countsOfTerm = this.profileCounts[term];
        if (groupsOfTerm === undefined || countsOfTerm === undefined) continue;
        for (let i = 0; i < groupsOfTerm.length; i++) {
          const group = groupsOfTerm[i] ?? 0;
          const value =
            Math.log((countsOfTerm[i] ?? 0) + alpha) -
            Math.log((totals[group] ?? 0) + alpha * vocabulary) +
            Math.log(factor);
          if (value > (slotBest[group] ?? 0)) slotBest[group] = value;
        }
      }
      const weight = slot.head ? this.options.headFactor : 1;
      for (let group = 0; group < groupCount; group++)
        logp[group] = (logp[group] ?? 0) + weight * (slotBest[group] ?? 0);
    }
    let max = -Infinity;
    for (const value of logp) if (value > max) max = value;
    let sum = 0;
    for (let group = 0; group < groupCount; group++) {
      logp[group] = Math.exp((logp[group] ?? 0) - max);
      sum += logp[group] ?? 0;
    }
    for (let group = 0; group < groupCount; group++) logp[group] = (logp[group] ?? 0) / sum;
    return logp;
  }

  /** Cosine similarity of the query with each unit group's profile (all its titles' words). */
  private profileScores(slots: Slot[]): Float64Array {
    const { groupScore, groupSlot } = this;
    groupScore.fill(0);
    let norm = 0;
    for (const slot of slots) {
      groupSlot.fill(0);
      let slotWeight = 0;
      for (const { term, factor } of slot.alternatives) {
        const weight = (this.groupIdf[term] ?? 0) * factor * (slot.head ? this.options.headFactor : 1);
        if (weight > slotWeight) slotWeight = weight;
        const groupsOfTerm = this.profileGroups[term];
        const weightsOfTerm = this.profileWeights[term];
        if (groupsOfTerm === undefined || weightsOfTerm === undefined) continue;
        for (let i = 0; i < groupsOfTerm.length; i++) {
          const group = groupsOfTerm[i] ?? 0;
          const value = weight * (weightsOfTerm[i] ?? 0);
          if (value > (groupSlot[group] ?? 0)) groupSlot[group] = value;
        }
      }
      norm += (slotWeight || this.medianIdf * 0.5) ** 2;
      for (let group = 0; group < groupSlot.length; group++)
        groupScore[group] = (groupScore[group] ?? 0) + (groupSlot[group] ?? 0);
    }
    const queryNorm = Math.sqrt(norm) || 1;
    for (let group = 0; group < groupScore.length; group++) {
      groupScore[group] = (groupScore[group] ?? 0) / (queryNorm * (this.profileNorm[group] || 1));
    }
    return groupScore;
  }

  /** The folded form of a title, as used to hold titles out of the index when evaluating. */
  static key(title: string): string {
    return fold(title)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
}
