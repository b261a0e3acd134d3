import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from '../../db/database.ts';
import { LMI_FIXTURES } from '../../../test/support/lmi.ts';
import { runProcess } from '../../../test/support/server-process.ts';
import { lmiSource, nocExampleTitle } from '../schema.ts';

const EXAMPLES = 'noc2021/noc_2021_v1.0_example_titles_en_fr.csv';

/** Resolves once `predicate` holds for the output, or rejects after `timeoutMs`. */
async function waitFor(output: () => string, predicate: (text: string) => boolean, timeoutMs: number) {
  const started = Date.now();
  while (!predicate(output())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; output so far:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('killing the import midway leaves the previous complete release in the embedded database', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ladder-crash-'));
  const dir = path.join(root, 'lmi');
  const env = { DATA_DIR: path.join(root, 'data'), LOG_LEVEL: 'warn' };
  cpSync(path.join(LMI_FIXTURES, 'noc2021'), path.join(dir, 'noc2021'), { recursive: true });

  const first = runProcess(env, 'src/cli/lmi-import.ts', ['--dir', dir]);
  assert.equal(await first.exited, 0, first.output());

  // The next release adds 200,000 example titles: long enough to be killed while writing them.
  const extra = Array.from(
    { length: 200_000 },
    (_unused, index) => `21232,en,Synthetic developer title ${index}`,
  );
  writeFileSync(
    path.join(dir, EXAMPLES),
    `${readFileSync(path.join(dir, EXAMPLES), 'utf8')}${extra.join('\n')}\n`,
  );
  const second = runProcess(env, 'src/cli/lmi-import.ts', ['--dir', dir]);
  await waitFor(second.output, (text) => text.includes('rows to noc_example_title'), 60_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  second.child.kill('SIGKILL');
  await second.exited;
  assert.equal(
    second.child.signalCode,
    'SIGKILL',
    `the import finished before it was killed:\n${second.output()}`,
  );

  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(env.DATA_DIR, 'pglite') });
  try {
    const [titles] = await database.db.select({ n: count() }).from(nocExampleTitle);
    assert.equal(titles?.n, 15);
    const [provenance] = await database.db.select().from(lmiSource).where(eq(lmiSource.id, 'noc'));
    assert.equal(provenance?.rows, 48);
  } finally {
    await database.close();
  }
});
