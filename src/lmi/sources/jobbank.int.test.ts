import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { databaseWithNoc, loadSource, type Loaded } from '../../../test/support/lmi.ts';
import { jobbankSource, outlookGeoLevel } from './jobbank.ts';

const OUTLOOKS = 'jobbank_outlooks/esdc_outlooks_2025_2027_by_province_noc2021_DERIVED.csv';

describe('Job Bank outlooks source (fixtures)', () => {
  let database: Database;
  let loaded: Loaded;
  before(async () => {
    database = await databaseWithNoc();
    loaded = await loadSource(database.db, jobbankSource);
  });
  after(async () => {
    await database.close();
  });

  test('geographies: the 13 provinces and territories, and Ontario economic regions only', () => {
    for (const province of ['NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'])
      assert.equal(outlookGeoLevel(province), 'province', province);
    for (const region of ['3510', '3515', '3530', '3595'])
      assert.equal(outlookGeoLevel(region), 'economic_region', region);
    // 3500 is Ontario's province-wide row in the workbook; 4610 is a Manitoba region; CA is unofficial.
    for (const other of ['3500', '3599', '4610', 'ER3510', 'CA', 'on', ''])
      assert.equal(outlookGeoLevel(other), null, other);
  });

  test('loads official province labels and Ontario region labels, with period and release date (CRLF file)', () => {
    const rows = loaded.rowsOf('outlook');
    assert.deepEqual(
      rows
        .map(
          (row) =>
            `${String(row.nocCode)} ${String(row.geo)} ${String(row.geoLevel)} ${String(row.label)} ${String(row.releaseDate)}`,
        )
        .sort(),
      [
        '00010 ON province undetermined 2025-12-01',
        '00012 ON province good 2025-12-01',
        '21211 ON province good 2025-12-01',
        '21231 ON province moderate 2025-12-01',
        '21232 3530 economic_region good 2025-12-01',
        '21232 ON province good 2025-12-01',
        '21232 QC province moderate 2025-11-20',
        '31301 ON province very_good 2025-12-01',
      ],
    );
    assert.ok(rows.every((row) => row.period === '2025-2027'));
  });

  test('leaves out the estimate columns and the unofficial national (CA) rows without rejecting them', () => {
    const rows = loaded.rowsOf('outlook');
    assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), [
      'geo',
      'geoLevel',
      'label',
      'nocCode',
      'period',
      'releaseDate',
    ]);
    assert.ok(!rows.some((row) => row.geo === 'CA'));
    // 12 data rows (the blank line is none): 8 loaded, 2 rejected, 2 CA rows skipped.
    assert.equal(loaded.read, 12);
    assert.equal(rows.length + loaded.rejections.length, 10);
  });

  test('rejects an unknown label and an unknown geography, with file, line and reason', () => {
    assert.deepEqual(loaded.rejections, [
      { file: OUTLOOKS, line: 13, reason: 'outlook_label "Excellent" is not a Job Bank outlook' },
      {
        file: OUTLOOKS,
        line: 14,
        reason: 'geo "XX" is not a province, territory or Ontario economic region',
      },
    ]);
  });

  test('pads codes that lost their leading zeros; rejects other windows, bad dates, region totals and repeats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jobbank-'));
    try {
      mkdirSync(path.join(dir, 'jobbank_outlooks'));
      const header =
        'noc_2021_code,title,geo,outlook_label,outlook_score,outlook_window,outlook_release_date,outlook_weight_basis,lfs_jobs_est,jobs_year,unemployment_rate_group,median_hourly_wage_group,average_hourly_wage_group';
      const rows = [
        '10,Fixture text,ON,Moderate,0.0,2025-2027,2025-12-01,unit_group_outlook,,2025,,,',
        '21232,Fixture text,3510,VERY GOOD,2.0,2025-2027,,unit_group_outlook,,2025,,,',
        '21232,Fixture text,ON,Good,1.0,2026-2028,2026-12-01,unit_group_outlook,,2026,,,',
        '21231,Fixture text,ON,Good,1.0,2025-2027,2025-02-30,unit_group_outlook,,2025,,,',
        '21231,Fixture text,3500,Good,1.0,2025-2027,2025-12-01,unit_group_outlook,,2025,,,',
        '00010,Fixture text,ON,Limited,-1.0,2025-2027,2025-12-01,unit_group_outlook,,2025,,,',
        '99999,Fixture text,ON,Limited,-1.0,2025-2027,2025-12-01,unit_group_outlook,,2025,,,',
      ];
      writeFileSync(path.join(dir, OUTLOOKS), [header, ...rows, ''].join('\r\n'));
      const edge = await loadSource(database.db, jobbankSource, dir);
      assert.deepEqual(edge.rowsOf('outlook'), [
        {
          nocCode: '00010',
          geo: 'ON',
          geoLevel: 'province',
          label: 'moderate',
          period: '2025-2027',
          releaseDate: '2025-12-01',
        },
        {
          nocCode: '21232',
          geo: '3510',
          geoLevel: 'economic_region',
          label: 'very_good',
          period: '2025-2027',
          releaseDate: null,
        },
      ]);
      assert.deepEqual(
        edge.rejections.map((rejection) => `${rejection.line}: ${rejection.reason}`),
        [
          '4: outlook_window "2026-2028" is not 2025-2027, the release this importer declares (update PERIOD in jobbank.ts for a new release)',
          '5: outlook_release_date "2025-02-30" is not a date (YYYY-MM-DD)',
          '6: geo "3500" is not a province, territory or Ontario economic region',
          '7: 00010 in ON for 2025-2027 appears twice',
          '8: "99999" is not a NOC 2021 unit group',
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('names the release from the data and says the labels are official province outlooks', () => {
    assert.equal(jobbankSource.version, '2025–2027');
    assert.equal(jobbankSource.title, 'Job Bank 3-year employment outlooks 2025–2027');
    assert.deepEqual(jobbankSource.dependsOn, ['noc']);
    assert.match(jobbankSource.attributionEn, /official province and territory outlooks/);
    assert.match(jobbankSource.attributionFr, /perspectives officielles d’EDSC pour les provinces/);
  });
});
