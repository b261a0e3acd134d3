import { SearchEngine, type Field, type SortOrder } from './engine.ts';
import {
  dayNumber,
  FACETS,
  FILTERS,
  TAG_FILTERS,
  programDocuments,
  type Facet,
  type Filter,
} from './documents.ts';
import type { ProgramRow, SearchRepository } from './repository.ts';
import { pickSuggestions, SuggestionIndex, type Suggestion } from './suggest.ts';
import { terms } from './text.ts';

export interface ProgramSearchParams {
  q?: string | undefined;
  /** The page language: a job title is read in it first (both are understood). */
  lang?: 'en' | 'fr' | undefined;
  filters: Partial<Record<Filter, readonly string[]>>;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** Why a program matched, in words the page can show: "teaches Python", "for Registered nurses". */
export interface MatchReason {
  kind: 'title' | 'skill' | 'technology' | 'occupation' | 'industry' | 'institution' | 'text';
  /** The label that matched, in English and French where they differ (occupation titles). */
  labelEn: string;
  labelFr: string;
}

export interface ProgramHit {
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
  nextStart: string | null;
  isDemo: boolean;
  score: number;
  reasons: MatchReason[];
}

export interface ProgramSearchResult {
  total: number;
  page: number;
  pages: number;
  items: ProgramHit[];
  facets: Record<Facet, { value: string; count: number }[]>;
  corrections: { from: string; to: string }[];
  unmatched: string[];
  /** When nothing matches: the query with one word fewer that finds the most programs. */
  didYouMean?: { q: string; total: number };
  /** When nothing matches with filters: how many programs the words alone find. */
  withoutFilters?: number;
  /** The unit groups the query was read as a job title of, with their probability. */
  jobTitles: { noc: string; titleEn: string; titleFr: string; probability: number }[];
}

/** Names of the coded facet values, in both languages (French null where only English is published). */
export interface FacetLabels {
  occupation: ReadonlyMap<string, { en: string; fr: string | null }>;
  industry: ReadonlyMap<string, { en: string; fr: string | null }>;
  institution: ReadonlyMap<string, { en: string; fr: string | null }>;
}

interface Indexed {
  engine: SearchEngine<Filter>;
  labels: FacetLabels;
  /** Skills, technologies, institutions and program titles of the catalogue. */
  suggestions: SuggestionIndex;
  rows: Map<string, ProgramRow>;
  occupations: Map<string, { en: string; fr: string }>;
  /** Index terms of the skill, technology and occupation names results are explained with (filled as read). */
  labelTerms: Map<string, ReadonlySet<string>>;
  version: number;
  day: number;
}

/**
 * The unit groups a text names as a job title ("barista", "RN"), each with its probability: programs
 * for them match the search too (src/recommend/titles.ts provides it).
 */
export type JobTitleCoder = (
  text: string,
  lang: 'en' | 'fr',
) => Promise<{ noc: string; probability: number }[]>;

/** How often, at most, the service asks whether the catalogue changed. */
const FRESHNESS_MS = 2_000;

/**
 * Program search: builds the in-memory index from the database, rebuilds it when the catalogue
 * changes (feed history) or the day changes (start-date windows), and turns engine hits into
 * results with reasons.
 */
export class SearchService {
  private indexed: Indexed | undefined;
  /** Occupations, job titles and industries: rebuilt only when the LMI changes. */
  private vocabulary: { version: string; index: SuggestionIndex } | undefined;
  private building: Promise<Indexed> | undefined;
  private checkedAt = 0;

  constructor(
    private readonly repository: SearchRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly jobTitles: JobTitleCoder = async () => [],
  ) {}

  /** Builds the index now (at start, and in tests after changing the catalogue). */
  async refresh(): Promise<void> {
    this.indexed = await this.build();
    this.checkedAt = this.now().getTime();
  }

  private async current(): Promise<Indexed> {
    const now = this.now();
    const indexed = this.indexed;
    if (indexed !== undefined && now.getTime() - this.checkedAt < FRESHNESS_MS) return indexed;
    this.checkedAt = now.getTime();
    const today = dayNumber(now.toISOString().slice(0, 10));
    if (
      indexed !== undefined &&
      indexed.day === today &&
      (await this.repository.version()) === indexed.version
    ) {
      return indexed;
    }
    // One rebuild at a time; concurrent searches wait for it.
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    this.indexed = await this.building;
    return this.indexed;
  }

