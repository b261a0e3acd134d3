import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { normaliseHeader, parseDelimited, readSourceFile, requireColumns, SourceFileError } from './files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ladder-files-'));
function write(name: string, content: string | Buffer) {
  writeFileSync(path.join(dir, name), content);
  return name;
}

test('UTF-8 files lose their byte-order mark; files that are not UTF-8 are read as Windows-1252', () => {
  const bom = readSourceFile(dir, write('bom.csv', '\uFEFFCode,Titre\n1,Électricien\n'));
  assert.equal(bom.text, 'Code,Titre\n1,Électricien\n');
  assert.equal(bom.encoding, 'utf-8');
  assert.match(bom.sha256, /^[0-9a-f]{64}$/);
  const legacy = readSourceFile(dir, write('legacy.csv', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])));
  assert.equal(legacy.text, 'Café\n');
  assert.equal(legacy.encoding, 'windows-1252');
  assert.throws(() => readSourceFile(dir, 'legacy.csv', 'utf-8'), /legacy.csv: is not valid UTF-8/);
  assert.throws(() => readSourceFile(dir, 'absent.csv'), SourceFileError);
});

test('rows carry the line they start on, across blank lines, banners and quoted line breaks', () => {
  const file = readSourceFile(
    dir,
    write('lines.csv', 'A title banner\nCode , Class title \n1,"one\ntwo"\n\n2,three\n3,too,many\n4,four\n'),
  );
  const bad: string[] = [];
  const table = parseDelimited(file, {
    skipLines: 1,
    onBadRow: (line, reason) => bad.push(`${line}: ${reason}`),
  });
  assert.deepEqual(table.headers, ['Code', 'Class title']);
  assert.deepEqual(
    table.rows.map((row) => [row.line, row.values.code, row.values.class_title]),
    [
      [3, '1', 'one\ntwo'],
      [6, '2', 'three'],
      [8, '4', 'four'],
    ],
  );
  assert.deepEqual(bad, ['7: has 3 fields where the header has 2']);
  const windows = parseDelimited(
    readSourceFile(dir, write('crlf.csv', 'noc,title\r\n10,Legislators\r\n\r\n11,Senior\r\n')),
  );
  assert.deepEqual(
    windows.rows.map((row) => [row.line, row.values.title]),
    [
      [2, 'Legislators'],
      [4, 'Senior'],
    ],
  );
});

test('tab files without quoting keep bare quotes and line numbers', () => {
  const file = readSourceFile(dir, write('tabs.txt', 'Code\tExample\n1\tLaser "fax"\n\n2\tPlain\n'));
  const table = parseDelimited(file, { delimiter: '\t', quote: false });
  assert.deepEqual(
    table.rows.map((row) => [row.line, row.values.example]),
    [
      [2, 'Laser "fax"'],
      [4, 'Plain'],
    ],
  );
});

test('headers are matched ignoring case, accents, spaces and punctuation; a missing one is named', () => {
  assert.equal(normaliseHeader(' Conditions_récentes sur le marché '), 'conditions_recentes_sur_le_marche');
  assert.equal(normaliseHeader('Writing  '), 'writing');
  const file = readSourceFile(dir, write('columns.csv', 'Code;Nom\n1;x\n'));
  const table = parseDelimited(file, { delimiter: ';' });
  assert.throws(() => {
    requireColumns(file, table, ['code', 'title']);
  }, /columns.csv: is missing column\(s\) title \(found: Code, Nom\)/);
});

test('a file that cannot be parsed is an error naming the file and line', () => {
  const file = readSourceFile(dir, write('broken.csv', 'a,b\n"unterminated,x\n'));
  assert.throws(() => parseDelimited(file), /broken.csv: cannot be parsed/);
});
