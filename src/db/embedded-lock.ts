import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite runs inside this process and does not lock its data directory: two processes on one
 * directory would corrupt it. This lock file (created with O_EXCL) records the owner's PID; a lock
 * left by a process that no longer runs is taken over.
 */
export class EmbeddedLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): EmbeddedLock {
    const file = path.join(dataDir, 'ladder.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        writeSync(
          fd,
          JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
        );
        closeSync(fd);
        return new EmbeddedLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = readOwner(file);
        // A second open in this same process is refused too: two PGlite instances on one folder corrupt it.
        if (owner && owner.host === hostname() && isRunning(owner.pid)) {
          throw new EmbeddedLockedError(dataDir, owner.pid);
        }
        if (owner && owner.host !== hostname()) throw new EmbeddedLockedError(dataDir, owner.pid, owner.host);
        rmSync(file, { force: true }); // stale: its process is gone
      }
    }
    throw new EmbeddedLockedError(dataDir, undefined);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

export class EmbeddedLockedError extends Error {
  constructor(dataDir: string, pid: number | undefined, host?: string) {
    super(
      `the embedded database at ${dataDir} is in use by another Ladder process` +
        (pid === undefined ? '' : ` (pid ${pid}${host ? ` on ${host}` : ''})`) +
        '; stop it first, or set DATA_DIR to another folder',
    );
    this.name = 'EmbeddedLockedError';
  }
}

function readOwner(file: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
