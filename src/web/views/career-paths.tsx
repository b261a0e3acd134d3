import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { HiringSummary } from '../../lmi/service.ts';
import { recommendParams, type RecommendParams } from '../../recommend/params.ts';
import { editValue, parseEdit } from '../../recommend/profile.ts';
import type { OccupationSummary } from '../../recommend/service.ts';
import type { Lang, MessageKey } from '../i18n/i18n.ts';
import { href, type Query, type RouteId } from '../routes.ts';
import type { PageContext } from './layout.tsx';
import { locale } from './programs.tsx';

/**
 * What the five career-path pages share: their parameters (the whole state lives in the URL), the
 * steps indicator, and small views for English-only LMI names and sentences built around them.
 */

/**
 * A GET form sends empty fields (`maxCost=`), which the recommendation schema would read as 0 (or
 * reject): an empty optional value means "not given". (The profile form's `addSkill=` and
 * `addTechnology=` stay: empty, they still say the form was submitted.)
 */
const OPTIONAL_SINGLE = new Set(['title', 'target', 'maxCost', 'maxWeeks', 'startWithin', 'all']);
function withoutEmpty(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([name, item]) => !(OPTIONAL_SINGLE.has(name) && item === '')),
  );
}

/** The parameters of every career-path page: those of `GET /api/v1/recommendations`. */
export const careerQuery = z.preprocess(withoutEmpty, recommendParams);
export type CareerParams = RecommendParams;

/** The profile page also takes what its form adds: a skill name and a technology name to resolve. */
export const careerProfileQuery = z.preprocess(
  withoutEmpty,
  recommendParams.extend({
    addSkill: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
    addTechnology: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
  }),
);
export type CareerProfileParams = z.output<typeof careerProfileQuery>;

/** Values a parameter can repeat at most (`many()` in the search parameters). */
export const MAX_REPEAT = 50;

/**
 * The parameters without what the service could not resolve (a stray NOC code, an unknown
 * technology), so the links onward do not carry them and the "not recognised" message shows once.
 */
export function withoutUnresolved(params: CareerParams, unresolved: readonly string[]): CareerParams {
  if (unresolved.length === 0) return params;
  const drop = new Set(unresolved);
  const keep = (value: string) => {
    const edit = parseEdit(value);
    return edit === undefined || !drop.has(editValue(edit));
  };
  return {
    ...params,
    noc: params.noc.filter((code) => !drop.has(code)),
    add: params.add.filter(keep),
    remove: params.remove.filter(keep),
    target: params.target !== undefined && drop.has(params.target) ? undefined : params.target,
  };
}

/** The whole state as a query string: every link between steps keeps it. */
export function stateQuery(params: CareerParams, change: Query = {}): Query {
  return {
    title: params.title === '' ? undefined : params.title,
    noc: params.noc,
    add: params.add,
    remove: params.remove,
    all: params.all,
    target: params.target,
    maxCost: params.maxCost,
    maxWeeks: params.maxWeeks,
    startWithin: params.startWithin,
    ...change,
  };
}

/** Hidden fields for the state, but for the names a form asks for itself. */
export function HiddenState({ query, except }: { query: Query; except: readonly string[] }) {
  return (
    <>
      {Object.entries(query).flatMap(([name, value]) => {
        if (except.includes(name) || value === undefined || value === '') return [];
        const values: readonly string[] = typeof value === 'object' ? value : [String(value)];
        return values.map((item, index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={item} />
        ));
      })}
    </>
  );
}

