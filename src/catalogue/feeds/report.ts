import type { z } from 'zod';
import type { Institution, Listing } from '../model.ts';

/**
 * What reading a feed produced, before anything is written: the valid listings and institutions,
 * and every problem found, each located by line (CSV), JSON pointer (JSON) or node (CTDL) and field.
 */
export type FeedFormat = 'csv' | 'json' | 'ctdl';

export interface FeedProblem {
  /** Where in the file: "line 12", "listings[3]", "@graph[2] (https://…/Course-1a.json)". */
  location: string;
  /** The field, in the format's own naming ("cost_tuition", "ceterms:estimatedCost", "title.en"); "" for the whole record or file. */
  field: string;
  message: string;
}

export interface FeedEntry {
  listing: Listing;
  location: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  institutions: Institution[];
  entries: FeedEntry[];
  errors: FeedProblem[];
  warnings: FeedProblem[];
}

/** Thrown for a file that cannot be read at all (too big, not UTF-8, not JSON); the message names why. */
export class FeedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFileError';
  }
}

/** zod issues as feed problems; `fieldName` maps a zod path to the format's field name. */
export function zodProblems(
  error: z.ZodError,
  location: string,
  fieldName: (path: PropertyKey[]) => string = dotted,
): FeedProblem[] {
  return error.issues.map((issue) => ({
    location,
    field: fieldName(issue.path),
    message: issue.message,
  }));
}

/** `['cost', 'tuitionCents']` → "cost.tuitionCents"; `['offerings', 0, 'end']` → "offerings[0].end". */
export function dotted(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

export interface FeedCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  retired: number;
  institutions: number;
}

/** What a feed did, or would do: the report shown to the institution and printed by the CLI. */
export interface FeedReport {
  format: FeedFormat;
  fileName: string | undefined;
  /** Listings that passed every check. */
  accepted: number;
  errors: FeedProblem[];
  warnings: FeedProblem[];
  /** True when the feed was written (no errors, and not a validation-only run). */
  applied: boolean;
  counts: FeedCounts;
}

/** The report as the CLI prints it: problems first (at most 200 of each), then one summary line. */
export function formatReport(report: FeedReport, ms: number, dryRun: boolean): string {
  const lines: string[] = [];
  const show = (kind: string, problems: FeedReport['errors']) => {
    for (const problem of problems.slice(0, 200)) {
      lines.push(
        `${kind} ${problem.location}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`,
      );
    }
    if (problems.length > 200) lines.push(`… and ${problems.length - 200} more ${kind.toLowerCase()}s`);
  };
  show('error', report.errors);
  show('warning', report.warnings);
  const name = report.fileName ?? 'feed';
  const seconds = (ms / 1000).toFixed(1);
  if (report.errors.length > 0) {
    lines.push(
      `${name} (${report.format}): rejected, ${report.errors.length} error(s), nothing written; ${report.accepted} listing(s) were valid (${seconds} s)`,
    );
  } else if (dryRun || !report.applied) {
    lines.push(
      `${name} (${report.format}): valid, ${report.accepted} listing(s), ${report.warnings.length} warning(s); nothing written (dry run, ${seconds} s)`,
    );
  } else {
    const c = report.counts;
    lines.push(
      `${name} (${report.format}): applied, ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired, ${c.institutions} institution(s), ${report.warnings.length} warning(s) (${seconds} s)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
