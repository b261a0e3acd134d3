import { allowedTypos, editDistance, terms } from './text.ts';
import { TypoIndex } from './typo-index.ts';

/**
 * The search engine: an in-memory inverted index over the published programs with BM25-style field
 * weighting, prefix matching on the last word, typo tolerance, filters and exact disjunctive facet
 * counts. PostgreSQL stays the source of truth: the index is built from it and rebuilt when the
 * catalogue changes. Pure (no I/O) so it is tested and benchmarked on its own.
 */

export const FIELDS = [
  'title',
  'skills',
  'technologies',
  'occupations',
  'industries',
  'institution',
  'summary',
  'body',
] as const;
export type Field = (typeof FIELDS)[number];

/** How much a word found in each field counts; titles and tags over running text. */
export const FIELD_WEIGHTS: Record<Field, number> = {
  title: 4,
  skills: 3,
  technologies: 3,
  occupations: 3,
  industries: 2,
  institution: 2,
  summary: 1.5,
  body: 1,
};

export interface SearchDocument<F extends string> {
  id: string;
  /** Text per field; both languages may be joined in one field. */
  text: Partial<Record<Field, string>>;
  /** Facet values, e.g. { delivery: ['online'], occupation: ['21232', '21231'] }. */
  facets: Record<F, string[]>;
  /** Sort keys: next start as a day number (undefined: none), total cost in cents, weeks. */
  sort: { start: number | undefined; cost: number | undefined; weeks: number };
}

export type SortOrder = 'relevance' | 'start' | 'cost' | 'duration';

export interface SearchQuery<F extends string> {
  text?: string;
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters?: Partial<Record<F, readonly string[]>>;
  sort?: SortOrder;
  /** 0-based offset and page size. */
  offset?: number;
  limit?: number;
  /**
   * Also match documents carrying these facet values (e.g. the unit groups a job title names), each
   * with a weight 0–1: text matches carrying one rank higher, documents matched only this way rank
   * after every text match. Ignored when the query has no words.
   */
  widen?: { facet: F; values: ReadonlyMap<string, number> };
}

export interface Match {
  field: Field;
  /** Index terms of the query found in that field. */
  terms: string[];
}

export interface SearchHit {
  id: string;
  score: number;
  matches: Match[];
  /** True when the document matched only through `widen`, not through its text. */
  widened: boolean;
}

export interface SearchResult<F extends string> {
  total: number;
  hits: SearchHit[];
  /** Counts per facet value for the query and the other facets' filters (disjunctive faceting). */
  facets: Record<F, Map<string, number>>;
  /** Query words that were read as another word (typos): { from: 'pyhton', to: 'python' }. */
  corrections: { from: string; to: string }[];
  /** Query words that matched nothing at all. */
  unmatched: string[];
}

interface Postings {
  docs: Int32Array;
  /** idf × saturated field-weighted term frequency (BM25 without length normalisation: fields are short). */
  scores: Float32Array;
  /** Bit per field (FIELDS order) in which the term occurs in that document. */
  fields: Uint8Array;
}

const K = 1.2;
/** Score multipliers for how a query word reached a term. */
const EXACT = 1;
const PREFIX = 0.7;
const TYPO = [1, 0.55, 0.35];
/** Words of one family ("manager", "management"; "gériatrie", "gériatrique") meet at this factor. */
const FAMILY = 0.6;
/** How much more a text match counts when it also carries a widening value of weight 1. */
const WIDEN_BOOST = 0.5;
const MAX_PREFIX_TERMS = 300;
/** Facets with at most this many values are counted by bitset intersection, the others per document. */
const FEW_VALUES = 40;

