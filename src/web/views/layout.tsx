import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Assets } from '../assets.ts';
import { otherLang, type Lang, type Translate } from '../i18n/i18n.ts';
import type { LmiStatus } from '../../lmi/service.ts';
import { href, type RouteId, type RouteParams } from '../routes.ts';
import { sourceName } from './source-names.ts';

/** What every page needs to render its frame: language, where it is, and site-wide state. */
export interface PageContext {
  readonly lang: Lang;
  readonly t: Translate;
  /** The page's route id; undefined on error pages, whose language toggle goes home. */
  readonly routeId: RouteId | undefined;
  readonly params: RouteParams;
  /** The raw query string (without "?"), kept when switching language. */
  readonly rawQuery: string;
  readonly baseUrl: string;
  readonly brandName: string;
  readonly assets: Assets;
  /** Which labour-market data is loaded: the notice on every page says what is missing. */
  readonly lmi: LmiStatus;
  readonly requestId: string;
}

export interface PageProps {
  ctx: PageContext;
  title: string;
  /** Shown to search engines; the page's lead sentence is a good one. */
  description?: string;
  /** Extra elements for <head> (structured data). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * A wide table in a region that scrolls sideways on a narrow screen instead of the page. The region is
 * focusable and named, so it scrolls by keyboard and a screen reader announces it.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="ladder-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Renders a whole HTML document for a page. */
export function renderPage(props: PageProps): string {
  return `<!doctype html>${renderToString(<Document {...props} />)}`;
}

function Document({ ctx, title, description, head, children }: PageProps) {
  const { lang, t } = ctx;
  const toggleLang = otherLang(lang);
  const toggleHref = ctx.routeId
    ? href(ctx.routeId, toggleLang, ctx.params, ctx.rawQuery)
    : href('home', toggleLang);
  const selfHref = ctx.routeId ? href(ctx.routeId, lang, ctx.params, ctx.rawQuery) : undefined;
  const logo = ctx.assets.url('logo');
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${ctx.brandName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={ctx.assets.url('styles')} />
        <link rel="icon" href={ctx.assets.url('favicon')} type="image/svg+xml" />
        {selfHref ? <link rel="canonical" href={`${ctx.baseUrl}${selfHref}`} /> : null}
        {selfHref ? (
          <link rel="alternate" hreflang={`${lang}-CA`} href={`${ctx.baseUrl}${selfHref}`} />
        ) : null}
        {ctx.routeId ? (
          <link rel="alternate" hreflang={`${toggleLang}-CA`} href={`${ctx.baseUrl}${toggleHref}`} />
        ) : null}
        {head}
      </head>
      <body>
        <a class="ladder-skip" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="ladder-header">
          <div class="ladder-container ladder-header__bar">
            <a class="ladder-brand" href={href('home', lang)}>
              {logo ? <img src={logo} alt="" /> : null}
              <span>
                {ctx.brandName}
                <span class="ladder-brand__tagline">{t('site.tagline')}</span>
              </span>
            </a>
            <nav class="ladder-header__nav" aria-label={t('layout.headerNav')}>
              <ul>
                <li>
                  <a href={href('search', lang)}>{t('layout.nav.search')}</a>
                </li>
                <li>
                  <a href={href('occupations', lang)}>{t('layout.nav.occupations')}</a>
                </li>
                <li>
                  <a href={href('careerPaths', lang)}>{t('layout.nav.careerPaths')}</a>
                </li>
                <li>
                  <a href={href('institutions', lang)}>{t('layout.nav.institutions')}</a>
                </li>
                <li>
                  <a href={toggleHref} lang={toggleLang} hreflang={toggleLang}>
                    {t('lang.switchTo')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} class="ladder-main">
          <div class="ladder-container">
            <LmiNotice ctx={ctx} />
            {children}
          </div>
        </main>
        <footer class="ladder-footer">
          <div class="ladder-container">
            <nav aria-label={t('layout.footerNav')}>
              <ul>
                <li>
                  <a href={href('aboutData', lang)}>{t('layout.footer.aboutData')}</a>
                </li>
                <li>
                  <a href={href('accessibility', lang)}>{t('layout.footer.accessibility')}</a>
                </li>
                <li>
                  <a href={href('privacy', lang)}>{t('layout.footer.privacy')}</a>
                </li>
                <li>
                  <a href={href('terms', lang)}>{t('layout.footer.terms')}</a>
                </li>
                <li>
                  <a href={href('apiDocs', lang)}>{t('layout.footer.apiDocs')}</a>
                </li>
              </ul>
            </nav>
            <p>{t('layout.footer.openSource', { brand: ctx.brandName })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * Shown on every page while labour-market data is missing, so no visitor mistakes demonstration data
 * for LMI; when only some sources are missing, it names them.
 */
function LmiNotice({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  if (ctx.lmi.loaded && ctx.lmi.missing.length === 0) return null;
  if (ctx.lmi.loaded) {
    return (
      <section class="ladder-notice ladder-notice--warning" aria-labelledby="lmi-missing-title">
        <h2 class="ladder-notice__title" id="lmi-missing-title">
          {t('notice.lmiPartial.title')}
        </h2>
        <p>
          {t('notice.lmiPartial.body', {
            sources: ctx.lmi.missing.map((id) => sourceName(t, id)).join(', '),
          })}
        </p>
        <p>
          <a href={href('aboutData', ctx.lang)}>{t('notice.lmiMissing.howTo')}</a>
        </p>
      </section>
    );
  }
  return (
    <section class="ladder-notice ladder-notice--warning" aria-labelledby="lmi-missing-title">
      <h2 class="ladder-notice__title" id="lmi-missing-title">
        {t('notice.lmiMissing.title')}
      </h2>
      <p>{t('notice.lmiMissing.body')}</p>
      <p>
        <a href={href('aboutData', ctx.lang)}>{t('notice.lmiMissing.howTo')}</a>
      </p>
    </section>
  );
}
