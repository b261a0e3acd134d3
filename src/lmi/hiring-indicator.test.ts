import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hiringIndicator,
  LABOUR_CONDITIONS,
  OUTLOOK_LABELS,
  type HiringIndicator,
} from './hiring-indicator.ts';

test('the hiring indicator follows the documented table for every combination of inputs', () => {
  // Rows: Ontario outlook; columns: COPS future conditions, then N/A.
  const expected: Record<string, HiringIndicator[]> = {
    //            strong_sh  moderate_sh balance   moderate_su strong_su  N/A
    very_good: ['hot', 'hot', 'hot', 'steady', 'steady', 'hot'],
    good: ['hot', 'hot', 'steady', 'steady', 'cooling', 'steady'],
    moderate: ['steady', 'steady', 'steady', 'cooling', 'cooling', 'steady'],
    limited: ['steady', 'steady', 'cooling', 'cooling', 'cooling', 'cooling'],
    very_limited: ['steady', 'cooling', 'cooling', 'cooling', 'cooling', 'cooling'],
    undetermined: Array<HiringIndicator>(6).fill('not_enough_data'),
  };
  for (const outlook of OUTLOOK_LABELS) {
    const row = [...LABOUR_CONDITIONS, null].map(
      (conditions) => hiringIndicator({ ontarioOutlook: outlook, futureConditions: conditions }).indicator,
    );
    assert.deepEqual(row, expected[outlook], outlook);
  }
});

test('without an Ontario outlook there is not enough data, whatever the national projection says', () => {
  assert.deepEqual(hiringIndicator({ ontarioOutlook: null, futureConditions: 'strong_shortage' }), {
    indicator: 'not_enough_data',
    points: null,
  });
});

test('points are the sum of both signals', () => {
  assert.equal(hiringIndicator({ ontarioOutlook: 'good', futureConditions: 'moderate_shortage' }).points, 2);
  assert.equal(hiringIndicator({ ontarioOutlook: 'limited', futureConditions: 'strong_surplus' }).points, -3);
});
