import { z } from 'zod';
import type { CatalogueService } from '../../catalogue/service.ts';
import { INSTITUTION_TYPES } from '../../catalogue/model.ts';
import { RequestError } from '../errors.ts';
import { href } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';
import { DemoBadge, DemoNotice, INSTITUTION_TYPE_KEYS, Pagination, ProgramList } from '../views/programs.tsx';

export const institutionParams = z.object({
  id: z
    .string()
    .max(60, 'must be 60 characters or fewer')
    .regex(/^[a-z0-9-]+$/, 'must be an institution id (lower-case letters, digits and -)'),
});

export const pageQuery = z.object({
  page: z.coerce
    .number({ error: 'must be a page number' })
    .int('must be a whole page number')
    .min(1, 'must be 1 or more')
    .max(10_000, 'must be 10000 or less')
    .default(1),
});

const PAGE_SIZE = 25;

/** `/en/institutions`: the directory, grouped by type, with how many programs each publishes. */
export async function institutionsPage(ctx: PageContext, catalogue: CatalogueService): Promise<string> {
  const { t, lang } = ctx;
  const [institutions, counts] = await Promise.all([catalogue.institutions(), catalogue.programCounts()]);
  const name = (row: { nameEn: string; nameFr: string }) => (lang === 'fr' ? row.nameFr : row.nameEn);
  const collator = new Intl.Collator(lang === 'fr' ? 'fr-CA' : 'en-CA');
  return renderPage({
    ctx,
    title: t('institutions.title'),
    description: t('institutions.lead'),
    children: (
      <>
        {institutions.some((row) => row.isDemo) ? <DemoNotice ctx={ctx} /> : null}
        <h1>{t('institutions.title')}</h1>
        <p class="ladder-lead">{t('institutions.lead')}</p>
        {INSTITUTION_TYPES.map((type) => {
          const rows = institutions
            .filter((row) => row.type === type)
            .sort((a, b) => collator.compare(name(a), name(b)));
          if (rows.length === 0) return null;
          return (
            <section key={type} aria-labelledby={`type-${type}`}>
              <h2 id={`type-${type}`}>{t(INSTITUTION_TYPE_KEYS[type])}</h2>
              <ul class="ladder-columns">
                {rows.map((row) => {
                  const count = counts.get(row.id) ?? 0;
                  return (
                    <li key={row.id}>
                      <a href={href('institution', lang, { id: row.id })}>{name(row)}</a>{' '}
                      {row.isDemo ? <DemoBadge ctx={ctx} /> : null}{' '}
                      <span class="ladder-hint">
                        ({count > 0 ? t('institutions.programs', { count }) : t('institutions.noPrograms')})
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </>
    ),
  });
}

/** `/en/institutions/:id`: an institution and its published programs, 25 a page. */
export async function institutionPage(
  ctx: PageContext,
  catalogue: CatalogueService,
  id: string,
  query: z.output<typeof pageQuery>,
): Promise<string> {
  const { t, lang } = ctx;
  const institution = await catalogue.institution(id);
  if (institution === undefined) throw new RequestError(404, `No institution has the id ${id}.`);
  const total = (await catalogue.programCounts()).get(id) ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (query.page > pages)
    throw new RequestError(404, `Page ${query.page} does not exist; there are ${pages}.`);
  const programs = await catalogue.programsForInstitution(id, PAGE_SIZE, (query.page - 1) * PAGE_SIZE);
  const name = lang === 'fr' ? institution.nameFr : institution.nameEn;
  return renderPage({
    ctx,
    title: name,
    children: (
      <>
        {institution.isDemo ? <DemoNotice ctx={ctx} /> : null}
        <nav aria-label={t('occupations.breadcrumbs')} class="ladder-breadcrumbs">
          <ol>
            <li>
              <a href={href('institutions', lang)}>{t('institutions.title')}</a>
            </li>
          </ol>
        </nav>
        <h1>
          {name} {institution.isDemo ? <DemoBadge ctx={ctx} /> : null}
        </h1>
        <dl class="ladder-facts">
          <dt>{t('institution.type')}</dt>
          <dd>{t(INSTITUTION_TYPE_KEYS[institution.type])}</dd>
          <dt>{t('institution.city')}</dt>
          <dd>{institution.city}</dd>
          {institution.region === null ? null : (
            <>
              <dt>{t('institution.region')}</dt>
              <dd>{institution.region}</dd>
            </>
          )}
          <dt>{t('institution.website')}</dt>
          <dd>
            <a href={institution.website} rel="noopener">
              {institution.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          </dd>
        </dl>
        <section aria-labelledby="programs-heading">
          <h2 id="programs-heading">
            {t('institution.programs.heading')}{' '}
            {total > 0 ? (
              <span class="ladder-hint">({t('institutions.programs', { count: total })})</span>
            ) : null}
          </h2>
          {programs.length === 0 ? (
            <p>{t('institution.programs.none')}</p>
          ) : (
            <ProgramList programs={programs} ctx={ctx} id="institution-programs" />
          )}
          <Pagination
            page={query.page}
            pages={pages}
            ctx={ctx}
            link={(page) => href('institution', lang, { id }, page === 1 ? {} : { page })}
          />
        </section>
      </>
    ),
  });
}