  private async build(): Promise<Indexed> {
    const version = await this.repository.version();
    const [rows, occupationRows, industryRows, institutionRows] = await Promise.all([
      this.repository.programs(),
      this.repository.occupationTitles(),
      this.repository.industryTitles(),
      this.repository.institutionNames(),
    ]);
    const occupations = new Map(
      occupationRows.map((row) => [row.code, { en: row.titleEn, fr: row.titleFr ?? row.titleEn }]),
    );
    const lmiVersion = await this.repository.lmiVersion();
    if (this.vocabulary?.version !== lmiVersion) {
      this.vocabulary = {
        version: lmiVersion,
        index: new SuggestionIndex(await this.lmiSuggestions(occupationRows)),
      };
    }
    const day = dayNumber(this.now().toISOString().slice(0, 10));
    const documents = programDocuments(rows, occupationRows, industryRows, day);
    return {
      engine: new SearchEngine(documents, FILTERS, TAG_FILTERS),
      labels: {
        occupation: new Map(occupationRows.map((row) => [row.code, { en: row.titleEn, fr: row.titleFr }])),
        industry: new Map(industryRows.map((row) => [row.code, { en: row.titleEn, fr: row.titleFr }])),
        institution: new Map(institutionRows.map((row) => [row.id, { en: row.nameEn, fr: row.nameFr }])),
      },
      suggestions: new SuggestionIndex(catalogueSuggestions(rows)),
      rows: new Map(rows.map((row) => [row.id, row])),
      occupations,
      labelTerms: new Map(),
      version,
      day,
    };
  }

  private async lmiSuggestions(
    occupationRows: { code: string; titleEn: string; titleFr: string | null }[],
  ): Promise<Suggestion[]> {
    const [titles, sectors] = await Promise.all([this.repository.exampleTitles(), this.repository.sectors()]);
    const names = new Map(occupationRows.map((row) => [row.code, row]));
    const entries: Suggestion[] = [];
    const base = { programs: 0, occupation: null };
    for (const row of occupationRows) {
      entries.push({
        ...base,
        kind: 'occupation',
        label: row.titleEn,
        lang: 'en',
        params: { occupation: row.code },
      });
      if (row.titleFr) {
        entries.push({
          ...base,
          kind: 'occupation',
          label: row.titleFr,
          lang: 'fr',
          params: { occupation: row.code },
        });
      }
    }
    for (const title of titles) {
      const group = names.get(title.code);
      if (group === undefined) continue;
      entries.push({
        kind: 'jobTitle',
        label: title.title,
        lang: title.lang,
        occupation: { code: group.code, titleEn: group.titleEn, titleFr: group.titleFr ?? group.titleEn },
        params: { occupation: group.code },
        programs: 0,
      });
    }
    for (const sector of sectors) {
      entries.push({
        ...base,
        kind: 'industry',
        label: sector.titleEn,
        lang: 'en',
        params: { industry: sector.code },
      });
      if (sector.titleFr) {
        entries.push({
          ...base,
          kind: 'industry',
          label: sector.titleFr,
          lang: 'fr',
          params: { industry: sector.code },
        });
      }
    }
    return entries;
  }

  /**
   * Suggestions for what is being typed, in the page language: precise searches (an occupation, a
   * skill, …) with how many programs each would find.
   */
  async suggest(text: string, lang: 'en' | 'fr', limit: number): Promise<Suggestion[]> {
    const indexed = await this.current();
    if (terms(text).length === 0) return [];
    const counts = indexed.engine.facetCounts();
    const programs = (entry: Suggestion) => {
      const occupation = entry.params.occupation;
      if (occupation !== undefined) return counts.occupation.get(occupation) ?? 0;
      const industry = entry.params.industry;
      if (industry !== undefined) return counts.industry.get(industry) ?? 0;
      return entry.programs;
    };
    return pickSuggestions(
      [
        ...(this.vocabulary?.index.candidates(text, lang, 40, programs) ?? []),
        ...indexed.suggestions.candidates(text, lang, 40),
      ],
      limit,
    );
  }

