import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { databaseWithNoc, LMI_FIXTURES, loadSource, type Loaded } from '../../../test/support/lmi.ts';
import { NOC_AGGREGATES } from './codes.ts';
import { copsCount, copsSource } from './cops.ts';

const SUMMARY = 'cops/summary_sommaire_2024_2033_noc2021.csv';

describe('COPS 2024–2033 source (fixtures)', () => {
  let database: Database;
  let loaded: Loaded;
  before(async () => {
    database = await databaseWithNoc();
    loaded = await loadSource(database.db, copsSource);
  });
  after(async () => {
    await database.close();
  });

  test('counts: thousands separators, negatives, N/A and N/D; anything else is not a number', () => {
    assert.equal(copsCount('8,238,800'), 8_238_800);
    assert.equal(copsCount(' 4700 '), 4_700);
    assert.equal(copsCount('-179200'), -179_200);
    assert.equal(copsCount('-1,200'), -1_200);
    assert.equal(copsCount('N/A'), null);
    assert.equal(copsCount('N/D'), null);
    assert.equal(copsCount(''), null);
    assert.equal(copsCount('12,34'), undefined);
    assert.equal(copsCount('1.5'), undefined);
    assert.equal(copsCount('about 5'), undefined);
    assert.equal(copsCount('3,000,000,000'), undefined, 'beyond a PostgreSQL integer');
  });

  test('every row gets its kind: all, TEER, broad category, unit group or aggregate', () => {
    const rows = loaded.rowsOf('cops_projection');
    assert.deepEqual(Object.fromEntries(rows.map((row) => [row.code, row.kind])), {
      '00000': 'all',
      TEER_1: 'teer',
      NOC1_2: 'broad_category',
      '00010': 'unit_group',
      '00011': 'unit_group',
      '00018': 'aggregate',
      '21211': 'unit_group',
      '21231': 'unit_group',
      '21232': 'unit_group',
      '31301': 'unit_group',
    });
  });

  test('numbers with and without thousands separators, negative seekers, N/A as null', () => {
    const rows = loaded.rowsOf('cops_projection');
    const developers = rows.find((row) => row.code === '21232');
    assert.deepEqual(developers, {
      code: '21232',
      kind: 'unit_group',
      titleEn: 'Software developers and programmers',
      titleFr: 'Concepteurs et développeurs de logiciels',
      employment2023: 150_000,
      employmentGrowth: 18_000,
      retirements: 9_000,
      otherReplacement: 3_000,
      jobOpenings: 30_000,
      schoolLeavers: 15_000,
      immigration: 12_000,
      otherSeekers: -800,
      jobSeekers: 26_200,
      recentConditions: 'balance',
      futureConditions: 'moderate_shortage',
    });
    const all = rows.find((row) => row.code === '00000');
    assert.equal(all?.jobSeekers, 1_340_000, '"1,340,000"');
    assert.equal(all.otherSeekers, -10_000);
    assert.equal(all.futureConditions, null, 'N/A with N/D');
    const notProjected = rows.find((row) => row.code === '00011');
    assert.equal(notProjected?.employment2023, null);
    assert.equal(notProjected.jobOpenings, null);
    assert.equal(notProjected.recentConditions, null);
  });

  test('conditions in both wordings: "signs" for recent, "risk" for future', () => {
    const byCode = new Map(loaded.rowsOf('cops_projection').map((row) => [row.code, row]));
    assert.equal(byCode.get('21211')?.recentConditions, 'moderate_shortage');
    assert.equal(byCode.get('21211')?.futureConditions, 'strong_shortage');
    assert.equal(byCode.get('31301')?.recentConditions, 'strong_shortage');
    assert.equal(byCode.get('00018')?.futureConditions, 'moderate_shortage');
    assert.equal(byCode.get('00010')?.futureConditions, 'balance');
  });

  test('unit groups without figures of their own are covered by aggregate 00018', () => {
    assert.deepEqual(NOC_AGGREGATES.get('00018'), ['00011', '00012', '00013', '00014', '00015']);
    const coverage = Object.fromEntries(
      loaded.rowsOf('cops_coverage').map((row) => [String(row.nocCode), String(row.copsCode)]),
    );
    assert.deepEqual(coverage, {
      '00010': '00010',
      '00011': '00018', // an all-N/A row of its own
      '00012': '00018', // its own row is rejected
      '00013': '00018', // no row
      '00014': '00018',
      '00015': '00018',
      '21211': '21211',
      '21231': '21231',
      '21232': '21232',
      '31301': '31301',
    });
  });

  test('rejects disagreeing English and French conditions and unknown codes, with file, line and reason', () => {
    assert.deepEqual(loaded.rejections, [
      {
        file: SUMMARY,
        line: 13,
        reason:
          'future_labour_market_conditions "Balance" and conditions_futures_sur_le_marche_du_travail "Risque modéré de surplus" disagree',
      },
      {
        file: SUMMARY,
        line: 14,
        reason: 'code "99999" is neither a NOC unit group nor a known COPS aggregate',
      },
    ]);
    assert.equal(loaded.read, 12, 'the blank line is not a row');
  });

  test('pads codes that lost their leading zeros; rejects repeats, bad numbers and unknown conditions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cops-'));
    try {
      mkdirSync(path.join(dir, 'cops'));
      const [header] = readFileSync(path.join(LMI_FIXTURES, SUMMARY), 'utf8').split('\n');
      const rows = [
        '10,Fixture text,Texte de test,1,1,1,1,3,1,1,1,3,Balance,À équilibre,Strong risk of Surplus,Risque important de surplus',
        '00010,Fixture text,Texte de test,1,1,1,1,3,1,1,1,3,Balance,À équilibre,Balance,À équilibre',
        '21232,Fixture text,Texte de test,"1,5",1,1,1,3,1,1,1,3,Balance,À équilibre,Balance,À équilibre',
        '21231,Fixture text,Texte de test,1,1,1,1,3,1,1,1,3,Balance,À équilibre,Some risk,Un risque',
        '21211,Fixture text,,1,1,1,1,3,1,1,1,3,Balance,À équilibre,Balance,À équilibre',
        '31301,Fixture text,Texte de test,1,1',
      ];
      writeFileSync(path.join(dir, SUMMARY), [header, ...rows, ''].join('\n'));
      const edge = await loadSource(database.db, copsSource, dir);
      assert.deepEqual(
        edge.rowsOf('cops_projection').map((row) => [row.code, row.kind, row.futureConditions]),
        [['00010', 'unit_group', 'strong_surplus']],
      );
      assert.deepEqual(edge.rowsOf('cops_coverage'), [{ nocCode: '00010', copsCode: '00010' }]);
      assert.deepEqual(
        edge.rejections.map((rejection) => `${rejection.line}: ${rejection.reason}`),
        [
          '7: has 5 fields where the header has 16',
          '3: code 00010 appears twice',
          '4: employment_emploi_2023 "1,5" is not a number',
          '5: future_labour_market_conditions "Some risk" is not a known condition',
          '6: an occupation name is empty',
        ],
      );
      assert.equal(edge.read, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('declares the release and its licence', () => {
    assert.equal(copsSource.version, 'COPS 2024–2033');
    assert.deepEqual(copsSource.dependsOn, ['noc']);
    assert.deepEqual(copsSource.files, [SUMMARY]);
    assert.match(copsSource.attributionEn, /Open Government Licence – Canada/);
    assert.match(copsSource.attributionFr, /Licence du gouvernement ouvert – Canada/);
  });
});
