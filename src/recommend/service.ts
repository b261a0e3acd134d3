import {
  hiringIndicator,
  isLabourConditions,
  isOutlookLabel,
  type HiringIndicator,
  type LabourConditions,
  type OutlookLabel,
} from '../lmi/hiring-indicator.ts';
import { dayNumber } from '../search/documents.ts';
import type { ProgramRow } from '../search/repository.ts';
import type { SearchService } from '../search/service.ts';
import { fold } from '../search/text.ts';
import { GapProgramIndex, type GapFilters, type GapItem, type GapProgram } from './gap-programs.ts';
import {
  buildProfile,
  editValue,
  technologyKey,
  type Descriptor,
  type OccupationModel,
  type ProfileCategory,
  type ProfileEdit,
  type SkillProfile,
} from './profile.ts';
import type { RecommendRepository } from './repository.ts';
import {
  evaluate,
  fitReranker,
  heldOutCases,
  matcherWithout,
  type RerankFit,
  type TitleCase,
  type TitleEvaluation,
} from './title-eval.ts';
import type { TitleMatch } from './title-matcher.ts';
import type { JobTitleService } from './titles.ts';
import {
  descriptorsByCategory,
  gapWeight,
  growWhereYouAre,
  rankTransitions,
  technologyWeight,
  transitionTo,
  type Transition,
} from './transitions.ts';

type Lang = 'en' | 'fr';

export interface RecommendInput {
  /** A job title typed by the learner; matched to unit groups. */
  title?: string | undefined;
  /** Confirmed unit groups (up to three); when empty, the title's best match stands in. */
  noc: readonly string[];
  add: readonly ProfileEdit[];
  remove: readonly ProfileEdit[];
  /** The transition whose gap programs should close. */
  target?: string | undefined;
  filters: {
    maxCostCents?: number | undefined;
    maxWeeks?: number | undefined;
    startWithinDays?: number | undefined;
  };
  /** Also list viable moves that are not desirable (worse outlook or a step down). */
  includeUndesirable?: boolean;
  lang: Lang;
}

export interface OccupationSummary {
  code: string;
  title: string;
  teer: number;
  ontarioOutlook: OutlookLabel | null;
  futureConditions: LabourConditions | null;
  hiring: HiringIndicator;
}

export interface NamedLevel {
  code: string;
  name: string;
  category: ProfileCategory;
  level: number;
}

export interface TransitionView extends Omit<Transition, 'carriesOver' | 'skillGaps'> {
  occupation: OccupationSummary;
  carriesOver: NamedLevel[];
  skillGaps: (NamedLevel & { have: number })[];
}

export interface ProgramRecommendation {
  id: string;
  slug: string;
  titleEn: string | null;
  titleFr: string | null;
  institutionEn: string;
  institutionFr: string;
  deliveryMode: string;
  weeks: number;
  costCents: number | null;
  nextStart: string | null;
  isDemo: boolean;
  /** Share of the gap's weight closed, 0–1. */
  coverage: number;
  /** Labels of the gap items the program teaches. */
  teaches: string[];
}

export interface Recommendation {
  /** Candidates for the typed title, best first (empty without a title). */
  matches: TitleMatch[];
  /** The profile's unit groups; `assumed` when taken from the title's best match, not confirmed. */
  occupations: OccupationSummary[];
  assumed: boolean;
  profile: {
    skills: (NamedLevel & { added: boolean })[];
    technologies: { name: string; added: boolean }[];
    removed: { value: string; label: string }[];
  } | null;
  transitions: TransitionView[];
  grow: { name: string; hot: boolean; inDemand: boolean }[];
  target: {
    transition: TransitionView;
    gap: GapItem[];
    programs: ProgramRecommendation[];
    bestSet: {
      programs: ProgramRecommendation[];
      coverage: number;
      weeks: number;
      costCents: number | null;
      closes: string[];
    } | null;
  } | null;
  /** Parameters that name nothing known (a NOC code, skill code or technology), so the page can say so. */
  unresolved: string[];
}

/** What recommendations need from the LMI, built once per LMI release. */
interface LmiModel {
  version: string;
  occupations: Map<string, OccupationModel>;
  descriptors: Map<string, Descriptor>;
  byCategory: Record<ProfileCategory, readonly Descriptor[]>;
  /** Folded technology name → the name as the vocabulary spells it. */
  technologies: Map<string, string>;
}

