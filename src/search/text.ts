/**
 * Text as the search index sees it, for English and French alike: case and accents folded, technology
 * names with punctuation kept recognisable (C#, C++, .NET, Node.js), plurals and French gendered
 * endings reduced by a light stemmer, and common words dropped. Pure and fast: it runs on every query
 * and on every field of every program when the index is built.
 */

/** Lower case without diacritics or ligatures: "Infirmière Œuvre" → "infirmiere oeuvre". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Technology names whose punctuation carries meaning, written as one searchable word. */
const TECHNOLOGY_ALIASES: [RegExp, string][] = [
  [/c\+\+/g, ' cplusplus '],
  [/(^|[^a-z0-9])c#/g, '$1 csharp '],
  [/(^|[^a-z0-9])f#/g, '$1 fsharp '],
  // ".NET", "ASP.NET", "VB.NET": the framework is one word.
  [/\.net\b/g, ' dotnet '],
  [/\b([a-z0-9]+)\.js\b/g, ' $1js '],
];

/** Small words that carry no meaning in a search or a job title, in English and French. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  // French
  'au',
  'aux',
  'avec',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'par',
  'pour',
  'sur',
  'un',
  'une',
]);

/**
 * A light stemmer for English and French: plural and feminine endings only, so that "nurses" and
 * "nurse", "infirmières" and "infirmier", "analyses" and "analyse" meet, without the over-reach of a
 * full stemmer on technology names. Words of four letters or fewer are left alone.
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) return `${w.slice(0, -3)}y`;
  if (w.endsWith('aux') && w.length > 5) return `${w.slice(0, -3)}al`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/[sx]$/.test(w)) w = w.slice(0, -1);
  // French feminine forms: infirmière → infirmier, préposée → prepose, technicienne → technicien.
  if (w.endsWith('iere')) return `${w.slice(0, -4)}ier`;
  if (w.endsWith('euse')) return `${w.slice(0, -4)}eur`;
  if (w.endsWith('trice')) return `${w.slice(0, -5)}teur`;
  if (w.endsWith('ienne')) return w.slice(0, -2);
  if (w.endsWith('ee') && w.length > 5) return w.slice(0, -1);
  return w;
}

/** Technology names in folded text written as one searchable word: "c#" → "csharp", "node.js" → "nodejs". */
export function spellTechnologies(folded: string): string {
  let spelled = folded;
  for (const [pattern, replacement] of TECHNOLOGY_ALIASES) spelled = spelled.replace(pattern, replacement);
  return spelled;
}

/** The words of a text as index terms: folded, split, stop words dropped, stemmed. */
export function terms(text: string): string[] {
  const folded = spellTechnologies(fold(text));
  const result: string[] = [];
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word === '' || STOPWORDS.has(word)) continue;
    result.push(stem(word));
  }
  return result;
}

/**
 * Damerau–Levenshtein distance (adjacent transpositions count as one edit), giving up as soon as it
 * exceeds `max` (returns max + 1).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2 = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[cols - 1] ?? max + 1, max + 1);
}

/** Typos allowed in a query word: none under 5 letters, one from 5, two from 9 (the rule). */
export function allowedTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}
