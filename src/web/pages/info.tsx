import type { MessageKey } from '../i18n/i18n.ts';
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

export function aboutDataPage(ctx: PageContext): string {
  return textPage(ctx, 'aboutData.title', 'aboutData.lead', [
    { heading: 'aboutData.status.heading', body: 'aboutData.status.notLoaded' },
    {
      heading: 'aboutData.sources.heading',
      body: 'aboutData.sources.body',
      list: [
        'aboutData.source.noc',
        'aboutData.source.oasis',
        'aboutData.source.cops',
        'aboutData.source.jobbank',
        'aboutData.source.onet',
        'aboutData.source.naics',
        'aboutData.source.esco',
      ],
    },
    { heading: 'aboutData.load.heading', body: 'aboutData.load.body' },
  ]);
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
