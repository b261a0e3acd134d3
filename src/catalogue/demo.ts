import type { AreaOfFocus, DeliveryMode, Institution, Listing, Pacing, Schedule, Support } from './model.ts';

/**
 * The demonstration catalogue: a deterministic (seeded) set of fictional listings for demos, tests and
 * benchmarks, consistent with the loaded LMI: programs for real occupations, teaching their real
 * skills and (preferably hot) technologies, with realistic costs, durations, delivery and OSAP mixes.
 * Pure: the same vocabulary and options give byte-identical output.
 */

export interface DemoOccupation {
  noc: string;
  titleEn: string;
  titleFr: string | null;
  teer: number | null;
  /** OaSIS skill and knowledge names, most important first. */
  skills: string[];
  technologies: { name: string; hot: boolean }[];
  /** NAICS sector codes. */
  industries: string[];
  /** Job Bank rates the Ontario outlook good or very good. */
  goodOutlook: boolean;
}

export interface DemoVocabulary {
  source: 'lmi' | 'builtin';
  occupations: DemoOccupation[];
}

export interface DemoOptions {
  count: number;
  seed: number;
  /** Offerings start after this date (YYYY-MM-DD). */
  startDate: string;
}

/** sfc32: a small, fast, well-distributed seeded generator (not for anything secret). */
function random(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Up to `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const result: T[] = [];
    while (result.length < count && copy.length > 0) {
      result.push(...copy.splice(Math.floor(this.next() * copy.length), 1));
    }
    return result;
  }
}

export const DEMO_INSTITUTIONS: readonly Institution[] = [
  demo(
    'demo-northshore-college',
    'Northshore College',
    'Collège Northshore',
    'public-college',
    'Sudbury',
    'Northern',
  ),
  demo(
    'demo-lakeview-polytechnic',
    'Lakeview Polytechnic',
    'Polytechnique Lakeview',
    'public-college',
    'Toronto',
    'Toronto',
  ),
  demo(
    'demo-grand-river-college',
    'Grand River College',
    'Collège Grand River',
    'public-college',
    'Kitchener',
    'South Western',
  ),
  demo(
    'demo-limestone-college',
    'Limestone College',
    'Collège Limestone',
    'public-college',
    'Kingston',
    'Eastern',
  ),
  demo(
    'demo-escarpment-college',
    'Escarpment College',
    'Collège Escarpment',
    'public-college',
    'Hamilton',
    'Central',
  ),
  demo(
    'demo-college-des-rivieres',
    'Collège des Rivières',
    'Collège des Rivières',
    'public-college',
    'Ottawa',
    'Eastern',
  ),
  demo(
    'demo-boreal-shield-college',
    'Boreal Shield College',
    'Collège du Bouclier boréal',
    'public-college',
    'Thunder Bay',
    'Northern',
  ),
  demo(
    'demo-university-of-upper-canada',
    'University of Upper Canada',
    'Université du Haut-Canada',
    'university',
    'London',
    'South Western',
  ),
  demo(
    'demo-trillium-university',
    'Trillium University',
    'Université Trillium',
    'university',
    'Ottawa',
    'Eastern',
  ),
  demo(
    'demo-harbourfront-university',
    'Harbourfront University',
    'Université Harbourfront',
    'university',
    'Toronto',
    'Toronto',
  ),
  demo(
    'demo-two-rivers-institute',
    'Two Rivers Indigenous Institute',
    'Institut autochtone Two Rivers',
    'indigenous-institute',
    'Brantford',
    'Central',
  ),
  demo(
    'demo-northern-lights-institute',
    'Northern Lights Indigenous Institute',
    'Institut autochtone Northern Lights',
    'indigenous-institute',
    'Timmins',
    'Northern',
  ),
];

function demo(
  id: string,
  en: string,
  fr: string,
  type: Institution['type'],
  city: string,
  region: string,
): Institution {
  return {
    id,
    name: { en: `${en} (demo)`, fr: `${fr} (démo)` },
    type,
    city,
    region,
    website: `https://${id.replace(/^demo-/, '')}.example.ca`,
  };
}

/** The francophone demo institution teaches in French (and some of its programs in both languages). */
const FRANCOPHONE = 'demo-college-des-rivieres';

