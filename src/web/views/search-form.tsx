import { href } from '../routes.ts';
import type { PageContext } from './layout.tsx';

/** The one search box: a plain GET form, so it works without JavaScript. */
export function SearchForm({ ctx, query }: { ctx: PageContext; query: string; headingLevel?: 'h1' | 'h2' }) {
  const { t, lang } = ctx;
  return (
    <form class="ladder-search" role="search" method="get" action={href('search', lang)}>
      <label class="ontario-label" for="search-q">
        {t('home.search.label')}
      </label>
      <p class="ladder-hint" id="search-q-hint">
        {t('home.search.hint')}
      </p>
      <div class="ladder-search__row">
        <input
          class="ontario-input"
          type="search"
          id="search-q"
          name="q"
          value={query}
          maxLength={200}
          autocomplete="off"
          aria-describedby="search-q-hint"
        />
        <button class="ladder-button" type="submit">
          {t('home.search.button')}
        </button>
      </div>
    </form>
  );
}
