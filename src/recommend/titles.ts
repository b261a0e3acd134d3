import type { RecommendRepository } from './repository.ts';
import { TitleMatcher } from './title-matcher.ts';

/** How often, at most, the service asks whether the LMI changed. */
const FRESHNESS_MS = 2_000;
/** How many search texts' job-title answers are kept. */
const RECENT_ANSWERS = 2_000;

/**
 * The job-title coder as a service: builds the title index from the LMI (every NOC, OaSIS and O*NET
 * title, about two seconds for the full LMI) and rebuilds it when a source is re-imported. Shared by
 * recommendations (job title → occupation) and search (a job title widens a program search).
 */
export class JobTitleService {
  private current: { version: string; matcher: TitleMatcher | undefined } | undefined;
  private building: Promise<{ version: string; matcher: TitleMatcher | undefined }> | undefined;
  private checkedAt = 0;
  private recent: {
    matcher: TitleMatcher | undefined;
    answers: Map<string, { noc: string; probability: number }[]>;
  } = { matcher: undefined, answers: new Map() };

  constructor(
    private readonly repository: RecommendRepository,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Builds the index now if the LMI changed (at start, before listening). */
  async refresh(): Promise<void> {
    this.checkedAt = 0;
    await this.matcher();
  }

  /** The matcher for the loaded LMI; undefined when no NOC unit group is loaded. */
  async matcher(): Promise<TitleMatcher | undefined> {
    const now = this.now();
    if (this.current !== undefined && now - this.checkedAt < FRESHNESS_MS) return this.current.matcher;
    this.checkedAt = now;
    // One build at a time; concurrent callers wait for it.
    this.building ??= this.fresh().finally(() => {
      this.building = undefined;
    });
    this.current = await this.building;
    return this.current.matcher;
  }

  private async fresh(): Promise<{ version: string; matcher: TitleMatcher | undefined }> {
    const version = await this.repository.lmiVersion();
    if (this.current?.version === version) return this.current;
    const [entries, groups] = await Promise.all([
      this.repository.titleEntries(),
      this.repository.unitGroups(),
    ]);
    return { version, matcher: groups.length === 0 ? undefined : new TitleMatcher(entries, groups) };
  }

  /** Unit groups for a job title (the occupations page's title search); none without LMI. */
  async match(
    text: string,
    lang: 'en' | 'fr',
    limit: number,
  ): Promise<{ nocCode: string; matchedTitle: string; score: number }[]> {
    const matches = (await this.matcher())?.match(text, lang, limit) ?? [];
    return matches.map((match) => ({
      nocCode: match.noc,
      matchedTitle: match.matchedOn.title,
      score: match.score,
    }));
  }

  /**
   * Unit groups a search text names as a job (see TitleMatcher.jobTitleMatches); none without LMI.
   * Search texts repeat, so the last answers are kept (per LMI release).
   */
  async jobTitleMatches(text: string, lang: 'en' | 'fr'): Promise<{ noc: string; probability: number }[]> {
    const matcher = await this.matcher();
    if (matcher === undefined) return [];
    if (this.recent.matcher !== matcher) this.recent = { matcher, answers: new Map() };
    const key = `${lang}|${text}`;
    const known = this.recent.answers.get(key);
    if (known !== undefined) return known;
    const answer = matcher.jobTitleMatches(text, lang);
    if (this.recent.answers.size >= RECENT_ANSWERS) this.recent.answers.clear();
    this.recent.answers.set(key, answer);
    return answer;
  }
}
