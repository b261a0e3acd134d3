import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { databaseWithNoc, LMI_FIXTURES, loadSource } from '../../../test/support/lmi.ts';
import { oasisSource, profileCode } from './oasis.ts';

test('profile codes mangled by spreadsheets are restored', () => {
  assert.equal(profileCode('10010'), '10010.00');
  assert.equal(profileCode('21232.1'), '21232.10');
  assert.equal(profileCode(' 21232.01 '), '21232.01');
});

describe('OaSIS source (fixtures)', () => {
  let database: Database;
  before(async () => {
    database = await databaseWithNoc();
  });
  after(async () => {
    await database.close();
  });

  test('descriptors come from the guide, with parents by code prefix', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    const descriptors = new Map(loaded.rowsOf('oasis_descriptor').map((row) => [row.code, row]));
    assert.deepEqual(
      ['A', 'A01', 'A01a', 'A01a03'].map((code) => [
        descriptors.get(code)?.kind,
        descriptors.get(code)?.parentCode,
      ]),
      [
        ['category', null],
        ['sub_category', 'A'],
        ['similarity_group', 'A01'],
        ['descriptor', 'A01a'],
      ],
    );
    assert.equal(descriptors.get('A01a04')?.descriptionEn, 'Fixture text: finding rules,\nfrom examples.');
    assert.equal(descriptors.get('J01c02-2')?.nameEn, 'Time Pressure (second scale)');
  });

  test('rating columns map to descriptors by name, aliases and numbered second scales included', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    const ratings = new Map(
      loaded
        .rowsOf('oasis_rating')
        .map((row) => [`${String(row.profileCode)} ${String(row.descriptorCode)}`, row]),
    );
    assert.equal(ratings.get('00012.00 G01a02')?.level, 3, 'Business Administration → Business Management');
    assert.equal(ratings.get('21232.00 K01b02')?.level, 3, 'abbreviated work activity name');
    assert.equal(
      ratings.get('21232.00 K03b04')?.level,
      5,
      'Using New Relevant Knowledge → Applying New Knowledge',
    );
    assert.equal(ratings.get('21232.00 J01c02')?.level, 4);
    assert.equal(ratings.get('21232.00 J01c02-2')?.level, 3);
    assert.equal(ratings.get('31301.00 J02c04')?.level, 3, '"Sound and Noise 9" is Sound and Noise');
    assert.equal(
      ratings.get('21232.10 G05a01'),
      undefined,
      '21232.1 is restored to 21232.10, which has no label',
    );
  });

  test('2025 skills ratings replace 2023 ones where published, and say so', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    const skill = (profile: string, code: string) =>
      loaded.rowsOf('oasis_rating').find((row) => row.profileCode === profile && row.descriptorCode === code);
    assert.deepEqual(
      [skill('21232.00', 'F03a10')?.level, skill('21232.00', 'F03a10')?.release],
      [5, 'OaSIS 2025 v1.1'],
    );
    assert.deepEqual(
      [skill('21211.00', 'F01c02')?.level, skill('21211.00', 'F01c02')?.release],
      [5, 'OaSIS 2023 v1.0'],
    );
    // 31301.00's 2025 row is rejected (a level of 7), so its 2023 skills stand.
    assert.equal(skill('31301.00', 'F01a01')?.release, 'OaSIS 2023 v1.0');
  });

  test('a unit group’s skill profile is the mean over its profiles', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    const rating = (noc: string, code: string) =>
      loaded.rowsOf('occupation_rating').find((row) => row.nocCode === noc && row.descriptorCode === code);
    assert.equal(rating('21232', 'F03a10')?.level, 4.5, '(5 + 4) / 2 from the 2025 file');
    assert.equal(rating('21232', 'A01a03')?.level, 3.5);
    assert.equal(rating('21232', 'F03a10')?.release, 'OaSIS 2025 v1.1');
  });

  test('profiles carry texts in file order, titles once, interests as Holland codes', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    const profile = loaded.rowsOf('oasis_profile').find((row) => row.code === '21232.00');
    assert.deepEqual(profile?.mainDutiesEn, [
      'Write code for new programs',
      'Test, debug and document software',
    ]);
    assert.deepEqual(profile.interests, ['I', 'C', 'R']);
    assert.equal(profile.leadStatementEn, 'Fixture text: software developers write, test and maintain code.');
    const games = loaded.rowsOf('oasis_profile').find((row) => row.code === '21232.01');
    assert.deepEqual(games?.mainDutiesEn, ['Build gameplay features']);
    const titles = loaded.rowsOf('oasis_title').filter((row) => row.profileCode === '21232.00');
    assert.deepEqual(
      titles.map((row) => [row.titleEn, row.kind]),
      [
        ['Application programmer', 'Example'],
        ['Software developer', 'Index'],
      ],
    );
  });

  test('bad rows are reported with file, line and reason', async () => {
    const loaded = await loadSource(database.db, oasisSource);
    assert.deepEqual(
      loaded.rejections.map((rejection) => `${rejection.file}:${rejection.line}: ${rejection.reason}`),
      [
        'oasis/guide_oasis_2023_v1.0.csv:27: structure type "Nonsense" is unknown',
        'oasis/labels_oasis_2023_v1.0.csv:7: profile 99999.00 belongs to 99999, which is not a NOC unit group',
        'oasis/interests_oasis_2023_v1.0.csv:4: "I, X, C" are not Holland codes (R, I, A, S, E, C)',
        'oasis/example-titles_oasis_2023_v1.0.csv:7: job title type "Unknown type" is not Index, Example or Inclusion',
        'oasis/skills_oasis_2025_v1.1.csv:4: column "Reading Comprehension" has "7", not a level 0 to 5',
        'oasis/knowledges_oasis_2023_v1.0.csv:5: profile "21232.10" is not in the OaSIS labels',
      ],
    );
  });

  test('a rating column that names no descriptor stops the source with a clear error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ladder-oasis-'));
    cpSync(LMI_FIXTURES, dir, { recursive: true });
    const file = path.join(dir, 'oasis/abilities_oasis_2023_v1.0.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Inductive Reasoning', 'Telepathy'));
    await assert.rejects(
      loadSource(database.db, oasisSource, dir),
      /oasis\/abilities_oasis_2023_v1.0.csv: column "Telepathy" is not one of the OaSIS guide’s abilities descriptors/,
    );
  });
});
