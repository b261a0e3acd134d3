import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { databaseWithNoc, loadSource } from '../../../test/support/lmi.ts';
import { copsCount, copsSource } from './cops.ts';
import { jobbankSource } from './jobbank.ts';

test('COPS counts: thousands separators, negatives, N/A and N/D', () => {
  assert.equal(copsCount('8,238,800'), 8_238_800);
  assert.equal(copsCount('-179200'), -179_200);
  assert.equal(copsCount('N/A'), null);
  assert.equal(copsCount('N/D'), null);
  assert.equal(copsCount('12,34'), undefined);
  assert.equal(copsCount('about 5'), undefined);
});

describe('COPS and Job Bank sources (fixtures)', () => {
  let database: Database;
  before(async () => {
    database = await databaseWithNoc();
  });
  after(async () => {
    await database.close();
  });

  test('COPS rows by kind, with numbers and conditions in both languages', async () => {
    const loaded = await loadSource(database.db, copsSource);
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
    const developers = rows.find((row) => row.code === '21232');
    assert.equal(developers?.jobOpenings, 30_000);
    assert.equal(developers.jobSeekers, 26_200);
    assert.equal(developers.otherSeekers, -800);
    assert.equal(developers.futureConditions, 'moderate_shortage');
    assert.equal(rows.find((row) => row.code === '31301')?.recentConditions, 'strong_shortage');
    assert.equal(rows.find((row) => row.code === '00011')?.jobOpenings, null);
  });

  test('unit groups without figures are covered by their COPS aggregate', async () => {
    const loaded = await loadSource(database.db, copsSource);
    const coverage = new Map(loaded.rowsOf('cops_coverage').map((row) => [row.nocCode, row.copsCode]));
    assert.equal(coverage.get('00011'), '00018', 'N/A row → aggregate');
    assert.equal(coverage.get('00013'), '00018', 'no row → aggregate');
    assert.equal(coverage.get('00010'), '00010');
    assert.equal(coverage.get('21232'), '21232');
  });

  test('COPS rejects disagreeing languages and unknown codes, with line and reason', async () => {
    const loaded = await loadSource(database.db, copsSource);
    assert.deepEqual(
      loaded.rejections.map((rejection) => `${rejection.line}: ${rejection.reason}`),
      [
        '13: future_labour_market_conditions "Balance" and conditions_futures_sur_le_marche_du_travail "Risque modéré de surplus" disagree',
        '14: code "99999" is neither a NOC unit group nor a known COPS aggregate',
      ],
    );
    assert.equal(loaded.read, 12);
  });

  test('Job Bank keeps official province and Ontario region labels, skips national rows, rejects the rest', async () => {
    const loaded = await loadSource(database.db, jobbankSource);
    const rows = loaded.rowsOf('outlook');
    assert.deepEqual(
      rows
        .map(
          (row) => `${String(row.nocCode)} ${String(row.geo)} ${String(row.geoLevel)} ${String(row.label)}`,
        )
        .sort(),
      [
        '00010 ON province undetermined',
        '00012 ON province good',
        '21211 ON province good',
        '21231 ON province moderate',
        '21232 3530 economic_region good',
        '21232 ON province good',
        '21232 QC province moderate',
        '31301 ON province very_good',
      ],
    );
    assert.ok(rows.every((row) => row.period === '2025-2027'));
    assert.ok(
      !rows.some((row) => 'lfsJobsEst' in row || 'medianHourlyWageGroup' in row),
      'no estimate columns',
    );
    assert.deepEqual(
      loaded.rejections.map((rejection) => `${rejection.line}: ${rejection.reason}`),
      [
        '13: outlook_label "Excellent" is not a Job Bank outlook',
        '14: geo "XX" is not a province, territory or Ontario economic region',
      ],
    );
  });
});
