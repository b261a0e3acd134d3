/**
 * A typo index after SymSpell: every term is filed under the strings left by deleting up to one or
 * two of its letters, so the terms within a typo or two of a word are found by deleting letters from
 * the word, without scanning the vocabulary. The keys are kept as 32-bit hashes in typed arrays (an
 * open-addressing table pointing into one flat list of term numbers), not as a Map of strings: a
 * vocabulary of 20,000 terms has over half a million keys, and as JavaScript objects they made every
 * garbage collection of a busy portal slow. Hash collisions only add candidates; callers check the
 * edit distance of each. Pure.
 */

/** Deletions of up to `depth` letters of a word, the word itself included. */
export function deletions(word: string, depth: number, into: Set<string> = new Set([word])): Set<string> {
  if (depth === 0 || word.length <= 2) return into;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
  return into;
}

/** FNV-1a, 32 bits, never 0 (0 marks an empty slot). */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0 || 1;
}

export class TypoIndex {
  private readonly keys: Uint32Array;
  private readonly starts: Int32Array;
  private readonly counts: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;

  /**
   * `terms[i]` is filed as term number i with the deletions `depthOf(term)` allows (0 leaves it out
   * of typo matching altogether).
   */
  constructor(terms: readonly string[], depthOf: (term: string) => number) {
    let hashes = new Uint32Array(1024);
    let owners = new Int32Array(1024);
    let pairs = 0;
    terms.forEach((term, id) => {
      const depth = depthOf(term);
      if (depth <= 0) return;
      for (const key of deletions(term, depth)) {
        if (pairs === hashes.length) {
          const grownHashes = new Uint32Array(pairs * 2);
          grownHashes.set(hashes);
          hashes = grownHashes;
          const grownOwners = new Int32Array(pairs * 2);
          grownOwners.set(owners);
          owners = grownOwners;
        }
        hashes[pairs] = hash(key);
        owners[pairs] = id;
        pairs++;
      }
    });
    let size = 1024;
    while (size < pairs * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
    const slotOf = new Int32Array(pairs);
    for (let pair = 0; pair < pairs; pair++) {
      const slot = this.slot(hashes[pair] ?? 1, true);
      slotOf[pair] = slot;
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
    }
    this.starts = new Int32Array(size);
    let offset = 0;
    for (let slot = 0; slot < size; slot++) {
      this.starts[slot] = offset;
      offset += this.counts[slot] ?? 0;
    }
    this.ids = new Int32Array(pairs);
    const filled = new Int32Array(size);
    for (let pair = 0; pair < pairs; pair++) {
      const slot = slotOf[pair] ?? 0;
      this.ids[(this.starts[slot] ?? 0) + (filled[slot] ?? 0)] = owners[pair] ?? 0;
      filled[slot] = (filled[slot] ?? 0) + 1;
    }
  }

  /** The slot of a hash (claimed when `claim`), or -1 when absent. */
  private slot(key: number, claim: boolean): number {
    let slot = key & this.mask;
    for (;;) {
      const held = this.keys[slot] ?? 0;
      if (held === key) return slot;
      if (held === 0) {
        if (!claim) return -1;
        this.keys[slot] = key;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Term numbers that may be within `depth` deletions of the word (check each with an edit distance). */
  candidates(word: string, depth: number): Set<number> {
    const found = new Set<number>();
    for (const key of deletions(word, depth)) {
      const slot = this.slot(hash(key), false);
      if (slot < 0) continue;
      const start = this.starts[slot] ?? 0;
      const end = start + (this.counts[slot] ?? 0);
      for (let i = start; i < end; i++) found.add(this.ids[i] ?? 0);
    }
    return found;
  }
}
