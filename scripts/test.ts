import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs node:test over the project's test files (Node 20's --test takes no globs).
 *   tsx scripts/test.ts            unit and integration tests (src/**\/*.test.ts)
 *   tsx scripts/test.ts integration   only *.int.test.ts (the database and HTTP tests)
 *   tsx scripts/test.ts e2e        browser tests (e2e/**\/*.e2e.ts)
 * Extra arguments are passed to node (e.g. --test-name-pattern=...).
 */
const root = path.resolve(import.meta.dirname, '..');
const [group = 'all', ...extra] = process.argv.slice(2);

function find(dir: string, suffix: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.includes('node_modules'))
    .map((file) => path.join(dir, file))
    .sort();
}

const files =
  group === 'e2e'
    ? find('e2e', '.e2e.ts')
    : group === 'integration'
      ? find('src', '.int.test.ts')
      : group === 'unit'
        ? find('src', '.test.ts').filter((file) => !file.endsWith('.int.test.ts'))
        : find('src', '.test.ts');

if (files.length === 0) {
  console.error(`No test files for "${group}".`);
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? (group === 'e2e' ? '1' : '3');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    './test/support/setup.ts',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...extra,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
