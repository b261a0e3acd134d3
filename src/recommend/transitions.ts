import type { OutlookLabel } from '../lmi/hiring-indicator.ts';
import {
  CORE_TECHNOLOGY_WEIGHT,
  PROFILE_CATEGORIES,
  technologyKey,
  type Descriptor,
  type OccupationModel,
  type ProfileCategory,
  type SkillProfile,
} from './profile.ts';

/**
 * Career transitions from a skill profile, after the Conference Board of Canada's job-transition
 * method: a move is *viable* when the skills, abilities and knowledge it needs are similar enough to
 * what the person has, and *desirable* when the outlook is at least as good and the job is not a step
 * down. Pure; the measure and threshold are documented in docs/recommendations.md.
 */

/** Weights of the three OaSIS categories in the similarity; knowledge carries the field of work. */
export const CATEGORY_WEIGHTS: Record<ProfileCategory, number> = {
  skills: 0.4,
  abilities: 0.2,
  knowledge: 0.4,
};

/**
 * Similarity at or above which a transition is viable: the 90th percentile of the similarity
 * of all pairs of unit groups in OaSIS 2023 (docs/recommendations.md).
 */
export const VIABLE_SIMILARITY = 0.56;

/** A descriptor counts as needed from this level (OaSIS 0–5). */
const NEEDED_LEVEL = 2;
/** A gap is worth naming from one level short. */
const MIN_GAP = 1;

const OUTLOOK_RANK: Record<OutlookLabel, number | undefined> = {
  very_good: 4,
  good: 3,
  moderate: 2,
  limited: 1,
  very_limited: 0,
  undetermined: undefined,
};

export function outlookRank(label: OutlookLabel | null): number | undefined {
  return label === null ? undefined : OUTLOOK_RANK[label];
}

/** A skill the target needs more of: the level the person has and the level needed. */
export interface SkillGap {
  code: string;
  have: number;
  need: number;
}

export interface Transition {
  code: string;
  /** 0–1: weighted Ruzicka similarity (Σ min / Σ max of levels) over skills, abilities, knowledge. */
  similarity: number;
  viable: boolean;
  desirable: boolean;
  /** Why it is (or is not) desirable. */
  outlookAtLeastAsGood: boolean | null;
  notAStepDown: boolean;
  /** Needed skills the person already has at the level needed, strongest first. */
  carriesOver: { code: string; level: number }[];
  /** Skills to raise, the most important first. */
  skillGaps: SkillGap[];
  /** Technologies of the target the person does not use: in demand and hot first. */
  technologyGaps: { name: string; hot: boolean; inDemand: boolean }[];
}

/** Σ min / Σ max of two level vectors over the descriptors of one category (1 when identical). */
function ruzicka(
  have: Map<string, number>,
  target: Map<string, number>,
  descriptors: readonly Descriptor[],
): number {
  let low = 0;
  let high = 0;
  for (const descriptor of descriptors) {
    const a = have.get(descriptor.code) ?? 0;
    const b = target.get(descriptor.code) ?? 0;
    low += Math.min(a, b);
    high += Math.max(a, b);
  }
  return high === 0 ? 0 : low / high;
}

export function similarity(
  have: Map<string, number>,
  target: Map<string, number>,
  byCategory: Record<ProfileCategory, readonly Descriptor[]>,
): number {
  let total = 0;
  for (const category of PROFILE_CATEGORIES) {
    total += CATEGORY_WEIGHTS[category] * ruzicka(have, target, byCategory[category]);
  }
  return total;
}

/** Groups descriptors by category once, for `similarity`. */
export function descriptorsByCategory(
  descriptors: readonly Descriptor[],
): Record<ProfileCategory, readonly Descriptor[]> {
  return {
    skills: descriptors.filter((descriptor) => descriptor.category === 'skills'),
    abilities: descriptors.filter((descriptor) => descriptor.category === 'abilities'),
    knowledge: descriptors.filter((descriptor) => descriptor.category === 'knowledge'),
  };
}