/** Area of focus from the NOC code: a few finer groups first, then the broad category (first digit). */
export function areaFor(noc: string): AreaOfFocus {
  const finer: [RegExp, AreaOfFocus][] = [
    [/^(212|2217|2223|2231)/, 'information-technology'],
    [/^(213|2130|2230)/, 'engineering'],
    [/^(4110|4210|4310|4320)/, 'law-justice'],
    [/^(412|4220|4310)/, 'education'],
    [/^(73|75)/, 'transportation'],
  ];
  const match = finer.find(([pattern]) => pattern.test(noc));
  if (match) return match[1];
  const byCategory: Record<string, AreaOfFocus> = {
    '0': 'leadership',
    '1': 'business',
    '2': 'science',
    '3': 'health',
    '4': 'community-services',
    '5': 'creative-arts',
    '6': 'hospitality',
    '7': 'skilled-trades',
    '8': 'environment',
    '9': 'manufacturing',
  };
  return byCategory[noc.charAt(0)] ?? 'business';
}

/** NAICS sector most associated with a NOC broad category, for demo industry tags. */
export const SECTOR_BY_CATEGORY: Record<string, string> = {
  '0': '55',
  '1': '52',
  '2': '54',
  '3': '62',
  '4': '61',
  '5': '71',
  '6': '44-45',
  '7': '23',
  '8': '11',
  '9': '31-33',
};

const PARTNERS = [
  'Maple Ridge Health (demo)',
  'Lakeshore Manufacturing (demo)',
  'Northern Lights Energy (demo)',
  'Trillium Digital (demo)',
  'Bayview Logistics (demo)',
  'Cedar Grove Construction (demo)',
  'Harbour City Hospitality (demo)',
  'Greenbelt Farms (demo)',
];

const FREE_REASON = {
  en: 'Offered at no cost to learners.',
  fr: 'Offert gratuitement aux personnes apprenantes.',
};
const OSAP_REASONS = [
  { en: 'Not yet submitted for OSAP approval.', fr: 'Pas encore soumis pour approbation au RAFEO.' },
  {
    en: 'Shorter than the minimum length OSAP funds.',
    fr: 'Plus court que la durée minimale financée par le RAFEO.',
  },
];

const TITLE_TEMPLATES: {
  en: (topic: string, job: string) => string;
  fr: (topic: string, job: string) => string;
}[] = [
  { en: (topic, job) => `${topic} for ${job}`, fr: (topic, job) => `${topic} pour ${job}` },
  { en: (topic) => `Applied ${topic}`, fr: (topic) => `${topic} appliqué` },
  { en: (topic) => `Foundations of ${topic}`, fr: (topic) => `Fondements\u00a0: ${topic}` },
  { en: (topic) => `${topic} in Practice`, fr: (topic) => `${topic} en pratique` },
  {
    en: (topic, job) => `${topic} Essentials for ${job}`,
    fr: (topic, job) => `L’essentiel de ${topic} pour ${job}`,
  },
];

const DAY = 24 * 3600 * 1000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Generates `count` listings (and the demo institutions) from a vocabulary. */
export function generateDemoCatalogue(
  vocabulary: DemoVocabulary,
  options: DemoOptions,
): { institutions: Institution[]; listings: Listing[] } {
  const dice = new Dice(random(options.seed));
  const occupations = vocabulary.occupations.filter((occupation) => occupation.skills.length > 0);
  if (occupations.length === 0) throw new Error('the demo vocabulary has no occupations with skills');
  // Weighted towards good outlooks and TEER 0–3, but every occupation is used once before any repeats.
  const weighted = occupations.flatMap((occupation) => {
    const weight =
      (occupation.goodOutlook ? 3 : 1) * (occupation.teer !== null && occupation.teer <= 3 ? 2 : 1);
    return Array.from({ length: weight }, () => occupation);
  });
  const order = dice.sample(occupations, occupations.length);
  const listings: Listing[] = [];
  for (let index = 0; index < options.count; index++) {
    const occupation = order[index] ?? dice.pick(weighted);
    listings.push(listingFor(index, occupation, occupations, dice, options.startDate));
  }
  addStacks(listings, dice);
  return { institutions: [...DEMO_INSTITUTIONS], listings };
}

