import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions, type Portal } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';

/**
 * The portal as production builds it, on a test database, with its own temporary DATA_DIR, no
 * request logs (unless `options` asks for them) and no rate limit unless `env` sets one.
 */
export async function testPortal(
  database: Database,
  env: Record<string, string> = {},
  options: AppOptions = { logger: false },
): Promise<Portal> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-test-')),
    SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
    RATE_LIMIT_MAX: '0',
    ...env,
  });
  return createApp(config, database, options);
}
