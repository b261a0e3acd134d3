import type { InDemandIndustry, LmiService, OccupationListItem, Spotlight } from '../../lmi/service.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';
import { CONDITION_KEYS, HiringBadge, Local, OUTLOOK_KEYS } from '../views/lmi.tsx';
import { SearchForm } from '../views/search-form.tsx';

const EXAMPLES: MessageKey[] = [
  'home.examples.personalSupportWorker',
  'home.examples.webDeveloper',
  'home.examples.projectManagement',
  'home.examples.electrician',
  'home.examples.dataAnalysis',
];

/** The home page: the search box, example searches and the labour-market spotlight (cached by the service). */
export async function homePage(ctx: PageContext, lmi: LmiService): Promise<string> {
  const { t, lang } = ctx;
  const spotlight = await lmi.spotlight(lang);
  return renderPage({
    ctx,
    title: t('home.title'),
    description: t('home.lead'),
    children: (
      <>
        <div class="ladder-hero">
          <h1>{t('home.title')}</h1>
          <p class="ladder-lead">{t('home.lead')}</p>
          <SearchForm ctx={ctx} query="" headingLevel="h1" />
        </div>
        <section aria-labelledby="examples-heading">
          <h2 id="examples-heading">{t('home.examples.heading')}</h2>
          <ul class="ladder-chips">
            {EXAMPLES.map((key) => (
              <li key={key}>
                <a href={href('search', lang, {}, { q: t(key) })}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </section>
        {spotlight === null ? (
          <p>{t('home.spotlight.noLmi')}</p>
        ) : (
          <>
            <Industries spotlight={spotlight} ctx={ctx} />
            <Occupations spotlight={spotlight} ctx={ctx} />
          </>
        )}
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t('home.about.heading')}</h2>
          <p>{t('home.about.body')}</p>
        </section>
      </>
    ),
  });
}

function Industries({ spotlight, ctx }: { spotlight: Spotlight; ctx: PageContext }) {
  const { t } = ctx;
  const { industries } = spotlight;
  return (
    <section aria-labelledby="industries-heading">
      <h2 id="industries-heading">{t('home.industries.heading')}</h2>
      <p class="ladder-hint">{t('home.industries.how')}</p>
      {industries.length === 0 ? (
        <p>{t('home.industries.none')}</p>
      ) : (
        <>
          <ul class="ladder-spotlight">
            {industries.map((industry) => (
              <IndustryCard key={industry.code} industry={industry} ctx={ctx} />
            ))}
          </ul>
          {industries.every((industry) => industry.demo) ? (
            <p class="ladder-hint">{t('home.industries.demo')}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

function IndustryCard({ industry, ctx }: { industry: InDemandIndustry; ctx: PageContext }) {
  const { t, lang } = ctx;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const headingId = `industry-${industry.code}`;
  return (
    <li class="ladder-spotlight__card">
      <h3 id={headingId} class="ladder-spotlight__title">
        <a href={href('search', lang, {}, { industry: industry.code })}>
          {industry.title === null ? (
            t('program.industries.code', { code: industry.code })
          ) : (
            <Local text={industry.title} ctx={ctx} />
          )}
        </a>
      </h3>
      <p>
        {t('home.industries.programs', {
          count: number.format(industry.programs),
          hot: number.format(industry.hotPrograms),
        })}
      </p>
      {industry.occupations.length > 0 ? (
        <>
          <p class="ladder-spotlight__label" id={`${headingId}-jobs`}>
            {t('home.industries.occupations')}
          </p>
          <ul aria-labelledby={`${headingId}-jobs`}>
            {industry.occupations.map((occupation) => (
              <li key={occupation.code}>
                <a href={href('occupation', lang, { noc: occupation.code })}>
                  <Local text={occupation.title} ctx={ctx} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function Occupations({ spotlight, ctx }: { spotlight: Spotlight; ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="occupations-heading">
      <h2 id="occupations-heading">{t('home.occupations.heading')}</h2>
      <p class="ladder-hint">{t('home.occupations.lead')}</p>
      {spotlight.occupations.length === 0 ? (
        <p>{t('inDemand.none')}</p>
      ) : (
        <>
          <ul class="ladder-spotlight-occupations">
            {spotlight.occupations.map((occupation) => (
              <OccupationItem key={occupation.code} occupation={occupation} ctx={ctx} />
            ))}
          </ul>
          <p>
            <a href={href('occupationsInDemand', lang)}>
              {t('home.occupations.all', { count: spotlight.inDemandTotal })}
            </a>
          </p>
        </>
      )}
      <p>
        <a href={`${href('aboutData', lang)}#hiring-indicator`}>{t('lmi.hiring.howLink')}</a>
      </p>
    </section>
  );
}

/** An occupation with its hiring indicator and the two inputs behind it, as on occupation pages. */
function OccupationItem({ occupation, ctx }: { occupation: OccupationListItem; ctx: PageContext }) {
  const { t, lang } = ctx;
  const { ontarioOutlook, futureConditions } = occupation.hiring.inputs;
  return (
    <li>
      <a href={href('occupation', lang, { noc: occupation.code })}>
        <Local text={occupation.title} ctx={ctx} />
      </a>{' '}
      <span class="ladder-hint">({t('program.jobs.code', { code: occupation.code })})</span>
      <HiringBadge hiring={occupation.hiring} ctx={ctx} detailed={false} />
      <p class="ladder-hint">
        {t('lmi.hiring.inputs', {
          outlook: ontarioOutlook ? t(OUTLOOK_KEYS[ontarioOutlook]) : t('lmi.notPublished'),
          conditions: futureConditions ? t(CONDITION_KEYS[futureConditions]) : t('lmi.notPublished'),
        })}
      </p>
    </li>
  );
}
