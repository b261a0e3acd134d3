import type { Listing } from './model.ts';

/**
 * OSAP rules for micro-credentials, held in configuration (OSAP_MAX_WEEKS, OSAP_MIN_HOURS,
 * OSAP_MAX_HOURS) because the Ministry publishes and revises them: a micro-credential must be shorter
 * than 12 weeks (11 weeks at most) to be OSAP-eligible, and hour limits may apply.
 */
export interface OsapRules {
  maxWeeks: number;
  minHours: number | undefined;
  maxHours: number | undefined;
}

export const OSAP_FLAGS = [
  'osap-approved-too-long',
  'osap-approved-too-few-hours',
  'osap-approved-too-many-hours',
  'osap-not-approved-without-reason',
] as const;
export type OsapFlag = (typeof OSAP_FLAGS)[number];

/**
 * The inconsistencies between a listing's stated OSAP status and the rules. The status itself is the
 * institution's to state: these flags go to administrators, the listing is never changed silently.
 * Hours are the instructional hours when given, else the workload.
 */
export function osapFlags(listing: Listing, rules: OsapRules): OsapFlag[] {
  const flags: OsapFlag[] = [];
  if (listing.osap.status === 'approved') {
    if (listing.durationWeeks > rules.maxWeeks) flags.push('osap-approved-too-long');
    const hours = listing.durationHours ?? listing.workloadHours;
    if (hours !== undefined && rules.minHours !== undefined && hours < rules.minHours) {
      flags.push('osap-approved-too-few-hours');
    }
    if (hours !== undefined && rules.maxHours !== undefined && hours > rules.maxHours) {
      flags.push('osap-approved-too-many-hours');
    }
  }
  if (listing.osap.status === 'not-approved' && listing.osap.reason === undefined) {
    flags.push('osap-not-approved-without-reason');
  }
  return flags;
}

/** One line for administrators and feed reports. */
export function describeOsapFlag(flag: OsapFlag, listing: Listing, rules: OsapRules): string {
  switch (flag) {
    case 'osap-approved-too-long':
      return `marked OSAP approved but lasts ${listing.durationWeeks} weeks; the OSAP maximum for micro-credentials is ${rules.maxWeeks} weeks`;
    case 'osap-approved-too-few-hours':
      return `marked OSAP approved but has ${listing.durationHours ?? listing.workloadHours ?? 0} hours; the OSAP minimum is ${rules.minHours ?? 0}`;
    case 'osap-approved-too-many-hours':
      return `marked OSAP approved but has ${listing.durationHours ?? listing.workloadHours ?? 0} hours; the OSAP maximum is ${rules.maxHours ?? 0}`;
    case 'osap-not-approved-without-reason':
      return 'marked not OSAP approved without a reason; learners are told why when a reason is given';
  }
}
