import {
  hiringIndicator,
  isLabourConditions,
  isOutlookLabel,
  type HiringIndicator,
  type LabourConditions,
  type OutlookLabel,
} from './hiring-indicator.ts';
import { rankIndustries, type OccupationSignal } from './in-demand-industries.ts';
import type { LmiRepository, NocGroupRow, RatingRow, SourceRow } from './repository.ts';

export type Lang = 'en' | 'fr';

/** Ontario's province code in Job Bank outlooks. */
export const ONTARIO = 'ON';

/** Sources the portal needs for full occupation pages; the notice on every page names the missing ones. */
export const CORE_SOURCES = ['noc', 'oasis', 'cops', 'jobbank', 'onet'] as const;

/** Text that exists in one language only says which, so pages can mark it with `lang`. */
export interface LocalText {
  text: string;
  lang: Lang;
}

export interface GroupSummary {
  code: string;
  level: number;
  title: LocalText;
}

export interface RatedDescriptor {
  code: string;
  name: LocalText;
  /** 0–5, the mean over the unit group's OaSIS profiles. */
  level: number;
  release: string;
}

export interface HiringSummary {
  indicator: HiringIndicator;
  points: number | null;
  inputs: {
    ontarioOutlook: OutlookLabel | null;
    outlookPeriod: string | null;
    futureConditions: LabourConditions | null;
  };
}

export interface OccupationProfile {
  code: string;
  title: LocalText;
  titleEn: string;
  titleFr: string | null;
  definition: LocalText | null;
  teer: number | null;
  hierarchy: GroupSummary[];
  exampleTitles: LocalText[];
  profiles: {
    code: string;
    title: LocalText;
    leadStatement: LocalText | null;
    mainDuties: LocalText[];
    employmentRequirements: LocalText[];
  }[];
  skills: RatedDescriptor[];
  abilities: RatedDescriptor[];
  knowledge: RatedDescriptor[];
  technologies: { name: string; hot: boolean; inDemand: boolean; weight: number }[];
  related: { code: string; title: LocalText; score: number }[];
  ontarioOutlook: { label: OutlookLabel; period: string; releaseDate: string | null } | null;
  /** COPS 2024–2033, national. `copsCode` differs from `code` when COPS publishes an aggregate. */
  projection: {
    copsCode: string;
    copsTitle: LocalText;
    aggregate: boolean;
    employment2023: number | null;
    employmentGrowth: number | null;
    jobOpenings: number | null;
    jobSeekers: number | null;
    recentConditions: LabourConditions | null;
    futureConditions: LabourConditions | null;
  } | null;
  hiring: HiringSummary;
  sources: { id: string; title: string; version: string; importedAt: string }[];
}

export interface OccupationListItem {
  code: string;
  title: LocalText;
  hiring: HiringSummary;
  jobOpenings: number | null;
}

export interface LmiStatus {
  /** True when the NOC backbone is loaded: occupation pages exist. */
  loaded: boolean;
  /** Core sources not loaded (the page notice names them). */
  missing: string[];
}

/** A NAICS sector in demand: its programs lead to occupations rated "hot" (see in-demand-industries.ts). */
export interface InDemandIndustry {
  /** NAICS sector code: two digits, or a range such as 31-33. */
  code: string;
  /** The sector's title (English only in NAICS Canada as loaded); null when NAICS is not loaded. */
  title: LocalText | null;
  /** Published programs tagged with the sector. */
  programs: number;
  /** Of which tagged with at least one occupation rated "hot". */
  hotPrograms: number;
  /** Every program counted is a demonstration listing. */
  demo: boolean;
  /** Its hot occupations, most programs first. */
  occupations: { code: string; title: LocalText }[];
}

/** The home page's labour-market spotlight. */
export interface Spotlight {
  /** At most three, best first; empty when no sector meets the rule. */
  industries: InDemandIndustry[];
  /** The first occupations of the in-demand index (`inDemand()`). */
  occupations: OccupationListItem[];
  /** How many occupations the in-demand index holds. */
  inDemandTotal: number;
}

/** How many descriptors of each category an occupation page shows. */
const TOP_RATINGS = 10;

/** How many in-demand occupations the spotlight lists. */
const SPOTLIGHT_OCCUPATIONS = 6;
/** How often, at most, the spotlight asks whether the catalogue or the LMI changed. */
const SPOTLIGHT_CHECK_MS = 30_000;
/** The spotlight is rebuilt at least this often, for catalogue changes not recorded as a feed. */
const SPOTLIGHT_MAX_AGE_MS = 5 * 60_000;

interface SpotlightCache {
  version: string;
  builtAt: number;
  checkedAt: number;
  byLang: Record<Lang, Spotlight>;
}

