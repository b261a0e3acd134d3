import type { SourceRow } from '../../lmi/repository.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { sourceName, SOURCE_NAMES } from '../views/source-names.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';

/** A text page: a title, a lead and sections of heading + paragraph, all from the catalogue. */
function textPage(
  ctx: PageContext,
  title: MessageKey,
  lead: MessageKey,
  sections: Array<{ heading: MessageKey; body: MessageKey; list?: MessageKey[] }>,
): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t(title),
    description: t(lead),
    children: (
      <>
        <h1>{t(title)}</h1>
        <p class="ladder-lead">{t(lead)}</p>
        {sections.map((section) => (
          <section key={section.heading}>
            <h2>{t(section.heading)}</h2>
            <p>{t(section.body)}</p>
            {section.list ? (
              <ul>
                {section.list.map((item) => (
                  <li key={item}>{t(item)}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </>
    ),
  });
}

/** Provenance of every loaded source, the attribution each licence requires, and the hiring-indicator rule. */
export function aboutDataPage(ctx: PageContext, sources: SourceRow[]): string {
  const { t, lang } = ctx;
  const dateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Toronto',
  });
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const missing = Object.keys(SOURCE_NAMES).filter((id) => !sources.some((source) => source.id === id));
  return renderPage({
    ctx,
    title: t('aboutData.title'),
    description: t('aboutData.lead'),
    children: (
      <>
        <h1>{t('aboutData.title')}</h1>
        <p class="ladder-lead">{t('aboutData.lead')}</p>
        <section aria-labelledby="loaded-heading">
          <h2 id="loaded-heading">{t('aboutData.status.heading')}</h2>
          {sources.length === 0 ? <p>{t('aboutData.status.notLoaded')}</p> : null}
          {sources.map((source) => (
            <article key={source.id} class="ladder-source" aria-labelledby={`source-${source.id}`}>
              <h3 id={`source-${source.id}`}>{sourceName(t, source.id)}</h3>
              <dl class="ladder-facts">
                <dt>{t('aboutData.field.publisher')}</dt>
                <dd lang="en">{source.publisher}</dd>
                <dt>{t('aboutData.field.version')}</dt>
                <dd lang="en">{source.version}</dd>
                <dt>{t('aboutData.field.licence')}</dt>
                <dd>
                  <a href={source.licenceUrl}>{source.licence}</a>
                </dd>
                <dt>{t('aboutData.field.loaded')}</dt>
                <dd>
                  {t('aboutData.field.loadedValue', {
                    date: dateFormat.format(source.importedAt),
                    rows: number.format(source.rows),
                  })}
                </dd>
                <dt>{t('aboutData.field.files')}</dt>
                <dd>
                  <ul>
                    {source.files.map((file) => (
                      <li key={file.name}>
                        <code class="ladder-code">{file.name}</code>{' '}
                        <span class="ladder-hint">
                          {t('aboutData.field.checksum', { sha: file.sha256.slice(0, 12) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
              <p class="ladder-attribution">{lang === 'fr' ? source.attributionFr : source.attributionEn}</p>
            </article>
          ))}
          {sources.length > 0 && missing.length > 0 ? (
            <p>
              {t('aboutData.status.missing', { sources: missing.map((id) => sourceName(t, id)).join(', ') })}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="hiring-indicator">
          <h2 id="hiring-indicator">{t('aboutData.hiring.heading')}</h2>
          <p>{t('aboutData.hiring.body')}</p>
          <ul>
            <li>{t('aboutData.hiring.hot')}</li>
            <li>{t('aboutData.hiring.steady')}</li>
            <li>{t('aboutData.hiring.cooling')}</li>
            <li>{t('aboutData.hiring.notEnough')}</li>
          </ul>
          <p>{t('aboutData.hiring.points')}</p>
        </section>
        <section aria-labelledby="estimates-heading">
          <h2 id="estimates-heading">{t('aboutData.caveats.heading')}</h2>
          <p>{t('aboutData.caveats.body')}</p>
        </section>
        <section aria-labelledby="load-heading">
          <h2 id="load-heading">{t('aboutData.load.heading')}</h2>
          <p>{t('aboutData.load.body')}</p>
        </section>
      </>
    ),
  });
}

export function accessibilityPage(ctx: PageContext): string {
  return textPage(ctx, 'accessibility.title', 'accessibility.lead', [
    { heading: 'accessibility.what.heading', body: 'accessibility.what.body' },
    { heading: 'accessibility.coming.heading', body: 'accessibility.coming.body' },
  ]);
}

export function privacyPage(ctx: PageContext): string {
  return textPage(ctx, 'privacy.title', 'privacy.lead', [
    { heading: 'privacy.now.heading', body: 'privacy.now.body' },
    { heading: 'privacy.coming.heading', body: 'privacy.coming.body' },
  ]);
}

export function termsPage(ctx: PageContext): string {
  return textPage(ctx, 'terms.title', 'terms.lead', [
    { heading: 'terms.coming.heading', body: 'terms.coming.body' },
  ]);
}
