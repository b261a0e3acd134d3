import type { ProgramSummary } from '../../catalogue/repository.ts';
import type {
  AreaOfFocus,
  CredentialType,
  DeliveryMode,
  InstitutionType,
  OsapStatus,
  Pacing,
  ProficiencyLevel,
  Schedule,
  Support,
} from '../../catalogue/model.ts';
import type { Lang, MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import type { PageContext } from './layout.tsx';

/** Labels of the catalogue's enumerations, by value. */
export const AREA_KEYS = {
  business: 'area.business',
  communications: 'area.communications',
  'community-services': 'area.community-services',
  'creative-arts': 'area.creative-arts',
  education: 'area.education',
  engineering: 'area.engineering',
  environment: 'area.environment',
  health: 'area.health',
  hospitality: 'area.hospitality',
  'information-technology': 'area.information-technology',
  'law-justice': 'area.law-justice',
  leadership: 'area.leadership',
  manufacturing: 'area.manufacturing',
  science: 'area.science',
  'skilled-trades': 'area.skilled-trades',
  transportation: 'area.transportation',
} as const satisfies Record<AreaOfFocus, MessageKey>;

export const DELIVERY_KEYS = {
  online: 'delivery.online',
  'in-person': 'delivery.in-person',
  hybrid: 'delivery.hybrid',
} as const satisfies Record<DeliveryMode, MessageKey>;

export const PACING_KEYS = {
  synchronous: 'pacing.synchronous',
  asynchronous: 'pacing.asynchronous',
  'self-paced': 'pacing.self-paced',
} as const satisfies Record<Pacing, MessageKey>;

export const SCHEDULE_KEYS = {
  daytime: 'schedule.daytime',
  evenings: 'schedule.evenings',
  weekends: 'schedule.weekends',
  'full-time': 'schedule.full-time',
  'part-time': 'schedule.part-time',
  'self-paced': 'schedule.self-paced',
} as const satisfies Record<Schedule, MessageKey>;

export const PROFICIENCY_KEYS = {
  introductory: 'proficiency.introductory',
  intermediate: 'proficiency.intermediate',
  advanced: 'proficiency.advanced',
} as const satisfies Record<ProficiencyLevel, MessageKey>;

export const CREDENTIAL_KEYS = {
  'digital-badge': 'credential.digital-badge',
  certificate: 'credential.certificate',
  'transcript-notation': 'credential.transcript-notation',
  none: 'credential.none',
} as const satisfies Record<CredentialType, MessageKey>;

export const OSAP_KEYS = {
  approved: 'osap.approved',
  'not-approved': 'osap.not-approved',
  unknown: 'osap.unknown',
} as const satisfies Record<OsapStatus, MessageKey>;

export const SUPPORT_KEYS = {
  accessibility: 'support.accessibility',
  indigenous: 'support.indigenous',
  francophone: 'support.francophone',
  newcomers: 'support.newcomers',
  women: 'support.women',
  youth: 'support.youth',
  community: 'support.community',
} as const satisfies Record<Support, MessageKey>;

export const INSTITUTION_TYPE_KEYS = {
  'public-college': 'institutionType.public-college',
  university: 'institutionType.university',
  'indigenous-institute': 'institutionType.indigenous-institute',
  'private-career-college': 'institutionType.private-career-college',
  other: 'institutionType.other',
} as const satisfies Record<InstitutionType, MessageKey>;

/** Listings at or under this total (in cents) are "low cost". */
export const LOW_COST_CENTS = 50_000;

export function locale(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/**
 * Formatters built once per language and kind: building an Intl formatter costs 15–40 µs, and a
 * search page formats about ninety numbers and dates.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** Cents as dollars in the page's locale: 125000 → "$1,250" / "1 250 $" (cents shown only when not whole). */
export function formatMoney(cents: number, lang: Lang): string {
  const whole = cents % 100 === 0;
  return formatter(
    `money:${lang}:${whole ? 0 : 2}`,
    () =>
      new Intl.NumberFormat(locale(lang), {
        style: 'currency',
        currency: 'CAD',
        minimumFractionDigits: whole ? 0 : 2,
      }),
  ).format(cents / 100);
}

export function formatNumber(value: number, lang: Lang): string {
  // Whole numbers under 1,000 read the same in both locales (no grouping): the common case (counts).
  if (Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
  return formatter(
    `number:${lang}`,
    () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }),
  ).format(value);
}

/** A YYYY-MM-DD date in words, read as a calendar date (no time zone shift). */
export function formatDate(isoDate: string, lang: Lang): string {
  // A page shows dozens of dates from a small set (start dates): each is formatted once.
  const key = `${lang}:${isoDate}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = formatter(
      `date:${lang}`,
      () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }),
    ).format(new Date(`${isoDate}T00:00:00Z`));
    if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

const formattedDates = new Map<string, string>();
const MAX_FORMATTED_DATES = 10_000;

/** The total cost in words: free, an amount (low cost when under the threshold), or not published. */
export function costText(totalCents: number | null, ctx: PageContext): string {
  const { t, lang } = ctx;
  if (totalCents === null) return t('program.cost.unknown');
  if (totalCents === 0) return t('program.cost.free');
  const amount = formatMoney(totalCents, lang);
  return totalCents <= LOW_COST_CENTS ? `${amount} (${t('program.cost.lowCost')})` : amount;
}

/** A title in the page language when the listing has one, else the other, marked with its language. */
export function ListingTitle({
  en,
  fr,
  ctx,
}: {
  en: string | null | undefined;
  fr: string | null | undefined;
  ctx: PageContext;
}) {
  const preferred = ctx.lang === 'fr' ? fr : en;
  if (preferred) return <>{preferred}</>;
  const other = ctx.lang === 'fr' ? en : fr;
  return <span lang={ctx.lang === 'fr' ? 'en' : 'fr'}>{other ?? ''}</span>;
}

export function listingTitleText(en: string | null | undefined, fr: string | null | undefined, lang: Lang) {
  return (lang === 'fr' ? (fr ?? en) : (en ?? fr)) ?? '';
}

export function DemoBadge({ ctx }: { ctx: PageContext }) {
  return <span class="ladder-badge ladder-badge--demo">{ctx.t('notice.demo.badge')}</span>;
}

/** Shown above any content that includes demonstration listings, so no one takes them for real offerings. */
export function DemoNotice({ ctx }: { ctx: PageContext }) {
  return (
    <section class="ladder-notice ladder-notice--warning" aria-labelledby="demo-notice-title">
      <h2 class="ladder-notice__title" id="demo-notice-title">
        {ctx.t('notice.demo.title')}
      </h2>
      <p>{ctx.t('notice.demo.body')}</p>
    </section>
  );
}

/** What a program card shows in its heading and first line, whichever list it is in. */
export interface ProgramCardFacts {
  slug: string;
  titleEn: string | null;
  titleFr: string | null;
  isDemo: boolean;
  institutionEn: string;
  institutionFr: string;
  deliveryMode: string;
  weeks: number;
  /** Tuition, fees and materials in cents; null when not published. */
  costCents: number | null;
  osapStatus?: string;
}

/** A program card's title (linked, demo badge) and its institution, delivery, length and cost. */
export function ProgramCardHead({ program, ctx }: { program: ProgramCardFacts; ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <>
      <h3 class="ladder-program__title">
        <a href={href('program', lang, { slug: program.slug })}>
          <ListingTitle en={program.titleEn} fr={program.titleFr} ctx={ctx} />
        </a>{' '}
        {program.isDemo ? <DemoBadge ctx={ctx} /> : null}
      </h3>
      <p class="ladder-program__meta">
        {lang === 'fr' ? program.institutionFr : program.institutionEn} ·{' '}
        {t(DELIVERY_KEYS[program.deliveryMode as DeliveryMode])} ·{' '}
        {t('programList.duration', { weeks: formatNumber(program.weeks, lang) })} ·{' '}
        {costText(program.costCents, ctx)}
        {program.osapStatus === 'approved' ? ` · ${t('osap.approved')}` : ''}
      </p>
    </>
  );
}

/**
 * A list of programs, each with institution, delivery, duration and cost, and a checkbox to pick it
 * for comparison: the list is a GET form to the compare page, so it works without JavaScript.
 */
export function ProgramList({
  programs,
  ctx,
  id,
  compare = true,
}: {
  programs: ProgramSummary[];
  ctx: PageContext;
  id: string;
  compare?: boolean;
}) {
  const { t, lang } = ctx;
  const items = (
    <ul class="ladder-programs">
      {programs.map((program) => {
        const title = listingTitleText(program.titleEn, program.titleFr, lang);
        return (
          <li key={program.id} class="ladder-program">
            <ProgramCardHead
              program={{ ...program, weeks: program.durationWeeks, costCents: program.totalCostCents }}
              ctx={ctx}
            />
            {compare ? (
              <p class="ladder-program__compare">
                <input type="checkbox" name="p" value={program.slug} id={`${id}-${program.id}`} />{' '}
                <label for={`${id}-${program.id}`}>{t('compare.select', { title })}</label>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  if (!compare) return items;
  return (
    <form method="get" action={href('programCompare', lang)} class="ladder-compare-form">
      {items}
      <button type="submit" class="ladder-button ladder-button--secondary">
        {t('compare.submit')}
      </button>
    </form>
  );
}

/** Previous/next links with the page number, for lists with stable page URLs. */
export function Pagination({
  page,
  pages,
  link,
  ctx,
}: {
  page: number;
  pages: number;
  link: (page: number) => string;
  ctx: PageContext;
}) {
  if (pages <= 1) return null;
  const { t } = ctx;
  return (
    <nav aria-label={t('pagination.label')} class="ladder-pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={link(page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('pagination.status', { page, pages })}</li>
        {page < pages ? (
          <li>
            <a href={link(page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
