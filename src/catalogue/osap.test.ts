import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listing } from '../../test/support/catalogue.ts';
import { osapFlags } from './osap.ts';

const rules = { maxWeeks: 11, minHours: 20, maxHours: 300 };

describe('OSAP rule checks', () => {
  const cases: [string, Parameters<typeof listing>[0], string[]][] = [
    ['approved and within the rules', { durationWeeks: 6, durationHours: 36 }, []],
    ['approved at exactly 11 weeks', { durationWeeks: 11, durationHours: 36 }, []],
    ['approved at 12 weeks', { durationWeeks: 12, durationHours: 36 }, ['osap-approved-too-long']],
    ['approved with too few hours', { durationHours: 10 }, ['osap-approved-too-few-hours']],
    ['approved with too many hours', { durationHours: 400 }, ['osap-approved-too-many-hours']],
    [
      'workload counts when instruction hours are absent',
      { durationHours: undefined, workloadHours: 5 },
      ['osap-approved-too-few-hours'],
    ],
    [
      'not approved without a reason',
      { osap: { status: 'not-approved' } },
      ['osap-not-approved-without-reason'],
    ],
    [
      'not approved with a reason',
      { osap: { status: 'not-approved', reason: { en: 'Not submitted.' } } },
      [],
    ],
    ['unknown status is never flagged', { osap: { status: 'unknown' }, durationWeeks: 30 }, []],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => {
      assert.deepEqual(osapFlags(listing(overrides), rules), expected);
    });
  }
  it('hour limits are optional', () => {
    assert.deepEqual(
      osapFlags(listing({ durationHours: 1 }), { maxWeeks: 11, minHours: undefined, maxHours: undefined }),
      [],
    );
  });
});
