import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LMI_FIXTURES } from '../../test/support/lmi.ts';
import { runProcess } from '../../test/support/server-process.ts';

async function run(args: string[], env: Record<string, string> = {}) {
  const child = runProcess(
    { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-cli-')), ...env },
    'src/cli/lmi-import.ts',
    args,
  );
  const code = await child.exited;
  return { code, output: child.output() };
}

test('lmi:import explains wrong usage in one line and exits 2', async () => {
  const unknownOption = await run(['--bogus']);
  assert.equal(unknownOption.code, 2);
  assert.match(unknownOption.output, /Unknown option '--bogus'\nUsage: npm run lmi:import/);
  const unknownSource = await run(['--dir', LMI_FIXTURES, '--source', 'noc,cobs']);
  assert.equal(unknownSource.code, 2);
  assert.match(
    unknownSource.output,
    /unknown source cobs \(known: noc, oasis, cops, jobbank, onet, naics, esco\)/,
  );
  const noFolder = await run([]);
  assert.equal(noFolder.code, 2);
  assert.match(noFolder.output, /give the folder with --dir, or set LMI_DIR/);
  const badConfig = await run(['--dir', LMI_FIXTURES], { LOG_LEVEL: 'loud' });
  assert.equal(badConfig.code, 2);
  assert.match(badConfig.output, /^Configuration error: LOG_LEVEL must be one of/);
});

test('lmi:import prints a summary line per source; running it again changes nothing', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ladder-cli-'));
  const first = await run(['--dir', LMI_FIXTURES], { DATA_DIR: dataDir });
  assert.equal(first.code, 0, first.output);
  for (const source of ['noc', 'oasis', 'cops', 'jobbank', 'onet', 'naics', 'esco']) {
    assert.match(
      first.output,
      new RegExp(
        `^${source}: imported — read [\\d,]+, inserted [\\d,]+, updated 0, deleted 0, rejected \\d+ \\(\\d+\\.\\d s\\)$`,
        'm',
      ),
    );
  }
  assert.match(first.output, /7 of 7 sources ok/);
  const second = await run(['--dir', LMI_FIXTURES, '--source', 'noc,cops'], { DATA_DIR: dataDir });
  assert.equal(second.code, 0, second.output);
  assert.match(second.output, /^noc: unchanged/m);
  assert.match(second.output, /^cops: unchanged/m);
});
