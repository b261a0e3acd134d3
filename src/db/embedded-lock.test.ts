import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EmbeddedLock, EmbeddedLockedError } from './embedded-lock.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'ladder-lock-'));

test('a lock is exclusive while held, including within one process, and free after release', () => {
  const dir = tmp();
  const lock = EmbeddedLock.acquire(dir);
  assert.throws(() => EmbeddedLock.acquire(dir), EmbeddedLockedError);
  lock.release();
  EmbeddedLock.acquire(dir).release();
  assert.equal(existsSync(path.join(dir, 'ladder.lock')), false);
});

test('a lock held by another running process names that process', () => {
  const dir = tmp();
  const other = spawn('sleep', ['30']);
  try {
    writeFileSync(path.join(dir, 'ladder.lock'), JSON.stringify({ pid: other.pid, host: hostname() }));
    assert.throws(
      () => EmbeddedLock.acquire(dir),
      new RegExp(`in use by another Ladder process \\(pid ${other.pid}\\)`),
    );
  } finally {
    other.kill();
  }
});

test('a lock left by a process that has exited is taken over', () => {
  const dir = tmp();
  const gone = spawnSync('true');
  writeFileSync(path.join(dir, 'ladder.lock'), JSON.stringify({ pid: gone.pid, host: hostname() }));
  EmbeddedLock.acquire(dir).release();
  writeFileSync(path.join(dir, 'ladder.lock'), 'not json');
  EmbeddedLock.acquire(dir).release();
});