/** The details of a move from a profile to one occupation. */
export function transitionTo(
  profile: SkillProfile,
  current: readonly OccupationModel[],
  target: OccupationModel,
  byCategory: Record<ProfileCategory, readonly Descriptor[]>,
): Transition {
  const score = similarity(profile.levels, target.levels, byCategory);
  const currentOutlooks = current
    .map((occupation) => outlookRank(occupation.ontarioOutlook))
    .filter((rank): rank is number => rank !== undefined);
  const targetOutlook = outlookRank(target.ontarioOutlook);
  const outlookAtLeastAsGood =
    targetOutlook === undefined || currentOutlooks.length === 0
      ? null
      : targetOutlook >= Math.max(...currentOutlooks);
  const currentTeer = Math.min(...current.map((occupation) => occupation.teer));
  const notAStepDown = current.length === 0 || target.teer <= currentTeer;
  const carriesOver: Transition['carriesOver'] = [];
  const skillGaps: SkillGap[] = [];
  for (const [code, need] of target.levels) {
    if (need < NEEDED_LEVEL) continue;
    const have = profile.levels.get(code) ?? 0;
    if (have >= need) carriesOver.push({ code, level: need });
    else if (need - have >= MIN_GAP) skillGaps.push({ code, have, need });
  }
  carriesOver.sort((a, b) => b.level - a.level || a.code.localeCompare(b.code));
  skillGaps.sort((a, b) => gapWeight(b) - gapWeight(a) || a.code.localeCompare(b.code));
  const known = new Set(profile.technologies.map(technologyKey));
  const technologyGaps = target.technologies
    .filter(
      (technology) =>
        (technology.hot || technology.inDemand) &&
        technology.weight >= CORE_TECHNOLOGY_WEIGHT &&
        !known.has(technologyKey(technology.name)),
    )
    .sort(
      (a, b) =>
        Number(b.inDemand) - Number(a.inDemand) ||
        Number(b.hot) - Number(a.hot) ||
        a.name.localeCompare(b.name),
    )
    .map(({ name, hot, inDemand }) => ({ name, hot, inDemand }));
  const viable = score >= VIABLE_SIMILARITY;
  return {
    code: target.code,
    similarity: Math.round(score * 1000) / 1000,
    viable,
    desirable: outlookAtLeastAsGood === true && notAStepDown,
    outlookAtLeastAsGood,
    notAStepDown,
    carriesOver,
    skillGaps,
    technologyGaps,
  };
}

/**
 * How much a skill gap matters, 0–1: the level needed (as a share of 5), halved when the person is
 * only one level short. A program that closes an important, wide gap ranks first.
 */
export function gapWeight(gap: SkillGap): number {
  return (gap.need / 5) * Math.min(1, (gap.need - gap.have) / 2);
}

/** Weight of a missing technology: in demand 1, hot 0.8, otherwise 0.5. */
export function technologyWeight(technology: { hot: boolean; inDemand: boolean }): number {
  return technology.inDemand ? 1 : technology.hot ? 0.8 : 0.5;
}

/**
 * Ranked transitions from a profile: every other unit group scored, viable ones kept, desirable ones
 * first (unless `includeUndesirable` is false, when only desirable ones are kept), by similarity.
 */
export function rankTransitions(
  profile: SkillProfile,
  current: readonly OccupationModel[],
  occupations: Iterable<OccupationModel>,
  byCategory: Record<ProfileCategory, readonly Descriptor[]>,
  options: { limit: number; includeUndesirable: boolean },
): Transition[] {
  const own = new Set(profile.occupations);
  const viable: Transition[] = [];
  for (const target of occupations) {
    if (own.has(target.code) || target.levels.size === 0) continue;
    // The cheap score first: details only for viable moves.
    if (similarity(profile.levels, target.levels, byCategory) < VIABLE_SIMILARITY) continue;
    const transition = transitionTo(profile, current, target, byCategory);
    if (options.includeUndesirable || transition.desirable) viable.push(transition);
  }
  viable.sort(
    (a, b) =>
      Number(b.desirable) - Number(a.desirable) ||
      b.similarity - a.similarity ||
      a.code.localeCompare(b.code),
  );
  return viable.slice(0, options.limit);
}

/** "Grow where you are": hot or in-demand technologies of the current occupations the person does not use. */
export function growWhereYouAre(
  profile: SkillProfile,
  current: readonly OccupationModel[],
): { name: string; hot: boolean; inDemand: boolean }[] {
  const known = new Set(profile.technologies.map(technologyKey));
  const seen = new Set<string>();
  const found: { name: string; hot: boolean; inDemand: boolean }[] = [];
  for (const occupation of current) {
    for (const technology of occupation.technologies) {
      const key = technologyKey(technology.name);
      if (!(technology.hot || technology.inDemand) || technology.weight < CORE_TECHNOLOGY_WEIGHT) continue;
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      found.push({ name: technology.name, hot: technology.hot, inDemand: technology.inDemand });
    }
  }
  return found.sort(
    (a, b) =>
      Number(b.inDemand) - Number(a.inDemand) ||
      Number(b.hot) - Number(a.hot) ||
      a.name.localeCompare(b.name),
  );
}