export const STEPS = ['title', 'occupation', 'profile', 'transitions', 'programs'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_ROUTES: Record<Step, RouteId> = {
  title: 'careerPaths',
  occupation: 'careerOccupation',
  profile: 'careerProfile',
  transitions: 'careerTransitions',
  programs: 'careerPrograms',
};

const STEP_KEYS: Record<Step, MessageKey> = {
  title: 'careerPaths.steps.title',
  occupation: 'careerPaths.steps.occupation',
  profile: 'careerPaths.steps.profile',
  transitions: 'careerPaths.steps.transitions',
  programs: 'careerPaths.steps.programs',
};

/** "Your skills – step 3 of 5 – Career paths": page titles say where the learner is. */
export function stepTitle(ctx: PageContext, step: Step, detail?: string): string {
  const { t } = ctx;
  const where = t('careerPaths.pageTitle', {
    step: t(STEP_KEYS[step]),
    number: STEPS.indexOf(step) + 1,
    total: STEPS.length,
  });
  return [detail, where, t('careerPaths.title')].filter(Boolean).join(' – ');
}

/** Whether a step has what it needs to be linked to from the others. */
function reachable(step: Step, params: CareerParams): boolean {
  const profile = params.noc.length > 0 || Boolean(params.title);
  switch (step) {
    case 'title':
      return true;
    case 'occupation':
    case 'profile':
    case 'transitions':
      return profile;
    case 'programs':
      return profile && params.target !== undefined;
  }
}

/**
 * The progress indicator: the five steps as an ordered list, those the state allows as links that
 * keep it, the current one marked with `aria-current="step"`.
 */
export function CareerSteps({
  ctx,
  current,
  params,
}: {
  ctx: PageContext;
  current: Step;
  params: CareerParams;
}) {
  const { t, lang } = ctx;
  const query = stateQuery(params);
  return (
    <nav class="ladder-steps" aria-label={t('careerPaths.steps.label')}>
      <ol>
        {STEPS.map((step) => {
          const label = t(STEP_KEYS[step]);
          const isCurrent = step === current;
          return (
            <li key={step} class={isCurrent ? 'ladder-steps__current' : undefined}>
              {isCurrent || reachable(step, params) ? (
                <a
                  href={href(STEP_ROUTES[step], lang, {}, query)}
                  aria-current={isCurrent ? 'step' : undefined}
                >
                  {label}
                </a>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Shown instead of a step when no labour-market data is loaded (status 200: the page exists). */
export function CareerNotLoaded({ ctx, heading }: { ctx: PageContext; heading: string }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{heading}</h1>
      <p>{t('careerPaths.notLoaded')}</p>
      <p>
        <a href={href('aboutData', lang)}>{t('careerPaths.notLoaded.link')}</a>
      </p>
    </>
  );
}

/** OaSIS skill names and O*NET technology names are published in English only. */
export function English({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) {
  return ctx.lang === 'en' ? <>{children}</> : <span lang="en">{children}</span>;
}

/**
 * A catalogue message with elements in its `{placeholders}` (a link, English-only names), so
 * sentences stay whole in the catalogues while their parts keep their markup.
 */
export function Rich({ message, parts }: { message: string; parts: Record<string, ComponentChildren> }) {
  const pieces = message.split(/\{(\w+)\}/g);
  return <>{pieces.map((piece, index) => (index % 2 === 0 ? piece : (parts[piece] ?? `{${piece}}`)))}</>;
}

/** Elements joined as the language lists them: "A, B and C" / « A, B et C ». */
export function ListOf({ items, lang }: { items: ComponentChildren[]; lang: Lang }) {
  const parts = new Intl.ListFormat(locale(lang), { style: 'long', type: 'conjunction' }).formatToParts(
    items.map((_item, index) => String(index)),
  );
  return <>{parts.map((part) => (part.type === 'element' ? items[Number(part.value)] : part.value))}</>;
}

/** The hiring indicator of a recommendation's occupation, in the shape the shared badge takes. */
export function hiringOf(occupation: OccupationSummary): HiringSummary {
  return {
    indicator: occupation.hiring,
    points: null,
    inputs: {
      ontarioOutlook: occupation.ontarioOutlook,
      outlookPeriod: null,
      futureConditions: occupation.futureConditions,
    },
  };
}

/** Parameter values the service could not resolve, in words. */
export function Unresolved({ ctx, values }: { ctx: PageContext; values: readonly string[] }) {
  const { t, lang } = ctx;
  if (values.length === 0) return null;
  const items = values.map((value) => {
    const edit = parseEdit(value);
    if (edit === undefined) return t('careerPaths.unresolved.occupation', { name: value });
    if (edit.kind === 'technology')
      return <Rich message={t('careerPaths.unresolved.technology')} parts={{ name: edit.name }} />;
    return <Rich message={t('careerPaths.unresolved.skill')} parts={{ name: edit.code }} />;
  });
  return (
    <div class="ladder-notice ladder-notice--warning">
      <p>
        <Rich
          message={t(values.length === 1 ? 'careerPaths.unresolvedOne' : 'careerPaths.unresolved')}
          parts={{ items: <ListOf items={items} lang={lang} /> }}
        />
      </p>
    </div>
  );
}
