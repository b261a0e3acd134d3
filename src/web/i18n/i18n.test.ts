import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogues, langOfPath, negotiateLang, placeholders, translator } from './i18n.ts';

describe('message catalogues', () => {
  const enKeys = Object.keys(catalogues.en).sort();
  const frKeys = Object.keys(catalogues.fr).sort();

  test('English and French have exactly the same keys', () => {
    assert.deepEqual(
      frKeys.filter((key) => !enKeys.includes(key)),
      [],
      'keys only in French',
    );
    assert.deepEqual(
      enKeys.filter((key) => !frKeys.includes(key)),
      [],
      'keys only in English',
    );
  });

  test('every message is non-empty and uses the same {placeholders} in both languages', () => {
    for (const key of enKeys) {
      const en = catalogues.en[key as keyof typeof catalogues.en];
      const fr = catalogues.fr[key as keyof typeof catalogues.fr];
      assert.ok(en.trim() && fr.trim(), `${key} is empty`);
      assert.deepEqual(placeholders(fr), placeholders(en), `${key} placeholders differ`);
    }
  });

  test('French typography: curly apostrophes, no-break spaces before colons and inside guillemets', () => {
    for (const [key, message] of Object.entries(catalogues.fr)) {
      assert.ok(!message.includes("'"), `${key} has a straight apostrophe`);
      assert.ok(
        !/ [:»]|« /.test(message),
        `${key} needs a no-break space (U+00A0) at its colon or guillemets`,
      );
    }
  });
});

describe('translator', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('fr');
    assert.equal(t('search.youSearchedFor', { query: 'soudage' }), 'Résultats pour «\u00a0soudage\u00a0»');
    assert.equal(t('search.youSearchedFor'), 'Résultats pour «\u00a0{query}\u00a0»');
    assert.equal(t('search.youSearchedFor', { other: 1 }), 'Résultats pour «\u00a0{query}\u00a0»');
    // Values are inserted as they are, even when they look like placeholders or replacement patterns.
    assert.equal(
      t('search.youSearchedFor', { query: '{query} $& $1' }),
      'Résultats pour «\u00a0{query} $& $1\u00a0»',
    );
    const en = translator('en');
    assert.equal(
      en('search.corrected', { corrected: 'registered nurse', typed: 'registred nurse' }),
      catalogues.en['search.corrected']
        .replace('{corrected}', 'registered nurse')
        .replace('{typed}', 'registred nurse'),
    );
    assert.equal(
      en('pagination.status', { page: 2, pages: 10 }),
      catalogues.en['pagination.status'].replace('{page}', '2').replace('{pages}', '10'),
    );
  });
});

describe('negotiateLang', () => {
  for (const [header, expected] of [
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-CA,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE,fr;q=0.5', 'fr'],
    ['de-DE', 'en'],
    ['en;q=0.2,fr;q=0.4', 'fr'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ] as const) {
    test(`${header ?? '(none)'} → ${expected}`, () => {
      assert.equal(negotiateLang(header), expected);
    });
  }
});

test('langOfPath reads the /en/ or /fr/ prefix only', () => {
  assert.equal(langOfPath('/fr/recherche'), 'fr');
  assert.equal(langOfPath('/en'), 'en');
  assert.equal(langOfPath('/english'), undefined);
  assert.equal(langOfPath('/api/v1/status'), undefined);
});
