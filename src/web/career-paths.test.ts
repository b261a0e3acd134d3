import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confidenceKey, reasonKey } from './pages/career-paths.tsx';
import { careerQuery, stateQuery, withoutUnresolved } from './views/career-paths.tsx';

test('a title match score in words: very likely from 0.8, likely from 0.5, else possible', () => {
  assert.equal(confidenceKey(1), 'careerPaths.confidence.veryLikely');
  assert.equal(confidenceKey(0.8), 'careerPaths.confidence.veryLikely');
  assert.equal(confidenceKey(0.79), 'careerPaths.confidence.likely');
  assert.equal(confidenceKey(0.5), 'careerPaths.confidence.likely');
  assert.equal(confidenceKey(0.49), 'careerPaths.confidence.possible');
  assert.equal(confidenceKey(0), 'careerPaths.confidence.possible');
});

test('a program’s reason says how much of the gap it teaches', () => {
  assert.equal(reasonKey(2, 3), 'careerPaths.programs.reason');
  assert.equal(reasonKey(3, 3), 'careerPaths.programs.reasonAll');
  assert.equal(reasonKey(1, 1), 'careerPaths.programs.reasonOnly');
});

test('empty form fields are no parameter; the rest is validated as the API does', () => {
  const parsed = careerQuery.parse({ noc: '21232', maxCost: '', maxWeeks: '', startWithin: '', target: '' });
  assert.deepEqual(
    [parsed.noc, parsed.maxCost, parsed.maxWeeks, parsed.startWithin, parsed.target],
    [['21232'], undefined, undefined, undefined, undefined],
  );
  assert.equal(careerQuery.safeParse({ maxCost: '-1' }).success, false);
  assert.equal(careerQuery.safeParse({ noc: ['21232', '21211', '31301', '00012'] }).success, false);
});

test('what the service could not resolve is not carried to the next step', () => {
  const params = careerQuery.parse({
    noc: ['21232', '12345'],
    add: ['technology: kubernetes', 'technology:Git'],
    remove: 'skill:ZZ',
    target: '54321',
  });
  const clean = withoutUnresolved(params, ['12345', 'technology:kubernetes', 'skill:ZZ', '54321']);
  assert.deepEqual(stateQuery(clean), {
    title: undefined,
    noc: ['21232'],
    add: ['technology:Git'],
    remove: [],
    all: undefined,
    target: undefined,
    maxCost: undefined,
    maxWeeks: undefined,
    startWithin: undefined,
  });
});
