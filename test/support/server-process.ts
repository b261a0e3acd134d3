import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** Runs a project command (`src/main.ts` by default) as `npm start` would, with its own DATA_DIR. */
export function runProcess(
  env: Record<string, string>,
  script = 'src/main.ts',
  args: string[] = [],
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  return { child, output: () => output, exited };
}

/** Starts the portal on a free port with PGlite in a temporary DATA_DIR; resolves once it listens. */
export async function startServer(
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const run = runProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-server-')),
    RATE_LIMIT_MAX: '0',
    ...env,
  });
  const started = Date.now();
  while (!run.output().includes('is running at')) {
    const code = await Promise.race([
      run.exited,
      new Promise((resolve) => {
        setTimeout(() => {
          resolve('waiting');
        }, 100);
      }),
    ]);
    if (code !== 'waiting')
      throw new Error(`server exited with ${String(code)} before listening:\n${run.output()}`);
    if (Date.now() - started > timeoutMs) {
      run.child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${run.output()}`);
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child: run.child,
    output: run.output,
    exited: run.exited,
    stop: async (signal = 'SIGTERM') => {
      if (run.child.exitCode === null) run.child.kill(signal);
      return run.exited;
    },
  };
}