function listingFor(
  index: number,
  occupation: DemoOccupation,
  all: DemoOccupation[],
  dice: Dice,
  startDate: string,
): Listing {
  const institution = dice.pick(DEMO_INSTITUTIONS);
  const externalId = `DEMO-${String(index + 1).padStart(6, '0')}`;
  const hot = occupation.technologies.filter((technology) => technology.hot);
  const technologies = dice
    .sample(hot.length > 0 ? hot : occupation.technologies, dice.int(1, 3))
    .map((t) => t.name);
  if (hot.length > 0 && occupation.technologies.length > hot.length && dice.chance(0.5)) {
    const other = occupation.technologies.find(
      (technology) => !technology.hot && !technologies.includes(technology.name),
    );
    if (other !== undefined) technologies.push(other.name);
  }
  const skills = dice.sample(occupation.skills.slice(0, 10), dice.int(3, 6));
  const topic =
    technologies[0] !== undefined && dice.chance(0.7) ? technologies[0] : (skills[0] ?? 'Workplace skills');
  // Job titles as NOC writes them ("Photographic and film processors"), lower-cased inside a sentence.
  const jobEn = occupation.titleEn.toLowerCase();
  const jobFr = (occupation.titleFr ?? occupation.titleEn).toLowerCase();
  const template = dice.pick(TITLE_TEMPLATES);
  const related = dice.chance(0.3)
    ? all.find(
        (other) => other.noc !== occupation.noc && other.noc.slice(0, 2) === occupation.noc.slice(0, 2),
      )
    : undefined;

  // Classroom time is scheduled: in-person programs are synchronous, online ones any of the three.
  const deliveryMode: DeliveryMode = dice.pick(['online', 'online', 'hybrid', 'in-person'] as const);
  const pacing: Pacing =
    deliveryMode === 'online'
      ? dice.pick(['synchronous', 'asynchronous', 'self-paced', 'asynchronous'] as const)
      : deliveryMode === 'hybrid'
        ? dice.pick(['synchronous', 'asynchronous'] as const)
        : 'synchronous';
  const long = dice.chance(0.08);
  const durationWeeks = long ? dice.int(12, 16) : dice.int(2, 11);
  const durationHours = durationWeeks * dice.int(3, 10);
  const free = dice.chance(0.08);
  const lowCost = !free && dice.chance(0.22);
  const tuitionCents = free ? 0 : lowCost ? dice.int(10, 100) * 500 : dice.int(100, 800) * 500;
  const osapRoll = dice.next();
  const osap: Listing['osap'] =
    (!long && !free && osapRoll < 0.4) || (long && osapRoll < 0.12)
      ? { status: 'approved' }
      : osapRoll < 0.7
        ? { status: 'not-approved', reason: free ? FREE_REASON : dice.pick(OSAP_REASONS) }
        : { status: 'unknown' };
  const languages: Listing['languages'] =
    institution.id === FRANCOPHONE
      ? dice.chance(0.3)
        ? ['en', 'fr']
        : ['fr']
      : dice.chance(0.04)
        ? ['en', 'fr']
        : ['en'];
  const schedules: Schedule[] =
    pacing === 'self-paced'
      ? ['self-paced']
      : dice.sample(['evenings', 'weekends', 'part-time', 'daytime'] as const, dice.int(1, 2));
  const offerings = Array.from({ length: dice.int(1, 3) }, (_, n) => {
    const start = addDays(startDate, 7 + n * 90 + dice.int(0, 60));
    return {
      start,
      end: addDays(start, durationWeeks * 7 - 3),
      schedule: schedules,
      ...(deliveryMode === 'online' ? {} : { city: institution.city }),
      seats: dice.int(15, 40),
    };
  });
  const supports: Support[] =
    institution.type === 'indigenous-institute'
      ? ['indigenous', 'community']
      : institution.id === FRANCOPHONE
        ? ['francophone']
        : dice.chance(0.2)
          ? [dice.pick(['accessibility', 'newcomers', 'women', 'youth'] as const)]
          : [];
  const sector = SECTOR_BY_CATEGORY[occupation.noc.charAt(0)];
  const industries =
    occupation.industries.length > 0 ? occupation.industries.slice(0, 2) : sector ? [sector] : [];
  const tag = (name: string) => ({ name, source: 'institution' as const, confidence: 1 });
  const codeTag = (code: string) => ({ name: code, code, source: 'institution' as const, confidence: 1 });
  const skillList = skills.join(', ').toLowerCase();

  return {
    institution: institution.id,
    externalId,
    status: 'published',
    title: { en: template.en(topic, capitalise(jobEn)), fr: template.fr(topic, jobFr) },
    summary: {
      en: `Job-ready skills in ${topic} for ${occupation.titleEn.toLowerCase()}.`,
      fr: `Des compétences en ${topic} prêtes pour l’emploi, pour ${(occupation.titleFr ?? occupation.titleEn).toLowerCase()}.`,
    },
    description: {
      en: `This ${durationWeeks}-week micro-credential covers ${skillList}. You apply ${technologies.join(', ') || topic} to realistic workplace tasks and finish with a short portfolio project.`,
      fr: `Cette microcertification de ${durationWeeks} semaines porte sur ${skillList}. Vous appliquez ${technologies.join(', ') || topic} à des tâches concrètes et terminez par un court projet de portfolio.`,
    },
    areaOfFocus: areaFor(occupation.noc),
    lastVerified: startDate,
    registrationUrl: `${institution.website}/programs/${externalId.toLowerCase()}`,
    outcomes: {
      en: skills.slice(0, 4).map((skill) => `Apply ${skill.toLowerCase()} in a workplace setting`),
      fr: skills
        .slice(0, 4)
        .map((skill) => `Appliquer la compétence «\u00a0${skill}\u00a0» en milieu de travail`),
    },
    skills: skills.map(tag),
    technologies: technologies.map(tag),
    proficiencyLevel: dice.pick(['introductory', 'introductory', 'intermediate', 'advanced'] as const),
    ...(dice.chance(0.3)
      ? { prerequisites: { en: 'Basic computer skills.', fr: 'Connaissances de base en informatique.' } }
      : {}),
    requires: [],
    assessment: { en: 'Assignments and a final project.', fr: 'Travaux et projet final.' },
    workloadHours: durationHours + durationWeeks * dice.int(1, 3),
    transcriptable: dice.chance(0.4),
    credential: dice.chance(0.85) ? 'digital-badge' : 'certificate',
    occupations: [occupation.noc, ...(related ? [related.noc] : [])].map(codeTag),
    industries: industries.map(codeTag),
    deliveryMode,
    pacing,
    durationWeeks,
    durationHours,
    offerings,
    languages,
    cost: {
      tuitionCents,
      feesCents: free || !dice.chance(0.3) ? 0 : dice.int(1, 10) * 1000,
      materialsCents: free || !dice.chance(0.15) ? 0 : dice.int(1, 8) * 2500,
    },
    osap,
    employerPartners: dice.chance(0.4) ? dice.sample(PARTNERS, dice.int(1, 2)) : [],
    endorsements: [],
    stacksInto: [],
    supports,
  };
}

