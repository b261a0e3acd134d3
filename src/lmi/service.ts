import {
  hiringIndicator,
  isLabourConditions,
  isOutlookLabel,
  type HiringIndicator,
  type LabourConditions,
  type OutlookLabel,
} from './hiring-indicator.ts';
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

/** How many descriptors of each category an occupation page shows. */
const TOP_RATINGS = 10;

/**
 * Labour-market information as the portal shows it: occupation profiles, the NOC hierarchy, the
 * in-demand index, title search and provenance. Status is cached (pages need it synchronously) and
 * refreshed after an import.
 */
export class LmiService {
  private state: LmiStatus = { loaded: false, missing: [...CORE_SOURCES] };

  constructor(private readonly repository: LmiRepository) {}

  /** Reads which sources are loaded; call at start and after an import. */
  async refresh(): Promise<LmiStatus> {
    const loaded = new Set((await this.repository.sources()).map((source) => source.id));
    this.state = { loaded: loaded.has('noc'), missing: CORE_SOURCES.filter((id) => !loaded.has(id)) };
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

  /** Unit groups whose title or example titles match the text, best first. */
  async searchOccupations(query: string, lang: Lang, limit: number) {
    const matches = await this.repository.searchTitles(query, lang, limit);
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
