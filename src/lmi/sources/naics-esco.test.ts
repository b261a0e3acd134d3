import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Db } from '../../db/database.ts';
import { loadSource } from '../../../test/support/lmi.ts';
import { escoSource, splitLabels } from './esco.ts';
import { naicsSource } from './naics.ts';

/** NAICS and ESCO reference no other source, so their load needs no database. */
const noDatabase = undefined as unknown as Db;

describe('NAICS Canada 2022 source (fixtures)', () => {
  test('keeps the hierarchy with range sectors, resolves parents and rejects bad rows', async () => {
    const loaded = await loadSource(noDatabase, naicsSource);
    const rows = loaded.rowsOf('naics_class');
    assert.deepEqual(
      rows.filter((row) => row.level === 1).map((row) => row.code),
      ['23', '31-33', '54', '62'],
    );
    const manufacturing = rows.find((row) => row.code === '334');
    assert.equal(manufacturing?.parentCode, '31-33');
    const electrical = rows.find((row) => row.code === '238210');
    assert.equal(electrical?.superscript, 'CAN');
    assert.equal(electrical.definitionEn, 'Fixture text: electrical work,\nincluding wiring.');
    assert.equal(electrical.titleFr, null);
    assert.deepEqual(loaded.rejections.map((rejection) => `${rejection.line}: ${rejection.reason}`).sort(), [
      '17: parent 622 of 6221 is not a class one level up',
      '18: code "5415X" does not fit level 4',
    ]);
  });
});

describe('ESCO source (fixtures)', () => {
  test('alternative labels split on new lines and on " | "', () => {
    assert.deepEqual(splitLabels('a\nb\n\nc'), ['a', 'b', 'c']);
    assert.deepEqual(splitLabels('a | b | a'), ['a', 'b']);
    assert.deepEqual(splitLabels(''), []);
  });

  test('skill groups from the hierarchy and the groups file, with broader links and multi-line fields', async () => {
    const loaded = await loadSource(noDatabase, escoSource);
    const skills = new Map(loaded.rowsOf('esco_skill').map((row) => [row.uri, row]));
    const programming = skills.get('http://data.europa.eu/esco/skill/S5.2');
    assert.deepEqual(
      {
        kind: programming?.kind,
        broaderUri: programming?.broaderUri,
        altLabelsEn: programming?.altLabelsEn,
        descriptionEn: programming?.descriptionEn,
      },
      {
        kind: 'skill_group',
        broaderUri: 'http://data.europa.eu/esco/skill/S5',
        altLabelsEn: ['writing software', 'coding'],
        descriptionEn: 'Fixture text: a group of programming skills.',
      },
    );
    assert.equal(
      skills.get('http://data.europa.eu/esco/skill/S5')?.broaderUri,
      'http://data.europa.eu/esco/skill/S',
    );
  });

  test('a skill in several collections is merged; labels without a collection entry are kept by label', async () => {
    const loaded = await loadSource(noDatabase, escoSource);
    const skills = new Map(loaded.rowsOf('esco_skill').map((row) => [row.uri, row]));
    const solve = skills.get('http://data.europa.eu/esco/skill/fixture-0001');
    assert.deepEqual(solve?.collections, ['ict', 'transversal']);
    assert.deepEqual(solve.altLabelsEn, ['fix tech issues', 'troubleshoot devices', 'trouble-shoot']);
    assert.equal(solve.broaderUri, 'http://data.europa.eu/esco/skill/S5.2');
    assert.deepEqual(skills.get('http://data.europa.eu/esco/skill/fixture-0004')?.collections, ['language']);
    const labelOnly = [...skills.keys()].filter((uri) => String(uri).startsWith('label:')).sort();
    assert.deepEqual(labelOnly, ['label:manage a nursing team', 'label:use CAD software']);
  });

  test('occupations with alternative labels; bad rows are reported with file and line', async () => {
    const loaded = await loadSource(noDatabase, escoSource);
    const occupations = loaded.rowsOf('esco_occupation');
    assert.deepEqual(
      occupations.map((row) => [row.labelEn, row.iscoGroup, row.altLabelsEn]),
      [
        ['software developer', '2512', ['software engineer', 'programmer', 'application developer']],
        ['specialist nurse', '2221', ['nurse specialist']],
      ],
    );
    assert.deepEqual(
      loaded.rejections.map((rejection) => `${rejection.file}:${rejection.line}: ${rejection.reason}`),
      [
        'esco/skillsHierarchy_en.csv:8: the row has no valid concept URI and term (got "not a uri")',
        'esco/transversalSkillsCollection_en.csv:4: conceptUri "" or preferredLabel is missing or malformed',
        'esco/skills_en_preferred_labels_esco_v1.1.0.txt:6: the label is 301 characters long (more than 300)',
        'esco/occupations_en.csv:6: iscoGroup "ABCD" is not an ISCO code',
      ],
    );
  });
});