  /**
   * What to offer when nothing matches: the words alone without the filters, and the query without
   * the word that stops it matching (of queries of two words or more).
   */
  private instead(
    indexed: Indexed,
    params: ProgramSearchParams,
  ): { didYouMean?: { q: string; total: number }; withoutFilters?: number } {
    const count = (text: string | undefined, filters: ProgramSearchParams['filters']) =>
      indexed.engine.search({ ...(text === undefined ? {} : { text }), filters, limit: 0 }).total;
    const offer: { didYouMean?: { q: string; total: number }; withoutFilters?: number } = {};
    if (Object.values(params.filters).some((values) => values.length > 0)) {
      offer.withoutFilters = count(params.q, {});
    }
    const words = (params.q ?? '').split(/\s+/).filter((word) => terms(word).length > 0);
    if (words.length >= 2 && words.length <= 8) {
      for (let skip = 0; skip < words.length; skip++) {
        const q = words.filter((_, index) => index !== skip).join(' ');
        const total = count(q, params.filters);
        if (total > (offer.didYouMean?.total ?? 0)) offer.didYouMean = { q, total };
      }
    }
    return offer;
  }

  /** Names of facet values (occupations, industries, institutions), kept with the index: pages label facets without a query. */
  async labels(): Promise<FacetLabels> {
    return (await this.current()).labels;
  }

  /**
   * The published programs the index holds, with the catalogue version and day it was built for, so
   * other in-memory indexes (recommendations) follow the same snapshot.
   */
  async programs(): Promise<{ version: number; day: number; rows: ReadonlyMap<string, ProgramRow> }> {
    const indexed = await this.current();
    return { version: indexed.version, day: indexed.day, rows: indexed.rows };
  }

