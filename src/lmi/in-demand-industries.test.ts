import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankIndustries, type OccupationSignal, type TaggedPrograms } from './in-demand-industries.ts';

// Unit groups and their signals, as the hiring indicator rates them.
const signals = new Map<string, OccupationSignal>([
  ['31301', { indicator: 'hot', points: 4 }],
  ['32101', { indicator: 'hot', points: 3 }],
  ['21211', { indicator: 'hot', points: 3 }],
  ['21232', { indicator: 'hot', points: 2 }],
  ['21231', { indicator: 'steady', points: 0 }],
  ['72200', { indicator: 'steady', points: 1 }],
  ['72310', { indicator: 'cooling', points: -1 }],
  ['73300', { indicator: 'cooling', points: -2 }],
  ['00010', { indicator: 'not_enough_data', points: null }],
]);

const group = (
  industries: string[],
  occupations: string[],
  programs = 1,
  demoPrograms = 0,
): TaggedPrograms => ({ industries, occupations, programs, demoPrograms });

describe('rankIndustries', () => {
  test('sectors are ranked by the share of their programs for a hot occupation; three at most', () => {
    const ranked = rankIndustries(
      [
        // Health care: 6 of 7 programs for hot occupations.
        group(['622111'], ['31301'], 4),
        group(['62'], ['32101', '31301'], 2),
        group(['6211'], ['00010', '72200']),
        // Professional services: 4 of 6.
        group(['541515'], ['21211', '21232'], 3),
        group(['5415'], ['21232']),
        group(['54'], ['21231'], 2),
        // Construction: 1 of 6.
        group(['23821'], ['72200'], 3),
        group(['238'], ['72310', '73300'], 2),
        group(['23'], ['21232']),
        // Finance: 1 of 10, fourth.
        group(['52'], ['21232']),
        group(['52'], ['72200', '72310', '73300'], 9),
      ],
      signals,
    );
    assert.deepEqual(
      ranked.map(({ sector, programs, hotPrograms, ratedOccupations }) => ({
        sector,
        programs,
        hotPrograms,
        ratedOccupations,
      })),
      [
        { sector: '62', programs: 7, hotPrograms: 6, ratedOccupations: 3 },
        { sector: '54', programs: 6, hotPrograms: 4, ratedOccupations: 3 },
        { sector: '23', programs: 6, hotPrograms: 1, ratedOccupations: 4 },
      ],
    );
  });

  test('a sector needs enough programs and enough distinct rated occupations, so one program cannot win', () => {
    const groups = [
      // One program with three hot occupations: the best share, but a single program.
      group(['11'], ['31301', '32101', '21211']),
      // Five programs, all for the same hot occupation: only one distinct occupation.
      group(['61'], ['31301'], 5),
      // Eight programs over three rated occupations, some hot.
      group(['52'], ['21232', '21231'], 4),
      group(['52'], ['72200'], 4),
    ];
    assert.deepEqual(
      rankIndustries(groups, signals).map((row) => row.sector),
      ['52'],
    );
    assert.deepEqual(
      rankIndustries(groups, signals, { minPrograms: 1, minOccupations: 1 }).map((row) => row.sector),
      ['61', '11', '52'], // equal shares: 61 has 4 points, 11 has 3.33
    );
  });

  test('a sector with no program for a hot occupation is never in demand', () => {
    const ranked = rankIndustries([group(['23'], ['72200', '72310', '73300'], 10)], signals);
    assert.deepEqual(ranked, []);
  });

  test('ties on the share are broken by mean hiring points, then by programs, then by code', () => {
    const ranked = rankIndustries(
      [
        // Every program for a hot occupation in each sector.
        group(['21'], ['21232', '72200', '21231'], 5), // (2 + 1 + 0) / 3 = 1
        group(['22'], ['31301', '73300', '72310'], 5), // (4 − 2 − 1) / 3 = 0.333
        group(['48-49'], ['21232', '72200', '21231'], 6), // 1, more programs
        group(['481'], ['21232', '72200', '21231'], 5), // same sector as 48-49
        group(['44-45'], ['21232', '72200', '21231'], 11), // 1, same programs as 48-49
      ],
      signals,
      { limit: 10 },
    );
    assert.deepEqual(
      ranked.map((row) => [row.sector, row.meanPoints, row.programs]),
      [
        ['44-45', 1, 11],
        ['48-49', 1, 11],
        ['21', 1, 5],
        ['22', 0.333, 5],
      ],
    );
  });

  test('mean points weigh each program once, whatever its number of occupations', () => {
    const [sector] = rankIndustries(
      [group(['62'], ['31301'], 1), group(['62'], ['21231', '72310', '73300', '32101'], 4)],
      signals,
    );
    // Program means: 4 once, (0 − 1 − 2 + 3) / 4 = 0 four times → 4 / 5.
    assert.equal(sector?.meanPoints, 0.8);
  });

  test('NAICS codes map to their sector once per program, ranges included', () => {
    const [manufacturing, ...rest] = rankIndustries(
      [group(['311', '332', '33'], ['21211', '21231', '72200'], 5, 5)],
      signals,
    );
    assert.equal(rest.length, 0);
    assert.equal(manufacturing?.sector, '31-33');
    assert.equal(manufacturing.programs, 5, 'three codes of one sector count the program once');
    assert.equal(manufacturing.demoPrograms, 5);
  });

  test('each sector lists its hot occupations, most programs first, at most three', () => {
    const [sector] = rankIndustries(
      [
        group(['62'], ['21232'], 3),
        group(['62'], ['31301', '32101'], 3),
        group(['62'], ['21211', '21231'], 1),
        group(['62'], ['72200'], 2),
      ],
      signals,
    );
    // Three programs each for 21232, 31301 and 32101: strongest points first (4, 3, 2); 21211 has one.
    assert.deepEqual(sector?.inDemand, [
      { code: '31301', programs: 3 },
      { code: '32101', programs: 3 },
      { code: '21232', programs: 3 },
    ]);
  });

  test('no programs, no sectors', () => {
    assert.deepEqual(rankIndustries([], signals), []);
    assert.deepEqual(rankIndustries([group(['62'], ['31301'], 0)], signals), []);
  });
});
