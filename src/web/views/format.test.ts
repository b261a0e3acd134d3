import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatNumber } from './programs.tsx';

test('formatNumber writes numbers the way each language does, small whole numbers included', () => {
  for (const lang of ['en', 'fr'] as const) {
    for (const value of [0, 7, 999, -12]) {
      assert.equal(formatNumber(value, lang), new Intl.NumberFormat(`${lang}-CA`).format(value));
    }
  }
  assert.equal(formatNumber(1234, 'en'), '1,234');
  assert.match(formatNumber(1234, 'fr'), /^1\s234$/u);
  assert.equal(formatNumber(2.5, 'fr'), '2,5');
  assert.equal(formatNumber(1000, 'en'), '1,000');
});

test('formatDate writes a calendar date in words, the same on every call', () => {
  assert.equal(formatDate('2026-12-14', 'en'), 'December 14, 2026');
  assert.equal(formatDate('2026-12-14', 'fr'), '14 décembre 2026');
  assert.equal(formatDate('2026-12-14', 'en'), 'December 14, 2026');
  assert.equal(formatDate('2027-01-01', 'en'), 'January 1, 2027');
});
