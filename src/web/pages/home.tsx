import type { MessageKey } from '../i18n/i18n.ts';
import { href } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';
import { SearchForm } from '../views/search-form.tsx';

const EXAMPLES: MessageKey[] = [
  'home.examples.personalSupportWorker',
  'home.examples.webDeveloper',
  'home.examples.projectManagement',
  'home.examples.electrician',
  'home.examples.dataAnalysis',
];

export function homePage(ctx: PageContext): string {
  const { t, lang } = ctx;
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
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t('home.about.heading')}</h2>
          <p>{t('home.about.body')}</p>
        </section>
      </>
    ),
  });
}
