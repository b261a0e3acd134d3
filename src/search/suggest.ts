import { SearchEngine, type SearchDocument } from './engine.ts';

/**
 * Typed suggestions while typing: job titles (with their occupation), occupations, skills,
 * technologies, industries, institutions and programs, in English and French. Each suggestion
 * carries the precise search it stands for (`occupation=21232`, `skill=Python`, …) or, for a
 * program, its page. Matching is the search engine's: every word, the last one as a prefix, typos
 * from five letters, accents ignored.
 */

export const SUGGESTION_KINDS = [
  'jobTitle',
  'occupation',
  'skill',
  'technology',
  'industry',
  'institution',
  'program',
] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  /** The language of the label; null when it is the same in both (a technology name). */
  lang: 'en' | 'fr' | null;
  /** For a job title: the occupation it belongs to, in both languages. */
  occupation: { code: string; titleEn: string; titleFr: string } | null;
  /** The search parameters the suggestion stands for (a program title searches for that title). */
  params: Record<string, string>;
  /** Published programs behind the suggestion (0 for an occupation without programs yet). */
  programs: number;
}

type Facet = 'lang';

/** A higher kind weight lifts a kind when scores tie: an occupation title over a single example title. */
const KIND_WEIGHT: Record<SuggestionKind, number> = {
  occupation: 1.15,
  jobTitle: 1,
  technology: 1.1,
  skill: 1.05,
  industry: 1,
  institution: 1.1,
  program: 0.9,
};
const PER_KIND = 3;

/** One suggestion index over a list of entries. */
export class SuggestionIndex {
  private readonly engine: SearchEngine<Facet>;

  constructor(private readonly entries: readonly Suggestion[]) {
    const documents: SearchDocument<Facet>[] = entries.map((entry, index) => ({
      id: String(index),
      text: { title: entry.label },
      facets: { lang: [entry.lang ?? 'any'] },
      sort: { start: undefined, cost: undefined, weeks: 0 },
    }));
    this.engine = new SearchEngine(documents, ['lang'], ['lang']);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Candidates for a text in a language, best first: match score × kind weight, plus a little for
   * popularity; an entry with no program behind it counts half (its search would find nothing).
   * `programs` gives the current number of programs of an entry (counts change with the catalogue).
   */
  candidates(
    text: string,
    lang: 'en' | 'fr',
    count: number,
    programs: (entry: Suggestion) => number = (entry) => entry.programs,
  ): { suggestion: Suggestion; score: number }[] {
    const result = this.engine.search({ text, filters: { lang: [lang, 'any'] }, limit: count });
    return result.hits.flatMap((hit) => {
      const entry = this.entries[Number(hit.id)];
      if (entry === undefined) return [];
      const n = programs(entry);
      const score = hit.score * KIND_WEIGHT[entry.kind] * (n === 0 ? 0.5 : 1) + Math.log1p(n) * 0.15;
      return [{ suggestion: { ...entry, programs: n }, score }];
    });
  }
}

/**
 * Merges candidates from several indexes: best score first, one entry per precise search (a job
 * title and its occupation give one suggestion each, repeated job titles of one occupation only
 * once), at most three of a kind, so a list shows occupations, skills and programs together.
 */
export function pickSuggestions(
  candidates: { suggestion: Suggestion; score: number }[],
  limit: number,
): Suggestion[] {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || a.suggestion.label.localeCompare(b.suggestion.label),
  );
  const seen = new Set<string>();
  const perKind = new Map<SuggestionKind, number>();
  const picked: Suggestion[] = [];
  for (const { suggestion } of sorted) {
    if (picked.length >= limit) break;
    const key =
      suggestion.kind === 'jobTitle'
        ? `job:${JSON.stringify(suggestion.params)}`
        : `${suggestion.kind}:${JSON.stringify(suggestion.params)}:${suggestion.label.toLowerCase()}`;
    if (seen.has(key)) continue;
    const used = perKind.get(suggestion.kind) ?? 0;
    if (used >= PER_KIND) continue;
    seen.add(key);
    perKind.set(suggestion.kind, used + 1);
    picked.push(suggestion);
  }
  return picked;
}
