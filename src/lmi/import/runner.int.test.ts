import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { testBackends } from '../../../test/support/databases.ts';
import { LMI_FIXTURES } from '../../../test/support/lmi.ts';
import { lmiSource, nocExampleTitle, nocGroup } from '../schema.ts';
import { nocSource } from '../sources/noc.ts';
import { formatSummary, importLmi } from './runner.ts';
import type { LmiSourceDefinition } from './source.ts';

const EXAMPLES = 'noc2021/noc_2021_v1.0_example_titles_en_fr.csv';
const STRUCTURE = 'noc2021/noc_2021_v1.0_classification_structure_en.csv';

for (const backend of testBackends()) {
  describe(`LMI import runner on ${backend.name}`, () => {
    let database: Database;
    let dir: string;
    before(async () => {
      database = await backend.create();
    });
    after(async () => {
      await database.close();
    });
    beforeEach(async () => {
      // Each test starts from an empty LMI and its own copy of the fixture folder.
      await database.db.delete(nocExampleTitle);
      await database.db.delete(nocGroup);
      await database.db.delete(lmiSource);
      dir = mkdtempSync(path.join(tmpdir(), 'ladder-lmi-'));
      cpSync(path.join(LMI_FIXTURES, 'noc2021'), path.join(dir, 'noc2021'), { recursive: true });
    });

    const titleCount = async () => (await database.db.select({ n: count() }).from(nocExampleTitle))[0]?.n;

    test('imports a source, records provenance, and re-running on the same files changes nothing', async () => {
      const lines: string[] = [];
      const [first] = await importLmi(database.db, dir, [nocSource], { log: (line) => lines.push(line) });
      assert.deepEqual(
        { ...first, seconds: 0 },
        {
          source: 'noc',
          status: 'imported',
          read: 50,
          inserted: 38,
          updated: 0,
          deleted: 0,
          rejected: 2,
          seconds: 0,
        },
      );
      assert.ok(
        lines.some((line) => line.includes('rejected noc2021/noc_2021_v1.0_example_titles_en_fr.csv:17')),
      );
      assert.match(
        lines.at(-1) ?? '',
        /^noc: imported — read 50, inserted 38, updated 0, deleted 0, rejected 2 \(\d+\.\d s\)$/,
      );

      const [provenance] = await database.db.select().from(lmiSource).where(eq(lmiSource.id, 'noc'));
      assert.equal(provenance?.version, 'NOC 2021 Version 1.0');
      assert.equal(provenance.rows, 48);
      assert.deepEqual(
        provenance.files.map((file) => file.name),
        nocSource.files,
      );
      assert.match(provenance.files[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);

      const [again] = await importLmi(database.db, dir, [nocSource]);
      assert.equal(again?.status, 'unchanged');
      const [forced] = await importLmi(database.db, dir, [nocSource], { force: true });
      assert.deepEqual(
        {
          status: forced?.status,
          inserted: forced?.inserted,
          updated: forced?.updated,
          deleted: forced?.deleted,
        },
        { status: 'imported', inserted: 0, updated: 0, deleted: 0 },
      );
    });

    test('a new release writes only its differences', async () => {
      await importLmi(database.db, dir, [nocSource]);
      const file = path.join(dir, EXAMPLES);
      const text = readFileSync(file, 'utf8')
        .replace('21232,en,Web developer\n', '')
        .replace('31301,en,Psychiatric nurse\n', '31301,en,Psychiatric nurse\n31301,en,Nurse clinician\n');
      writeFileSync(file, text);
      const structure = path.join(dir, STRUCTURE);
      writeFileSync(
        structure,
        readFileSync(structure, 'utf8').replace(',Data scientists,', ',Data scientists (renamed),'),
      );
      const [summary] = await importLmi(database.db, dir, [nocSource]);
      assert.deepEqual(
        { inserted: summary?.inserted, updated: summary?.updated, deleted: summary?.deleted },
        { inserted: 1, updated: 1, deleted: 1 },
      );
      const [group] = await database.db.select().from(nocGroup).where(eq(nocGroup.code, '21211'));
      assert.equal(group?.titleEn, 'Data scientists (renamed)');
    });

    test('too many bad rows abort the source and leave the previous release exactly as it was', async () => {
      await importLmi(database.db, dir, [nocSource]);
      const before = await titleCount();
      const [provenanceBefore] = await database.db.select().from(lmiSource);
      const bad = Array.from(
        { length: 12 },
        (_unused, index) => `99${String(index).padStart(3, '0')},en,Bad ${index}`,
      );
      writeFileSync(
        path.join(dir, EXAMPLES),
        `${readFileSync(path.join(dir, EXAMPLES), 'utf8')}${bad.join('\n')}\n`,
      );
      const [summary] = await importLmi(database.db, dir, [nocSource]);
      assert.equal(summary?.status, 'failed');
      assert.equal(summary.rejected, 14);
      assert.match(summary.message ?? '', /14 of 62 rows rejected \(more than 10\); nothing was changed/);
      assert.match(formatSummary(summary), /^noc: failed — /);
      assert.equal(await titleCount(), before);
      const [provenanceAfter] = await database.db.select().from(lmiSource);
      assert.deepEqual(provenanceAfter, provenanceBefore);
    });

    test('an error while writing rolls the whole source back', async () => {
      await importLmi(database.db, dir, [nocSource]);
      const before = await titleCount();
      const exploding: LmiSourceDefinition = {
        ...nocSource,
        version: 'a newer release',
        async load(context) {
          const tables = await nocSource.load(context);
          // A row violating NOT NULL makes the second table's insert fail after the first was written.
          return [
            ...tables,
            { ...tables[1], rows: [{ nocCode: '21232', lang: 'en', title: null }] } as never,
          ];
        },
      };
      const [summary] = await importLmi(database.db, dir, [exploding], { force: true });
      assert.equal(summary?.status, 'failed');
      assert.equal(await titleCount(), before);
      const [provenance] = await database.db.select().from(lmiSource);
      assert.equal(provenance?.version, 'NOC 2021 Version 1.0');
    });

    test('missing files, missing folders and unloaded dependencies are reported plainly', async () => {
      rmSync(path.join(dir, EXAMPLES));
      const [missingFile] = await importLmi(database.db, dir, [nocSource]);
      assert.equal(missingFile?.status, 'failed');
      assert.match(
        missingFile.message ?? '',
        /missing file\(s\): noc2021\/noc_2021_v1.0_example_titles_en_fr.csv/,
      );

      const empty = mkdtempSync(path.join(tmpdir(), 'ladder-lmi-empty-'));
      const [missingFolder] = await importLmi(database.db, empty, [nocSource]);
      assert.equal(missingFolder?.status, 'missing');

      const dependent: LmiSourceDefinition = { ...nocSource, id: 'dependent', dependsOn: ['noc'] };
      cpSync(path.join(LMI_FIXTURES, 'noc2021'), path.join(dir, 'noc2021'), { recursive: true });
      const [blocked] = await importLmi(database.db, dir, [dependent]);
      assert.match(blocked?.message ?? '', /needs noc to be loaded first/);
    });
  });
}
