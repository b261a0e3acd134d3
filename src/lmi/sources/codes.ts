import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { nocGroup } from '../schema.ts';

/** The NOC 2021 unit group codes loaded in the database ("00010" … "95109"), to validate references. */
export async function nocUnitGroupCodes(db: Db): Promise<Set<string>> {
  const rows = await db.select({ code: nocGroup.code }).from(nocGroup).where(eq(nocGroup.level, 5));
  return new Set(rows.map((row) => row.code));
}

/** A NOC code as the publishers write it, padded to five digits ("10" → "00010"); null when not a code. */
export function nocCode(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  return trimmed.padStart(5, '0');
}

/**
 * Codes that COPS and the Labour Force Survey (and so the BC O*NET crosswalk, which inherits them) use
 * for a group of NOC 2021 unit groups, with the unit groups each stands for: 00018 "Senior managers -
 * public and private sector" does not split the senior-manager unit groups (legislators, 00010, are
 * not in it). Add a code only when a release uses it; sources reject unknown codes.
 */
export const NOC_AGGREGATES: ReadonlyMap<string, readonly string[]> = new Map([
  ['00018', ['00011', '00012', '00013', '00014', '00015']],
]);
