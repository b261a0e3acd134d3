import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { getTableName } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { databaseWithNoc, LMI_FIXTURES, loadSource } from '../../../test/support/lmi.ts';
import { importLmi } from '../import/runner.ts';
import { onetSource } from './onet.ts';

const ONET = 'onet/db_29_3';

/** Weights and scores are sums of floats: compare them to 9 decimals. */
function rounded<T extends Record<string, unknown>>(rows: T[], field: string): T[] {
  return rows.map((row) => ({ ...row, [field]: Math.round((row[field] as number) * 1e9) / 1e9 }));
}

/**
 * A copy of the fixture folder in the layout of O*NET's text release, which has no "Title" (and no
 * "Related Title") column after the code; Occupation Data keeps its Title, which both layouts have.
 */
function textReleaseCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ladder-onet-'));
  cpSync(path.join(LMI_FIXTURES, 'crosswalks'), path.join(dir, 'crosswalks'), { recursive: true });
  cpSync(path.join(LMI_FIXTURES, ONET), path.join(dir, ONET), { recursive: true });
  for (const name of readdirSync(path.join(dir, ONET))) {
    if (name === 'Occupation Data.txt') continue;
    const file = path.join(dir, ONET, name);
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]?.split('\t') ?? [];
    const dropped = new Set(
      header.flatMap((column, index) => (column === 'Title' || column === 'Related Title' ? [index] : [])),
    );
    const kept = lines.map((line) =>
      line === ''
        ? line
        : line
            .split('\t')
            .filter((_, index) => !dropped.has(index))
            .join('\t'),
    );
    writeFileSync(file, kept.join('\n'));
  }
  return dir;
}