interface ProgramModel {
  version: number;
  day: number;
  index: GapProgramIndex;
  rows: ReadonlyMap<string, ProgramRow>;
}

export const MAX_OCCUPATIONS = 3;
const TRANSITIONS = 20;
/** The programs' gap: the most important skill and knowledge gaps, and missing technologies. */
const GAP_SKILLS = 12;
const GAP_TECHNOLOGIES = 8;
/** The order categories are shown in: what a person does, what they know, then abilities. */
const CATEGORY_ORDER = { skills: 0, knowledge: 1, abilities: 2 } as const;
const PROGRAMS = 10;
const FRESHNESS_MS = 2_000;

export class LmiNotLoadedError extends Error {
  constructor() {
    super('Labour-market information is not loaded');
  }
}

/**
 * Recommendations from a job title: the title matcher, the learner's skill profile, career
 * transitions with their gaps, and the catalogue programs that close a gap. The LMI part is built in
 * memory once per LMI release; the program part follows the search index's catalogue snapshot.
 */
export class RecommendService {
  private model: LmiModel | undefined;
  private building: Promise<LmiModel | undefined> | undefined;
  private checkedAt = 0;
  private programModel: ProgramModel | undefined;

  constructor(
    private readonly repository: RecommendRepository,
    private readonly titles: JobTitleService,
    private readonly search: SearchService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Builds the LMI model and the title index now (at start, before listening: a few seconds). */
  async refresh(): Promise<void> {
    this.checkedAt = 0;
    await Promise.all([this.lmi(), this.titles.refresh()]);
  }

  private async lmi(): Promise<LmiModel | undefined> {
    const now = this.now().getTime();
    if (this.model !== undefined && now - this.checkedAt < FRESHNESS_MS) return this.model;
    this.checkedAt = now;
    this.building ??= (async () => {
      const version = await this.repository.lmiVersion();
      if (this.model?.version === version) return this.model;
      return this.buildModel(version);
    })().finally(() => {
      this.building = undefined;
    });
    this.model = await this.building;
    return this.model;
  }

  private async buildModel(version: string): Promise<LmiModel | undefined> {
    const [descriptors, signals, ratings, technologies] = await Promise.all([
      this.repository.descriptors(),
      this.repository.unitGroupSignals(),
      this.repository.ratings(),
      this.repository.technologies(),
    ]);
    if (signals.length === 0) return undefined;
    const occupations = new Map<string, OccupationModel>();
    for (const row of signals) {
      occupations.set(row.code, {
        code: row.code,
        titleEn: row.titleEn,
        titleFr: row.titleFr,
        teer: row.teer ?? Number(row.code.charAt(1)),
        levels: new Map(),
        technologies: [],
        ontarioOutlook: isOutlookLabel(row.outlook) ? row.outlook : null,
        futureConditions: isLabourConditions(row.futureConditions) ? row.futureConditions : null,
      });
    }
    for (const rating of ratings) occupations.get(rating.code)?.levels.set(rating.descriptor, rating.level);
    const technologyNames = new Map<string, string>();
    for (const technology of technologies) {
      occupations.get(technology.code)?.technologies.push({
        name: technology.name,
        hot: technology.hot,
        inDemand: technology.inDemand,
        weight: technology.weight,
      });
      const key = technologyKey(technology.name);
      if (!technologyNames.has(key)) technologyNames.set(key, technology.name);
    }
    return {
      version,
      occupations,
      descriptors: new Map(descriptors.map((descriptor) => [descriptor.code, descriptor])),
      byCategory: descriptorsByCategory(descriptors),
      technologies: technologyNames,
    };
  }

  private async required(): Promise<LmiModel> {
    const model = await this.lmi();
    if (model === undefined) throw new LmiNotLoadedError();
    return model;
  }

  /** Unit groups for a job title, best first, with calibrated scores. */
  async matchTitle(title: string, lang: Lang, limit: number): Promise<TitleMatch[]> {
    const matcher = await this.titles.matcher();
    if (matcher === undefined) throw new LmiNotLoadedError();
    return matcher.match(title, lang, limit);
  }

  /** Top-1/top-5 accuracy of the title matcher on titles held out of its index. */
  async evaluateTitles(cases: readonly TitleCase[]): Promise<TitleEvaluation> {
    const [entries, groups] = await Promise.all([
      this.repository.titleEntries(),
      this.repository.unitGroups(),
    ]);
    if (groups.length === 0) throw new LmiNotLoadedError();
    return evaluate(matcherWithout(entries, groups, cases), cases);
  }

  /**
   * Fits the job-title coder's re-ranker (`DEFAULT_OPTIONS.rerank` in title-matcher.ts) on the NOC
   * example titles in buckets 20–99, eight folds of ten, with the development and tuning splits
   * (buckets 0–19) kept out of every index: `npm run eval:titles -- --fit-reranker`.
   */
  async fitTitleReranker(): Promise<RerankFit> {
    const [entries, groups] = await Promise.all([
      this.repository.titleEntries(),
      this.repository.unitGroups(),
    ]);
    if (groups.length === 0) throw new LmiNotLoadedError();
    const folds = Array.from({ length: 8 }, (_, fold) => [20 + fold * 10, 30 + fold * 10] as const);
    return fitReranker(entries, groups, folds, heldOutCases(entries, 0, 20));
  }

  /** Every NOC example title, for building a held-out development set. */
  async titleEntries() {
    return this.repository.titleEntries();
  }

  /** The names of every OaSIS skill and knowledge descriptor, sorted (a profile page's datalist). */
  async skillNames(): Promise<string[]> {
    const model = await this.required();
    return [...model.descriptors.values()]
      .filter((descriptor) => descriptor.category !== 'abilities')
      .map((descriptor) => descriptor.name)
      .sort((a, b) => a.localeCompare(b));
  }

  /**
   * Skills (OaSIS descriptors) and technologies (O*NET) whose names contain what is typed, for adding
   * to a profile: names starting with the text first.
   */
  async vocabulary(
    text: string,
    limit: number,
  ): Promise<{ kind: 'skill' | 'technology'; value: string; label: string }[]> {
    const model = await this.required();
    const query = fold(text).trim();
    if (query.length < 2) return [];
    const found: { kind: 'skill' | 'technology'; value: string; label: string; rank: number }[] = [];
    const rank = (name: string) => {
      const folded = fold(name);
      return folded.startsWith(query)
        ? 0
        : folded.includes(` ${query}`)
          ? 1
          : folded.includes(query)
            ? 2
            : -1;
    };
    for (const descriptor of model.descriptors.values()) {
      const at = rank(descriptor.name);
      if (at >= 0)
        found.push({ kind: 'skill', value: `skill:${descriptor.code}`, label: descriptor.name, rank: at });
    }
    for (const name of model.technologies.values()) {
      const at = rank(name);
      if (at >= 0)
        found.push({ kind: 'technology', value: `technology:${name}`, label: name, rank: at + 0.5 });
    }
    return found
      .sort((a, b) => a.rank - b.rank || a.label.length - b.label.length || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map(({ kind, value, label }) => ({ kind, value, label }));
  }

  async recommend(input: RecommendInput): Promise<Recommendation> {
    const model = await this.required();
    const { lang } = input;
    const unresolved: string[] = [];
    const matches = input.title ? await this.matchTitle(input.title, lang, 8) : [];
    let codes = input.noc.filter((code) => {
      if (model.occupations.has(code)) return true;
      unresolved.push(code);
      return false;
    });
    const assumed = codes.length === 0 && matches.length > 0;
    if (assumed) codes = [matches[0]?.noc ?? ''];
    const current = [...new Set(codes)]
      .slice(0, MAX_OCCUPATIONS)
      .map((code) => model.occupations.get(code))
      .filter((occupation): occupation is OccupationModel => occupation !== undefined);
    const resolve = (edits: readonly ProfileEdit[]) =>
      edits.flatMap((edit): ProfileEdit[] => {
        if (edit.kind === 'skill') {
          if (model.descriptors.has(edit.code)) return [edit];
        } else {
          const name = model.technologies.get(technologyKey(edit.name));
          if (name !== undefined) return [{ kind: 'technology', name }];
        }
        unresolved.push(editValue(edit));
        return [];
      });
    const targetModel = input.target === undefined ? undefined : model.occupations.get(input.target);
    if (input.target !== undefined && targetModel === undefined) unresolved.push(input.target);
    const add = resolve(input.add);
    const remove = resolve(input.remove);
    const summary = (occupation: OccupationModel) => occupationSummary(occupation, lang);
    if (current.length === 0 && add.length === 0) {
      return {
        matches,
        occupations: [],
        assumed: false,
        profile: null,
        transitions: [],
        grow: [],
        target: null,
        unresolved,
      };
    }
    const profile = buildProfile(current, add, remove);
    const view = (transition: Transition): TransitionView => {
      const occupation = model.occupations.get(transition.code) as OccupationModel;
      return {
        ...transition,
        occupation: summary(occupation),
        carriesOver: transition.carriesOver.map((item) => this.named(model, item.code, item.level)),
        skillGaps: [...transition.skillGaps]
          .sort(
            (a, b) =>
              CATEGORY_ORDER[model.descriptors.get(a.code)?.category ?? 'skills'] -
                CATEGORY_ORDER[model.descriptors.get(b.code)?.category ?? 'skills'] ||
              gapWeight(b) - gapWeight(a),
          )
          .map((gap) => ({
            ...this.named(model, gap.code, gap.need),
            have: gap.have,
          })),
      };
    };
    const transitions = rankTransitions(profile, current, model.occupations.values(), model.byCategory, {
      limit: TRANSITIONS,
      includeUndesirable: input.includeUndesirable ?? false,
    }).map(view);

    let target: Recommendation['target'] = null;
    if (targetModel !== undefined) {
      const transition = transitionTo(profile, current, targetModel, model.byCategory);
      // Programs teach skills, knowledge and tools; abilities (near vision, stamina…) are not trained
      // by a micro-credential, so they stay in the transition's gaps but not in the programs' gap.
      const gap: GapItem[] = [
        ...transition.skillGaps
          .filter((item) => model.descriptors.get(item.code)?.category !== 'abilities')
          .slice(0, GAP_SKILLS)
          .map((item) => ({
            kind: 'skill' as const,
            key: item.code,
            label: model.descriptors.get(item.code)?.name ?? item.code,
            weight: gapWeight(item),
          })),
        ...transition.technologyGaps.slice(0, GAP_TECHNOLOGIES).map((technology) => ({
          kind: 'technology' as const,
          key: technology.name,
          label: technology.name,
          weight: technologyWeight(technology),
        })),
      ].filter((item) => item.weight > 0);
      const programs = await this.programs();
      const filters: GapFilters = {
        maxCostCents: input.filters.maxCostCents,
        maxWeeks: input.filters.maxWeeks,
        startBy:
          input.filters.startWithinDays === undefined
            ? undefined
            : programs.day + input.filters.startWithinDays,
      };
      const present = (program: GapProgram, covers: number[], coverage: number) =>
        programRecommendation(
          programs.rows.get(program.id) as ProgramRow,
          programs.day,
          coverage,
          covers.map((index) => gap[index]?.label ?? ''),
        );
      const best = programs.index.bestSet(gap, filters, targetModel.code);
      target = {
        transition: view(transition),
        gap,
        programs: programs.index
          .rank(gap, filters, PROGRAMS, targetModel.code)
          .map((fit) => present(fit.program, fit.covers, fit.coverage)),
        bestSet:
          best === undefined
            ? null
            : {
                programs: best.fits.map((fit) => present(fit.program, fit.covers, fit.coverage)),
                coverage: best.coverage,
                weeks: best.weeks,
                costCents: best.costCents ?? null,
                closes: best.covers.map((index) => gap[index]?.label ?? ''),
              },
      };
    }

    const removed = profile.removed.map((edit) => ({
      value: editValue(edit),
      label: edit.kind === 'skill' ? (model.descriptors.get(edit.code)?.name ?? edit.code) : edit.name,
    }));
    const addedSkills = new Set(add.flatMap((edit) => (edit.kind === 'skill' ? [edit.code] : [])));
    const addedTechnologies = new Set(
      add.flatMap((edit) => (edit.kind === 'technology' ? [technologyKey(edit.name)] : [])),
    );
    return {
      matches,
      occupations: current.map(summary),
      assumed,
      profile: {
        skills: [...profile.levels]
          .filter(([, level]) => level > 0)
          .map(([code, level]) => ({ ...this.named(model, code, level), added: addedSkills.has(code) }))
          .sort(
            (a, b) =>
              CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
              b.level - a.level ||
              a.name.localeCompare(b.name),
          ),
        technologies: profile.technologies.map((name) => ({
          name,
          added: addedTechnologies.has(technologyKey(name)),
        })),
        removed,
      },
      transitions,
      grow: growWhereYouAre(profile, current).slice(0, 10),
      target,
      unresolved,
    };
  }

  private named(model: LmiModel, code: string, level: number): NamedLevel {
    const descriptor = model.descriptors.get(code);
    return {
      code,
      name: descriptor?.name ?? code,
      category: descriptor?.category ?? 'skills',
      level: Math.round(level * 10) / 10,
    };
  }

  /** The gap index over the published programs, rebuilt when the search index's snapshot changes. */
  private async programs(): Promise<ProgramModel> {
    const snapshot = await this.search.programs();
    const cached = this.programModel;
    if (
      cached !== undefined &&
      cached.version === snapshot.version &&
      cached.day === snapshot.day &&
      cached.rows === snapshot.rows
    ) {
      return cached;
    }
    const programs: GapProgram[] = [];
    for (const row of snapshot.rows.values()) programs.push(gapProgram(row, snapshot.day));
    this.programModel = {
      version: snapshot.version,
      day: snapshot.day,
      rows: snapshot.rows,
      index: new GapProgramIndex(programs),
    };
    return this.programModel;
  }
}

function occupationSummary(occupation: OccupationModel, lang: Lang): OccupationSummary {
  return {
    code: occupation.code,
    title: lang === 'fr' ? occupation.titleFr : occupation.titleEn,
    teer: occupation.teer,
    ontarioOutlook: occupation.ontarioOutlook,
    futureConditions: occupation.futureConditions,
    hiring: hiringIndicator({
      ontarioOutlook: occupation.ontarioOutlook,
      futureConditions: occupation.futureConditions,
    }).indicator,
  };
}

function totalCost(row: ProgramRow): number | undefined {
  const cost = row.listing.cost;
  return cost === undefined ? undefined : cost.tuitionCents + cost.feesCents + cost.materialsCents;
}

function nextStartDay(row: ProgramRow, today: number): number | undefined {
  const days = row.listing.offerings
    .map((offering) => (offering.start === undefined ? undefined : dayNumber(offering.start)))
    .filter((day): day is number => day !== undefined && day >= today)
    .sort((a, b) => a - b);
  return days[0];
}

function gapProgram(row: ProgramRow, today: number): GapProgram {
  const { listing } = row;
  return {
    id: row.id,
    skillCodes: listing.skills.flatMap((tag) =>
      tag.code?.startsWith('oasis:') ? [tag.code.slice('oasis:'.length)] : [],
    ),
    skillNames: listing.skills.map((tag) => tag.name),
    technologies: listing.technologies.map((tag) => tag.name),
    occupations: listing.occupations.map((tag) => tag.code ?? tag.name),
    costCents: totalCost(row),
    weeks: listing.durationWeeks,
    nextStart: nextStartDay(row, today),
    anyTime:
      listing.pacing === 'self-paced' && listing.offerings.every((offering) => offering.start === undefined),
  };
}

function programRecommendation(
  row: ProgramRow,
  today: number,
  coverage: number,
  teaches: string[],
): ProgramRecommendation {
  const next = nextStartDay(row, today);
  return {
    id: row.id,
    slug: row.slug,
    titleEn: row.listing.title.en ?? null,
    titleFr: row.listing.title.fr ?? null,
    institutionEn: row.nameEn,
    institutionFr: row.nameFr,
    deliveryMode: row.listing.deliveryMode,
    weeks: row.listing.durationWeeks,
    costCents: totalCost(row) ?? null,
    nextStart: next === undefined ? null : new Date(next * 86_400_000).toISOString().slice(0, 10),
    isDemo: row.isDemo,
    coverage: Math.round(coverage * 1000) / 1000,
    teaches,
  };
}

export type { SkillProfile, TitleMatch };
