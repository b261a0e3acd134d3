import type { HiringIndicator, LabourConditions, OutlookLabel } from '../../lmi/hiring-indicator.ts';
import type { HiringSummary, LocalText, RatedDescriptor } from '../../lmi/service.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import type { PageContext } from './layout.tsx';

/** Text in a known language; marked with `lang` when it differs from the page's (e.g. English-only OaSIS text). */
export function Local({ text, ctx }: { text: LocalText; ctx: PageContext }) {
  return text.lang === ctx.lang ? <>{text.text}</> : <span lang={text.lang}>{text.text}</span>;
}

export const OUTLOOK_KEYS: Record<OutlookLabel, MessageKey> = {
  very_good: 'lmi.outlook.very_good',
  good: 'lmi.outlook.good',
  moderate: 'lmi.outlook.moderate',
  limited: 'lmi.outlook.limited',
  very_limited: 'lmi.outlook.very_limited',
  undetermined: 'lmi.outlook.undetermined',
};

export const CONDITION_KEYS: Record<LabourConditions, MessageKey> = {
  strong_shortage: 'lmi.conditions.strong_shortage',
  moderate_shortage: 'lmi.conditions.moderate_shortage',
  balance: 'lmi.conditions.balance',
  moderate_surplus: 'lmi.conditions.moderate_surplus',
  strong_surplus: 'lmi.conditions.strong_surplus',
};

export const INDICATOR_KEYS: Record<HiringIndicator, MessageKey> = {
  hot: 'lmi.hiring.hot',
  steady: 'lmi.hiring.steady',
  cooling: 'lmi.hiring.cooling',
  not_enough_data: 'lmi.hiring.not_enough_data',
};

/** The hiring indicator with the inputs it was computed from, in words. */
export function HiringBadge({
  hiring,
  ctx,
  detailed,
}: {
  hiring: HiringSummary;
  ctx: PageContext;
  detailed: boolean;
}) {
  const { t } = ctx;
  const { ontarioOutlook, futureConditions } = hiring.inputs;
  return (
    <div class="ladder-hiring">
      <p>
        <span class={`ladder-badge ladder-badge--${hiring.indicator}`}>
          {t(INDICATOR_KEYS[hiring.indicator])}
        </span>
      </p>
      {detailed ? (
        <p class="ladder-hint">
          {t('lmi.hiring.inputs', {
            outlook: ontarioOutlook ? t(OUTLOOK_KEYS[ontarioOutlook]) : t('lmi.notPublished'),
            conditions: futureConditions ? t(CONDITION_KEYS[futureConditions]) : t('lmi.notPublished'),
          })}{' '}
          <a href={`${href('aboutData', ctx.lang)}#hiring-indicator`}>{t('lmi.hiring.howLink')}</a>
        </p>
      ) : null}
    </div>
  );
}

const BAR_WIDTH = 200;

/**
 * Levels 0–5 as a table: the number is the text equivalent, the bar (SVG, hidden from assistive
 * technology) only repeats it. SVG attributes are not inline styles, so the strict CSP allows them.
 */
export function RatingTable({
  id,
  caption,
  rows,
  ctx,
}: {
  id: string;
  caption: string;
  rows: RatedDescriptor[];
  ctx: PageContext;
}) {
  const { t } = ctx;
  const format = new Intl.NumberFormat(ctx.lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 1 });
  return (
    <table class="ladder-table ladder-ratings" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('occupation.ratings.descriptor')}</th>
          <th scope="col">{t('occupation.ratings.level')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code}>
            <th scope="row">
              <Local text={row.name} ctx={ctx} />
            </th>
            <td>
              <svg
                class="ladder-bar"
                width={BAR_WIDTH}
                height="14"
                viewBox={`0 0 ${BAR_WIDTH} 14`}
                aria-hidden="true"
                focusable="false"
              >
                <rect class="ladder-bar__track" x="0" y="0" width={BAR_WIDTH} height="14" />
                <rect
                  class="ladder-bar__value"
                  x="0"
                  y="0"
                  width={Math.round((row.level / 5) * BAR_WIDTH)}
                  height="14"
                />
              </svg>{' '}
              {t('occupation.ratings.value', { level: format.format(row.level) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