/**
 * Labour-market information as the portal shows it: occupation profiles, the NOC hierarchy, the
 * in-demand index, title search and provenance. Status is cached (pages need it synchronously) and
 * refreshed after an import.
 */
export class LmiService {
  private state: LmiStatus = { loaded: false, missing: [...CORE_SOURCES] };
  private spotlightCache: SpotlightCache | undefined;
  private spotlightBuilding: Promise<SpotlightCache> | undefined;

  /** `now` in milliseconds since the epoch (tests pass a clock). */
  constructor(
    private readonly repository: LmiRepository,
    private readonly now: () => number = Date.now,
    private readonly titleCoder?: TitleCoder,
  ) {}

  /** Reads which sources are loaded; call at start and after an import. */
  async refresh(): Promise<LmiStatus> {
    const loaded = new Set((await this.repository.sources()).map((source) => source.id));
    this.state = { loaded: loaded.has('noc'), missing: CORE_SOURCES.filter((id) => !loaded.has(id)) };
    this.spotlightCache = undefined;
    return this.state;
  }

  status(): LmiStatus {
    return this.state;
  }

  sources(): Promise<SourceRow[]> {
    return this.repository.sources();
  }

  /** The full profile of a unit group (5-digit code), or null when there is no such unit group. */
  async occupation(code: string, lang: Lang): Promise<OccupationProfile | null> {
    const group = await this.repository.group(code);
    if (!group || group.level !== 5) return null;
    const [
      hierarchy,
      examples,
      profiles,
      skills,
      abilities,
      knowledge,
      technologies,
      related,
      outlook,
      cops,
      sources,
    ] = await Promise.all([
      this.repository.ancestors(code),
      this.repository.exampleTitles(code, lang),
      this.repository.profiles(code),
      this.repository.ratings(code, 'skills'),
      this.repository.ratings(code, 'abilities'),
      this.repository.ratings(code, 'knowledge'),
      this.repository.technologies(code),
      this.repository.related(code),
      this.repository.outlook(code, ONTARIO),
      this.repository.cops(code),
      this.repository.sources(),
    ]);
    const ontarioOutlook =
      outlook && isOutlookLabel(outlook.label)
        ? { label: outlook.label, period: outlook.period, releaseDate: outlook.releaseDate }
        : null;
    const futureConditions = conditions(cops?.futureConditions);
    const english = (text: string): LocalText => ({ text, lang: 'en' });
    return {
      code,
      title: groupTitle(group, lang),
      titleEn: group.titleEn,
      titleFr: group.titleFr,
      definition: group.definitionEn ? english(group.definitionEn) : null,
      teer: group.teer,
      hierarchy: hierarchy.map((row) => summary(row, lang)),
      exampleTitles: examples.map((text) => ({ text, lang })),
      profiles: profiles.map((profile) => ({
        code: profile.code,
        title: english(profile.titleEn),
        leadStatement: profile.leadStatementEn ? english(profile.leadStatementEn) : null,
        mainDuties: profile.mainDutiesEn.map(english),
        employmentRequirements: profile.employmentRequirementsEn.map(english),
      })),
      skills: top(skills),
      abilities: top(abilities),
      knowledge: top(knowledge),
      technologies: technologies.map(({ name, hot, inDemand, weight }) => ({
        name,
        hot,
        inDemand,
        weight: Math.round(weight * 1000) / 1000,
      })),
      related: related.map((row) => ({
        code: row.code,
        title: row.titleFr && lang === 'fr' ? { text: row.titleFr, lang } : { text: row.titleEn, lang: 'en' },
        score: row.score,
      })),
      ontarioOutlook,
      projection: cops
        ? {
            copsCode: cops.code,
            copsTitle: lang === 'fr' ? { text: cops.titleFr, lang } : { text: cops.titleEn, lang },
            aggregate: cops.code !== code,
            employment2023: cops.employment2023,
            employmentGrowth: cops.employmentGrowth,
            jobOpenings: cops.jobOpenings,
            jobSeekers: cops.jobSeekers,
            recentConditions: conditions(cops.recentConditions),
            futureConditions,
          }
        : null,
      hiring: hiring(ontarioOutlook?.label ?? null, ontarioOutlook?.period ?? null, futureConditions),
      // The sources an occupation profile is built from (NAICS and ESCO serve search, not this page).
      sources: sources
        .filter((source) => (CORE_SOURCES as readonly string[]).includes(source.id))
        .map((source) => ({
          id: source.id,
          title: source.title,
          version: source.version,
          importedAt: source.importedAt.toISOString(),
        })),
    };
  }

