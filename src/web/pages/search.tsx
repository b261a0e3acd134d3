import { z } from 'zod';
import { href } from '../routes.ts';
import { renderPage, type PageContext } from '../views/layout.tsx';
import { SearchForm } from '../views/search-form.tsx';

export const searchQuery = z.object({
  q: z.string().trim().max(200, 'must be 200 characters or fewer').optional(),
});

/** Search lands with the search issue; until then the page keeps the query and says what is coming. */
export function searchPage(ctx: PageContext, query: z.infer<typeof searchQuery>): string {
  const { t, lang } = ctx;
  const q = query.q ?? '';
  return renderPage({
    ctx,
    title: t('search.title'),
    children: (
      <>
        <h1>{t('search.title')}</h1>
        <SearchForm ctx={ctx} query={q} />
        <section class="ladder-notice" aria-labelledby="coming-title">
          <h2 class="ladder-notice__title" id="coming-title">
            {t('search.comingTitle')}
          </h2>
          <p>{q ? t('search.youSearchedFor', { query: q }) : t('search.noQuery')}</p>
          <p>{t('search.comingBody')}</p>
        </section>
        <p>
          <a href={href('home', lang)}>{t('search.backHome')}</a>
        </p>
      </>
    ),
  });
}
