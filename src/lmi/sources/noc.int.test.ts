import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { testBackends } from '../../../test/support/databases.ts';
import { loadSource } from '../../../test/support/lmi.ts';
import { nocSource } from './noc.ts';

const [pglite] = testBackends();

describe('NOC 2021 source (fixtures)', () => {
  let database: Database;
  before(async () => {
    database = await (pglite?.create() ?? Promise.reject(new Error('no backend')));
  });
  after(async () => {
    await database.close();
  });

  test('reads the five levels with parents, TEER and French unit group titles, despite a BOM and blank lines', async () => {
    const loaded = await loadSource(database.db, nocSource);
    const groups = loaded.rowsOf('noc_group');
    const byLevel = [1, 2, 3, 4, 5].map((level) => groups.filter((group) => group.level === level).length);
    assert.deepEqual(byLevel, [3, 3, 3, 4, 10]);
    const developers = groups.find((group) => group.code === '21232');
    assert.deepEqual(
      { ...developers, definitionEn: undefined },
      {
        code: '21232',
        level: 5,
        parentCode: '2123',
        titleEn: 'Software developers and programmers',
        titleFr: 'Concepteurs/conceptrices et développeurs/développeuses de logiciels',
        definitionEn: undefined,
        teer: 1,
      },
    );
    assert.equal(developers?.definitionEn, 'Fixture text: people who write,\ntest and maintain software.');
    assert.equal(groups.find((group) => group.code === '0')?.parentCode, null);
    assert.equal(groups.find((group) => group.code === '00010')?.teer, 0);
  });

  test('keeps example titles per language and reports bad rows with file, line and reason', async () => {
    const loaded = await loadSource(database.db, nocSource);
    const titles = loaded.rowsOf('noc_example_title');
    assert.equal(titles.length, 15);
    assert.ok(
      titles.some(
        (row) => row.nocCode === '21232' && row.lang === 'fr' && row.title === 'Développeur/développeuse Web',
      ),
    );
    assert.deepEqual(loaded.rejections, [
      {
        file: 'noc2021/noc_2021_v1.0_classification_structure_en.csv',
        line: 27,
        reason: 'code "3130X" is not a 5-digit NOC code for level 5',
      },
      {
        file: 'noc2021/noc_2021_v1.0_example_titles_en_fr.csv',
        line: 17,
        reason: '"99999" is not a unit group in the structure',
      },
    ]);
    assert.equal(loaded.read, 50);
  });
});
