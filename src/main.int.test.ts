import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { runProcess, startServer } from '../test/support/server-process.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'ladder-main-'));

describe('npm start', () => {
  for (const [variable, value, exitCode, message] of [
    [
      'PORT',
      'abc',
      2,
      /^Configuration error: PORT must be a whole number between 1 and 65535 \(got "abc"\)$/,
    ],
    ['DATABASE_URL', 'nonsense', 2, /^Configuration error: DATABASE_URL must be a PostgreSQL URL/],
    ['LOG_LEVEL', 'chatty', 2, /^Configuration error: LOG_LEVEL must be one of/],
    [
      'WEB_CONCURRENCY',
      '2',
      2,
      /^Configuration error: WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database serves one process$/,
    ],
    [
      'DATABASE_URL',
      'postgres://ladder:pw@127.0.0.1:1/ladder',
      1,
      /^Database error: could not connect to PostgreSQL at 127\.0\.0\.1:1\/ladder \(DATABASE_URL\)/,
    ],
  ] as const) {
    test(`${variable}=${value} exits ${exitCode} with one line naming ${variable}`, async () => {
      const run = runProcess({ [variable]: value, DATA_DIR: tmp() });
      assert.equal(await run.exited, exitCode);
      const lines = run.output().trim().split('\n');
      assert.equal(lines.length, 1, run.output());
      assert.match(lines[0] ?? '', message);
    });
  }

  test('a second portal on the same DATA_DIR is refused with a clear message', async () => {
    const dataDir = tmp();
    const first = await startServer({ DATA_DIR: dataDir });
    try {
      const second = runProcess({ DATA_DIR: dataDir, PORT: '1' });
      assert.equal(await second.exited, 1);
      assert.match(
        second.output().trim(),
        /^Database error: the embedded database at .* is in use by another Ladder process \(pid \d+\)/,
      );
    } finally {
      await first.stop();
    }
  });

  test('SIGTERM during a burst of requests: every request already sent is answered, then a clean exit', async () => {
    // The drain must outlast the burst's backlog: requests the kernel queued are reset if the listener closes first.
    const server = await startServer({ SHUTDOWN_DRAIN_MS: '1500' });
    const paths = [
      '/en/',
      '/fr/recherche?q=infirmi%C3%A8re',
      '/readyz',
      '/en/about-the-data',
      '/api/v1/status',
    ];
    const outcomes: Array<{ status?: number; error?: string; finishedAt: number }> = [];
    const request = (target: string) =>
      new Promise<void>((resolve) => {
        const req = http.get(`${server.url}${target}`, { agent: false }, (res) => {
          res.resume();
          res.on('end', () => {
            outcomes.push({ status: res.statusCode ?? 0, finishedAt: Date.now() });
            resolve();
          });
          res.on('error', (error) => {
            outcomes.push({ error: error.message, finishedAt: Date.now() });
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          outcomes.push({ error: error.code ?? error.message, finishedAt: Date.now() });
          resolve();
        });
      });

    // Warm up, then a burst of 200 concurrent requests; SIGTERM once the first 20 have been answered,
    // while most of the burst is still in flight. Like a load balancer that has been told the
    // instance is going away, the client sends nothing new after the signal.
    await request('/en/');
    outcomes.length = 0;
    const burst = Array.from({ length: 200 }, (_, i) => request(paths[i % paths.length] ?? '/en/'));
    while (outcomes.length < 20) await new Promise((resolve) => setTimeout(resolve, 2));
    const signalledAt = Date.now();
    const answeredBeforeSignal = outcomes.length;
    server.child.kill('SIGTERM');
    await Promise.all(burst);
    const exitCode = await server.exited;

    const failures = outcomes.filter((o) => o.error !== undefined || (o.status !== 200 && o.status !== 503));
    assert.deepEqual(failures, [], 'no request dropped or failed');
    assert.equal(outcomes.length, 200);
    assert.ok(answeredBeforeSignal < 200 && outcomes.filter((o) => o.finishedAt >= signalledAt).length > 0);
    // /readyz may say 503 once draining begins; every page and API call is a 200.
    assert.ok(outcomes.filter((o) => o.status === 503).length <= 40);
    assert.equal(exitCode, 0, server.output().slice(-2000));
    assert.match(server.output(), /shutdown complete/);
  });
});

const serverUrl = process.env.DATABASE_URL;

describe(
  'npm start with WEB_CONCURRENCY on PostgreSQL',
  { skip: serverUrl ? false : 'DATABASE_URL is not set' },
  () => {
    test('two web processes serve the port; SIGTERM stops both cleanly', async () => {
      const name = `ladder_workers_${process.pid}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      const url = new URL(serverUrl ?? '');
      url.pathname = `/${name}`;
      try {
        const server = await startServer({
          DATABASE_URL: url.toString(),
          WEB_CONCURRENCY: '2',
          DEMO_CATALOGUE_COUNT: '30',
        });
        // The first process prepares the data once, then both web processes listen.
        while ((server.output().match(/is running at/g) ?? []).length < 2) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const pids = new Set([...server.output().matchAll(/process (\d+)\)/g)].map((match) => match[1]));
        assert.equal(pids.size, 2, server.output());
        assert.equal(
          (server.output().match(/demonstration catalogue of 30 listings built/g) ?? []).length,
          1,
        );
        const answers = await Promise.all(
          Array.from({ length: 40 }, () =>
            fetch(`${server.url}/en/search?q=nurse`).then((response) => response.status),
          ),
        );
        assert.ok(answers.every((status) => status === 200));
        assert.equal(await server.stop('SIGTERM'), 0, server.output().slice(-2000));
        assert.equal((server.output().match(/shutdown complete/g) ?? []).length, 2);
      } finally {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    });
  },
);

describe('npm run db:migrate', () => {
  test('applies the migrations once; a second run applies none', async () => {
    const dataDir = tmp();
    const first = runProcess({ DATA_DIR: dataDir }, 'src/cli/migrate.ts');
    assert.equal(await first.exited, 0, first.output());
    assert.match(first.output(), /^Migrations: [1-9]\d* applied, [1-9]\d* in total, on embedded PGlite at /m);
    const second = runProcess({ DATA_DIR: dataDir }, 'src/cli/migrate.ts');
    assert.equal(await second.exited, 0, second.output());
    assert.match(second.output(), /^Migrations: 0 applied, [1-9]\d* in total/m);
  });
});
