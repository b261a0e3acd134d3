import { FeedFileError } from './report.ts';

/**
 * Feed files must be UTF-8 (a byte-order mark is allowed and removed). Anything else is refused with
 * the offset of the first bad byte rather than guessed at: a wrong guess would store mangled accents.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new FeedFileError(
      `the file is not UTF-8 text (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset} is not valid UTF-8); save it as "CSV UTF-8" or UTF-8 JSON`,
    );
  }
}

/** The offset of the first byte the lenient decoder replaced (valid text before it has the same bytes). */
function firstInvalidByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const index = lenient.indexOf('\uFFFD');
  const prefix = lenient.slice(0, Math.max(0, index)).replace(/^\uFEFF/, '');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bom + new TextEncoder().encode(prefix).length;
}
