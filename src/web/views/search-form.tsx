import type { SuggestMessages } from '../../client/scripts/search-combobox.ts';
import { href } from '../routes.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { PageContext } from './layout.tsx';

/** The suggestions API the search box asks while typing (`src/web/api/suggest.ts`). */
const SUGGEST_API = '/api/v1/suggest';

/** The words the combobox script shows, in the page language: the script holds none of its own. */
export function suggestMessages(t: Translate): SuggestMessages {
  return {
    listLabel: t('home.search.suggest.listLabel'),
    count: t('home.search.suggest.count'),
    countOne: t('home.search.suggest.countOne'),
    none: t('home.search.suggest.none'),
    details: t('home.search.suggest.details'),
    programs: t('home.search.suggest.programs'),
    programsOne: t('home.search.suggest.programsOne'),
    programsNone: t('home.search.suggest.programsNone'),
    kinds: {
      jobTitle: t('home.search.suggest.kind.jobTitle'),
      occupation: t('home.search.suggest.kind.occupation'),
      skill: t('home.search.suggest.kind.skill'),
      technology: t('home.search.suggest.kind.technology'),
      industry: t('home.search.suggest.kind.industry'),
      institution: t('home.search.suggest.kind.institution'),
      program: t('home.search.suggest.kind.program'),
    },
  };
}

/**
 * The one search box: a plain GET form, so it works without JavaScript. The search script
 * (`src/client/scripts/search-combobox.ts`) turns the input into a combobox with typed suggestions.
 */
export function SearchForm({ ctx, query }: { ctx: PageContext; query: string; headingLevel?: 'h1' | 'h2' }) {
  const { t, lang } = ctx;
  const script = ctx.assets.url('search');
  return (
    <>
      <form
        class="ladder-search"
        role="search"
        method="get"
        action={href('search', lang)}
        data-suggest-url={SUGGEST_API}
        data-suggest-lang={lang}
        data-suggest-messages={JSON.stringify(suggestMessages(t))}
      >
        <label class="ontario-label" for="search-q">
          {t('home.search.label')}
        </label>
        <p class="ladder-hint" id="search-q-hint">
          {t('home.search.hint')}
        </p>
        <div class="ladder-search__row">
          <div class="ladder-search__field">
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
          </div>
          <button class="ladder-button" type="submit">
            {t('home.search.button')}
          </button>
        </div>
      </form>
      {script ? <script type="module" src={script} defer /> : null}
    </>
  );
}
