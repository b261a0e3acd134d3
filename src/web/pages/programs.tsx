import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Listing } from '../../catalogue/model.ts';
import type { ProgramRecord, ProgramSummary } from '../../catalogue/repository.ts';
import type { CatalogueService } from '../../catalogue/service.ts';
import type { LmiService, OccupationListItem } from '../../lmi/service.ts';
import { RequestError } from '../errors.ts';
import { href, referralHref } from '../routes.ts';
import { renderPage, TableScroll, type PageContext } from '../views/layout.tsx';
import { HiringBadge, Local, OUTLOOK_KEYS } from '../views/lmi.tsx';
import {
  AREA_KEYS,
  costText,
  CREDENTIAL_KEYS,
  DELIVERY_KEYS,
  DemoBadge,
  DemoNotice,
  formatDate,
  formatMoney,
  formatNumber,
  INSTITUTION_TYPE_KEYS,
  ListingTitle,
  listingTitleText,
  OSAP_KEYS,
  PACING_KEYS,
  PROFICIENCY_KEYS,
  ProgramList,
  SCHEDULE_KEYS,
  SUPPORT_KEYS,
} from '../views/programs.tsx';

export const programParams = z.object({
  slug: z
    .string()
    .max(120, 'must be 120 characters or fewer')
    .regex(/^[a-z0-9-]+$/i, 'must be a program slug or id (letters, digits and -)'),
});

/** `?p=slug&p=slug…`: the programs to compare, in order. More than three are cut to three (with a note). */
export const compareQuery = z.object({
  p: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(
          z
            .string()
            .max(120, 'must be 120 characters or fewer')
            .regex(/^[a-z0-9-]+$/i, 'must be a program slug'),
        )
        .max(20, 'must name 20 programs or fewer'),
    ),
});

type Bilingual = { en?: string | undefined; fr?: string | undefined } | undefined;

/** A bilingual text in the page language, or the other language marked with `lang`. */
function Bi({ value, ctx }: { value: Bilingual; ctx: PageContext }) {
  if (value === undefined) return null;
  const own = ctx.lang === 'fr' ? value.fr : value.en;
  if (own !== undefined) return <>{own}</>;
  const other = ctx.lang === 'fr' ? value.en : value.fr;
  return <span lang={ctx.lang === 'fr' ? 'en' : 'fr'}>{other ?? ''}</span>;
}

function biText(value: Bilingual, ctx: PageContext): string | undefined {
  return value === undefined
    ? undefined
    : ctx.lang === 'fr'
      ? (value.fr ?? value.en)
      : (value.en ?? value.fr);
}

/** The first offering starting today or later; "any time" for self-paced listings without dates. */
export function nextStart(listing: Listing, today: string): { date: string } | 'any-time' | undefined {
  const upcoming = listing.offerings
    .map((offering) => offering.start)
    .filter((start): start is string => start !== undefined && start >= today)
    .sort();
  const [first] = upcoming;
  if (first !== undefined) return { date: first };
  if (
    listing.pacing === 'self-paced' &&
    listing.offerings.every((offering) => offering.start === undefined)
  ) {
    return 'any-time';
  }
  return undefined;
}

/** Hours a week: the workload (or instructional hours) spread over the weeks. */
export function weeklyHours(listing: Listing): number | undefined {
  const hours = listing.workloadHours ?? listing.durationHours;
  return hours === undefined ? undefined : Math.round((hours / listing.durationWeeks) * 10) / 10;
}

