import { renderToString } from 'preact-render-to-string';
import type { CatalogueService } from '../../catalogue/service.ts';
import type { LmiService } from '../../lmi/service.ts';
import { FACETS, FILTERS, TAG_FILTERS, type Facet, type Filter } from '../../search/documents.ts';
import { filtersOf, searchParams, type SearchParams } from '../../search/params.ts';
import type { FacetLabels, MatchReason, ProgramHit, SearchService } from '../../search/service.ts';
import { PAGE_SIZE } from '../api/search.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { href, type Query } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';
import {
  AREA_KEYS,
  DELIVERY_KEYS,
  DemoNotice,
  formatDate,
  formatNumber,
  INSTITUTION_TYPE_KEYS,
  OSAP_KEYS,
  Pagination,
  ProgramCardHead,
  SCHEDULE_KEYS,
} from '../views/programs.tsx';
import { escapeHtml } from '../views/html.ts';
import { SearchForm } from '../views/search-form.tsx';

export const searchQuery = searchParams;

/** Facets with many values show the most frequent ones (and every selected one). */
const SHOWN_VALUES = 12;

const FACET_KEYS: Record<Facet, MessageKey> = {
  area: 'facet.area',
  industry: 'facet.industry',
  occupation: 'facet.occupation',
  institution: 'facet.institution',
  institutionType: 'facet.institutionType',
  delivery: 'facet.delivery',
  duration: 'facet.duration',
  cost: 'facet.cost',
  osap: 'facet.osap',
  stackable: 'facet.stackable',
  language: 'facet.language',
  region: 'facet.region',
  start: 'facet.start',
  schedule: 'facet.schedule',
};

const REASON_KEYS: Record<MatchReason['kind'], MessageKey> = {
  title: 'search.reason.title',
  skill: 'search.reason.skill',
  technology: 'search.reason.technology',
  occupation: 'search.reason.occupation',
  industry: 'search.reason.industry',
  institution: 'search.reason.institution',
  text: 'search.reason.text',
};

/** The query of the current search as URL parameters, with changes applied (for links that keep the state). */
function stateQuery(
  params: SearchParams,
  change: Partial<Record<string, string | string[] | undefined>> = {},
): Query {
  const query: Query = { q: params.q, sort: params.sort === 'relevance' ? undefined : params.sort };
  for (const filter of FILTERS) query[filter] = params[filter];
  return { ...query, ...change };
}

/**
 * `/en/search`: results, facets and sorting from one GET form, so every state is a shareable URL and
 * the page works without JavaScript.
 */
