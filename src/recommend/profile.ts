import type { LabourConditions, OutlookLabel } from '../lmi/hiring-indicator.ts';
import { fold } from '../search/text.ts';

/**
 * A learner's skill profile: the OaSIS skills, abilities and knowledge of the occupations they have
 * held (levels 0–5), and the O*NET technologies they use, edited by the learner. It lives in the URL
 * (`noc=…&add=…&remove=…`), so it is rebuilt from those parameters on every request. Pure.
 */

export const PROFILE_CATEGORIES = ['skills', 'abilities', 'knowledge'] as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[number];

/** An OaSIS descriptor of the three categories a profile holds. Names are English only in OaSIS. */
export interface Descriptor {
  code: string;
  category: ProfileCategory;
  name: string;
}

export interface OccupationTechnology {
  name: string;
  hot: boolean;
  inDemand: boolean;
  /** Share of the unit group's O*NET occupations (crosswalk weight) that use it, 0–1. */
  weight: number;
}

/**
 * A technology counts as part of an occupation's work when at least half of the crosswalk weight
 * carries it; below that it is often the tooling of one loosely linked O*NET occupation.
 */
export const CORE_TECHNOLOGY_WEIGHT = 0.5;

/** What the LMI says of one unit group, as recommendations use it. */
export interface OccupationModel {
  code: string;
  titleEn: string;
  titleFr: string;
  /** TEER 0–5 (second digit of the code); lower means more education or responsibility. */
  teer: number;
  /** Descriptor code → mean OaSIS level (0–5) over the unit group's profiles. */
  levels: Map<string, number>;
  /** O*NET technologies through the crosswalk, in-demand and hot first. */
  technologies: OccupationTechnology[];
  ontarioOutlook: OutlookLabel | null;
  futureConditions: LabourConditions | null;
}

/** An edit of the profile as the URL states it: `skill:<OaSIS code>` or `technology:<name>`. */
export type ProfileEdit = { kind: 'skill'; code: string } | { kind: 'technology'; name: string };

export interface SkillProfile {
  /** The unit groups the profile starts from. */
  occupations: string[];
  /** Descriptor code → level the learner has (0–5). */
  levels: Map<string, number>;
  /** Technologies the learner uses (names as the vocabulary spells them). */
  technologies: string[];
  /** Skills the learner added, and items they removed (shown so they can be undone). */
  added: ProfileEdit[];
  removed: ProfileEdit[];
}

/** The level an added skill counts at: "working" level, OaSIS level 3 of 5. */
export const ADDED_LEVEL = 3;
/** How many of an occupation's technologies a starting profile takes (in-demand and hot first). */
export const STARTING_TECHNOLOGIES = 10;

/** Parses one `add=`/`remove=` value; undefined when it is neither `skill:…` nor `technology:…`. */
export function parseEdit(value: string): ProfileEdit | undefined {
  const at = value.indexOf(':');
  if (at < 0) return undefined;
  const kind = value.slice(0, at);
  const rest = value.slice(at + 1).trim();
  if (rest === '') return undefined;
  if (kind === 'skill') return { kind, code: rest };
  if (kind === 'technology') return { kind, name: rest };
  return undefined;
}

export function editValue(edit: ProfileEdit): string {
  return edit.kind === 'skill' ? `skill:${edit.code}` : `technology:${edit.name}`;
}

/** Technology names compare folded: "node.js" is "Node.js". */
export function technologyKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/**
 * The technologies an occupation brings into a starting profile: the most widely used (crosswalk
 * weight), in demand and hot first among equals.
 */
export function startingTechnologies(occupation: OccupationModel): string[] {
  return [...occupation.technologies]
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        Number(b.inDemand) - Number(a.inDemand) ||
        Number(b.hot) - Number(a.hot) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, STARTING_TECHNOLOGIES)
    .map((technology) => technology.name);
}

/**
 * The profile of one or more occupations (each descriptor at its highest level among them, their
 * starting technologies together), with the learner's edits applied: an added skill counts at least
 * at ADDED_LEVEL, a removed one at 0; technologies are added or removed by name.
 */
export function buildProfile(
  occupations: readonly OccupationModel[],
  add: readonly ProfileEdit[],
  remove: readonly ProfileEdit[],
): SkillProfile {
  const levels = new Map<string, number>();
  const technologies = new Map<string, string>();
  for (const occupation of occupations) {
    for (const [code, level] of occupation.levels) levels.set(code, Math.max(levels.get(code) ?? 0, level));
    for (const name of startingTechnologies(occupation)) technologies.set(technologyKey(name), name);
  }
  for (const edit of add) {
    if (edit.kind === 'skill') levels.set(edit.code, Math.max(levels.get(edit.code) ?? 0, ADDED_LEVEL));
    else technologies.set(technologyKey(edit.name), edit.name);
  }
  for (const edit of remove) {
    if (edit.kind === 'skill') levels.set(edit.code, 0);
    else technologies.delete(technologyKey(edit.name));
  }
  return {
    occupations: occupations.map((occupation) => occupation.code),
    levels,
    technologies: [...technologies.values()],
    added: [...add],
    removed: [...remove],
  };
}