  /** A NOC group of any level with its ancestors and children, for browsing; null when unknown. */
  async group(code: string, lang: Lang) {
    const group = await this.repository.group(code);
    if (!group) return null;
    const [ancestors, children] = await Promise.all([
      this.repository.ancestors(code),
      this.repository.children(code),
    ]);
    return {
      ...summary(group, lang),
      definition: group.definitionEn ? ({ text: group.definitionEn, lang: 'en' } as LocalText) : null,
      hierarchy: ancestors.map((row) => summary(row, lang)),
      children: children.map((row) => summary(row, lang)),
    };
  }

  /** Broad categories, each with its major groups. */
  async browse(lang: Lang) {
    const rows = await this.repository.topLevels();
    return rows
      .filter((row) => row.level === 1)
      .map((broad) => ({
        ...summary(broad, lang),
        majors: rows.filter((row) => row.parentCode === broad.code).map((row) => summary(row, lang)),
      }));
  }

  /** Unit groups rated "hot" in Ontario, most job openings first (COPS, national). */
  async inDemand(lang: Lang, limit?: number): Promise<OccupationListItem[]> {
    const rows = await this.repository.unitGroupSignals(ONTARIO);
    const items = rows.map((row) => ({
      code: row.code,
      title:
        row.titleFr && lang === 'fr'
          ? { text: row.titleFr, lang }
          : { text: row.titleEn, lang: 'en' as const },
      hiring: hiring(
        isOutlookLabel(row.outlook) ? row.outlook : null,
        null,
        conditions(row.futureConditions),
      ),
      jobOpenings: row.copsCode === row.code ? row.jobOpenings : null,
    }));
    const hot = items
      .filter((item) => item.hiring.indicator === 'hot')
      .sort(
        (a, b) =>
          (b.hiring.points ?? 0) - (a.hiring.points ?? 0) ||
          (b.jobOpenings ?? -1) - (a.jobOpenings ?? -1) ||
          a.code.localeCompare(b.code),
      );
    return limit === undefined ? hot : hot.slice(0, limit);
  }

  /**
   * The home page's spotlight: the in-demand industries (NAICS sectors ranked by `rankIndustries`) and
   * the first in-demand occupations; null when the LMI is not loaded. Cached: computed once per
   * catalogue or LMI change (checked at most every 30 s) and at least every 5 minutes, never per
   * request; one computation at a time.
   */
  async spotlight(lang: Lang): Promise<Spotlight | null> {
    if (!this.state.loaded) return null;
    const now = this.now();
    const cached = this.spotlightCache;
    if (cached !== undefined && now - cached.checkedAt < SPOTLIGHT_CHECK_MS) return cached.byLang[lang];
    // Requests arriving during the check are served the current spotlight.
    if (cached !== undefined) cached.checkedAt = now;
    this.spotlightBuilding ??= this.freshSpotlight(cached, now).finally(() => {
      this.spotlightBuilding = undefined;
    });
    const fresh = await this.spotlightBuilding;
    this.spotlightCache = fresh;
    return fresh.byLang[lang];
  }

  private async freshSpotlight(cached: SpotlightCache | undefined, now: number): Promise<SpotlightCache> {
    const version = await this.repository.spotlightVersion();
    if (cached?.version === version && now - cached.builtAt < SPOTLIGHT_MAX_AGE_MS) return cached;
    const [rows, groups, en, fr] = await Promise.all([
      this.repository.unitGroupSignals(ONTARIO),
      this.repository.taggedPrograms(),
      this.inDemand('en'),
      this.inDemand('fr'),
    ]);
    const signals = new Map<string, OccupationSignal>(
      rows.map((row) => [
        row.code,
        hiringIndicator({
          ontarioOutlook: isOutlookLabel(row.outlook) ? row.outlook : null,
          futureConditions: conditions(row.futureConditions),
        }),
      ]),
    );
    const groupRows = new Map(rows.map((row) => [row.code, row]));
    const ranked = rankIndustries(groups, signals);
    const sectors = new Map(
      (await this.repository.naicsTitles(ranked.map((industry) => industry.sector))).map((row) => [
        row.code,
        row,
      ]),
    );
    const industries = (lang: Lang): InDemandIndustry[] =>
      ranked.map((industry) => {
        const sector = sectors.get(industry.sector);
        return {
          code: industry.sector,
          title:
            sector === undefined
              ? null
              : lang === 'fr' && sector.titleFr
                ? { text: sector.titleFr, lang }
                : { text: sector.titleEn, lang: 'en' },
          programs: industry.programs,
          hotPrograms: industry.hotPrograms,
          demo: industry.demoPrograms === industry.programs,
          occupations: industry.inDemand.flatMap(({ code }) => {
            const group = groupRows.get(code);
            if (group === undefined) return [];
            const title: LocalText =
              lang === 'fr' && group.titleFr
                ? { text: group.titleFr, lang }
                : { text: group.titleEn, lang: 'en' };
            return [{ code, title }];
          }),
        };
      });
    const spotlight = (lang: Lang, hot: OccupationListItem[]): Spotlight => ({
      industries: industries(lang),
      occupations: hot.slice(0, SPOTLIGHT_OCCUPATIONS),
      inDemandTotal: hot.length,
    });
    return {
      version,
      builtAt: now,
      checkedAt: now,
      byLang: { en: spotlight('en', en), fr: spotlight('fr', fr) },
    };
  }

