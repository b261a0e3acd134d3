import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { recommendInput } from '../../recommend/params.ts';
import { parseEdit, technologyKey } from '../../recommend/profile.ts';
import {
  LmiNotLoadedError,
  MAX_OCCUPATIONS,
  type OccupationSummary,
  type ProgramRecommendation,
  type Recommendation,
  type RecommendInput,
  type RecommendService,
  type TransitionView,
} from '../../recommend/service.ts';
import type { TitleMatch } from '../../recommend/title-matcher.ts';
import { fold } from '../../search/text.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { href, type Query } from '../routes.ts';
import {
  CareerNotLoaded,
  CareerSteps,
  English,
  HiddenState,
  hiringOf,
  ListOf,
  MAX_REPEAT,
  Rich,
  stateQuery,
  stepTitle,
  Unresolved,
  withoutUnresolved,
  type CareerParams,
  type CareerProfileParams,
  type Step,
} from '../views/career-paths.tsx';
import { renderPage, type PageContext } from '../views/layout.tsx';
import { HiringBadge, OUTLOOK_KEYS } from '../views/lmi.tsx';
import {
  DemoBadge,
  DemoNotice,
  formatDate,
  formatMoney,
  formatNumber,
  ListingTitle,
  locale,
  ProgramCardHead,
} from '../views/programs.tsx';

/**
 * The guided career path, `/en/career-paths…`: job title → confirm the occupation → edit the skill
 * profile → career moves → programs that close a move's gap. Every step is a GET page whose whole
 * state is in its URL, so it works without JavaScript and any step can be shared or bookmarked. The
 * pages call `RecommendService.recommend`, which `GET /api/v1/recommendations` calls with the same
 * parameters.
 */

export interface CareerServices {
  recommend: RecommendService;
}

/**
 * Words for the title matcher's calibrated probability: the one place its thresholds live. The first
 * row whose `min` the score reaches gives the words.
 */
export const MATCH_CONFIDENCE: readonly { min: number; key: MessageKey }[] = [
  { min: 0.8, key: 'careerPaths.confidence.veryLikely' },
  { min: 0.5, key: 'careerPaths.confidence.likely' },
  { min: 0, key: 'careerPaths.confidence.possible' },
];

export function confidenceKey(score: number): MessageKey {
  for (const row of MATCH_CONFIDENCE) if (score >= row.min) return row.key;
  return 'careerPaths.confidence.possible';
}

/** Candidates offered beside the best match in the occupation step. */
const CANDIDATES = 5;
/** What a move lists of each kind: the service orders them, most important first. */
const CARRIES_OVER = 3;
const SKILLS_TO_RAISE = 4;
const TECHNOLOGIES_TO_LEARN = 5;
/** Start windows the programs filter offers, in days. */
const START_WINDOWS = [30, 90, 180] as const;

/** The service's answer, or null when no labour-market data is loaded (the page says so, status 200). */
async function recommendation(
  ctx: PageContext,
  services: CareerServices,
  input: RecommendInput,
): Promise<Recommendation | null> {
  if (!ctx.lmi.loaded) return null;
  try {
    return await services.recommend.recommend(input);
  } catch (error) {
    if (error instanceof LmiNotLoadedError) return null;
    throw error;
  }
}

/** The service input of a step: only the programs step asks for a target's programs. */
function inputFor(ctx: PageContext, params: CareerParams, step: Step): RecommendInput {
  const input = recommendInput(params, ctx.lang);
  return step === 'programs' ? input : { ...input, target: undefined };
}

/**
 * The state to carry onward from a recommendation: without what it could not resolve, and with the
 * title's assumed best match written out as a `noc`, so later steps do not depend on the title.
 */
function carried(params: CareerParams, rec: Recommendation): CareerParams {
  const clean = withoutUnresolved(params, rec.unresolved);
  return rec.assumed ? { ...clean, noc: rec.occupations.map((occupation) => occupation.code) } : clean;
}

function notLoadedPage(ctx: PageContext, step: Step, heading: string): string {
  return renderPage({
    ctx,
    title: stepTitle(ctx, step),
    children: <CareerNotLoaded ctx={ctx} heading={heading} />,
  });
}

/** A profile with no occupation: say so and lead back to the title. */
function EmptyProfile({ ctx, params }: { ctx: PageContext; params: CareerParams }) {
  const { t, lang } = ctx;
  return (
    <>
      <p>{t('careerPaths.profile.empty')}</p>
      <p>
        <a href={href('careerPaths', lang, {}, stateQuery(params))}>{t('careerPaths.profile.startLink')}</a>
      </p>
    </>
  );
}