/** About 15% of listings count towards another listing of the same institution (a larger credential). */
function addStacks(listings: Listing[], dice: Dice): void {
  const peers = new Map<string, Listing[]>();
  for (const listing of listings) {
    const key = `${listing.institution}\u0000${listing.areaOfFocus}`;
    const list = peers.get(key) ?? [];
    list.push(listing);
    peers.set(key, list);
  }
  for (const listing of listings) {
    if (!dice.chance(0.15)) continue;
    const candidates = peers.get(`${listing.institution}\u0000${listing.areaOfFocus}`) ?? [];
    if (candidates.length < 2) continue;
    let target = dice.pick(candidates);
    if (target === listing)
      target = candidates[(candidates.indexOf(listing) + 1) % candidates.length] ?? listing;
    listing.stacksInto = [
      {
        title: {
          en: `Certificate: ${target.title.en ?? ''}`.trim(),
          fr: `Certificat\u00a0: ${target.title.fr ?? ''}`.trim(),
        },
        credit: dice.pick(['0.5 credit', '1 credit', '3 credits']),
        listing: { externalId: target.externalId },
      },
    ];
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Used when no LMI is loaded: real NOC 2021 unit groups and their official titles with generic skills
 * and tools. It holds no labour-market figures (no outlooks, no ratings), so nothing shown from it
 * can be mistaken for LMI.
 */
export const BUILTIN_DEMO_VOCABULARY: DemoVocabulary = {
  source: 'builtin',
  occupations: [
    builtin(
      '21232',
      'Software developers and programmers',
      'Développeurs/développeuses et programmeurs/programmeuses de logiciels',
      1,
      ['Programming', 'Problem solving', 'Testing'],
      ['Python', 'JavaScript', 'Git'],
    ),
    builtin(
      '21211',
      'Data scientists',
      'Scientifiques de données',
      1,
      ['Data analysis', 'Statistics', 'Critical thinking'],
      ['Python', 'SQL', 'Tableau'],
    ),
    builtin(
      '21222',
      'Information systems specialists',
      'Spécialistes des systèmes d’information',
      1,
      ['Systems analysis', 'Troubleshooting', 'Documentation'],
      ['Microsoft Azure', 'Linux', 'SQL'],
    ),
    builtin(
      '22220',
      'Computer network and web technicians',
      'Techniciens/techniciennes de réseau informatique et du Web',
      2,
      ['Troubleshooting', 'Network security', 'Customer service'],
      ['Cisco IOS', 'Linux', 'HTML'],
    ),
    builtin(
      '31301',
      'Registered nurses and registered psychiatric nurses',
      'Infirmiers autorisés/infirmières autorisées et infirmiers psychiatriques autorisés/infirmières psychiatriques autorisées',
      1,
      ['Patient care', 'Communication', 'Critical thinking'],
      ['Electronic health records'],
    ),
    builtin(
      '32101',
      'Licensed practical nurses',
      'Infirmiers/infirmières auxiliaires',
      2,
      ['Patient care', 'Medication administration', 'Documentation'],
      ['Electronic health records'],
    ),
    builtin(
      '33102',
      'Nurse aides, orderlies and patient service associates',
      'Aides-infirmiers/aides-infirmières, aides-soignants/aides-soignantes et préposés/préposées aux bénéficiaires',
      3,
      ['Personal care', 'Communication', 'Safety'],
      ['Electronic health records'],
    ),
    builtin(
      '44101',
      'Home support workers, caregivers and related occupations',
      'Aides familiaux résidants, aides de maintien à domicile et personnel assimilé',
      4,
      ['Personal care', 'Meal preparation', 'Communication'],
      ['Scheduling software'],
    ),
    builtin(
      '13100',
      'Administrative officers',
      'Agents/agentes d’administration',
      3,
      ['Organization', 'Communication', 'Record keeping'],
      ['Microsoft Excel', 'Microsoft Outlook'],
    ),
    builtin(
      '11100',
      'Financial auditors and accountants',
      'Vérificateurs/vérificatrices et comptables',
      1,
      ['Accounting', 'Attention to detail', 'Financial analysis'],
      ['Microsoft Excel', 'QuickBooks'],
    ),
    builtin(
      '12200',
      'Accounting technicians and bookkeepers',
      'Techniciens/techniciennes en comptabilité et teneurs/teneuses de livres',
      2,
      ['Bookkeeping', 'Accuracy', 'Payroll'],
      ['QuickBooks', 'Sage 50'],
    ),
    builtin(
      '10019',
      'Other administrative services managers',
      'Autres directeurs/directrices des services administratifs',
      0,
      ['Leadership', 'Planning', 'Budgeting'],
      ['Microsoft Project'],
    ),
    builtin(
      '72310',
      'Carpenters',
      'Charpentiers-menuisiers/charpentières-menuisières',
      2,
      ['Blueprint reading', 'Measurement', 'Safety'],
      ['AutoCAD'],
    ),
    builtin(
      '72200',
      'Electricians (except industrial and power system)',
      'Électriciens/électriciennes (sauf électriciens industriels/électriciennes industrielles et de réseaux électriques)',
      2,
      ['Electrical code', 'Troubleshooting', 'Safety'],
      ['Multimeters'],
    ),
    builtin(
      '72106',
      'Welders and related machine operators',
      'Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser',
      2,
      ['Welding', 'Blueprint reading', 'Safety'],
      ['MIG welders'],
    ),
    builtin(
      '73300',
      'Transport truck drivers',
      'Conducteurs/conductrices de camions de transport',
      3,
      ['Safe driving', 'Logbooks', 'Vehicle inspection'],
      ['Electronic logging devices'],
    ),
    builtin(
      '42202',
      'Early childhood educators and assistants',
      'Éducateurs/éducatrices et aides-éducateurs/aides-éducatrices de la petite enfance',
      2,
      ['Child development', 'Communication', 'Planning'],
      ['HiMama'],
    ),
    builtin(
      '62020',
      'Food service supervisors',
      'Superviseurs/superviseures des services alimentaires',
      2,
      ['Food safety', 'Supervision', 'Scheduling'],
      ['Point of sale systems'],
    ),
    builtin(
      '64409',
      'Other customer and information services representatives',
      'Autres préposés/préposées aux services d’information et aux services à la clientèle',
      4,
      ['Customer service', 'Communication', 'Problem solving'],
      ['Salesforce', 'Zendesk'],
    ),
    builtin(
      '52120',
      'Graphic designers and illustrators',
      'Designers graphiques et illustrateurs/illustratrices',
      1,
      ['Visual design', 'Typography', 'Client communication'],
      ['Adobe Photoshop', 'Adobe Illustrator', 'Figma'],
    ),
  ],
};

function builtin(
  noc: string,
  titleEn: string,
  titleFr: string,
  teer: number,
  skills: string[],
  technologies: string[],
): DemoOccupation {
  return {
    noc,
    titleEn,
    titleFr,
    teer,
    skills,
    technologies: technologies.map((name) => ({ name, hot: false })),
    industries: [SECTOR_BY_CATEGORY[noc.charAt(0)] ?? '54'],
    goodOutlook: false,
  };
}