/** `/en/programs/:slug`: everything a learner needs to decide, and the way to register. */
export async function programPage(
  ctx: PageContext,
  services: { catalogue: CatalogueService; lmi: LmiService },
  slug: string,
  reply: FastifyReply,
): Promise<string> {
  const record = await services.catalogue.program(slug);
  if (record === undefined) throw new RequestError(404, ctx.t('program.notFound'));
  if (record.slug !== slug) {
    // Reached by id: send to the canonical address.
    void reply.redirect(href('program', ctx.lang, { slug: record.slug }), 301);
    return '';
  }
  const { listing } = record;
  const { t, lang } = ctx;
  const nocCodes = listing.occupations.map((tag) => tag.code ?? tag.name);
  const naicsCodes = listing.industries.map((tag) => tag.code ?? tag.name);
  const [occupations, industries, links, hot] = await Promise.all([
    services.lmi.occupationSummaries(nocCodes, lang),
    services.lmi.industryTitles(naicsCodes, lang),
    services.catalogue.links(record.id),
    services.lmi.hotTechnologies(listing.technologies.map((tag) => tag.name)),
  ]);
  const institutionName = lang === 'fr' ? record.institution.nameFr : record.institution.nameEn;
  const title = listingTitleText(listing.title.en, listing.title.fr, lang);
  const today = new Date().toISOString().slice(0, 10);
  const start = nextStart(listing, today);
  const weekly = weeklyHours(listing);
  const total =
    listing.cost === undefined
      ? null
      : listing.cost.tuitionCents + listing.cost.feesCents + listing.cost.materialsCents;
  const outcomes = (lang === 'fr' ? listing.outcomes.fr : listing.outcomes.en).length
    ? { items: lang === 'fr' ? listing.outcomes.fr : listing.outcomes.en, lang }
    : { items: lang === 'fr' ? listing.outcomes.en : listing.outcomes.fr, lang: lang === 'fr' ? 'en' : 'fr' };
  const stacks = listing.stacksInto.map((stack, position) => ({
    stack,
    target: links.outgoing.find((link) => link.kind === 'stacks-into' && link.position === position)?.target,
  }));
  const requires = links.outgoing.filter((link) => link.kind === 'requires').map((link) => link.target);

  return renderPage({
    ctx,
    title,
    description: biText(listing.summary, ctx),
    head: <CourseJsonLd record={record} ctx={ctx} total={total} />,
    children: (
      <>
        {record.isDemo ? <DemoNotice ctx={ctx} /> : null}
        <p class="ladder-hint">
          <a href={href('institution', lang, { id: record.institution.id })}>{institutionName}</a> ·{' '}
          {t(AREA_KEYS[listing.areaOfFocus])}
        </p>
        <h1>
          <ListingTitle en={listing.title.en} fr={listing.title.fr} ctx={ctx} />{' '}
          {record.isDemo ? <DemoBadge ctx={ctx} /> : null}
        </h1>
        {listing.summary ? (
          <p class="ladder-lead">
            <Bi value={listing.summary} ctx={ctx} />
          </p>
        ) : null}
        <p class="ladder-register">
          <a class="ladder-button" href={referralHref(record.id, lang)}>
            {t('program.register', { institution: institutionName })}
          </a>
          <br />
          <span class="ladder-hint">{t('program.registerHint')}</span>
        </p>

        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('program.facts.heading')}</h2>
          <dl class="ladder-facts">
            <dt>{t('program.facts.cost')}</dt>
            <dd>{costText(total, ctx)}</dd>
            <dt>{t('program.facts.osap')}</dt>
            <dd>{t(OSAP_KEYS[listing.osap.status])}</dd>
            <dt>{t('program.facts.duration')}</dt>
            <dd>
              {listing.durationHours === undefined
                ? t('program.duration.weeks', { weeks: formatNumber(listing.durationWeeks, lang) })
                : t('program.duration.weeksHours', {
                    weeks: formatNumber(listing.durationWeeks, lang),
                    hours: listing.durationHours,
                  })}
            </dd>
            {weekly === undefined ? null : (
              <>
                <dt>{t('program.facts.effort')}</dt>
                <dd>{t('program.effort.hours', { hours: formatNumber(weekly, lang) })}</dd>
              </>
            )}
            <dt>{t('program.facts.delivery')}</dt>
            <dd>
              {t(DELIVERY_KEYS[listing.deliveryMode])}
              {listing.pacing === undefined ? '' : `, ${t(PACING_KEYS[listing.pacing])}`}
            </dd>
            <dt>{t('program.facts.nextStart')}</dt>
            <dd>
              {start === undefined
                ? t('program.start.none')
                : start === 'any-time'
                  ? t('program.start.onDemand')
                  : formatDate(start.date, lang)}
            </dd>
            <dt>{t('program.facts.language')}</dt>
            <dd>
              {listing.languages
                .map((language) => t(language === 'fr' ? 'instructionLang.fr' : 'instructionLang.en'))
                .join(', ')}
            </dd>
            <dt>{t('program.facts.credential')}</dt>
            <dd>{t(CREDENTIAL_KEYS[listing.credential])}</dd>
            <dt>{t('program.facts.transcript')}</dt>
            <dd>{listing.transcriptable ? t('program.yes') : t('program.no')}</dd>
            {listing.proficiencyLevel === undefined ? null : (
              <>
                <dt>{t('program.facts.level')}</dt>
                <dd>{t(PROFICIENCY_KEYS[listing.proficiencyLevel])}</dd>
              </>
            )}
          </dl>
        </section>

        {listing.description ? (
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" class="ladder-visually-hidden">
              {title}
            </h2>
            <p>
              <Bi value={listing.description} ctx={ctx} />
            </p>
          </section>
        ) : null}

        {outcomes.items.length > 0 ? (
          <section aria-labelledby="learn-heading">
            <h2 id="learn-heading">{t('program.learn.heading')}</h2>
            <ul lang={outcomes.lang === lang ? undefined : outcomes.lang}>
              {outcomes.items.map((outcome) => (
                <li key={outcome}>{outcome}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="skills-heading">
          <h2 id="skills-heading">{t('program.skills.heading')}</h2>
          {listing.skills.length + listing.technologies.length === 0 ? (
            <p>{t('program.skills.none')}</p>
          ) : (
            <div class="ladder-two-columns">
              {listing.skills.length > 0 ? (
                <div>
                  <h3>{t('program.skills.skills')}</h3>
                  <ul class="ladder-tags">
                    {listing.skills.map((tag) => (
                      <li key={tag.name}>{tag.name}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {listing.technologies.length > 0 ? (
                <div>
                  <h3>{t('program.skills.technologies')}</h3>
                  <ul class="ladder-tags">
                    {listing.technologies.map((tag) => (
                      <li key={tag.name}>
                        {tag.name}
                        {hot.has(tag.name.toLowerCase()) ? (
                          <>
                            {' '}
                            <span class="ladder-badge ladder-badge--hot ladder-badge--small">
                              {t('program.skills.hot')}
                            </span>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          )}
        </section>

        {nocCodes.length > 0 ? (
          <section aria-labelledby="jobs-heading">
            <h2 id="jobs-heading">{t('program.jobs.heading')}</h2>
            <p>{t('program.jobs.lead')}</p>
            <ul class="ladder-occupations">
              {nocCodes.map((code) => (
                <OccupationItem key={code} code={code} occupation={occupations.get(code)} ctx={ctx} />
              ))}
            </ul>
            {occupations.size === 0 ? <p class="ladder-hint">{t('program.jobs.noLmi')}</p> : null}
          </section>
        ) : null}

        {naicsCodes.length > 0 ? (
          <section aria-labelledby="industries-heading">
            <h2 id="industries-heading">{t('program.industries.heading')}</h2>
            <ul>
              {naicsCodes.map((code) => {
                const industry = industries.get(code);
                return (
                  <li key={code}>
                    {industry ? <Local text={industry} ctx={ctx} /> : null}{' '}
                    <span class="ladder-hint">({t('program.industries.code', { code })})</span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{t('program.schedule.heading')}</h2>
          {listing.offerings.length === 0 ? (
            <p>{t('program.schedule.none')}</p>
          ) : (
            <TableScroll label={t('program.schedule.caption')}>
              <table class="ladder-table">
                <caption>{t('program.schedule.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('program.schedule.start')}</th>
                    <th scope="col">{t('program.schedule.end')}</th>
                    <th scope="col">{t('program.schedule.when')}</th>
                    <th scope="col">{t('program.schedule.where')}</th>
                    <th scope="col">{t('program.schedule.seats')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listing.offerings.map((offering, index) => (
                    <tr key={index}>
                      <td>{offering.start ? formatDate(offering.start, lang) : '—'}</td>
                      <td>{offering.end ? formatDate(offering.end, lang) : '—'}</td>
                      <td>{offering.schedule.map((item) => t(SCHEDULE_KEYS[item])).join(', ') || '—'}</td>
                      <td>
                        {[offering.campus, offering.city].filter(Boolean).join(', ') ||
                          (listing.deliveryMode === 'online' ? t('program.schedule.online') : '—')}
                      </td>
                      <td>{offering.seats ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>

        <section aria-labelledby="funding-heading">
          <h2 id="funding-heading">{t('program.funding.heading')}</h2>
          <dl class="ladder-facts">
            <dt>{t('program.facts.cost')}</dt>
            <dd>
              {costText(total, ctx)}
              {listing.cost !== undefined && total !== 0 ? (
                <>
                  <br />
                  <span class="ladder-hint">
                    {t('program.cost.breakdown', {
                      tuition: formatMoney(listing.cost.tuitionCents, lang),
                      fees: formatMoney(listing.cost.feesCents, lang),
                      materials: formatMoney(listing.cost.materialsCents, lang),
                    })}
                  </span>
                </>
              ) : null}
            </dd>
            <dt>{t('program.facts.osap')}</dt>
            <dd>
              {t(OSAP_KEYS[listing.osap.status])}
              {listing.osap.reason ? (
                <>
                  <br />
                  {t('program.funding.osapReason', { reason: biText(listing.osap.reason, ctx) ?? '' })}
                </>
              ) : null}
              <br />
              <span class="ladder-hint">{t('program.funding.osapExplain')}</span>
            </dd>
            {listing.otherFunding ? (
              <>
                <dt>{t('program.funding.other')}</dt>
                <dd>
                  <Bi value={listing.otherFunding} ctx={ctx} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="ladder-heading">
          <h2 id="ladder-heading">{t('program.ladder.heading')}</h2>
          {stacks.length === 0 && requires.length === 0 && links.incoming.length === 0 ? (
            <p>{t('program.ladder.none')}</p>
          ) : null}
          {stacks.length > 0 ? (
            <>
              <h3>{t('program.ladder.stacksInto')}</h3>
              <ul>
                {stacks.map(({ stack, target }, index) => (
                  <li key={index}>
                    {target ? (
                      <a href={href('program', lang, { slug: target.slug })}>
                        <Bi value={stack.title} ctx={ctx} />
                      </a>
                    ) : (
                      <Bi value={stack.title} ctx={ctx} />
                    )}
                    {stack.credit ? <span class="ladder-hint"> ({stack.credit})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {requires.length > 0 ? (
            <>
              <h3>{t('program.ladder.requires')}</h3>
              <ProgramLinks programs={requires} ctx={ctx} />
            </>
          ) : null}
          {links.incoming.length > 0 ? (
            <>
              <h3>{t('program.ladder.stackedBy')}</h3>
              <ProgramLinks programs={links.incoming} ctx={ctx} />
            </>
          ) : null}
        </section>

        {listing.prerequisites || listing.assessment ? (
          <section aria-labelledby="requirements-heading">
            <h2 id="requirements-heading">{t('program.requirements.heading')}</h2>
            <dl class="ladder-facts">
              {listing.prerequisites ? (
                <>
                  <dt>{t('program.requirements.prerequisites')}</dt>
                  <dd>
                    <Bi value={listing.prerequisites} ctx={ctx} />
                  </dd>
                </>
              ) : null}
              {listing.assessment ? (
                <>
                  <dt>{t('program.requirements.assessment')}</dt>
                  <dd>
                    <Bi value={listing.assessment} ctx={ctx} />
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}

        {listing.employerPartners.length + listing.endorsements.length > 0 ? (
          <section aria-labelledby="partners-heading">
            <h2 id="partners-heading">{t('program.partners.heading')}</h2>
            <dl class="ladder-facts">
              {listing.employerPartners.length > 0 ? (
                <>
                  <dt>{t('program.partners.partners')}</dt>
                  <dd>{listing.employerPartners.join(', ')}</dd>
                </>
              ) : null}
              {listing.endorsements.length > 0 ? (
                <>
                  <dt>{t('program.partners.endorsements')}</dt>
                  <dd>{listing.endorsements.join(', ')}</dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}

        {listing.supports.length > 0 ? (
          <section aria-labelledby="supports-heading">
            <h2 id="supports-heading">{t('program.supports.heading')}</h2>
            <ul>
              {listing.supports.map((support) => (
                <li key={support}>{t(SUPPORT_KEYS[support])}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="institution-heading">
          <h2 id="institution-heading">{t('program.institution.heading')}</h2>
          <p>
            <strong>{institutionName}</strong> {record.institution.isDemo ? <DemoBadge ctx={ctx} /> : null} ·{' '}
            {t(INSTITUTION_TYPE_KEYS[record.institution.type])} · {record.institution.city}
          </p>
          <ul>
            <li>
              <a href={href('institution', lang, { id: record.institution.id })}>
                {t('program.institution.programs', { institution: institutionName })}
              </a>
            </li>
            <li>
              <a href={record.institution.website} rel="noopener">
                {t('program.institution.website', { institution: institutionName })}
              </a>
            </li>
            {nocCodes[0] !== undefined ? (
              <li>
                <a href={href('programCompare', lang, {}, { p: [record.slug] })}>
                  {t('program.compareWith')}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
        <p class="ladder-hint">
          {listing.lastVerified
            ? t('program.meta', { version: record.version, date: formatDate(listing.lastVerified, lang) })
            : t('program.metaUnverified', { version: record.version })}
        </p>
      </>
    ),
  });
}

function OccupationItem({
  code,
  occupation,
  ctx,
}: {
  code: string;
  occupation: OccupationListItem | undefined;
  ctx: PageContext;
}) {
  const { t, lang } = ctx;
  if (occupation === undefined) {
    return (
      <li>
        <span class="ladder-hint">{t('program.jobs.code', { code })}</span>
      </li>
    );
  }
  const outlookLabel = occupation.hiring.inputs.ontarioOutlook;
  return (
    <li>
      <a href={href('occupation', lang, { noc: code })}>
        <Local text={occupation.title} ctx={ctx} />
      </a>{' '}
      <span class="ladder-hint">({t('program.jobs.code', { code })})</span>
      <br />
      {t('program.jobs.outlook', {
        label: outlookLabel ? t(OUTLOOK_KEYS[outlookLabel]) : t('lmi.notPublished'),
      })}
      <HiringBadge hiring={occupation.hiring} ctx={ctx} detailed={false} />
    </li>
  );
}

function ProgramLinks({ programs, ctx }: { programs: ProgramSummary[]; ctx: PageContext }) {
  return (
    <ul>
      {programs.map((program) => (
        <li key={program.id}>
          <a href={href('program', ctx.lang, { slug: program.slug })}>
            <ListingTitle en={program.titleEn} fr={program.titleFr} ctx={ctx} />
          </a>{' '}
          <span class="ladder-hint">
            ({ctx.lang === 'fr' ? program.institutionFr : program.institutionEn})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** schema.org Course for search engines; `<` is escaped so the JSON cannot close the script element. */
function CourseJsonLd({
  record,
  ctx,
  total,
}: {
  record: ProgramRecord;
  ctx: PageContext;
  total: number | null;
}) {
  const { listing } = record;
  const url = `${ctx.baseUrl}${href('program', ctx.lang, { slug: record.slug })}`;
  const courseMode = { online: 'Online', 'in-person': 'Onsite', hybrid: 'Blended' }[listing.deliveryMode];
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: listingTitleText(listing.title.en, listing.title.fr, ctx.lang),
    description: biText(listing.summary, ctx) ?? biText(listing.description, ctx),
    url,
    courseCode: listing.externalId,
    inLanguage: listing.languages,
    provider: {
      '@type': record.institution.type === 'other' ? 'EducationalOrganization' : 'CollegeOrUniversity',
      name: ctx.lang === 'fr' ? record.institution.nameFr : record.institution.nameEn,
      sameAs: record.institution.website,
    },
    timeRequired: `P${Math.round(listing.durationWeeks * 7)}D`,
    teaches: [...listing.skills, ...listing.technologies].map((tag) => tag.name),
    educationalCredentialAwarded: ctx.t(CREDENTIAL_KEYS[listing.credential]),
    ...(total === null
      ? {}
      : {
          offers: [
            {
              '@type': 'Offer',
              category: total === 0 ? 'Free' : 'Paid',
              price: (total / 100).toFixed(2),
              priceCurrency: 'CAD',
              url: listing.registrationUrl,
            },
          ],
        }),
    hasCourseInstance: (listing.offerings.length > 0 ? listing.offerings : [undefined]).map((offering) => ({
      '@type': 'CourseInstance',
      courseMode,
      ...(offering?.start ? { startDate: offering.start } : {}),
      ...(offering?.end ? { endDate: offering.end } : {}),
      ...(offering?.city ? { location: offering.city } : {}),
      courseWorkload: `P${Math.round(listing.durationWeeks * 7)}D`,
    })),
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** `/en/programs/compare?p=…`: up to three programs side by side. */
export async function comparePage(
  ctx: PageContext,
  services: { catalogue: CatalogueService; lmi: LmiService },
  query: z.output<typeof compareQuery>,
): Promise<string> {
  const { t, lang } = ctx;
  const requested = [...new Set(query.p)];
  let slugs = requested.slice(0, 3);
  const records = (await Promise.all(slugs.map((slug) => services.catalogue.program(slug)))).filter(
    (record): record is ProgramRecord => record !== undefined,
  );
  // One program given (from its page's "compare with similar programs"): add up to two that train for its first occupation.
  const [only] = records;
  if (requested.length === 1 && only !== undefined) {
    const noc = only.listing.occupations[0];
    if (noc !== undefined) {
      const similar = (await services.catalogue.programsForOccupation(noc.code ?? noc.name, 10))
        .filter((program) => program.id !== only.id)
        .slice(0, 2);
      records.push(
        ...(await Promise.all(similar.map((program) => services.catalogue.program(program.id)))).filter(
          (record): record is ProgramRecord => record !== undefined,
        ),
      );
    }
  }
  slugs = records.map((record) => record.slug);
  const occupationCodes = [
    ...new Set(records.flatMap((record) => record.listing.occupations.map((tag) => tag.code ?? tag.name))),
  ];
  const occupations = await services.lmi.occupationSummaries(occupationCodes, lang);
  const today = new Date().toISOString().slice(0, 10);
  type Row = { label: string; cell: (record: ProgramRecord) => preact.ComponentChildren };
  const rows: Row[] = [
    {
      label: t('compare.institution'),
      cell: (record) => (lang === 'fr' ? record.institution.nameFr : record.institution.nameEn),
    },
    {
      label: t('program.facts.cost'),
      cell: (record) => {
        const cost = record.listing.cost;
        return costText(
          cost === undefined ? null : cost.tuitionCents + cost.feesCents + cost.materialsCents,
          ctx,
        );
      },
    },
    { label: t('program.facts.osap'), cell: (record) => t(OSAP_KEYS[record.listing.osap.status]) },
    {
      label: t('program.facts.duration'),
      cell: (record) =>
        t('program.duration.weeks', { weeks: formatNumber(record.listing.durationWeeks, lang) }),
    },
    {
      label: t('program.facts.effort'),
      cell: (record) => {
        const weekly = weeklyHours(record.listing);
        return weekly === undefined ? '—' : t('program.effort.hours', { hours: formatNumber(weekly, lang) });
      },
    },
    { label: t('program.facts.delivery'), cell: (record) => t(DELIVERY_KEYS[record.listing.deliveryMode]) },
    {
      label: t('program.facts.nextStart'),
      cell: (record) => {
        const start = nextStart(record.listing, today);
        return start === undefined
          ? t('program.start.none')
          : start === 'any-time'
            ? t('program.start.onDemand')
            : formatDate(start.date, lang);
      },
    },
    {
      label: t('program.facts.language'),
      cell: (record) =>
        record.listing.languages
          .map((language) => t(language === 'fr' ? 'instructionLang.fr' : 'instructionLang.en'))
          .join(', '),
    },
    { label: t('program.facts.credential'), cell: (record) => t(CREDENTIAL_KEYS[record.listing.credential]) },
    {
      label: t('compare.skills'),
      cell: (record) =>
        [...record.listing.skills, ...record.listing.technologies].map((tag) => tag.name).join(', ') || '—',
    },
    {
      label: t('compare.jobs'),
      cell: (record) =>
        record.listing.occupations
          .map((tag) => {
            const occupation = occupations.get(tag.code ?? tag.name);
            return occupation ? occupation.title.text : t('program.jobs.code', { code: tag.name });
          })
          .join(', ') || '—',
    },
  ];
  return renderPage({
    ctx,
    title: t('compare.title'),
    children: (
      <>
        {records.some((record) => record.isDemo) ? <DemoNotice ctx={ctx} /> : null}
        <h1>{t('compare.title')}</h1>
        <p class="ladder-lead">{t('compare.lead')}</p>
        {requested.length > 3 ? <p class="ladder-hint">{t('compare.tooMany')}</p> : null}
        {records.length < Math.min(3, requested.length) && requested.length > 1 ? (
          <p class="ladder-hint">{t('compare.missing')}</p>
        ) : null}
        {records.length === 0 ? (
          <p>{t('compare.empty')}</p>
        ) : (
          <TableScroll label={t('compare.caption')}>
            <table class="ladder-table ladder-compare">
              <caption>{t('compare.caption')}</caption>
              <thead>
                <tr>
                  <td />
                  {records.map((record) => (
                    <th scope="col" key={record.id}>
                      <a href={href('program', lang, { slug: record.slug })}>
                        <ListingTitle en={record.listing.title.en} fr={record.listing.title.fr} ctx={ctx} />
                      </a>{' '}
                      {record.isDemo ? <DemoBadge ctx={ctx} /> : null}
                      {records.length > 1 ? (
                        <>
                          <br />
                          <a
                            class="ladder-hint"
                            href={href(
                              'programCompare',
                              lang,
                              {},
                              { p: slugs.filter((slug) => slug !== record.slug) },
                            )}
                          >
                            {t('compare.remove', {
                              title: listingTitleText(record.listing.title.en, record.listing.title.fr, lang),
                            })}
                          </a>
                        </>
                      ) : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {records.map((record) => (
                      <td key={record.id}>{row.cell(record)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </>
    ),
  });
}

export { ProgramList };