  async search(params: ProgramSearchParams): Promise<ProgramSearchResult> {
    const indexed = await this.current();
    const offset = (params.page - 1) * params.pageSize;
    // A job title ("barista", "RN") also finds the programs for the unit groups it names.
    const named = params.q ? await this.jobTitles(params.q, params.lang ?? 'en') : [];
    const result = indexed.engine.search({
      ...(params.q === undefined ? {} : { text: params.q }),
      filters: params.filters,
      sort: params.sort,
      offset,
      limit: params.pageSize,
      ...(named.length === 0
        ? {}
        : {
            widen: {
              facet: 'occupation' as const,
              values: new Map(named.map((match) => [match.noc, match.probability])),
            },
          }),
    });
    const namedCodes = new Set(named.map((match) => match.noc));
    const instead = result.total === 0 ? this.instead(indexed, params) : {};
    const facets = {} as ProgramSearchResult['facets'];
    for (const facet of FACETS) {
      const entries: { value: string; count: number }[] = [];
      for (const [value, count] of result.facets[facet]) entries.push({ value, count });
      // Ties in code order: values are codes and slugs, which need no collator (a slow compare).
      facets[facet] = entries.sort(
        (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
      );
    }
    const today = new Date(indexed.day * 86_400_000).toISOString().slice(0, 10);
    const items = result.hits.flatMap((hit) => {
      const row = indexed.rows.get(hit.id);
      if (row === undefined) return [];
      const { listing } = row;
      const cost = listing.cost;
      const next = listing.offerings
        .map((offering) => offering.start)
        .filter((start): start is string => start !== undefined && start >= today)
        .sort()[0];
      return [
        {
          id: row.id,
          slug: row.slug,
          titleEn: listing.title.en ?? null,
          titleFr: listing.title.fr ?? null,
          institutionId: row.institutionId,
          institutionEn: row.nameEn,
          institutionFr: row.nameFr,
          deliveryMode: listing.deliveryMode,
          durationWeeks: listing.durationWeeks,
          totalCostCents:
            cost === undefined ? null : cost.tuitionCents + cost.feesCents + cost.materialsCents,
          osapStatus: listing.osap.status,
          nextStart: next ?? null,
          isDemo: row.isDemo,
          score: hit.score,
          reasons: reasonsFor(row, hit.matches, indexed.occupations, namedCodes, indexed.labelTerms),
        },
      ];
    });
    return {
      total: result.total,
      page: params.page,
      pages: Math.max(1, Math.ceil(result.total / params.pageSize)),
      items,
      facets,
      corrections: result.corrections,
      // Words of a job title the programs' text does not use ("barista") are not "not found".
      unmatched: named.length > 0 ? [] : result.unmatched,
      ...instead,
      jobTitles: named.map((match) => {
        const names = indexed.occupations.get(match.noc);
        return {
          noc: match.noc,
          titleEn: names?.en ?? match.noc,
          titleFr: names?.fr ?? match.noc,
          probability: Math.round(match.probability * 1000) / 1000,
        };
      }),
    };
  }
}

/** The labels behind the fields a program matched in: the skill, technology or occupation named. */
function reasonsFor(
  row: ProgramRow,
  matches: { field: Field; terms: string[] }[],
  occupations: Map<string, { en: string; fr: string }>,
  named: ReadonlySet<string>,
  labelTerms: Map<string, ReadonlySet<string>>,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const hits = (label: string, found: string[]) => {
    let words = labelTerms.get(label);
    if (words === undefined) {
      words = new Set(terms(label));
      labelTerms.set(label, words);
    }
    return found.some((term) => words.has(term));
  };
  // Programs for a unit group the query names as a job: "for Food counter attendants…".
  for (const tag of row.listing.occupations) {
    const code = tag.code ?? tag.name;
    const names = occupations.get(code);
    if (named.has(code) && names !== undefined) {
      reasons.push({ kind: 'occupation', labelEn: names.en, labelFr: names.fr });
    }
  }
  for (const match of matches) {
    const { listing } = row;
    switch (match.field) {
      case 'skills':
      case 'technologies': {
        const tags = match.field === 'skills' ? listing.skills : listing.technologies;
        for (const tag of tags.filter((item) => hits(item.name, match.terms)).slice(0, 2)) {
          reasons.push({
            kind: match.field === 'skills' ? 'skill' : 'technology',
            labelEn: tag.name,
            labelFr: tag.name,
          });
        }
        break;
      }
      case 'occupations':
        for (const tag of listing.occupations) {
          const names = occupations.get(tag.code ?? tag.name);
          if (names !== undefined && (hits(names.en, match.terms) || hits(names.fr, match.terms))) {
            reasons.push({ kind: 'occupation', labelEn: names.en, labelFr: names.fr });
          }
        }
        break;
      case 'institution':
        reasons.push({ kind: 'institution', labelEn: row.nameEn, labelFr: row.nameFr });
        break;
      case 'title':
        reasons.push({ kind: 'title', labelEn: '', labelFr: '' });
        break;
      case 'industries':
        reasons.push({ kind: 'industry', labelEn: '', labelFr: '' });
        break;
      case 'summary':
      case 'body':
        if (!reasons.some((reason) => reason.kind === 'text'))
          reasons.push({ kind: 'text', labelEn: '', labelFr: '' });
        break;
    }
  }
  const seen = new Set<string>();
  return reasons
    .filter((reason) => {
      const key = `${reason.kind}|${reason.labelEn}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 4);
}

/** Skills, technologies, institutions and distinct program titles, with how many programs each has. */
function catalogueSuggestions(rows: ProgramRow[]): Suggestion[] {
  const tags = new Map<string, Suggestion>();
  const institutions = new Map<string, { row: ProgramRow; count: number }>();
  const titles = new Map<string, Suggestion>();
  const add = (key: string, map: Map<string, Suggestion>, make: () => Suggestion) => {
    const found = map.get(key);
    if (found === undefined) map.set(key, make());
    else found.programs += 1;
  };
  for (const row of rows) {
    const { listing } = row;
    for (const [kind, list] of [
      ['skill', listing.skills],
      ['technology', listing.technologies],
    ] as const) {
      for (const tag of list) {
        add(`${kind}:${tag.name.toLowerCase()}`, tags, () => ({
          kind,
          label: tag.name,
          lang: null,
          occupation: null,
          params: { [kind]: tag.name },
          programs: 1,
        }));
      }
    }
    const institution = institutions.get(row.institutionId);
    if (institution === undefined) institutions.set(row.institutionId, { row, count: 1 });
    else institution.count += 1;
    for (const [lang, title] of [
      ['en', listing.title.en],
      ['fr', listing.title.fr],
    ] as const) {
      if (title === undefined) continue;
      add(`${lang}:${title.toLowerCase()}`, titles, () => ({
        kind: 'program',
        label: title,
        lang,
        occupation: null,
        params: { q: title },
        programs: 1,
      }));
    }
  }
  const entries = [...tags.values(), ...titles.values()];
  for (const { row, count } of institutions.values()) {
    const params = { institution: row.institutionId };
    entries.push({
      kind: 'institution',
      label: row.nameEn,
      lang: 'en',
      occupation: null,
      params,
      programs: count,
    });
    entries.push({
      kind: 'institution',
      label: row.nameFr,
      lang: 'fr',
      occupation: null,
      params,
      programs: count,
    });
  }
  return entries;
}
