import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familyRoot, SearchEngine, type SearchDocument } from './engine.ts';
import { TypoIndex } from './typo-index.ts';

type Facet = 'delivery' | 'area' | 'occupation';

function doc(
  id: string,
  text: SearchDocument<Facet>['text'],
  facets: Partial<Record<Facet, string[]>>,
  sort: Partial<SearchDocument<Facet>['sort']> = {},
): SearchDocument<Facet> {
  return {
    id,
    text,
    facets: { delivery: [], area: [], occupation: [], ...facets },
    sort: { start: undefined, cost: undefined, weeks: 6, ...sort },
  };
}

const documents = [
  doc(
    'py',
    {
      title: 'Python for Data Analysts',
      technologies: 'Python|Microsoft Excel',
      occupations: 'Data scientists',
    },
    { delivery: ['online'], area: ['information-technology'], occupation: ['21211'] },
    { start: 10, cost: 90_000, weeks: 6 },
  ),
  doc(
    'web',
    {
      title: 'Full-stack Web Development',
      technologies: 'JavaScript|Node.js|React',
      occupations: 'Software developers and programmers',
    },
    { delivery: ['online'], area: ['information-technology'], occupation: ['21232'] },
    { start: 5, cost: 250_000, weeks: 10 },
  ),
  doc(
    'weld',
    { title: 'Welding Fundamentals', skills: 'Blueprint reading|Safety', summary: 'Learn MIG welding.' },
    { delivery: ['in-person'], area: ['skilled-trades'], occupation: ['72106'] },
    { start: 20, cost: 0, weeks: 8 },
  ),
  doc(
    'nurse',
    {
      title: 'Soins des plaies pour infirmières',
      occupations: 'Infirmiers autorisés|Registered nurses',
      body: 'Wound care for nurses.',
    },
    { delivery: ['hybrid'], area: ['health'], occupation: ['31301'] },
    { weeks: 4 },
  ),
  doc(
    'csharp',
    { title: 'C# and .NET for the Web', technologies: 'C#|.NET' },
    { delivery: ['in-person'], area: ['information-technology'], occupation: ['21232'] },
    { start: 1, cost: 120_000, weeks: 12 },
  ),
];
const engine = new SearchEngine(documents, ['delivery', 'area', 'occupation']);
const ids = (text: string, filters = {}) => engine.search({ text, filters }).hits.map((hit) => hit.id);

describe('the search engine', () => {
  it('finds by title, tag and body words, best field first, and says where it matched', () => {
    assert.deepEqual(ids('python'), ['py']);
    const [hit] = engine.search({ text: 'python' }).hits;
    assert.deepEqual(
      hit?.matches.map((match) => match.field),
      ['title', 'technologies'],
    );
    assert.deepEqual(ids('welding'), ['weld']);
  });

  it('needs every word (AND), with the last word as a prefix', () => {
    assert.deepEqual(ids('web devel'), ['web']);
    assert.deepEqual(ids('python welding'), []);
  });

  it('tolerates typos from five letters and reports the correction', () => {
    const result = engine.search({ text: 'pyhton' });
    assert.deepEqual(
      result.hits.map((hit) => hit.id),
      ['py'],
    );
    assert.deepEqual(result.corrections, [{ from: 'pyhton', to: 'python' }]);
    assert.deepEqual(ids('jeva web'), [], 'no typo tolerance under five letters');
    assert.deepEqual(ids('jav'), ['web'], 'the last word is a prefix');
  });

  it('matches accents, plurals and French forms, and punctuated technologies', () => {
    assert.deepEqual(ids('infirmiere'), ['nurse']);
    assert.deepEqual(ids('nurse'), ['nurse']);
    assert.deepEqual(ids('c#'), ['csharp']);
    assert.deepEqual(ids('.net'), ['csharp']);
    assert.deepEqual(ids('node.js'), ['web']);
  });

  it('filters (OR within a facet, AND across) and counts facets disjunctively', () => {
    const result = engine.search({ filters: { delivery: ['online'], area: ['information-technology'] } });
    assert.deepEqual(result.hits.map((hit) => hit.id).sort(), ['py', 'web']);
    // Delivery counts ignore the delivery filter but keep the area filter.
    assert.deepEqual(Object.fromEntries(result.facets.delivery), { online: 2, 'in-person': 1 });
    // Area counts ignore the area filter but keep the delivery filter.
    assert.deepEqual(Object.fromEntries(result.facets.area), { 'information-technology': 2 });
    assert.deepEqual(Object.fromEntries(result.facets.occupation), { '21211': 1, '21232': 1 });
    const either = engine.search({ filters: { delivery: ['online', 'hybrid'] } });
    assert.equal(either.total, 3);
  });

  it('sorts by next start, cost and duration, with missing values last', () => {
    assert.deepEqual(
      engine.search({ sort: 'start' }).hits.map((hit) => hit.id),
      ['csharp', 'web', 'py', 'weld', 'nurse'],
    );
    assert.deepEqual(
      engine.search({ sort: 'cost' }).hits.map((hit) => hit.id),
      ['weld', 'py', 'csharp', 'web', 'nurse'],
    );
    assert.deepEqual(
      engine.search({ sort: 'duration' }).hits.map((hit) => hit.id),
      ['nurse', 'py', 'weld', 'web', 'csharp'],
    );
  });

  it('pages with offset and limit, and reports words that match nothing', () => {
    const page = engine.search({ sort: 'start', offset: 2, limit: 2 });
    assert.equal(page.total, 5);
    assert.deepEqual(
      page.hits.map((hit) => hit.id),
      ['py', 'weld'],
    );
    assert.deepEqual(engine.search({ text: 'zzzz python' }).unmatched, ['zzzz']);
  });

  it('meets words of one family: welding for welders, nursing for nurses', () => {
    assert.equal(familyRoot('manager'), familyRoot('management'));
    assert.equal(familyRoot('accountant'), familyRoot('accounting'));
    assert.equal(familyRoot('geriatrie'), familyRoot('geriatrique'));
    assert.notEqual(familyRoot('nurse'), familyRoot('nursery'));
    assert.equal(familyRoot('car'), undefined, 'roots under four letters are not families');
    assert.deepEqual(ids('welder'), ['weld']);
  });

  it('corrects a last word that also begins longer words ("excell" is excel, not only excellence)', () => {
    const small = new SearchEngine(
      [doc('excel', { title: 'Microsoft Excel' }, {}), doc('service', { title: 'Service Excellence' }, {})],
      ['delivery', 'area', 'occupation'],
    );
    assert.deepEqual(
      small
        .search({ text: 'excell' })
        .hits.map((hit) => hit.id)
        .sort(),
      ['excel', 'service'],
    );
  });

  it('widens a search to documents carrying facet values, after every text match', () => {
    const result = engine.search({
      text: 'wound',
      widen: { facet: 'occupation', values: new Map([['72106', 0.9]]) },
    });
    assert.deepEqual(
      result.hits.map((hit) => [hit.id, hit.widened]),
      [
        ['nurse', false],
        ['weld', true],
      ],
    );
    assert.equal(result.total, 2);
    // Without words there is nothing to widen.
    assert.equal(engine.search({ widen: { facet: 'occupation', values: new Map([['72106', 1]]) } }).total, 5);
  });
});

