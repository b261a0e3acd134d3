import type { Lang } from './i18n/i18n.ts';

/**
 * Every page has an id and one path per language. Links and redirects are built from the id with
 * `href()`, never typed by hand, so French paths cannot drift and the language toggle works on
 * every page. `:name` segments are parameters.
 */
export const pageRoutes = {
  home: { en: '/en/', fr: '/fr/' },
  search: { en: '/en/search', fr: '/fr/recherche' },
  occupations: { en: '/en/occupations', fr: '/fr/professions' },
  occupationsInDemand: { en: '/en/occupations/in-demand', fr: '/fr/professions/en-demande' },
  occupation: { en: '/en/occupations/:noc', fr: '/fr/professions/:noc' },
  careerPaths: { en: '/en/career-paths', fr: '/fr/parcours-de-carriere' },
  careerOccupation: { en: '/en/career-paths/occupation', fr: '/fr/parcours-de-carriere/profession' },
  careerProfile: { en: '/en/career-paths/profile', fr: '/fr/parcours-de-carriere/profil' },
  careerTransitions: { en: '/en/career-paths/transitions', fr: '/fr/parcours-de-carriere/transitions' },
  careerPrograms: { en: '/en/career-paths/programs', fr: '/fr/parcours-de-carriere/programmes' },
  programCompare: { en: '/en/programs/compare', fr: '/fr/programmes/comparer' },
  program: { en: '/en/programs/:slug', fr: '/fr/programmes/:slug' },
  institutions: { en: '/en/institutions', fr: '/fr/etablissements' },
  institution: { en: '/en/institutions/:id', fr: '/fr/etablissements/:id' },
  aboutData: { en: '/en/about-the-data', fr: '/fr/a-propos-des-donnees' },
  accessibility: { en: '/en/accessibility', fr: '/fr/accessibilite' },
  privacy: { en: '/en/privacy', fr: '/fr/confidentialite' },
  terms: { en: '/en/terms', fr: '/fr/conditions' },
  apiDocs: { en: '/en/developers/api', fr: '/fr/developpeurs/api' },
} as const satisfies Record<string, Record<Lang, string>>;

export type RouteId = keyof typeof pageRoutes;

/**
 * The tracked "Register with the institution" link: language-neutral (it redirects away), with the
 * page language recorded with the click.
 */
export const REFERRAL_PATH = '/go/:id';
export function referralHref(programId: string, lang: Lang): string {
  return `/go/${encodeURIComponent(programId)}?lang=${lang}`;
}

export type RouteParams = Record<string, string>;
export type QueryValue = string | number | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

/** The path of a page in a language, with parameters filled in and an optional query string. */
export function href(id: RouteId, lang: Lang, params: RouteParams = {}, query: Query | string = {}): string {
  const pattern: string = pageRoutes[id][lang];
  const path = pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`href(${id}): missing parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = typeof query === 'string' ? query : toSearch(query);
  return search ? `${path}?${search}` : path;
}

function toSearch(query: Query): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  return search.toString();
}
