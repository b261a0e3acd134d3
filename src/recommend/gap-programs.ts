import { fold } from '../search/text.ts';
import { technologyKey } from './profile.ts';

/**
 * Programs that close a skill gap: an index from taught skills (OaSIS descriptor codes, and skill
 * names) and technologies to the published programs, ranking programs by how much of a gap they close
 * (each missing item weighted by its importance), then by cost, duration and start, and finding the
 * shortest set of up to three programs that together close the most of it. Pure.
 */

/** One missing item: a skill (OaSIS code and name) or a technology, with its weight (0–1). */
export interface GapItem {
  kind: 'skill' | 'technology';
  /** OaSIS descriptor code for a skill, the technology's name for a technology. */
  key: string;
  label: string;
  weight: number;
}

/** What the index needs of a published program. */
export interface GapProgram {
  id: string;
  /** OaSIS descriptor codes the program teaches (from `oasis:` tag codes). */
  skillCodes: readonly string[];
  skillNames: readonly string[];
  technologies: readonly string[];
  /** NOC unit groups the program is for. */
  occupations: readonly string[];
  /** Total cost in cents; undefined when not published. */
  costCents: number | undefined;
  weeks: number;
  /** Next start as a day number (days since 1970-01-01); undefined when none is scheduled. */
  nextStart: number | undefined;
  /** Self-paced with no dates: can start any day. */
  anyTime: boolean;
}

export interface GapFilters {
  /** Most the learner will pay, in cents. */
  maxCostCents?: number | undefined;
  maxWeeks?: number | undefined;
  /** Latest start (day number); programs that start any time always pass. */
  startBy?: number | undefined;
}

export interface ProgramFit {
  program: GapProgram;
  /** Indexes into the gap's items of what the program teaches. */
  covers: number[];
  /** Share of the gap's total weight it closes, 0–1. */
  coverage: number;
  /** Ranking score: the coverage, plus TARGET_BONUS when the program is for the target occupation. */
  score: number;
}

export interface ProgramSet {
  /** The chosen programs with what each teaches of the gap. */
  fits: ProgramFit[];
  covers: number[];
  coverage: number;
  weeks: number;
  costCents: number | undefined;
}

const COMBINATION_CANDIDATES = 30;
/**
 * A program written for the target occupation teaches more of it than its tags say: it ranks as if
 * it closed a fifth more of the gap, not enough to pass one that closes far more.
 */
export const TARGET_BONUS = 0.2;
/** Gap items beyond this are not matched (set masks are 32-bit). */
export const MAX_GAP_ITEMS = 30;

const skillNameKey = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

export class GapProgramIndex {
  private readonly programs: GapProgram[];
  private readonly postings = new Map<string, Int32Array>();
  /** Scratch, one slot per program: the gap weight it closes and the gap items it teaches (bits). */
  private readonly weights: Float64Array;
  private readonly masks: Uint32Array;

  constructor(programs: readonly GapProgram[]) {
    this.programs = [...programs];
    const lists = new Map<string, number[]>();
    const add = (key: string, index: number) => {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    };
    this.programs.forEach((program, index) => {
      for (const code of program.skillCodes) add(`skill:${code}`, index);
      for (const name of program.skillNames) add(`skillName:${skillNameKey(name)}`, index);
      for (const name of program.technologies) add(`technology:${technologyKey(name)}`, index);
    });
    for (const [key, list] of lists) this.postings.set(key, Int32Array.from(list));
    this.weights = new Float64Array(this.programs.length);
    this.masks = new Uint32Array(this.programs.length);
  }

  get size(): number {
    return this.programs.length;
  }

  /** Programs teaching a gap item: by OaSIS code or skill name, or by technology name. */
  private programsFor(item: GapItem): Int32Array[] {
    if (item.kind === 'technology')
      return [this.postings.get(`technology:${technologyKey(item.key)}`) ?? new Int32Array(0)];
    return [
      this.postings.get(`skill:${item.key}`) ?? new Int32Array(0),
      this.postings.get(`skillName:${skillNameKey(item.label)}`) ?? new Int32Array(0),
    ];
  }