describe('O*NET source (fixtures)', () => {
  let database: Database;
  before(async () => {
    database = await databaseWithNoc();
  });
  after(async () => {
    await database.close();
  });

  test('reads occupations, job zones, tools and titles, keeping bare quotes and merging a repeated alternate title', async () => {
    const loaded = await loadSource(database.db, onetSource);
    const occupations = loaded.rowsOf('onet_occupation');
    assert.equal(occupations.length, 9);
    assert.deepEqual(
      occupations.find((row) => row.code === '15-1251.00'),
      {
        code: '15-1251.00',
        title: 'Fixture programmers',
        description: 'Fixture text: turn designs into "working" code.',
        jobZone: 4,
      },
    );
    assert.equal(occupations.find((row) => row.code === '29-2061.00')?.jobZone, 3);
    // Its Job Zone row (7) is rejected; occupations without one have none.
    assert.equal(occupations.find((row) => row.code === '29-1141.00')?.jobZone, null);
    assert.equal(occupations.find((row) => row.code === '15-2051.00')?.jobZone, null);

    assert.deepEqual(
      loaded.rowsOf('onet_tool').map((row) => row.name),
      ['Laptop computers', 'Fixture 12" ruler', 'Fixture stethoscopes'],
    );
    assert.deepEqual(loaded.rowsOf('onet_title'), [
      { onetCode: '15-1252.00', title: 'Fixture Application Builder', kind: 'alternate', shortTitle: null },
      {
        onetCode: '15-1252.00',
        title: 'Fixture Licensed Code Crafter (LCC)',
        kind: 'alternate',
        shortTitle: 'LCC',
      },
      { onetCode: '29-1141.00', title: 'Fixture Ward Nurse', kind: 'alternate', shortTitle: 'RN' },
      { onetCode: '15-1252.00', title: 'Fixture Developer', kind: 'reported', shortTitle: null },
      { onetCode: '15-1252.00', title: 'Fixture Application Builder', kind: 'reported', shortTitle: null },
      { onetCode: '29-1141.00', title: 'Fixture Staff Nurse', kind: 'reported', shortTitle: null },
    ]);
    assert.deepEqual(
      loaded.rowsOf('onet_related').find((row) => row.onetCode === '15-1252.00' && row.rank === 11),
      { onetCode: '15-1252.00', relatedCode: '15-1221.00', tier: 'Supplemental', rank: 11 },
    );
    assert.equal(loaded.rowsOf('onet_related').length, 6);
  });

  test('reads the Hot Technology and In Demand Y/N flags per O*NET occupation', async () => {
    const loaded = await loadSource(database.db, onetSource);
    const technologies = loaded.rowsOf('onet_technology');
    assert.equal(technologies.length, 13);
    const python = technologies.filter((row) => row.name === 'Python');
    assert.deepEqual(
      python.map(({ onetCode, hot, inDemand }) => ({ onetCode, hot, inDemand })),
      [
        { onetCode: '15-1221.00', hot: true, inDemand: false },
        { onetCode: '15-1251.00', hot: true, inDemand: false },
        { onetCode: '15-1252.00', hot: false, inDemand: true },
        { onetCode: '15-2051.00', hot: true, inDemand: true },
      ],
    );
    assert.deepEqual(
      technologies.find((row) => row.onetCode === '15-1252.00' && row.name === 'Python'),
      {
        onetCode: '15-1252.00',
        name: 'Python',
        commodityCode: '43232402',
        commodityTitle: 'Development environment software',
        hot: false,
        inDemand: true,
      },
    );
  });

  test('links O*NET to NOC: BC base weights, 00018 expanded, Brookfield filling unmapped unit groups with padded codes', async () => {
    const loaded = await loadSource(database.db, onetSource);
    const senior = (nocCode: string) => [
      { onetCode: '11-1011.00', nocCode, weight: 0.6, source: 'bcgov', viaAggregate: '00018' },
      { onetCode: '11-1021.00', nocCode, weight: 0.4, source: 'bcgov', viaAggregate: '00018' },
    ];
    assert.deepEqual(rounded(loaded.rowsOf('onet_noc_link'), 'weight'), [
      // Brookfield "10" → 00010: the BC mapping has no link to it.
      { onetCode: '11-1031.00', nocCode: '00010', weight: 1, source: 'brookfield', viaAggregate: null },
      // 00011 is mapped directly, so 00018 is not expanded into it (and Brookfield's 00011 row is unused).
      { onetCode: '11-1031.00', nocCode: '00011', weight: 1, source: 'bcgov', viaAggregate: null },
      ...senior('00012'),
      ...senior('00013'),
      ...senior('00014'),
      ...senior('00015'),
      { onetCode: '15-2051.00', nocCode: '21211', weight: 1, source: 'bcgov', viaAggregate: null },
      { onetCode: '15-1221.00', nocCode: '21231', weight: 0.4, source: 'bcgov', viaAggregate: null },
      { onetCode: '15-1252.00', nocCode: '21231', weight: 0.6, source: 'bcgov', viaAggregate: null },
      // 0.6 and 0.2 after the rejected 0.2 row: rescaled to sum to 1.
      { onetCode: '15-1251.00', nocCode: '21232', weight: 0.75, source: 'bcgov', viaAggregate: null },
      { onetCode: '15-1252.00', nocCode: '21232', weight: 0.25, source: 'bcgov', viaAggregate: null },
      // Brookfield lists 29-1141.00 twice (two former titles): it counts once, so 1/2 each.
      { onetCode: '29-1141.00', nocCode: '31301', weight: 0.5, source: 'brookfield', viaAggregate: null },
      { onetCode: '29-2061.00', nocCode: '31301', weight: 0.5, source: 'brookfield', viaAggregate: null },
    ]);
  });

  test('derives technologies per unit group: summed link weights, flags from any, commodity of the strongest link', async () => {
    const loaded = await loadSource(database.db, onetSource);
    const rows = rounded(loaded.rowsOf('occupation_technology'), 'weight').sort(
      (a, b) =>
        String(a.nocCode).localeCompare(String(b.nocCode)) || String(a.name).localeCompare(String(b.name)),
    );
    const tech = (
      nocCode: string,
      name: string,
      commodityTitle: string,
      hot: boolean,
      inDemand: boolean,
      weight: number,
    ) => ({ nocCode, name, commodityTitle, hot, inDemand, weight });
    const oriented = 'Object or component oriented development software';
    const seniorManagers = (code: string) => [
      tech(code, 'Fixture Board Portal', 'Presentation software', false, false, 0.6),
      // 0.6 (hot) + 0.4 (hot, in demand).
      tech(code, 'Microsoft Excel', 'Spreadsheet software', true, true, 1),
    ];
    assert.deepEqual(rows, [
      tech('00010', 'Fixture Vote Tracker', 'Data base user interface and query software', false, false, 1),
      tech('00011', 'Fixture Vote Tracker', 'Data base user interface and query software', false, false, 1),
      ...seniorManagers('00012'),
      ...seniorManagers('00013'),
      ...seniorManagers('00014'),
      ...seniorManagers('00015'),
      tech('21211', 'Python', oriented, true, true, 1),
      tech('21211', 'R', 'Analytical or scientific software', false, false, 1),
      tech('21231', 'Git', 'Configuration management software', true, true, 0.6),
      tech('21231', 'Microsoft Excel', 'Spreadsheet software', true, false, 0.6),
      // 0.4 (hot) + 0.6 (in demand); the commodity title of 15-1252.00, the 0.6 link.
      tech('21231', 'Python', 'Development environment software', true, true, 1),
      tech('21232', 'Git', 'Configuration management software', true, true, 1),
      tech('21232', 'Microsoft Excel', 'Spreadsheet software', true, false, 0.25),
      // 0.75 (hot) + 0.25 (in demand); the commodity title of 15-1251.00, the 0.75 link.
      tech('21232', 'Python', oriented, true, true, 1),
      tech('31301', 'Fixture Charting System', 'Medical software', true, false, 0.5),
    ]);
  });

  test('derives related unit groups from O*NET related occupations, tiers and ranks', async () => {
    const loaded = await loadSource(database.db, onetSource);
    const related = (nocCode: string, relatedNocCode: string, score: number) => ({
      nocCode,
      relatedNocCode,
      score: Math.round(score * 1e9) / 1e9,
    });
    // 11-1011.00 (0.6) → 11-1031.00, Primary-Short #1, linked to 00010 and 00011 with weight 1.
    const seniorManagers = (code: string) => [
      related(code, '00010', (0.6 * 1) / 1.1),
      related(code, '00011', (0.6 * 1) / 1.1),
    ];
    assert.deepEqual(rounded(loaded.rowsOf('occupation_related'), 'score'), [
      ...seniorManagers('00012'),
      ...seniorManagers('00013'),
      ...seniorManagers('00014'),
      ...seniorManagers('00015'),
      // 15-2051.00 (1) → 15-1221.00, Primary-Short #2, linked to 21231 with 0.4.
      related('21211', '21231', (1 * 1 * 0.4) / 1.2),
      // 15-1252.00 (0.6) → 15-1251.00, Primary-Short #1, linked to 21232 with 0.75; its Supplemental
      // relation to 15-1221.00 leads back to 21231 itself and does not count.
      related('21231', '21232', (0.6 * 1 * 0.75) / 1.1),
      // 15-1251.00 (0.75) → 15-1252.00, Primary-Short #1 → 21231 (0.6), plus 15-1252.00 (0.25) →
      // 15-1221.00, Supplemental #11 → 21231 (0.4); 15-1251.00 → 15-2051.00, Primary-Long #6 → 21211 (1).
      related('21232', '21231', (0.75 * 1 * 0.6) / 1.1 + (0.25 * 0.5 * 0.4) / 2.1),
      related('21232', '21211', (0.75 * 0.75 * 1) / 1.6),
    ]);
  });

  test('rejects bad rows with file, line and reason, and ignores blank lines', async () => {
    const loaded = await loadSource(database.db, onetSource);
    assert.deepEqual(loaded.rejections, [
      {
        file: `${ONET}/Occupation Data.txt`,
        line: 12,
        reason: 'O*NET-SOC Code "15-125X.00" is not a code like 15-1252.00',
      },
      { file: `${ONET}/Job Zones.txt`, line: 5, reason: 'Job Zone "7" of 29-1141.00 is not 1 to 5' },
      {
        file: `${ONET}/Technology Skills.txt`,
        line: 15,
        reason: 'Hot Technology "Maybe" of "Fixture Stats Suite" is not Y or N',
      },
      { file: `${ONET}/Tools Used.txt`, line: 6, reason: 'has 3 fields where the header has 5' },
      {
        file: `${ONET}/Alternate Titles.txt`,
        line: 7,
        reason: 'O*NET-SOC Code "99-0000.00" is not in O*NET Occupation Data',
      },
      {
        file: `${ONET}/Sample of Reported Titles.txt`,
        line: 4,
        reason: 'the Reported Job Title of 15-1251.00 is empty',
      },
      {
        file: `${ONET}/Related Occupations.txt`,
        line: 3,
        reason: 'Relatedness Tier "Secondary" is not one of Primary-Short, Primary-Long, Supplemental',
      },
      {
        file: 'crosswalks/bcgov_onet_to_noc2021_mapping_v3.0.0.csv',
        line: 10,
        reason: 'onet_soc_code "15-1299.99" is not in O*NET Occupation Data',
      },
      {
        file: 'crosswalks/brookfield_noc2021_onet26.csv',
        line: 9,
        reason: 'noc "99999" is not a loaded NOC 2021 unit group',
      },
    ]);
    assert.equal(loaded.read, 66);
  });

  test('reads the text-release layout (no Title column after the code) the same way', async () => {
    const dir = textReleaseCopy();
    try {
      const excel = await loadSource(database.db, onetSource);
      const text = await loadSource(database.db, onetSource, dir);
      assert.equal(
        readFileSync(path.join(dir, ONET, 'Technology Skills.txt'), 'utf8').split('\n')[0],
        'O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand',
      );
      for (const table of excel.tables) {
        const name = getTableName(table.table);
        assert.deepEqual(text.rowsOf(name), excel.rowsOf(name), name);
      }
      assert.deepEqual(
        text.rejections.map(({ file, line }) => `${file}:${line}`),
        excel.rejections.map(({ file, line }) => `${file}:${line}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('writes through the runner, and a second import of the same files changes nothing', async () => {
    const [first] = await importLmi(database.db, LMI_FIXTURES, [onetSource]);
    assert.equal(first?.status, 'imported', first?.message);
    assert.equal(first.rejected, 9);
    const [again] = await importLmi(database.db, LMI_FIXTURES, [onetSource], { force: true });
    assert.deepEqual(
      { inserted: again?.inserted, updated: again?.updated, deleted: again?.deleted },
      { inserted: 0, updated: 0, deleted: 0 },
    );
  });
});
