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
