import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedTypos, editDistance, fold, stem, terms } from './text.ts';

describe('search text', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(fold('Infirmière Œuvre Ärzte'), 'infirmiere oeuvre arzte');
  });

  it('keeps technology names with punctuation searchable', () => {
    assert.deepEqual(terms('C# and C++ on .NET with Node.js'), ['csharp', 'cplusplus', 'dotnet', 'nodej']);
    assert.deepEqual(terms('node.js'), terms('Node.JS'));
  });

  it('meets plurals and French feminine forms', () => {
    const same = [
      ['nurses', 'nurse'],
      ['analyses', 'analyse'],
      ['infirmières', 'infirmier'],
      ['technicienne', 'technicien'],
      ['préposée', 'préposé'],
      ['studies', 'study'],
      ['généraux', 'général'],
    ];
    for (const [a, b] of same) assert.deepEqual(terms(a ?? ''), terms(b ?? ''), `${a} ~ ${b}`);
    assert.equal(stem('business'), 'business');
    assert.equal(stem('java'), 'java');
  });

  it('drops English and French stop words', () => {
    assert.deepEqual(terms('Python for the analysts of la ville'), ['python', 'analyst', 'ville']);
  });

  it('counts edits with transpositions, stopping past the limit', () => {
    assert.equal(editDistance('python', 'pyhton', 2), 1);
    assert.equal(editDistance('welding', 'weldng', 1), 1);
    assert.equal(editDistance('carpenter', 'plumber', 2), 3);
  });

  it('allows no typo under 5 letters, one from 5, two from 9', () => {
    assert.deepEqual(
      [allowedTypos('java'), allowedTypos('excel'), allowedTypos('developer'), allowedTypos('accountant')],
      [0, 1, 2, 2],
    );
  });
});