/** The job-title form: a GET to the occupation step that keeps the rest of the state. */
function TitleForm({
  ctx,
  params,
  id,
  label,
  button,
  hint,
  value = '',
}: {
  ctx: PageContext;
  params: CareerParams;
  id: string;
  label: string;
  button: string;
  hint?: string;
  value?: string;
}) {
  const { lang } = ctx;
  return (
    <form method="get" action={href('careerOccupation', lang)} class="ladder-search">
      <HiddenState query={stateQuery(params)} except={['title']} />
      <label class="ontario-label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="ladder-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div class="ladder-search__row">
        <input
          class="ontario-input"
          type="text"
          id={id}
          name="title"
          value={value}
          maxLength={200}
          autocomplete="organization-title"
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button class="ladder-button" type="submit">
          {button}
        </button>
      </div>
    </form>
  );
}

const EXAMPLES: MessageKey[] = [
  'careerPaths.start.example.1',
  'careerPaths.start.example.2',
  'careerPaths.start.example.3',
  'careerPaths.start.example.4',
];

/** Step 1, `/en/career-paths`: what this does, the job-title form and example titles. */
export function careerPathsPage(ctx: PageContext, params: CareerParams): string {
  const { t, lang } = ctx;
  if (!ctx.lmi.loaded) return notLoadedPage(ctx, 'title', t('careerPaths.title'));
  const hasProfile = params.noc.length + params.add.length + params.remove.length > 0;
  return renderPage({
    ctx,
    title: stepTitle(ctx, 'title'),
    description: t('careerPaths.start.lead'),
    children: (
      <>
        <CareerSteps ctx={ctx} current="title" params={params} />
        <h1>{t('careerPaths.title')}</h1>
        <p class="ladder-lead">{t('careerPaths.start.lead')}</p>
        <TitleForm
          ctx={ctx}
          params={params}
          id="career-title"
          label={t('careerPaths.start.label')}
          hint={t('careerPaths.start.hint')}
          button={t('careerPaths.start.button')}
          value={params.title ?? ''}
        />
        {hasProfile ? (
          <p class="ladder-hint">
            {t('careerPaths.start.kept')}{' '}
            <a href={href('careerPaths', lang)}>{t('careerPaths.start.again')}</a>
          </p>
        ) : null}
        <section aria-labelledby="career-examples-heading">
          <h2 id="career-examples-heading">{t('careerPaths.start.examples')}</h2>
          <ul class="ladder-chips">
            {EXAMPLES.map((key) => (
              <li key={key}>
                <a href={href('careerOccupation', lang, {}, stateQuery(params, { title: t(key) }))}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}

/** "A very likely match, on the title “Web developer”." */
function MatchLine({ ctx, match }: { ctx: PageContext; match: TitleMatch }) {
  const { t } = ctx;
  const title =
    match.matchedOn.lang === ctx.lang ? (
      match.matchedOn.title
    ) : (
      <span lang={match.matchedOn.lang}>{match.matchedOn.title}</span>
    );
  return (
    <Rich
      message={t('careerPaths.occupation.match')}
      parts={{ confidence: t(confidenceKey(match.score)), title }}
    />
  );
}

/** Step 2, `/en/career-paths/occupation?title=`: the best match to confirm, other candidates, another title. */
export async function careerOccupationPage(
  ctx: PageContext,
  services: CareerServices,
  params: CareerParams,
): Promise<string> {
  const { t, lang } = ctx;
  const heading = t('careerPaths.occupation.heading');
  const rec = await recommendation(ctx, services, inputFor(ctx, params, 'occupation'));
  if (rec === null) return notLoadedPage(ctx, 'occupation', heading);
  const clean = withoutUnresolved(params, rec.unresolved);
  const existing = rec.assumed ? [] : rec.occupations;
  const existingCodes = new Set(existing.map((occupation) => occupation.code));
  const candidates = rec.matches.filter((match) => !existingCodes.has(match.noc)).slice(0, CANDIDATES);
  const best = rec.matches[0];
  const title = clean.title ?? '';
  return renderPage({
    ctx,
    title: stepTitle(ctx, 'occupation', best && title ? best.title : undefined),
    children: (
      <>
        <CareerSteps ctx={ctx} current="occupation" params={clean} />
        <h1>{heading}</h1>
        <Unresolved ctx={ctx} values={rec.unresolved} />
        {title && best ? (
          <>
            <p class="ladder-lead">
              <Rich
                message={t('careerPaths.occupation.guess')}
                parts={{ occupation: <strong>{best.title}</strong> }}
              />
            </p>
            <p>
              <MatchLine ctx={ctx} match={best} />
            </p>
          </>
        ) : title ? (
          <p class="ladder-lead">{t('careerPaths.occupation.noMatch', { title })}</p>
        ) : existing.length === 0 ? (
          <p class="ladder-lead">{t('careerPaths.occupation.noTitle')}</p>
        ) : null}
        {existing.length + candidates.length > 0 ? (
          <form method="get" action={href('careerProfile', lang)}>
            <HiddenState query={stateQuery(clean)} except={['noc']} />
            <fieldset class="ladder-facet ladder-choices">
              <legend>{t('careerPaths.occupation.legend', { max: MAX_OCCUPATIONS })}</legend>
              {existing.map((occupation) => (
                <OccupationChoice
                  key={occupation.code}
                  ctx={ctx}
                  code={occupation.code}
                  title={occupation.title}
                  checked
                >
                  {t('careerPaths.occupation.inProfile')}
                </OccupationChoice>
              ))}
              {candidates.map((match, index) => (
                <OccupationChoice
                  key={match.noc}
                  ctx={ctx}
                  code={match.noc}
                  title={match.title}
                  checked={index === 0 && match === best && existing.length < MAX_OCCUPATIONS}
                >
                  <MatchLine ctx={ctx} match={match} />
                </OccupationChoice>
              ))}
            </fieldset>
            <button type="submit" class="ladder-button">
              {t('careerPaths.occupation.continue')}
            </button>
          </form>
        ) : null}
        <section aria-labelledby="career-another-heading">
          <h2 id="career-another-heading">{t('careerPaths.occupation.another')}</h2>
          <TitleForm
            ctx={ctx}
            params={clean}
            id="career-title"
            label={t('careerPaths.start.label')}
            hint={t('careerPaths.start.hint')}
            button={t('careerPaths.start.button')}
            value={best ? '' : title}
          />
        </section>
      </>
    ),
  });
}

function OccupationChoice({
  ctx,
  code,
  title,
  checked,
  children,
}: {
  ctx: PageContext;
  code: string;
  title: string;
  checked: boolean;
  children: ComponentChildren;
}) {
  const id = `noc-${code}`;
  return (
    <div class="ladder-facet__option">
      <input type="checkbox" id={id} name="noc" value={code} checked={checked} />
      <label for={id}>
        {title} <span class="ladder-hint">({ctx.t('careerPaths.occupation.code', { code })})</span>
        <span class="ladder-choice__detail">{children}</span>
      </label>
    </div>
  );
}

/** The key an edit is compared by: technologies by folded name, as the service resolves them. */
function editKey(value: string): string {
  const edit = parseEdit(value);
  if (edit === undefined) return value;
  return edit.kind === 'skill' ? `skill:${edit.code}` : `technology:${technologyKey(edit.name)}`;
}

/** Adds an edit to `add` (once) and takes it out of `remove`, so the addition takes effect. */
function withAdded(params: CareerParams, value: string): CareerParams {
  const key = editKey(value);
  const add = params.add.some((item) => editKey(item) === key) ? params.add : [...params.add, value];
  return {
    ...params,
    add: add.slice(0, MAX_REPEAT),
    remove: params.remove.filter((item) => editKey(item) !== key),
  };
}

/**
 * A typed skill name as `skill:<OaSIS code>`: the vocabulary entry with exactly that name (case and
 * accents aside); otherwise the skills with a similar name, to offer.
 */
async function resolveSkill(
  services: CareerServices,
  text: string,
): Promise<{ value?: string; similar: { value: string; label: string }[] }> {
  const found = (await services.recommend.vocabulary(text, 20)).filter((item) => item.kind === 'skill');
  const wanted = fold(text).replace(/\s+/g, ' ').trim();
  const exact = found.find((item) => fold(item.label).replace(/\s+/g, ' ').trim() === wanted);
  return exact ? { value: exact.value, similar: [] } : { similar: found.slice(0, 5) };
}

const CATEGORY_LEGENDS = {
  skills: 'careerPaths.profile.legend.skills',
  knowledge: 'careerPaths.profile.legend.knowledge',
  abilities: 'careerPaths.profile.legend.abilities',
} as const satisfies Record<string, MessageKey>;

/**
 * Step 3, `/en/career-paths/profile?noc=…&add=…&remove=…`: the profile, and one GET form to edit it.
 * A submitted skill or technology name is resolved and the page redirects to the plain URL of the
 * edited profile; a skill name it cannot resolve is reported on the page instead.
 */
export async function careerProfilePage(
  ctx: PageContext,
  services: CareerServices,
  query: CareerProfileParams,
  reply: FastifyReply,
): Promise<string> {
  const { t, lang } = ctx;
  const heading = t('careerPaths.profile.heading');
  if (!ctx.lmi.loaded) return notLoadedPage(ctx, 'profile', heading);
  const { addSkill, addTechnology, ...rest } = query;
  let params: CareerParams = rest;
  let unknownSkill: { name: string; similar: { value: string; label: string }[] } | undefined;
  if (addSkill !== undefined || addTechnology !== undefined) {
    if (addTechnology) params = withAdded(params, `technology:${addTechnology}`);
    if (addSkill) {
      let resolved: Awaited<ReturnType<typeof resolveSkill>>;
      try {
        resolved = await resolveSkill(services, addSkill);
      } catch (error) {
        if (error instanceof LmiNotLoadedError) return notLoadedPage(ctx, 'profile', heading);
        throw error;
      }
      if (resolved.value === undefined) unknownSkill = { name: addSkill, similar: resolved.similar };
      else params = withAdded(params, resolved.value);
    }
    if (unknownSkill === undefined) {
      void reply.redirect(href('careerProfile', lang, {}, stateQuery(params)), 303);
      return '';
    }
  }
  const rec = await recommendation(ctx, services, inputFor(ctx, params, 'profile'));
  if (rec === null) return notLoadedPage(ctx, 'profile', heading);
  const state = carried(params, rec);
  const profile = rec.profile;
  return renderPage({
    ctx,
    title: stepTitle(ctx, 'profile'),
    children: (
      <>
        <CareerSteps ctx={ctx} current="profile" params={state} />
        <h1>{heading}</h1>
        <Unresolved ctx={ctx} values={rec.unresolved} />
        {unknownSkill ? <UnknownSkill ctx={ctx} params={state} skill={unknownSkill} /> : null}
        {profile === null ? (
          <EmptyProfile ctx={ctx} params={state} />
        ) : (
          <>
            <p class="ladder-lead">{t('careerPaths.profile.lead')}</p>
            <section aria-labelledby="career-jobs-heading">
              <h2 id="career-jobs-heading">{t('careerPaths.profile.jobs')}</h2>
              {rec.assumed && params.title ? (
                <p>
                  {t('careerPaths.profile.assumed', { title: params.title })}{' '}
                  <a href={href('careerOccupation', lang, {}, stateQuery(state, { noc: [] }))}>
                    {t('careerPaths.profile.confirm')}
                  </a>
                </p>
              ) : null}
              <OccupationList ctx={ctx} occupations={rec.occupations} />
            </section>
            <ProfileForm
              ctx={ctx}
              profile={profile}
              state={state}
              skillNames={await services.recommend.skillNames()}
            />
            {profile.removed.length > 0 ? (
              <section aria-labelledby="career-removed-heading">
                <h2 id="career-removed-heading">{t('careerPaths.profile.removed')}</h2>
                <ul>
                  {profile.removed.map((item) => (
                    <li key={item.value}>
                      <a
                        href={href(
                          'careerProfile',
                          lang,
                          {},
                          stateQuery(state, {
                            remove: state.remove.filter((value) => editKey(value) !== editKey(item.value)),
                          }),
                        )}
                      >
                        <Rich
                          message={t('careerPaths.profile.putBack')}
                          parts={{ name: <English ctx={ctx}>{item.label}</English> }}
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="career-another-job-heading">
              <h2 id="career-another-job-heading">{t('careerPaths.profile.anotherJob')}</h2>
              {rec.occupations.length < MAX_OCCUPATIONS ? (
                <TitleForm
                  ctx={ctx}
                  params={state}
                  id="career-another-title"
                  label={t('careerPaths.profile.anotherJobLabel')}
                  button={t('careerPaths.profile.anotherJobButton')}
                />
              ) : (
                <p>{t('careerPaths.profile.full', { max: MAX_OCCUPATIONS })}</p>
              )}
            </section>
            <p class="ladder-career-next">
              <a class="ladder-button" href={href('careerTransitions', lang, {}, stateQuery(state))}>
                {t('careerPaths.profile.next')}
              </a>
            </p>
          </>
        )}
      </>
    ),
  });
}

function UnknownSkill({
  ctx,
  params,
  skill,
}: {
  ctx: PageContext;
  params: CareerParams;
  skill: { name: string; similar: { value: string; label: string }[] };
}) {
  const { t, lang } = ctx;
  return (
    <div class="ladder-notice ladder-notice--warning">
      <p>{t('careerPaths.profile.unknownSkill', { name: skill.name })}</p>
      {skill.similar.length > 0 ? (
        <>
          <p>{t('careerPaths.profile.similar')}</p>
          <ul>
            {skill.similar.map((item) => (
              <li key={item.value}>
                <a href={href('careerProfile', lang, {}, stateQuery(withAdded(params, item.value)))}>
                  <Rich
                    message={t('careerPaths.profile.addThis')}
                    parts={{ name: <English ctx={ctx}>{item.label}</English> }}
                  />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function OccupationList({ ctx, occupations }: { ctx: PageContext; occupations: OccupationSummary[] }) {
  const { t, lang } = ctx;
  return (
    <ul class="ladder-occupations">
      {occupations.map((occupation) => (
        <li key={occupation.code}>
          <a href={href('occupation', lang, { noc: occupation.code })}>{occupation.title}</a>{' '}
          <span class="ladder-hint">({t('careerPaths.occupation.code', { code: occupation.code })})</span>
          <HiringBadge hiring={hiringOf(occupation)} ctx={ctx} detailed={false} />
        </li>
      ))}
    </ul>
  );
}

type Profile = NonNullable<Recommendation['profile']>;

function ProfileForm({
  ctx,
  profile,
  state,
  skillNames,
}: {
  ctx: PageContext;
  profile: Profile;
  state: CareerParams;
  /** Every OaSIS skill and knowledge name, suggested while typing (a datalist works without JavaScript). */
  skillNames: string[];
}) {
  const { t, lang } = ctx;
  const level = (value: number) => t('careerPaths.profile.level', { level: formatNumber(value, lang) });
  const held = new Set(profile.skills.map((skill) => skill.name));
  const suggestions = skillNames.filter((name) => !held.has(name));
  let index = 0;
  const checkbox = (value: string, label: ComponentChildren) => {
    const id = `career-remove-${index++}`;
    return (
      <div class="ladder-facet__option" key={value}>
        <input type="checkbox" id={id} name="remove" value={value} />
        <label for={id}>{label}</label>
      </div>
    );
  };
  return (
    <section aria-labelledby="career-profile-form-heading">
      <h2 id="career-profile-form-heading">{t('careerPaths.profile.form')}</h2>
      <p class="ladder-hint">{t('careerPaths.profile.formHint')}</p>
      {lang === 'fr' ? <p class="ladder-hint">{t('careerPaths.profile.englishOnly')}</p> : null}
      <form method="get" action={href('careerProfile', lang)} class="ladder-career-profile">
        <HiddenState query={stateQuery(state)} except={[]} />
        {(['skills', 'knowledge', 'abilities'] as const).map((category) => {
          const items = profile.skills.filter((item) => item.category === category);
          return (
            <fieldset key={category} class="ladder-facet">
              <legend>{t(CATEGORY_LEGENDS[category])}</legend>
              {items.length === 0 ? <p class="ladder-hint">{t('careerPaths.profile.none')}</p> : null}
              {items.map((item) =>
                checkbox(
                  `skill:${item.code}`,
                  <>
                    <English ctx={ctx}>{item.name}</English> — {level(item.level)}
                    {item.added ? <span class="ladder-tag">{t('careerPaths.profile.added')}</span> : null}
                  </>,
                ),
              )}
            </fieldset>
          );
        })}
        <fieldset class="ladder-facet">
          <legend>{t('careerPaths.profile.legend.technologies')}</legend>
          {profile.technologies.length === 0 ? (
            <p class="ladder-hint">{t('careerPaths.profile.none')}</p>
          ) : null}
          {profile.technologies.map((item) =>
            checkbox(
              `technology:${item.name}`,
              <>
                <English ctx={ctx}>{item.name}</English>
                {item.added ? <span class="ladder-tag">{t('careerPaths.profile.added')}</span> : null}
              </>,
            ),
          )}
        </fieldset>
        <div class="ladder-career-field">
          <label class="ontario-label" for="career-add-skill">
            {t('careerPaths.profile.addSkill')}
          </label>
          <p class="ladder-hint" id="career-add-skill-hint">
            {t('careerPaths.profile.addSkillHint')}
          </p>
          <input
            class="ontario-input"
            type="text"
            id="career-add-skill"
            name="addSkill"
            maxLength={200}
            autocomplete="off"
            list={suggestions.length > 0 ? 'career-skill-names' : undefined}
            aria-describedby="career-add-skill-hint"
          />
          {suggestions.length > 0 ? (
            <datalist id="career-skill-names" lang="en">
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          ) : null}
        </div>
        <div class="ladder-career-field">
          <label class="ontario-label" for="career-add-technology">
            {t('careerPaths.profile.addTechnology')}
          </label>
          <p class="ladder-hint" id="career-add-technology-hint">
            {t('careerPaths.profile.addTechnologyHint')}
          </p>
          <input
            class="ontario-input"
            type="text"
            id="career-add-technology"
            name="addTechnology"
            maxLength={150}
            autocomplete="off"
            aria-describedby="career-add-technology-hint"
          />
        </div>
        <button type="submit" class="ladder-button">
          {t('careerPaths.profile.update')}
        </button>
      </form>
    </section>
  );
}

/** Step 4, `/en/career-paths/transitions`: viable and desirable moves, and "grow where you are". */
export async function careerTransitionsPage(
  ctx: PageContext,
  services: CareerServices,
  params: CareerParams,
): Promise<string> {
  const { t, lang } = ctx;
  const heading = t('careerPaths.transitions.heading');
  const rec = await recommendation(ctx, services, inputFor(ctx, params, 'transitions'));
  if (rec === null) return notLoadedPage(ctx, 'transitions', heading);
  const state = carried(params, rec);
  const all = state.all === 'yes';
  return renderPage({
    ctx,
    title: stepTitle(ctx, 'transitions'),
    children: (
      <>
        <CareerSteps ctx={ctx} current="transitions" params={state} />
        <h1>{heading}</h1>
        <Unresolved ctx={ctx} values={rec.unresolved} />
        {rec.profile === null ? (
          <EmptyProfile ctx={ctx} params={state} />
        ) : (
          <>
            <p class="ladder-lead">
              {t('careerPaths.transitions.how')}{' '}
              <a href={href('aboutData', lang)}>{t('careerPaths.transitions.howLink')}</a>
            </p>
            <p>
              <Rich
                message={t('careerPaths.transitions.basedOn')}
                parts={{
                  occupations: (
                    <ListOf
                      items={rec.occupations.map((occupation) => (
                        <strong key={occupation.code}>{occupation.title}</strong>
                      ))}
                      lang={lang}
                    />
                  ),
                }}
              />{' '}
              <a href={href('careerProfile', lang, {}, stateQuery(state))}>
                {t('careerPaths.transitions.editProfile')}
              </a>
            </p>
            <p>
              <a
                href={href(
                  'careerTransitions',
                  lang,
                  {},
                  stateQuery(state, { all: all ? undefined : 'yes' }),
                )}
              >
                {all ? t('careerPaths.transitions.showRecommended') : t('careerPaths.transitions.showAll')}
              </a>
            </p>
            <section aria-labelledby="career-moves-heading">
              <h2 id="career-moves-heading">{t('careerPaths.transitions.list')}</h2>
              {rec.transitions.length === 0 ? (
                <p>{all ? t('careerPaths.transitions.noneAll') : t('careerPaths.transitions.none')}</p>
              ) : (
                <ol class="ladder-programs ladder-moves">
                  {rec.transitions.map((move) => (
                    <Move key={move.code} ctx={ctx} move={move} current={rec.occupations} state={state} />
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="career-grow-heading">
              <h2 id="career-grow-heading">{t('careerPaths.grow.heading')}</h2>
              {rec.grow.length === 0 ? (
                <p>{t('careerPaths.grow.none')}</p>
              ) : (
                <>
                  <p>{t('careerPaths.grow.lead')}</p>
                  <ul class="ladder-chips ladder-chips--static">
                    {rec.grow.map((technology) => (
                      <li key={technology.name}>
                        <English ctx={ctx}>{technology.name}</English>
                        {technology.hot ? (
                          <span class="ladder-tag">{t('occupation.technologies.hot')}</span>
                        ) : null}
                        {technology.inDemand ? (
                          <span class="ladder-tag">{t('occupation.technologies.inDemand')}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </>
        )}
      </>
    ),
  });
}

function Move({
  ctx,
  move,
  current,
  state,
}: {
  ctx: PageContext;
  move: TransitionView;
  current: OccupationSummary[];
  state: CareerParams;
}) {
  const { t, lang } = ctx;
  const percent = new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 });
  const number = (value: number) => formatNumber(value, lang);
  const reasons: string[] = [];
  if (move.outlookAtLeastAsGood === false) reasons.push(t('careerPaths.transitions.worseOutlook'));
  if (move.outlookAtLeastAsGood === null) reasons.push(t('careerPaths.transitions.unknownOutlook'));
  if (!move.notAStepDown) {
    reasons.push(
      t('careerPaths.transitions.stepDown', {
        teer: move.occupation.teer,
        current: Math.min(...current.map((occupation) => occupation.teer)),
      }),
    );
  }
  const outlook = move.occupation.ontarioOutlook;
  return (
    <li class="ladder-program">
      <h3 class="ladder-program__title">
        <a href={href('occupation', lang, { noc: move.code })}>{move.occupation.title}</a>
      </h3>
      <HiringBadge hiring={hiringOf(move.occupation)} ctx={ctx} detailed={false} />
      {move.desirable ? null : (
        <p class="ladder-career-caution">
          {t('careerPaths.transitions.notRecommended', {
            reasons: new Intl.ListFormat(locale(lang), { type: 'conjunction' }).format(reasons),
          })}
        </p>
      )}
      <dl class="ladder-facts">
        <dt>{t('careerPaths.transitions.similarity')}</dt>
        <dd>{percent.format(move.similarity)}</dd>
        <dt>{t('careerPaths.transitions.outlook')}</dt>
        <dd>{outlook ? t(OUTLOOK_KEYS[outlook]) : t('lmi.notPublished')}</dd>
        <dt>{t('careerPaths.transitions.carriesOver')}</dt>
        <dd>
          <Names
            ctx={ctx}
            items={move.carriesOver.slice(0, CARRIES_OVER).map((item) => (
              <English ctx={ctx}>{item.name}</English>
            ))}
          />
        </dd>
        <dt>{t('careerPaths.transitions.raise')}</dt>
        <dd>
          <Names
            ctx={ctx}
            items={move.skillGaps.slice(0, SKILLS_TO_RAISE).map((gap) => (
              <Rich
                message={t('careerPaths.transitions.raiseItem')}
                parts={{
                  name: <English ctx={ctx}>{gap.name}</English>,
                  have: number(gap.have),
                  need: number(gap.level),
                }}
              />
            ))}
          />
        </dd>
        <dt>{t('careerPaths.transitions.learn')}</dt>
        <dd>
          <Names
            ctx={ctx}
            items={move.technologyGaps.slice(0, TECHNOLOGIES_TO_LEARN).map((technology) => (
              <English ctx={ctx}>{technology.name}</English>
            ))}
          />
        </dd>
      </dl>
      <p>
        <a href={href('careerPrograms', lang, {}, stateQuery(state, { target: move.code }))}>
          {t('careerPaths.transitions.programs', { occupation: move.occupation.title })}
        </a>
      </p>
    </li>
  );
}

/** Names as a sentence list, or "Nothing listed". */
function Names({ ctx, items }: { ctx: PageContext; items: ComponentChildren[] }) {
  if (items.length === 0) return <>{ctx.t('careerPaths.transitions.nothing')}</>;
  return <ListOf items={items} lang={ctx.lang} />;
}

/** Step 5, `/en/career-paths/programs?…&target=`: the gap, filters, ranked programs and the best set. */
export async function careerProgramsPage(
  ctx: PageContext,
  services: CareerServices,
  params: CareerParams,
): Promise<string> {
  const { t, lang } = ctx;
  const generic = t('careerPaths.steps.programs');
  const rec = await recommendation(ctx, services, inputFor(ctx, params, 'programs'));
  if (rec === null) return notLoadedPage(ctx, 'programs', generic);
  const state = carried(params, rec);
  const target = rec.target;
  const occupation = target?.transition.occupation.title;
  const heading = occupation ? t('careerPaths.programs.heading', { occupation }) : generic;
  const chooseMove = (
    <p>
      <a href={href('careerTransitions', lang, {}, stateQuery(state))}>
        {t('careerPaths.programs.chooseMove')}
      </a>
    </p>
  );
  return renderPage({
    ctx,
    title: stepTitle(ctx, 'programs', occupation),
    children: (
      <>
        <CareerSteps ctx={ctx} current="programs" params={state} />
        <h1>{heading}</h1>
        <Unresolved ctx={ctx} values={rec.unresolved} />
        {rec.profile === null ? (
          <EmptyProfile ctx={ctx} params={state} />
        ) : target === null ? (
          <>
            {params.target === undefined ? <p>{t('careerPaths.programs.noTarget')}</p> : null}
            {chooseMove}
          </>
        ) : (
          <TargetPrograms ctx={ctx} target={target} state={state} />
        )}
      </>
    ),
  });
}

type Target = NonNullable<Recommendation['target']>;

function TargetPrograms({ ctx, target, state }: { ctx: PageContext; target: Target; state: CareerParams }) {
  const { t, lang } = ctx;
  const { transition, gap, programs, bestSet } = target;
  const occupation = transition.occupation.title;
  const skills = gap.filter((item) => item.kind === 'skill');
  const technologies = gap.filter((item) => item.kind === 'technology');
  const abilityGaps = transition.skillGaps.some((item) => item.category === 'abilities');
  const filtered =
    state.maxCost !== undefined || state.maxWeeks !== undefined || state.startWithin !== undefined;
  const set = bestSet !== null && bestSet.programs.length > 1 ? bestSet : null;
  const demo =
    programs.some((program) => program.isDemo) || (set?.programs.some((program) => program.isDemo) ?? false);
  return (
    <>
      {demo ? <DemoNotice ctx={ctx} /> : null}
      <p>
        <a href={href('occupation', lang, { noc: transition.code })}>{occupation}</a>{' '}
        <span class="ladder-hint">({t('careerPaths.occupation.code', { code: transition.code })})</span>
      </p>
      <HiringBadge hiring={hiringOf(transition.occupation)} ctx={ctx} detailed={false} />
      <section aria-labelledby="career-gap-heading">
        <h2 id="career-gap-heading">{t('careerPaths.programs.gap')}</h2>
        {gap.length === 0 ? (
          <p>{t('careerPaths.programs.noGap')}</p>
        ) : (
          <dl class="ladder-facts">
            {skills.length > 0 ? (
              <>
                <dt>{t('careerPaths.programs.gapSkills')}</dt>
                <dd>
                  <ListOf
                    items={skills.map((item) => (
                      <English ctx={ctx}>{item.label}</English>
                    ))}
                    lang={lang}
                  />
                </dd>
              </>
            ) : null}
            {technologies.length > 0 ? (
              <>
                <dt>{t('careerPaths.programs.gapTechnologies')}</dt>
                <dd>
                  <ListOf
                    items={technologies.map((item) => (
                      <English ctx={ctx}>{item.label}</English>
                    ))}
                    lang={lang}
                  />
                </dd>
              </>
            ) : null}
          </dl>
        )}
        {abilityGaps ? <p class="ladder-hint">{t('careerPaths.programs.abilities')}</p> : null}
      </section>
      {gap.length === 0 ? null : (
        <>
          <Filters ctx={ctx} state={state} />
          {set ? (
            <section aria-labelledby="career-best-heading">
              <h2 id="career-best-heading">{t('careerPaths.programs.bestSet')}</h2>
              <p>
                {set.costCents === null
                  ? t('careerPaths.programs.togetherNoCost', {
                      count: set.programs.length,
                      closed: set.closes.length,
                      total: gap.length,
                      weeks: formatNumber(set.weeks, lang),
                    })
                  : t('careerPaths.programs.together', {
                      count: set.programs.length,
                      closed: set.closes.length,
                      total: gap.length,
                      weeks: formatNumber(set.weeks, lang),
                      cost: formatMoney(set.costCents, lang),
                    })}
              </p>
              <ul>
                {set.programs.map((program) => (
                  <li key={program.id}>
                    <a href={href('program', lang, { slug: program.slug })}>
                      <ListingTitle en={program.titleEn} fr={program.titleFr} ctx={ctx} />
                    </a>{' '}
                    {program.isDemo ? <DemoBadge ctx={ctx} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="career-ranked-heading">
            <h2 id="career-ranked-heading">{t('careerPaths.programs.ranked')}</h2>
            {programs.length === 0 ? (
              <p>{filtered ? t('careerPaths.programs.noneFiltered') : t('careerPaths.programs.none')}</p>
            ) : (
              <ol class="ladder-programs">
                {programs.map((program) => (
                  <ProgramItem
                    key={program.id}
                    ctx={ctx}
                    program={program}
                    total={gap.length}
                    occupation={occupation}
                  />
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      <p>
        <a href={href('careerTransitions', lang, {}, stateQuery(state))}>
          {t('careerPaths.programs.backToMoves')}
        </a>
      </p>
    </>
  );
}

/** The reason line of a program: what of the gap it teaches, through the catalogues. */
export function reasonKey(count: number, total: number): MessageKey {
  if (total === 1) return 'careerPaths.programs.reasonOnly';
  return count >= total ? 'careerPaths.programs.reasonAll' : 'careerPaths.programs.reason';
}

function ProgramItem({
  ctx,
  program,
  total,
  occupation,
}: {
  ctx: PageContext;
  program: ProgramRecommendation;
  total: number;
  occupation: string;
}) {
  const { t, lang } = ctx;
  return (
    <li class="ladder-program">
      <ProgramCardHead program={program} ctx={ctx} />
      {program.nextStart ? (
        <p class="ladder-program__meta">
          {t('search.nextStart', { date: formatDate(program.nextStart, lang) })}
        </p>
      ) : null}
      <p class="ladder-hint">
        <Rich
          message={t(reasonKey(program.teaches.length, total))}
          parts={{
            items: (
              <ListOf
                items={program.teaches.map((label) => (
                  <English ctx={ctx}>{label}</English>
                ))}
                lang={lang}
              />
            ),
            count: formatNumber(program.teaches.length, lang),
            total: formatNumber(total, lang),
            occupation,
          }}
        />
      </p>
    </li>
  );
}

function Filters({ ctx, state }: { ctx: PageContext; state: CareerParams }) {
  const { t, lang } = ctx;
  const windows: number[] = [...START_WINDOWS];
  if (state.startWithin !== undefined && !windows.includes(state.startWithin)) {
    windows.push(state.startWithin);
    windows.sort((a, b) => a - b);
  }
  const clear: Query = { maxCost: undefined, maxWeeks: undefined, startWithin: undefined };
  const filtered =
    state.maxCost !== undefined || state.maxWeeks !== undefined || state.startWithin !== undefined;
  return (
    <section aria-labelledby="career-filters-heading">
      <h2 id="career-filters-heading">{t('careerPaths.programs.filters')}</h2>
      <form method="get" action={href('careerPrograms', lang)} class="ladder-career-filters">
        <HiddenState query={stateQuery(state)} except={['maxCost', 'maxWeeks', 'startWithin']} />
        <div class="ladder-career-field">
          <label class="ontario-label" for="career-max-cost">
            {t('careerPaths.programs.maxCost')}
          </label>
          <input
            class="ontario-input ontario-input--7-char-width"
            type="number"
            id="career-max-cost"
            name="maxCost"
            min={0}
            max={100_000}
            step={1}
            inputMode="numeric"
            value={state.maxCost === undefined ? '' : String(state.maxCost)}
          />
        </div>
        <div class="ladder-career-field">
          <label class="ontario-label" for="career-max-weeks">
            {t('careerPaths.programs.maxWeeks')}
          </label>
          <input
            class="ontario-input ontario-input--5-char-width"
            type="number"
            id="career-max-weeks"
            name="maxWeeks"
            min={1}
            max={104}
            step={1}
            inputMode="numeric"
            value={state.maxWeeks === undefined ? '' : String(state.maxWeeks)}
          />
        </div>
        <fieldset class="ladder-facet">
          <legend>{t('careerPaths.programs.startWithin')}</legend>
          <div class="ladder-facet__option">
            <input
              type="radio"
              id="career-start-any"
              name="startWithin"
              value=""
              checked={state.startWithin === undefined}
            />
            <label for="career-start-any">{t('careerPaths.programs.startAny')}</label>
          </div>
          {windows.map((days) => (
            <div class="ladder-facet__option" key={days}>
              <input
                type="radio"
                id={`career-start-${days}`}
                name="startWithin"
                value={String(days)}
                checked={state.startWithin === days}
              />
              <label for={`career-start-${days}`}>{t('careerPaths.programs.startDays', { days })}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" class="ladder-button">
            {t('careerPaths.programs.apply')}
          </button>
          {filtered ? (
            <>
              {' '}
              <a href={href('careerPrograms', lang, {}, stateQuery(state, clear))}>
                {t('careerPaths.programs.clear')}
              </a>
            </>
          ) : null}
        </p>
      </form>
    </section>
  );
}