  /**
   * Title and hiring indicator of the given unit groups (codes not in the LMI are left out), for
   * program pages and lists that link to occupations.
   */
  async occupationSummaries(codes: readonly string[], lang: Lang): Promise<Map<string, OccupationListItem>> {
    if (codes.length === 0 || !this.state.loaded) return new Map();
    const wanted = new Set(codes);
    const rows = (await this.repository.unitGroupSignals(ONTARIO)).filter((row) => wanted.has(row.code));
    return new Map(
      rows.map((row) => [
        row.code,
        {
          code: row.code,
          title:
            row.titleFr && lang === 'fr'
              ? { text: row.titleFr, lang }
              : { text: row.titleEn, lang: 'en' as const },
          hiring: hiring(
            isOutlookLabel(row.outlook) ? row.outlook : null,
            null,
            conditions(row.futureConditions),
          ),
          jobOpenings: row.copsCode === row.code ? row.jobOpenings : null,
        },
      ]),
    );
  }

  /** Lower-cased names among these that O*NET flags as hot technologies. */
  hotTechnologies(names: readonly string[]): Promise<Set<string>> {
    return this.repository.hotTechnologies([...names]);
  }

  /** NAICS titles of the given codes in the page language (English where no French is published). */
  async industryTitles(codes: readonly string[], lang: Lang): Promise<Map<string, LocalText>> {
    const rows = await this.repository.naicsTitles([...codes]);
    return new Map(
      rows.map((row) => [
        row.code,
        lang === 'fr' && row.titleFr
          ? { text: row.titleFr, lang }
          : { text: row.titleEn, lang: 'en' as const },
      ]),
    );
  }

  /**
   * Unit groups whose title or example titles match the text, best first: the job-title coder when
   * the composition root gives one (src/recommend/titles.ts), else the trigram title search.
   */
  async searchOccupations(query: string, lang: Lang, limit: number) {
    const matches = this.titleCoder
      ? await this.titleCoder(query, lang, limit)
      : await this.repository.searchTitles(query, lang, limit);
    const groups = new Map(
      (await this.repository.groupsByCode(matches.map((match) => match.nocCode))).map((row) => [
        row.code,
        row,
      ]),
    );
    return matches.flatMap((match) => {
      const group = groups.get(match.nocCode);
      return group
        ? [
            {
              code: match.nocCode,
              title: groupTitle(group, lang),
              matchedTitle: match.matchedTitle,
              score: match.score,
            },
          ]
        : [];
    });
  }
}

/** Unit groups for a job title, best first, with the title each matched and a score 0–1. */
export type TitleCoder = (
  text: string,
  lang: Lang,
  limit: number,
) => Promise<{ nocCode: string; matchedTitle: string; score: number }[]>;

function groupTitle(group: NocGroupRow, lang: Lang): LocalText {
  return lang === 'fr' && group.titleFr
    ? { text: group.titleFr, lang: 'fr' }
    : { text: group.titleEn, lang: 'en' };
}

function summary(group: NocGroupRow, lang: Lang): GroupSummary {
  return { code: group.code, level: group.level, title: groupTitle(group, lang) };
}

function top(rows: RatingRow[]): RatedDescriptor[] {
  return rows.slice(0, TOP_RATINGS).map((row) => ({
    code: row.code,
    name: { text: row.nameEn, lang: 'en' },
    level: Math.round(row.level * 10) / 10,
    release: row.release,
  }));
}

function conditions(value: string | null | undefined): LabourConditions | null {
  return isLabourConditions(value) ? value : null;
}

function hiring(
  ontarioOutlook: OutlookLabel | null,
  outlookPeriod: string | null,
  futureConditions: LabourConditions | null,
): HiringSummary {
  return {
    ...hiringIndicator({ ontarioOutlook, futureConditions }),
    inputs: { ontarioOutlook, outlookPeriod, futureConditions },
  };
}
