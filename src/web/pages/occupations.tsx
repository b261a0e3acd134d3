import { z } from 'zod';
import type { GroupSummary, LmiService, OccupationProfile } from '../../lmi/service.ts';
import type { ProgramSummary } from '../../catalogue/repository.ts';
import type { CatalogueService } from '../../catalogue/service.ts';
import { RequestError } from '../errors.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import { renderPage, TableScroll, type PageContext } from '../views/layout.tsx';
import { sourceName } from '../views/source-names.ts';
import { DemoNotice, ProgramList } from '../views/programs.tsx';
import { CONDITION_KEYS, HiringBadge, Local, OUTLOOK_KEYS, RatingTable } from '../views/lmi.tsx';

/** `:noc` is a NOC 2021 code of any level: 1 to 5 digits. */
export const nocParams = z.object({
  noc: z.string().regex(/^\d{1,5}$/, 'must be a NOC 2021 code of 1 to 5 digits, such as 21232'),
});

export const occupationSearchQuery = z.object({
  q: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
});

const LEVEL_KEYS: Record<number, MessageKey> = {
  1: 'occupations.level.1',
  2: 'occupations.level.2',
  3: 'occupations.level.3',
  4: 'occupations.level.4',
  5: 'occupations.level.5',
};

function GroupLink({ group, ctx }: { group: GroupSummary; ctx: PageContext }) {
  return (
    <a href={href('occupation', ctx.lang, { noc: group.code })}>
      <Local text={group.title} ctx={ctx} /> <span class="ladder-hint">({group.code})</span>
    </a>
  );
}