type Bits = Uint32Array;
const newBits = (size: number): Bits => new Uint32Array((size + 31) >>> 5);
const setBit = (bits: Bits, index: number) => {
  bits[index >>> 5] = (bits[index >>> 5] ?? 0) | (1 << (index & 31));
};
const hasBit = (bits: Bits, index: number) => ((bits[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;

function and(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) & (other[i] ?? 0);
}

/** Set bits of a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many documents two bitsets share. */
function intersectionSize(a: Bits, b: Bits): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += popcount((a[i] ?? 0) & (b[i] ?? 0));
  return total;
}

function forEachBit(bits: Bits, visit: (index: number) => void): void {
  for (let word = 0; word < bits.length; word++) {
    let value = bits[word] ?? 0;
    while (value !== 0) {
      const low = value & -value;
      visit((word << 5) + 31 - Math.clz32(low));
      value ^= low;
    }
  }
}

export class SearchEngine<F extends string> {
  private readonly ids: string[];
  private readonly postings = new Map<string, Postings>();
  /** Every term, sorted, for prefix ranges. */
  private readonly dictionary: string[];
  private readonly typoIndex: TypoIndex;
  /** Word root (see `familyRoot`) → the dictionary terms sharing it. */
  private readonly families = new Map<string, string[]>();
  private readonly facetNames: F[];
  /** Per facet: value → documents, and per document the value indexes it holds. */
  private readonly facetBits = new Map<F, Map<string, Bits>>();
  private readonly facetValues = new Map<F, string[]>();
  /** Per facet, the value indexes of every document in one flat array: doc d holds flat[offsets[d]…offsets[d+1]). */
  private readonly facetOffsets = new Map<F, Int32Array>();
  private readonly facetFlat = new Map<F, Int32Array>();
  /** Scratch score arrays reused across searches (search is synchronous), so a query allocates no 100,000-float arrays. */
  private readonly scratch: Float32Array[] = [];
  private tiers: Uint8Array | undefined;
  /** Counts per value of many-valued facets over every document, for counting by complement. */
  private readonly allTallies = new Map<F, Int32Array>();
  /** Counts over every document with no filter: the browse page's facets, computed once. */
  private allCounts: Record<F, Map<string, number>> | undefined;
  private readonly sortKeys: SearchDocument<F>['sort'][];
  private readonly all: Bits;
  /** The "no words" match set, shared so the browse page's facet counts can be cached. */
  private readonly everything: Bits;

  /** Facets whose values are counted; the others (e.g. skills) only filter. */
  private readonly counted: F[];

  constructor(
    documents: readonly SearchDocument<F>[],
    facetNames: readonly F[],
    uncounted: readonly F[] = [],
  ) {
    this.ids = documents.map((document) => document.id);
    this.sortKeys = documents.map((document) => document.sort);
    this.facetNames = [...facetNames];
    this.counted = this.facetNames.filter((facet) => !uncounted.includes(facet));
    const size = documents.length;
    this.all = newBits(size);
    for (let index = 0; index < size; index++) setBit(this.all, index);
    this.everything = this.all;

    const building = new Map<string, { docs: number[]; weights: number[]; fields: number[] }>();
    documents.forEach((document, index) => {
      const perTerm = new Map<string, { weight: number; fields: number }>();
      FIELDS.forEach((field, bit) => {
        const text = document.text[field];
        if (text === undefined || text === '') return;
        for (const term of terms(text)) {
          const entry = perTerm.get(term) ?? { weight: 0, fields: 0 };
          entry.weight += FIELD_WEIGHTS[field];
          entry.fields |= 1 << bit;
          perTerm.set(term, entry);
        }
      });
      for (const [term, entry] of perTerm) {
        let list = building.get(term);
        if (list === undefined) {
          list = { docs: [], weights: [], fields: [] };
          building.set(term, list);
        }
        list.docs.push(index);
        list.weights.push(entry.weight);
        list.fields.push(entry.fields);
      }
    });
    for (const [term, list] of building) {
      const idf = Math.log(1 + (size - list.docs.length + 0.5) / (list.docs.length + 0.5));
      this.postings.set(term, {
        docs: Int32Array.from(list.docs),
        scores: Float32Array.from(list.weights, (weight) => (idf * (weight * (K + 1))) / (weight + K)),
        fields: Uint8Array.from(list.fields),
      });
    }
    this.dictionary = [...building.keys()].sort();
    for (const term of this.dictionary) {
      const root = familyRoot(term);
      if (root !== undefined) {
        const family = this.families.get(root);
        if (family === undefined) this.families.set(root, [term]);
        else family.push(term);
      }
    }
    this.typoIndex = new TypoIndex(this.dictionary, (term) =>
      term.length < 4 || /^\d+$/.test(term) ? 0 : term.length >= 7 ? 2 : 1,
    );

    for (const facet of this.facetNames) {
      const byValue = new Map<string, Bits>();
      const values: string[] = [];
      const valueIndex = new Map<string, number>();
      const offsets = new Int32Array(size + 1);
      const flat: number[] = [];
      documents.forEach((document, index) => {
        offsets[index] = flat.length;
        for (const value of document.facets[facet]) {
          let bits = byValue.get(value);
          if (bits === undefined) {
            bits = newBits(size);
            byValue.set(value, bits);
            valueIndex.set(value, values.length);
            values.push(value);
          }
          if (hasBit(bits, index)) continue;
          setBit(bits, index);
          flat.push(valueIndex.get(value) ?? 0);
        }
      });
      offsets[size] = flat.length;
      this.facetBits.set(facet, byValue);
      this.facetValues.set(facet, values);
      this.facetOffsets.set(facet, offsets);
      this.facetFlat.set(facet, Int32Array.from(flat));
    }
  }

  /** Scratch array `slot`, zeroed. Slot 0 holds the total scores, slots 1… one per query word. */
  private scratchScores(slot: number): Float32Array {
    let array = this.scratch[slot];
    if (array === undefined) {
      array = new Float32Array(this.ids.length);
      this.scratch[slot] = array;
    } else {
      array.fill(0);
    }
    return array;
  }

  /** The scratch tier array (only documents in the current result are read). */
  private scratchTiers(): Uint8Array {
    this.tiers ??= new Uint8Array(this.ids.length);
    return this.tiers;
  }

  /** Facet counts over every document (cached): how many programs each value has. */
  facetCounts(): Record<F, Map<string, number>> {
    return this.countFacets(this.everything, new Map(), this.everything);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Whether a word (as an index term) occurs anywhere. */
  hasTerm(term: string): boolean {
    return this.postings.has(term);
  }

  /** Dictionary terms within the allowed typos of a query term, closest first. */
  typoCandidates(term: string): { term: string; distance: number }[] {
    const max = allowedTypos(term);
    if (max === 0) return [];
    const found = new Map<string, number>();
    for (const id of this.typoIndex.candidates(term, max)) {
      const candidate = this.dictionary[id] ?? '';
      const distance = editDistance(term, candidate, max);
      if (distance <= max) found.set(candidate, distance);
    }
    return [...found]
      .map(([candidate, distance]) => ({ term: candidate, distance }))
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          (this.postings.get(b.term)?.docs.length ?? 0) - (this.postings.get(a.term)?.docs.length ?? 0),
      );
  }

  /** Dictionary terms starting with a prefix, most frequent first (at most MAX_PREFIX_TERMS). */
  prefixCandidates(prefix: string): string[] {
    let low = 0;
    let high = this.dictionary.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.dictionary[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.dictionary.length; i++) {
      const term = this.dictionary[i] ?? '';
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    if (found.length <= MAX_PREFIX_TERMS) return found;
    return found
      .sort((a, b) => (this.postings.get(b)?.docs.length ?? 0) - (this.postings.get(a)?.docs.length ?? 0))
      .slice(0, MAX_PREFIX_TERMS);
  }

  search(query: SearchQuery<F>): SearchResult<F> {
    const size = this.ids.length;
    const words = terms(query.text ?? '');
    const corrections: { from: string; to: string }[] = [];
    const unmatched: string[] = [];
    const wordScores: Float32Array[] = [];
    const wordFields: { term: string; postings: Postings }[][] = [];
    let matched: Bits | undefined;

    words.forEach((word, position) => {
      const last = position === words.length - 1;
      const candidates: { term: string; factor: number }[] = [];
      const exact = this.postings.has(word);
      if (exact) candidates.push({ term: word, factor: EXACT });
      if (last && word.length >= 2) {
        for (const term of this.prefixCandidates(word)) {
          if (term !== word) candidates.push({ term, factor: PREFIX });
        }
      }
      const root = familyRoot(word);
      for (const term of root === undefined ? [] : (this.families.get(root) ?? [])) {
        if (!candidates.some((candidate) => candidate.term === term))
          candidates.push({ term, factor: FAMILY });
      }
      if (!exact) {
        // A word not in the index may be a typo, even when it also begins longer words ("excell").
        const typos = this.typoCandidates(word).filter(
          (typo) => !candidates.some((candidate) => candidate.term === typo.term),
        );
        const [best] = typos;
        if (best !== undefined && candidates.length === 0) corrections.push({ from: word, to: best.term });
        for (const typo of typos) candidates.push({ term: typo.term, factor: TYPO[typo.distance] ?? 0.3 });
      }
      const bits = newBits(size);
      const scores = this.scratchScores(position + 1);
      const used: { term: string; postings: Postings }[] = [];
      for (const { term, factor } of candidates) {
        const postings = this.postings.get(term);
        if (postings === undefined) continue;
        used.push({ term, postings });
        const { docs, scores: termScores } = postings;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] ?? 0;
          const score = factor * (termScores[i] ?? 0);
          bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31));
          if (score > (scores[doc] ?? 0)) scores[doc] = score;
        }
      }
      if (used.length === 0) unmatched.push(word);
      wordScores.push(scores);
      wordFields.push(used);
      if (matched === undefined) matched = bits;
      else and(matched, bits);
    });
    const textMatched = matched;
    let base = matched ?? this.everything;
    // Widening: documents carrying the given facet values join the matches (see SearchQuery.widen).
    let widenWeights: Float32Array | undefined;
    if (query.widen !== undefined && words.length > 0 && query.widen.values.size > 0) {
      const byValue = this.facetBits.get(query.widen.facet);
      const weights = this.scratchScores(words.length + 1);
      const union = Uint32Array.from(base);
      for (const [value, weight] of query.widen.values) {
        const bits = byValue?.get(value);
        if (bits === undefined) continue;
        forEachBit(bits, (doc) => {
          if (weight > (weights[doc] ?? 0)) weights[doc] = weight;
        });
        for (let i = 0; i < union.length; i++) union[i] = (union[i] ?? 0) | (bits[i] ?? 0);
      }
      widenWeights = weights;
      base = union;
    }

    // Filters: OR within a facet, AND across facets.
    const filterBits = new Map<F, Bits>();
    for (const facet of this.facetNames) {
      const selected = query.filters?.[facet];
      if (selected === undefined || selected.length === 0) continue;
      const union = newBits(size);
      const byValue = this.facetBits.get(facet);
      for (const value of selected) {
        const bits = byValue?.get(value);
        if (bits === undefined) continue;
        for (let i = 0; i < union.length; i++) union[i] = (union[i] ?? 0) | (bits[i] ?? 0);
      }
      filterBits.set(facet, union);
    }
    const result = Uint32Array.from(base);
    for (const bits of filterBits.values()) and(result, bits);

    const facets = this.countFacets(base, filterBits, result);

    const score = this.scratchScores(0);
    // Tier 0: text matches; tier 1: documents matched only by widening (ranked after, by their weight).
    const tier = widenWeights === undefined ? undefined : this.scratchTiers();
    let total = 0;
    forEachBit(result, (doc) => {
      total++;
      const widened = widenWeights?.[doc] ?? 0;
      if (tier !== undefined && (textMatched === undefined || !hasBit(textMatched, doc))) {
        tier[doc] = 1;
        score[doc] = widened;
        return;
      }
      if (tier !== undefined) tier[doc] = 0;
      let sum = 0;
      for (const scores of wordScores) sum += scores[doc] ?? 0;
      score[doc] = sum * (1 + WIDEN_BOOST * widened);
    });
    const offset = query.offset ?? 0;
    const page = this.topHits(
      result,
      score,
      query.sort ?? 'relevance',
      offset + (query.limit ?? 20),
      tier,
    ).slice(offset);
    return {
      total,
      hits: page.map((doc) => ({
        id: this.ids[doc] ?? '',
        score: Math.round((score[doc] ?? 0) * 1000) / 1000,
        matches: tier?.[doc] === 1 ? [] : this.matchesOf(doc, wordFields),
        widened: tier?.[doc] === 1,
      })),
      facets,
      corrections,
      unmatched,
    };
  }

  /**
   * Disjunctive counts: a facet's values are counted over the query and every other facet's filter,
   * so selecting "online" still shows how many in-person programs there are.
   */
  private countFacets(base: Bits, filters: Map<F, Bits>, result: Bits): Record<F, Map<string, number>> {
    if (filters.size === 0 && base === this.everything) {
      this.allCounts ??= {
        ...(Object.fromEntries(this.facetNames.map((facet) => [facet, new Map<string, number>()])) as Record<
          F,
          Map<string, number>
        >),
        ...this.tally(result, this.counted),
      };
      return this.allCounts;
    }
    const counts = {} as Record<F, Map<string, number>>;
    for (const facet of this.facetNames) counts[facet] = new Map();
    const unfiltered = this.counted.filter((facet) => !filters.has(facet));
    Object.assign(counts, this.tally(result, unfiltered));
    for (const facet of filters.keys()) {
      if (!this.counted.includes(facet)) continue;
      const without = Uint32Array.from(base);
      for (const [other, bits] of filters) if (other !== facet) and(without, bits);
      Object.assign(counts, this.tally(without, [facet]));
    }
    return counts;
  }

  /**
   * Counts the values of `facets` over the documents in `bits`. A facet with few values (delivery,
   * cost band, OSAP…) is counted by intersecting bitsets: a population count per value, 32
   * documents at a time. A facet with many values (occupation, institution) is counted document by
   * document through flat arrays; when more than half the documents match, over the documents that
   * do not, subtracted from the counts over all (kept): a common word matching 80 % of 100,000
   * programs costs a fifth of the pass.
   */
  private tally(bits: Bits, facets: F[]): Record<F, Map<string, number>> {
    const tallies = new Map<F, Int32Array>();
    const wide: F[] = [];
    for (const facet of facets) {
      const names = this.facetValues.get(facet) ?? [];
      if (names.length > FEW_VALUES) {
        wide.push(facet);
        continue;
      }
      const byValue = this.facetBits.get(facet);
      const tally = new Int32Array(names.length);
      names.forEach((name, index) => {
        const valueBits = byValue?.get(name);
        if (valueBits !== undefined) tally[index] = intersectionSize(bits, valueBits);
      });
      tallies.set(facet, tally);
    }
    if (wide.length > 0) {
      const matching = intersectionSize(bits, this.all);
      if (matching > this.ids.length / 2) {
        const rest = newBits(this.ids.length);
        for (let i = 0; i < rest.length; i++) rest[i] = (this.all[i] ?? 0) & ~(bits[i] ?? 0);
        const others = this.countByDocument(rest, wide);
        const everything = this.countsOverAll(wide);
        wide.forEach((facet, f) => {
          const all = everything[f] ?? new Int32Array(0);
          const other = others[f] ?? new Int32Array(0);
          tallies.set(
            facet,
            all.map((n, index) => n - (other[index] ?? 0)),
          );
        });
      } else {
        const counted = this.countByDocument(bits, wide);
        wide.forEach((facet, f) => tallies.set(facet, counted[f] ?? new Int32Array(0)));
      }
    }
    const counts = {} as Record<F, Map<string, number>>;
    for (const facet of facets) {
      const names = this.facetValues.get(facet) ?? [];
      const tally = tallies.get(facet);
      const map = new Map<string, number>();
      names.forEach((name, index) => {
        const n = tally?.[index] ?? 0;
        if (n > 0) map.set(name, n);
      });
      counts[facet] = map;
    }
    return counts;
  }

  /** Counts per value of many-valued facets over every document (computed once). */
  private countsOverAll(facets: F[]): Int32Array[] {
    const missing = facets.filter((facet) => !this.allTallies.has(facet));
    if (missing.length > 0) {
      const counted = this.countByDocument(this.all, missing);
      missing.forEach((facet, f) => this.allTallies.set(facet, counted[f] ?? new Int32Array(0)));
    }
    return facets.map((facet) => this.allTallies.get(facet) ?? new Int32Array(0));
  }

  /** Counts the values of `facets` document by document: one pass, flat arrays, no allocation per document. */
  private countByDocument(bits: Bits, facets: F[]): Int32Array[] {
    const offsets = facets.map((facet) => this.facetOffsets.get(facet) ?? new Int32Array(0));
    const flats = facets.map((facet) => this.facetFlat.get(facet) ?? new Int32Array(0));
    const tallies = facets.map((facet) => new Int32Array(this.facetValues.get(facet)?.length ?? 0));
    const count = facets.length;
    for (let word = 0; word < bits.length; word++) {
      let value = bits[word] ?? 0;
      while (value !== 0) {
        const low = value & -value;
        const doc = (word << 5) + 31 - Math.clz32(low);
        value ^= low;
        for (let f = 0; f < count; f++) {
          const offset = offsets[f] as Int32Array;
          const flat = flats[f] as Int32Array;
          const tally = tallies[f] as Int32Array;
          const end = offset[doc + 1] ?? 0;
          for (let j = offset[doc] ?? 0; j < end; j++) {
            const index = flat[j] ?? 0;
            tally[index] = (tally[index] ?? 0) + 1;
          }
        }
      }
    }
    return tallies;
  }

  /**
   * The first `count` hits in the requested order, by a bounded heap (O(n log count)) rather than
   * sorting every match: a common word matches a third of 100,000 programs, a page shows 20.
   */
  private topHits(
    bits: Bits,
    score: Float32Array,
    order: SortOrder,
    count: number,
    tier: Uint8Array | undefined,
  ): number[] {
    const keys = this.sortKeys;
    const start = (doc: number) => keys[doc]?.start ?? Number.POSITIVE_INFINITY;
    const cost = (doc: number) => keys[doc]?.cost ?? Number.POSITIVE_INFINITY;
    const weeks = (doc: number) => keys[doc]?.weeks ?? Number.POSITIVE_INFINITY;
    const byScore = (a: number, b: number) => (score[b] ?? 0) - (score[a] ?? 0);
    const comparators: Record<SortOrder, (a: number, b: number) => number> = {
      relevance: (a, b) =>
        (tier === undefined ? 0 : (tier[a] ?? 0) - (tier[b] ?? 0)) ||
        byScore(a, b) ||
        start(a) - start(b) ||
        a - b,
      start: (a, b) => start(a) - start(b) || byScore(a, b) || a - b,
      cost: (a, b) => cost(a) - cost(b) || byScore(a, b) || a - b,
      duration: (a, b) => weeks(a) - weeks(b) || byScore(a, b) || a - b,
    };
    const before = comparators[order];
    if (count <= 0) return [];
    // A max-heap on "comes later": its root is the worst of the best `count` so far.
    const heap: number[] = [];
    const later = (a: number, b: number) => before(a, b) > 0;
    const siftUp = (index: number) => {
      let i = index;
      while (i > 0) {
        const parent = (i - 1) >>> 1;
        if (!later(heap[i] ?? 0, heap[parent] ?? 0)) break;
        [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
        i = parent;
      }
    };
    const siftDown = () => {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < heap.length && later(heap[left] ?? 0, heap[largest] ?? 0)) largest = left;
        if (right < heap.length && later(heap[right] ?? 0, heap[largest] ?? 0)) largest = right;
        if (largest === i) return;
        [heap[i], heap[largest]] = [heap[largest] ?? 0, heap[i] ?? 0];
        i = largest;
      }
    };
    forEachBit(bits, (doc) => {
      if (heap.length < count) {
        heap.push(doc);
        siftUp(heap.length - 1);
      } else if (before(doc, heap[0] ?? 0) < 0) {
        heap[0] = doc;
        siftDown();
      }
    });
    return heap.sort(before);
  }

  private matchesOf(doc: number, wordFields: { term: string; postings: Postings }[][]): Match[] {
    const byField = new Map<Field, Set<string>>();
    for (const used of wordFields) {
      for (const { term, postings } of used) {
        const at = binarySearch(postings.docs, doc);
        if (at < 0) continue;
        const mask = postings.fields[at] ?? 0;
        FIELDS.forEach((field, bit) => {
          if ((mask & (1 << bit)) === 0) return;
          const set = byField.get(field) ?? new Set<string>();
          set.add(term);
          byField.set(field, set);
        });
      }
    }
    return FIELDS.filter((field) => byField.has(field)).map((field) => ({
      field,
      terms: [...(byField.get(field) ?? [])],
    }));
  }

  /** True when the document at `index` carries the facet value (used by tests). */
  has(facet: F, value: string, index: number): boolean {
    const bits = this.facetBits.get(facet)?.get(value);
    return bits !== undefined && hasBit(bits, index);
  }
}

/** Endings removed to find a word's family root, longest first (English and French, folded). */
const FAMILY_ENDINGS = [
  'abilites',
  'abilite',
  'ements',
  'ations',
  'ement',
  'ation',
  'ments',
  'ances',
  'iques',
  'ment',
  'ance',
  'ique',
  'ings',
  'ists',
  'ians',
  'ites',
  'ables',
  'eurs',
  'euse',
  'able',
  'ing',
  'ers',
  'ant',
  'ist',
  'ian',
  'ity',
  'ite',
  'eur',
  'als',
  'er',
  'ie',
  'al',
  'e',
];

/**
 * The root a word shares with its family: "manager" and "management" → "manag", "accountant" and
 * "accounting" → "account", "gériatrie" and "gériatrique" → "geriatr". Undefined for roots under
 * four letters (too many unrelated words share them) and for numbers.
 */
export function familyRoot(term: string): string | undefined {
  if (/\d/.test(term)) return undefined;
  for (const ending of FAMILY_ENDINGS) {
    if (term.endsWith(ending) && term.length - ending.length >= 4) return term.slice(0, -ending.length);
  }
  return term.length >= 4 ? term : undefined;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle] ?? 0;
    if (item === value) return middle;
    if (item < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