  /**
   * Programs that close part of the gap and pass the filters, best first: most of the gap's weight
   * closed, then cheapest (unknown cost last), shortest, soonest start.
   */
  rank(allItems: readonly GapItem[], filters: GapFilters, limit: number, target?: string): ProgramFit[] {
    const items = allItems.slice(0, MAX_GAP_ITEMS);
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    if (total <= 0 || limit <= 0) return [];
    // Per program, the weight closed and the gap items taught as a bitmask, in reused typed arrays.
    const { weights, masks } = this;
    const touched: number[] = [];
    items.forEach((item, itemIndex) => {
      const bit = (1 << itemIndex) >>> 0;
      for (const list of this.programsFor(item)) {
        for (const program of list) {
          const mask = masks[program] ?? 0;
          if ((mask & bit) !== 0) continue;
          if (mask === 0) touched.push(program);
          masks[program] = (mask | bit) >>> 0;
          weights[program] = (weights[program] ?? 0) + item.weight;
        }
      }
    });
    // The best `limit` by a bounded, sorted list: most candidates lose to the last kept one at once.
    const best: ProgramFit[] = [];
    for (const index of touched) {
      const weight = weights[index] ?? 0;
      const mask = masks[index] ?? 0;
      weights[index] = 0;
      masks[index] = 0;
      const program = this.programs[index];
      if (program === undefined || !passes(program, filters)) continue;
      const coverage = Math.min(1, weight / total);
      const bonus = target !== undefined && program.occupations.includes(target) ? TARGET_BONUS : 0;
      const fit: ProgramFit = { program, covers: [], coverage, score: coverage + bonus };
      const last = best[best.length - 1];
      if (best.length >= limit && last !== undefined && compareFits(fit, last) >= 0) continue;
      let at = best.length;
      while (at > 0 && compareFits(fit, best[at - 1] as ProgramFit) < 0) at--;
      best.splice(at, 0, { ...fit, covers: bitsOf(mask) });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * The set of one to three programs that closes the most of the gap; among sets closing as much, the
   * fewest weeks in total, then the fewest programs, then the cheapest. A program adding nothing to a
   * set only adds weeks, so it is never chosen. Searches every set of up to three among the best
   * candidates (COMBINATION_CANDIDATES), so the answer is exact for them.
   */
  bestSet(allItems: readonly GapItem[], filters: GapFilters, target?: string): ProgramSet | undefined {
    const items = allItems.slice(0, MAX_GAP_ITEMS);
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    const candidates = this.rank(items, filters, COMBINATION_CANDIDATES, target);
    if (candidates.length === 0 || total <= 0) return undefined;
    const masks = candidates.map((fit) => fit.covers.reduce((mask, index) => (mask | (1 << index)) >>> 0, 0));
    const weightOf = (mask: number) => {
      let sum = 0;
      for (let bits = mask; bits !== 0; bits = (bits & (bits - 1)) >>> 0) {
        sum += items[31 - Math.clz32(bits & -bits)]?.weight ?? 0;
      }
      return sum;
    };
    let best: { members: number[]; weight: number; weeks: number; cost: number } | undefined;
    const consider = (members: number[]) => {
      const mask = members.reduce((acc, member) => (acc | (masks[member] ?? 0)) >>> 0, 0);
      const weight = Math.round(weightOf(mask) * 1e6) / 1e6;
      const weeks = members.reduce((sum, member) => sum + (candidates[member]?.program.weeks ?? 0), 0);
      const cost = members.reduce(
        (sum, member) => sum + (candidates[member]?.program.costCents ?? Number.MAX_SAFE_INTEGER / 4),
        0,
      );
      if (
        best === undefined ||
        weight > best.weight ||
        (weight === best.weight &&
          (weeks < best.weeks ||
            (weeks === best.weeks &&
              (members.length < best.members.length ||
                (members.length === best.members.length && cost < best.cost)))))
      ) {
        best = { members, weight, weeks, cost };
      }
    };
    const n = candidates.length;
    for (let a = 0; a < n; a++) {
      consider([a]);
      for (let b = a + 1; b < n; b++) {
        consider([a, b]);
        for (let c = b + 1; c < n; c++) consider([a, b, c]);
      }
    }
    if (best === undefined) return undefined;
    const chosen = best.members.map((member) => candidates[member] as ProgramFit);
    const costs = chosen.map((fit) => fit.program.costCents);
    const covers = [...new Set(chosen.flatMap((fit) => fit.covers))].sort((a, b) => a - b);
    return {
      fits: chosen,
      covers,
      coverage: Math.min(1, best.weight / total),
      weeks: best.weeks,
      costCents: costs.some((cost) => cost === undefined)
        ? undefined
        : costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0),
    };
  }
}

/** The indexes of the set bits of a mask, ascending. */
function bitsOf(mask: number): number[] {
  const indexes: number[] = [];
  for (let bit = 0; bit < 32; bit++) if (((mask >>> bit) & 1) === 1) indexes.push(bit);
  return indexes;
}

function passes(program: GapProgram, filters: GapFilters): boolean {
  if (
    filters.maxCostCents !== undefined &&
    (program.costCents === undefined || program.costCents > filters.maxCostCents)
  )
    return false;
  if (filters.maxWeeks !== undefined && program.weeks > filters.maxWeeks) return false;
  if (filters.startBy !== undefined && !program.anyTime) {
    if (program.nextStart === undefined || program.nextStart > filters.startBy) return false;
  }
  return true;
}

function compareFits(a: ProgramFit, b: ProgramFit): number {
  const unknown = Number.MAX_SAFE_INTEGER;
  return (
    b.score - a.score ||
    (a.program.costCents ?? unknown) - (b.program.costCents ?? unknown) ||
    a.program.weeks - b.program.weeks ||
    (a.program.anyTime ? 0 : (a.program.nextStart ?? unknown)) -
      (b.program.anyTime ? 0 : (b.program.nextStart ?? unknown)) ||
    a.program.id.localeCompare(b.program.id)
  );
}