function Breadcrumbs({ trail, ctx }: { trail: GroupSummary[]; ctx: PageContext }) {
  return (
    <nav aria-label={ctx.t('occupations.breadcrumbs')} class="ladder-breadcrumbs">
      <ol>
        <li>
          <a href={href('occupations', ctx.lang)}>{ctx.t('occupations.title')}</a>
        </li>
        {trail.map((group) => (
          <li key={group.code}>
            <GroupLink group={group} ctx={ctx} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function NotLoaded({ ctx }: { ctx: PageContext }) {
  return <p>{ctx.t('occupations.notLoaded')}</p>;
}

/** The NOC hierarchy's top two levels, title search and a link to the in-demand index. */
export async function occupationsPage(
  ctx: PageContext,
  lmi: LmiService,
  query: z.output<typeof occupationSearchQuery>,
) {
  const { t, lang } = ctx;
  const loaded = lmi.status().loaded;
  const [categories, matches] = loaded
    ? await Promise.all([
        lmi.browse(lang),
        query.q ? lmi.searchOccupations(query.q, lang, 20) : Promise.resolve([]),
      ])
    : [[], []];
  return renderPage({
    ctx,
    title: t('occupations.title'),
    description: t('occupations.lead'),
    children: (
      <>
        <h1>{t('occupations.title')}</h1>
        <p class="ladder-lead">{t('occupations.lead')}</p>
        {loaded ? (
          <>
            <form method="get" action={href('occupations', lang)} role="search" class="ladder-search">
              <label for="occupation-q">{t('occupations.search.label')}</label>
              <div>
                <input id="occupation-q" name="q" type="search" value={query.q ?? ''} maxLength={200} />
                <button type="submit" class="ladder-button">
                  {t('occupations.search.button')}
                </button>
              </div>
            </form>
            {query.q ? (
              <section aria-labelledby="matches-heading">
                <h2 id="matches-heading">{t('occupations.search.results', { query: query.q })}</h2>
                {matches.length === 0 ? (
                  <p>{t('occupations.search.none')}</p>
                ) : (
                  <ul>
                    {matches.map((match) => (
                      <li key={match.code}>
                        <GroupLink group={{ code: match.code, level: 5, title: match.title }} ctx={ctx} />
                        {match.matchedTitle !== match.title.text ? (
                          <span class="ladder-hint">
                            {' '}
                            — {t('occupations.search.matchedOn', { title: match.matchedTitle })}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
            <p>
              <a href={href('occupationsInDemand', lang)}>{t('occupations.inDemandLink')}</a>
            </p>
            <h2>{t('occupations.browse.heading')}</h2>
            {categories.map((category) => (
              <section key={category.code} aria-labelledby={`broad-${category.code}`}>
                <h3 id={`broad-${category.code}`}>
                  <GroupLink group={category} ctx={ctx} />
                </h3>
                <ul>
                  {category.majors.map((major) => (
                    <li key={major.code}>
                      <GroupLink group={major} ctx={ctx} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        ) : (
          <NotLoaded ctx={ctx} />
        )}
      </>
    ),
  });
}

/** `/en/occupations/:noc`: a unit group's profile, or a higher-level group's children. */
export async function occupationPage(
  ctx: PageContext,
  lmi: LmiService,
  catalogue: CatalogueService,
  noc: string,
): Promise<string> {
  if (noc.length === 5) {
    const [occupation, items, total] = await Promise.all([
      lmi.occupation(noc, ctx.lang),
      catalogue.programsForOccupation(noc, 20),
      catalogue.countForOccupation(noc),
    ]);
    if (!occupation) throw new RequestError(404, `No NOC 2021 unit group has the code ${noc}.`);
    return unitGroupPage(ctx, occupation, { items, total });
  }
  const group = await lmi.group(noc, ctx.lang);
  if (!group) throw new RequestError(404, `No NOC 2021 group has the code ${noc}.`);
  const { t } = ctx;
  return renderPage({
    ctx,
    title: group.title.text,
    children: (
      <>
        <Breadcrumbs trail={group.hierarchy} ctx={ctx} />
        <h1>
          <Local text={group.title} ctx={ctx} />
        </h1>
        <p class="ladder-hint">
          {t(LEVEL_KEYS[group.level] ?? 'occupations.level.5')} {group.code}
        </p>
        {group.definition ? (
          <p>
            <Local text={group.definition} ctx={ctx} />
          </p>
        ) : null}
        <h2>{t('occupations.group.children')}</h2>
        <ul>
          {group.children.map((child) => (
            <li key={child.code}>
              <GroupLink group={child} ctx={ctx} />
            </li>
          ))}
        </ul>
      </>
    ),
  });
}

function unitGroupPage(
  ctx: PageContext,
  occupation: OccupationProfile,
  programs: { items: ProgramSummary[]; total: number },
): string {
  const { t, lang } = ctx;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const dateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const [mainProfile] = occupation.profiles;
  const duties = occupation.profiles.flatMap((profile) => profile.mainDuties).slice(0, 12);
  const hot = occupation.technologies
    .filter((technology) => technology.hot || technology.inDemand)
    .slice(0, 20);
  const projection = occupation.projection;
  return renderPage({
    ctx,
    title: occupation.title.text,
    description: occupation.definition?.text,
    children: (
      <>
        <Breadcrumbs trail={occupation.hierarchy} ctx={ctx} />
        <h1>
          <Local text={occupation.title} ctx={ctx} />
        </h1>
        <p class="ladder-hint">
          {t('occupation.code', { code: occupation.code })}
          {occupation.teer === null ? null : ` · ${t('occupation.teer', { teer: occupation.teer })}`}
        </p>
        <HiringBadge hiring={occupation.hiring} ctx={ctx} detailed />
        {occupation.definition ? (
          <p class="ladder-lead">
            <Local text={occupation.definition} ctx={ctx} />
          </p>
        ) : null}
        {mainProfile?.leadStatement && mainProfile.leadStatement.text !== occupation.definition?.text ? (
          <p>
            <Local text={mainProfile.leadStatement} ctx={ctx} />
          </p>
        ) : null}

        <section aria-labelledby="outlook-heading">
          <h2 id="outlook-heading">{t('occupation.outlook.heading')}</h2>
          <dl class="ladder-facts">
            <dt>{t('occupation.outlook.ontario')}</dt>
            <dd>
              {occupation.ontarioOutlook
                ? t('occupation.outlook.ontarioValue', {
                    label: t(OUTLOOK_KEYS[occupation.ontarioOutlook.label]),
                    period: occupation.ontarioOutlook.period,
                  })
                : t('lmi.notPublished')}
            </dd>
            <dt>{t('occupation.outlook.future')}</dt>
            <dd>
              {projection?.futureConditions
                ? t(CONDITION_KEYS[projection.futureConditions])
                : t('lmi.notPublished')}
            </dd>
            <dt>{t('occupation.outlook.recent')}</dt>
            <dd>
              {projection?.recentConditions
                ? t(CONDITION_KEYS[projection.recentConditions])
                : t('lmi.notPublished')}
            </dd>
            {projection?.jobOpenings != null ? (
              <>
                <dt>{t('occupation.outlook.openings')}</dt>
                <dd>{number.format(projection.jobOpenings)}</dd>
              </>
            ) : null}
            {projection?.jobSeekers != null ? (
              <>
                <dt>{t('occupation.outlook.seekers')}</dt>
                <dd>{number.format(projection.jobSeekers)}</dd>
              </>
            ) : null}
            {projection?.employment2023 != null ? (
              <>
                <dt>{t('occupation.outlook.employment')}</dt>
                <dd>{number.format(projection.employment2023)}</dd>
              </>
            ) : null}
          </dl>
          {projection?.aggregate ? (
            <p class="ladder-hint">
              {t('occupation.outlook.aggregate', {
                code: projection.copsCode,
                title: projection.copsTitle.text,
              })}
            </p>
          ) : null}
          <p class="ladder-hint">{t('occupation.outlook.national')}</p>
        </section>

        {duties.length > 0 ? (
          <section aria-labelledby="duties-heading">
            <h2 id="duties-heading">{t('occupation.duties.heading')}</h2>
            <ul>
              {duties.map((duty, index) => (
                <li key={index}>
                  <Local text={duty} ctx={ctx} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {occupation.exampleTitles.length > 0 ? (
          <section aria-labelledby="titles-heading">
            <h2 id="titles-heading">{t('occupation.titles.heading')}</h2>
            <ul class="ladder-columns">
              {occupation.exampleTitles.slice(0, 30).map((title) => (
                <li key={title.text}>
                  <Local text={title} ctx={ctx} />
                </li>
              ))}
            </ul>
            {occupation.exampleTitles.length > 30 ? (
              <p class="ladder-hint">
                {t('occupation.titles.more', { count: occupation.exampleTitles.length - 30 })}
              </p>
            ) : null}
          </section>
        ) : null}

        {occupation.skills.length + occupation.abilities.length + occupation.knowledge.length > 0 ? (
          <section aria-labelledby="skills-heading">
            <h2 id="skills-heading">{t('occupation.ratings.heading')}</h2>
            <p class="ladder-hint">{t('occupation.ratings.explain')}</p>
            {occupation.skills.length > 0 ? (
              <RatingTable
                id="skills"
                caption={t('occupation.ratings.skills')}
                rows={occupation.skills}
                ctx={ctx}
              />
            ) : null}
            {occupation.abilities.length > 0 ? (
              <RatingTable
                id="abilities"
                caption={t('occupation.ratings.abilities')}
                rows={occupation.abilities}
                ctx={ctx}
              />
            ) : null}
            {occupation.knowledge.length > 0 ? (
              <RatingTable
                id="knowledge"
                caption={t('occupation.ratings.knowledge')}
                rows={occupation.knowledge}
                ctx={ctx}
              />
            ) : null}
            <p class="ladder-hint">
              {t('occupation.ratings.release', {
                releases: [
                  ...new Set(
                    [...occupation.skills, ...occupation.abilities, ...occupation.knowledge].map(
                      (row) => row.release,
                    ),
                  ),
                ].join(', '),
              })}
            </p>
          </section>
        ) : null}

        {hot.length > 0 ? (
          <section aria-labelledby="tech-heading">
            <h2 id="tech-heading">{t('occupation.technologies.heading')}</h2>
            <ul class="ladder-chips ladder-chips--static">
              {hot.map((technology) => (
                <li key={technology.name}>
                  {technology.name}
                  {technology.hot ? <span class="ladder-tag">{t('occupation.technologies.hot')}</span> : null}
                  {technology.inDemand ? (
                    <span class="ladder-tag">{t('occupation.technologies.inDemand')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            <p class="ladder-hint">{t('occupation.technologies.explain')}</p>
          </section>
        ) : null}

        {occupation.related.length > 0 ? (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading">{t('occupation.related.heading')}</h2>
            <ul>
              {occupation.related.map((related) => (
                <li key={related.code}>
                  <GroupLink group={{ code: related.code, level: 5, title: related.title }} ctx={ctx} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="programs-heading">
          <h2 id="programs-heading">{t('occupation.programs.heading')}</h2>
          {programs.items.length === 0 ? (
            <p>{t('occupation.programs.none')}</p>
          ) : (
            <>
              {programs.items.some((program) => program.isDemo) ? <DemoNotice ctx={ctx} /> : null}
              <p>{t('occupation.programs.count', { count: programs.total })}</p>
              <ProgramList programs={programs.items} ctx={ctx} id="occupation-programs" />
            </>
          )}
        </section>

        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t('occupation.sources.heading')}</h2>
          <ul>
            {occupation.sources.map((source) => (
              <li key={source.id}>
                {t('occupation.sources.item', {
                  title: sourceName(t, source.id),
                  version: source.version,
                  date: dateFormat.format(new Date(source.importedAt)),
                })}
              </li>
            ))}
          </ul>
          <p>
            <a href={href('aboutData', lang)}>{t('occupation.sources.more')}</a>
          </p>
        </section>
      </>
    ),
  });
}

/** Occupations rated "hot" in Ontario, with the inputs of the indicator. */
export async function inDemandPage(ctx: PageContext, lmi: LmiService): Promise<string> {
  const { t, lang } = ctx;
  const loaded = lmi.status().loaded;
  const items = loaded ? await lmi.inDemand(lang) : [];
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  return renderPage({
    ctx,
    title: t('inDemand.title'),
    description: t('inDemand.lead'),
    children: (
      <>
        <h1>{t('inDemand.title')}</h1>
        <p class="ladder-lead">{t('inDemand.lead')}</p>
        <p>
          <a href={`${href('aboutData', lang)}#hiring-indicator`}>{t('lmi.hiring.howLink')}</a>
        </p>
        {!loaded ? (
          <NotLoaded ctx={ctx} />
        ) : items.length === 0 ? (
          <p>{t('inDemand.none')}</p>
        ) : (
          <TableScroll label={t('inDemand.caption', { count: items.length })}>
            <table class="ladder-table">
              <caption>{t('inDemand.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inDemand.col.occupation')}</th>
                  <th scope="col">{t('inDemand.col.outlook')}</th>
                  <th scope="col">{t('inDemand.col.conditions')}</th>
                  <th scope="col">{t('inDemand.col.openings')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.code}>
                    <th scope="row">
                      <GroupLink group={{ code: item.code, level: 5, title: item.title }} ctx={ctx} />
                    </th>
                    <td>
                      {item.hiring.inputs.ontarioOutlook
                        ? t(OUTLOOK_KEYS[item.hiring.inputs.ontarioOutlook])
                        : t('lmi.notPublished')}
                    </td>
                    <td>
                      {item.hiring.inputs.futureConditions
                        ? t(CONDITION_KEYS[item.hiring.inputs.futureConditions])
                        : t('lmi.notPublished')}
                    </td>
                    <td>
                      {item.jobOpenings === null ? t('lmi.notPublished') : number.format(item.jobOpenings)}
                    </td>
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
