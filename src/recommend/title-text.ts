import { fold, spellTechnologies, stem, STOPWORDS } from '../search/text.ts';

/**
 * Job titles as the title matcher reads them, in English and French: folded (case, accents), split
 * into words, exclusions dropped ("Assessor (except tax)" is not about tax), stop words dropped, words
 * stemmed (plurals, French feminine forms), and abbreviations read both ways. Pure.
 */

/**
 * Words that say how senior a person is, not what they do: they count little, so "sr. full-stack
 * dev" is read as a developer, not matched to titles that happen to contain "senior".
 */
export const LEVEL_WORDS = new Set([
  'senior',
  'junior',
  'intermediate',
  'principal',
  'lead',
  'entry',
  'level',
  'experienced',
  'trainee',
  'staff',
  'associate',
  'head',
  'ii',
  'iii',
  'iv',
  'i',
  '1',
  '2',
  '3',
  'debutant',
  'confirme',
  'experimente',
  'stagiaire',
]);

/**
 * Everyday abbreviations and short forms of job titles (folded, before stemming) and what they stand
 * for; "a|b" when one short word has several readings. Abbreviations that titles spell out in parentheses ("Wide area network (WAN) administrator")
 * are learned from the titles themselves (`learnAbbreviations`); these are the ones people type that
 * the official lists do not spell out.
 */
export const ABBREVIATIONS: Record<string, string> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  jnr: 'junior',
  dev: 'developer',
  devs: 'developer',
  eng: 'engineer',
  engr: 'engineer',
  mgr: 'manager',
  mngr: 'manager',
  asst: 'assistant',
  assoc: 'associate',
  admin: 'administrator|administrative',
  tech: 'technician',
  techs: 'technician',
  coord: 'coordinator',
  rep: 'representative',
  reps: 'representative',
  acct: 'accountant',
  dir: 'director',
  supv: 'supervisor',
  supvr: 'supervisor',
  spvr: 'supervisor',
  sup: 'supervisor',
  exec: 'executive',
  mktg: 'marketing',
  ops: 'operations',
  svc: 'service',
  cust: 'customer',
  hr: 'human resources',
  it: 'information technology',
  qa: 'quality assurance',
  qc: 'quality control',
  ui: 'user interface',
  ux: 'user experience',
  sw: 'software',
  swe: 'software engineer',
  sde: 'software developer',
  sre: 'site reliability engineer',
  dba: 'database administrator',
  pm: 'project manager',
  ba: 'business analyst',
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  cto: 'chief technology officer',
  cio: 'chief information officer',
  coo: 'chief operating officer',
  vp: 'vice president',
  avp: 'assistant vice president',
  gm: 'general manager',
  rn: 'registered nurse',
  rns: 'registered nurse',
  rpns: 'registered practical nurse',
  lpns: 'licensed practical nurse',
  psws: 'personal support worker',
  pssp: 'prepose services soutien personnel',
  iaa: 'infirmier auxiliaire autorise',
  ia: 'infirmier autorise',
  epe: 'educateur petite enfance',
  rpn: 'registered practical nurse',
  lpn: 'licensed practical nurse',
  np: 'nurse practitioner',
  psw: 'personal support worker',
  pca: 'personal care attendant',
  hca: 'health care aide',
  ece: 'early childhood educator',
  eca: 'early childhood assistant',
  ea: 'educational assistant',
  ot: 'occupational therapist',
  pt: 'physiotherapist',
  rt: 'respiratory therapist',
  rmt: 'registered massage therapist',
  md: 'physician',
  gp: 'general practitioner',
  emt: 'emergency medical technician',
  cpa: 'chartered professional accountant',
  cna: 'nursing assistant',
  hvac: 'heating ventilation air conditioning',
  cnc: 'computer numerical control',
  az: 'truck driver',
  dz: 'truck driver',
  csr: 'customer service representative',
  fsd: 'full stack developer',
  prog: 'programmer',
  progr: 'programmer',
  pab: 'prepose beneficiaires',
  tes: 'technicien education specialisee',
  educ: 'educateur',
  gest: 'gestionnaire',
  resp: 'responsable',
};

const EXCLUSION = /\((?:except|excluding|non-|sauf|excluant)[^)]*\)/gi;

/** "Foreman/woman", "Chairman/chairwoman": the feminine form repeats the word, it is not one more. */
const GENDERED_MAN = /\b([a-z]*)(m[ae]n)\/(?:\1)?wom[ae]n\b/g;

/** Folded words of a title, before stemming; exclusions in parentheses removed. */
export function rawWords(text: string): string[] {
  // "R.N.", "C.E.O." → "rn", "ceo"
  const folded = spellTechnologies(fold(text.replace(EXCLUSION, ' ')))
    .replace(/\b((?:[a-z]\.){2,})/g, (dotted) => dotted.replace(/\./g, ''))
    .replace(GENDERED_MAN, '$1$2');
  return folded.split(/[^a-z0-9]+/).filter((word) => word !== '' && !STOPWORDS.has(word));
}

/** One index or query term: stemmed, with the weight factor of a level word. */
export function termOf(word: string): string {
  return stem(word);
}

/**
 * Abbreviations spelled out in titles, such as "Wide area network (WAN) administrator" or
 * "Physiotherapist assistant (PTA)": the letters in parentheses are the initials of the words before
 * them. Returns abbreviation → expansion (folded words).
 */
export function learnAbbreviations(titles: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const pattern = /([^()]*)\(([A-Za-z][A-Za-z0-9./&-]{1,9})\)/g;
  for (const title of titles) {
    if (!title.includes('(')) continue;
    for (const match of title.matchAll(pattern)) {
      const abbreviation = fold(match[2] ?? '').replace(/[^a-z0-9]/g, '');
      if (abbreviation.length < 2 || abbreviation.length > 6) continue;
      const before = fold(match[1] ?? '')
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      // The shortest run of words ending just before "(" whose initials spell the abbreviation.
      for (
        let start = before.length - 1;
        start >= 0 && before.length - start <= abbreviation.length;
        start--
      ) {
        const words = before.slice(start);
        const initials = words.map((word) => word[0]).join('');
        const significant = words
          .filter((word) => !STOPWORDS.has(word))
          .map((word) => word[0])
          .join('');
        if (initials === abbreviation || significant === abbreviation) {
          const expansion = words.join(' ');
          const byExpansion = counts.get(abbreviation) ?? new Map<string, number>();
          byExpansion.set(expansion, (byExpansion.get(expansion) ?? 0) + 1);
          counts.set(abbreviation, byExpansion);
          break;
        }
      }
    }
  }
  const learned = new Map<string, string>();
  for (const [abbreviation, expansions] of counts) {
    const [best] = [...expansions].sort((a, b) => b[1] - a[1]);
    if (best !== undefined) learned.set(abbreviation, best[0]);
  }
  return learned;
}

/**
 * The head word of a title, which names the kind of work: the last word of its main part in English
 * ("Aircraft power plant *mechanic* - …"), the first in French ("*Acheteur* / acheteuse de grains").
 * The main part is what comes before a " - " qualifier or a parenthesis. Folded, not stemmed.
 */
export function headWord(text: string, lang: 'en' | 'fr'): string | undefined {
  const main = text.split(/\s[-–]\s|\(|,/)[0] ?? text;
  const words = rawWords(main).filter((word) => !LEVEL_WORDS.has(word));
  return lang === 'fr' ? words[0] : words[words.length - 1];
}