describe('facet counts', () => {
  it('are exact by bitset, by document and by complement, with and without filters', () => {
    // 300 documents; occupation has 70 values (counted per document), delivery 3 (by bitset).
    const many = Array.from({ length: 300 }, (_, i) =>
      doc(
        `d${i}`,
        { title: `${i % 5 === 0 ? 'rare' : ''} ${i % 10 < 8 ? 'common' : 'other'} program` },
        {
          delivery: [['online', 'hybrid', 'in-person'][i % 3] ?? 'online'],
          area: [i % 2 === 0 ? 'health' : 'business'],
          occupation: [`o${i % 70}`, ...(i % 7 === 0 ? [`o${(i + 1) % 70}`] : [])],
        },
      ),
    );
    const big = new SearchEngine(many, ['delivery', 'area', 'occupation']);
    const naive = (match: (i: number) => boolean, facet: 'delivery' | 'occupation') => {
      const counts = new Map<string, number>();
      many.forEach((document, i) => {
        if (!match(i)) return;
        for (const value of new Set(document.facets[facet])) counts.set(value, (counts.get(value) ?? 0) + 1);
      });
      return Object.fromEntries([...counts].sort());
    };
    const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort());
    for (const [text, match] of [
      ['common', (i: number) => i % 10 < 8],
      ['rare', (i: number) => i % 5 === 0],
      ['program', () => true],
    ] as const) {
      const result = big.search({ text });
      assert.deepEqual(sorted(result.facets.occupation), naive(match, 'occupation'), text);
      assert.deepEqual(sorted(result.facets.delivery), naive(match, 'delivery'), text);
    }
    // Disjunctive: the occupation counts keep the delivery filter; delivery counts ignore their own.
    const filtered = big.search({ text: 'common', filters: { delivery: ['online'], area: ['health'] } });
    assert.deepEqual(
      sorted(filtered.facets.occupation),
      naive((i) => i % 10 < 8 && i % 3 === 0 && i % 2 === 0, 'occupation'),
    );
    assert.deepEqual(
      sorted(filtered.facets.delivery),
      naive((i) => i % 10 < 8 && i % 2 === 0, 'delivery'),
    );
  });
});

describe('the typo index', () => {
  it('finds terms within one or two deletions on either side, without scanning', () => {
    const index = new TypoIndex(['python', 'pythons', 'java', 'management'], (term) =>
      term.length < 4 ? 0 : term.length >= 7 ? 2 : 1,
    );
    assert.ok(index.candidates('pyhton', 1).has(0), 'a transposition is two deletions apart');
    assert.ok(index.candidates('managment', 2).has(3));
    assert.ok(!index.candidates('kotlin', 1).has(0));
  });
});