export async function searchPage(
  ctx: PageContext,
  services: { search: SearchService; lmi: LmiService; catalogue: CatalogueService },
  params: SearchParams,
): Promise<string> {
  const { t, lang } = ctx;
  const result = await services.search.search({
    q: params.q,
    lang,
    filters: filtersOf(params),
    sort: params.sort,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  // The names come with the search index, so a page labels its facets without a query.
  const labels = await services.search.labels();
  const label = facetLabeller(ctx, labels);
  const selected = FILTERS.flatMap((facet) => params[facet].map((value) => ({ facet, value })));
  const q = params.q ?? '';
  const title = q ? t('search.youSearchedFor', { query: q }) : t('search.allPrograms');
  return renderPage({
    ctx,
    title: `${title} – ${t('search.title')}`,
    children: (
      <>
        {result.items.some((item) => item.isDemo) ? <DemoNotice ctx={ctx} /> : null}
        <h1>{t('search.title')}</h1>
        <SearchForm ctx={ctx} query={q} />
        <div class="ladder-search-layout">
          <form
            method="get"
            action={href('search', lang)}
            class="ladder-facets"
            aria-labelledby="filters-heading"
          >
            <h2 id="filters-heading">{t('search.filters.heading')}</h2>
            {q ? <input type="hidden" name="q" value={q} /> : null}
            {params.sort === 'relevance' ? null : <input type="hidden" name="sort" value={params.sort} />}
            {TAG_FILTERS.flatMap((filter) =>
              params[filter].map((value) => (
                <input key={`${filter}-${value}`} type="hidden" name={filter} value={value} />
              )),
            )}
            {FACETS.map((facet) => {
              const html = facetOptionsHtml(ctx, facet, result.facets[facet], params[facet], label);
              return html === null ? null : (
                <fieldset key={facet} class="ladder-facet" dangerouslySetInnerHTML={{ __html: html }} />
              );
            })}
            <button type="submit" class="ladder-button">
              {t('search.filters.apply')}
            </button>
          </form>

          <section aria-labelledby="results-heading" class="ladder-results">
            <h2 id="results-heading">{title}</h2>
            <p>
              {result.total === 1
                ? t('search.countOne')
                : t('search.count', { count: formatNumber(result.total, lang) })}
            </p>
            {result.corrections.length > 0 && result.total > 0 ? (
              <p>
                {t('search.corrected', {
                  corrected: result.corrections.map((correction) => correction.to).join(' '),
                  typed: result.corrections.map((correction) => correction.from).join(' '),
                })}
              </p>
            ) : null}
            {result.jobTitles.length > 0 ? (
              <p>
                {t('search.jobTitles', {
                  occupations: result.jobTitles
                    .map((item) => (lang === 'fr' ? item.titleFr : item.titleEn))
                    .join(lang === 'fr' ? '\u202f; ' : '; '),
                })}
              </p>
            ) : null}
            {result.unmatched.length > 0 ? (
              <p>{t('search.unmatched', { words: result.unmatched.join(' ') })}</p>
            ) : null}
            {selected.length > 0 ? (
              <ul class="ladder-chips" aria-label={t('search.filters.heading')}>
                {selected.map(({ facet, value }) => (
                  <li key={`${facet}-${value}`}>
                    <a
                      href={href(
                        'search',
                        lang,
                        {},
                        stateQuery(params, { [facet]: params[facet].filter((item) => item !== value) }),
                      )}
                    >
                      {t('search.removeFilter', { label: label(facet, value) })}
                    </a>
                  </li>
                ))}
                <li>
                  <a href={href('search', lang, {}, { q: params.q })}>{t('search.clearAll')}</a>
                </li>
              </ul>
            ) : null}
            {result.total === 0 ? (
              <>
                <p>{t('search.none')}</p>
                {result.didYouMean ? (
                  <p>
                    {t('search.didYouMean')}{' '}
                    <a href={href('search', lang, {}, stateQuery(params, { q: result.didYouMean.q }))}>
                      {result.didYouMean.q}
                    </a>{' '}
                    ({t('search.programCount', { count: formatNumber(result.didYouMean.total, lang) })})
                  </p>
                ) : null}
                {result.withoutFilters ? (
                  <p>
                    {t('search.withoutFilters', { count: formatNumber(result.withoutFilters, lang) })}{' '}
                    <a href={href('search', lang, {}, { q: params.q })}>{t('search.clearAll')}</a>
                  </p>
                ) : null}
                {selected.length > 0 ? <p>{t('search.noneHint')}</p> : null}
              </>
            ) : (
              <>
                <form method="get" action={href('search', lang)} class="ladder-sort">
                  {q ? <input type="hidden" name="q" value={q} /> : null}
                  {selected.map(({ facet, value }) => (
                    <input key={`${facet}-${value}`} type="hidden" name={facet} value={value} />
                  ))}
                  <label for="sort">{t('search.sort.label')}</label>{' '}
                  <select id="sort" name="sort">
                    {(['relevance', 'start', 'cost', 'duration'] as const).map((order) => (
                      <option key={order} value={order} selected={params.sort === order}>
                        {t(`search.sort.${order}`)}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" class="ladder-button ladder-button--secondary">
                    {t('search.sort.apply')}
                  </button>
                </form>
                <ol class="ladder-programs" start={(params.page - 1) * PAGE_SIZE + 1}>
                  {result.items.map((item) => (
                    <li
                      key={item.id}
                      class="ladder-program"
                      dangerouslySetInnerHTML={{ __html: resultHtml(item, ctx, labels) }}
                    />
                  ))}
                </ol>
                <Pagination
                  page={params.page}
                  pages={result.pages}
                  ctx={ctx}
                  link={(page) =>
                    href(
                      'search',
                      lang,
                      {},
                      stateQuery(params, { page: page === 1 ? undefined : String(page) }),
                    )
                  }
                />
              </>
            )}
          </section>
        </div>
      </>
    ),
  });
}

/**
 * A facet's legend and options (checkbox, label, count) as HTML: the most frequent values and every
 * selected one, selected values without matches last with a count of 0. Written as a string, not as
 * Preact elements, because a page has about 170 of them (docs/performance.md); every text is escaped.
 */
function facetOptionsHtml(
  ctx: PageContext,
  facet: Facet,
  values: readonly { value: string; count: number }[],
  selected: readonly string[],
  label: (facet: Filter, value: string) => string,
): string | null {
  const { t, lang } = ctx;
  const chosen = new Set(selected);
  const shown = values.filter((entry, index) => index < SHOWN_VALUES || chosen.has(entry.value));
  const missing = selected.filter((value) => !values.some((entry) => entry.value === value));
  if (shown.length === 0 && missing.length === 0) return null;
  let html = `<legend>${escapeHtml(t(FACET_KEYS[facet]))}</legend>`;
  for (const entry of [...shown, ...missing.map((value) => ({ value, count: 0 }))]) {
    const id = `f-${facet}-${entry.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
    const value = escapeHtml(entry.value);
    html +=
      `<div class="ladder-facet__option"><input type="checkbox" id="${id}" name="${facet}" value="${value}"` +
      `${chosen.has(entry.value) ? ' checked' : ''}/> <label for="${id}">${escapeHtml(label(facet, entry.value))} ` +
      `<span class="ladder-hint">(${formatNumber(entry.count, lang)})</span></label></div>`;
  }
  if (values.length > shown.length) {
    html += `<p class="ladder-hint">${escapeHtml(t('search.filters.more', { count: values.length - shown.length }))}</p>`;
  }
  return html;
}

/**
 * The fixed part of each result card (title, institution, delivery, length, cost) as HTML, per program
 * and language, for as long as the search index it comes from (its facet labels are built with it):
 * the same programs come back page after page, and rendering their cards was a large part of a page.
 */
const cardHeads = new WeakMap<FacetLabels, Map<string, string>>();
/** At most this many cards are kept (about 10 MB); past it the cache starts again. */
const MAX_CARDS = 20_000;

function cardHead(item: ProgramHit, ctx: PageContext, index: FacetLabels): string {
  let cards = cardHeads.get(index);
  if (cards === undefined) {
    cards = new Map();
    cardHeads.set(index, cards);
  }
  const key = `${ctx.lang}:${item.id}`;
  let html = cards.get(key);
  if (html === undefined) {
    html = renderToString(
      <ProgramCardHead
        program={{ ...item, weeks: item.durationWeeks, costCents: item.totalCostCents }}
        ctx={ctx}
      />,
    );
    if (cards.size >= MAX_CARDS) cards.clear();
    cards.set(key, html);
  }
  return html;
}

/** A result: its card, next start date and why it matched (the words of this search). */
function resultHtml(item: ProgramHit, ctx: PageContext, index: FacetLabels): string {
  const { t, lang } = ctx;
  let html = cardHead(item, ctx, index);
  if (item.nextStart) {
    html += `<p class="ladder-program__meta">${escapeHtml(t('search.nextStart', { date: formatDate(item.nextStart, lang) }))}</p>`;
  }
  const reasons = item.reasons.filter((reason) => reason.kind !== 'title' || item.reasons.length === 1);
  if (reasons.length > 0) {
    const text = reasons
      .map((reason) =>
        t(REASON_KEYS[reason.kind], { label: lang === 'fr' ? reason.labelFr : reason.labelEn }),
      )
      .join(' · ');
    html += `<p class="ladder-hint">${escapeHtml(text)}</p>`;
  }
  return html;
}

/** Labels of facet values in the page language: enumerations from the catalogues, codes from the LMI. */
function facetLabeller(ctx: PageContext, labels: FacetLabels): (facet: Filter, value: string) => string {
  const { t, lang } = ctx;
  const name = (found: { en: string; fr: string | null } | undefined) =>
    found === undefined ? undefined : lang === 'fr' ? (found.fr ?? found.en) : found.en;
  // Values of these facets are validated enumerations, each with its message (duration.4-8, cost.free, …).
  const keyed = (prefix: string, value: string): string => t(`${prefix}.${value}` as MessageKey);
  return (facet, value) => {
    switch (facet) {
      case 'area':
        return t(AREA_KEYS[value as keyof typeof AREA_KEYS]);
      case 'delivery':
        return t(DELIVERY_KEYS[value as keyof typeof DELIVERY_KEYS]);
      case 'osap':
        return t(OSAP_KEYS[value as keyof typeof OSAP_KEYS]);
      case 'schedule':
        return t(SCHEDULE_KEYS[value as keyof typeof SCHEDULE_KEYS]);
      case 'institutionType':
        return t(INSTITUTION_TYPE_KEYS[value as keyof typeof INSTITUTION_TYPE_KEYS]);
      case 'language':
        return t(value === 'fr' ? 'instructionLang.fr' : 'instructionLang.en');
      case 'occupation':
        return name(labels.occupation.get(value)) ?? t('program.jobs.code', { code: value });
      case 'industry':
        return name(labels.industry.get(value)) ?? t('program.industries.code', { code: value });
      case 'institution':
        return name(labels.institution.get(value)) ?? value;
      case 'duration':
      case 'cost':
      case 'start':
      case 'stackable':
        return keyed(facet, value);
      case 'region':
      case 'skill':
      case 'technology':
        return value;
    }
  };
}
