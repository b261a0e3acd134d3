import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Ladder reads, parsed once at start from the environment.
 * Names are the environment variable names; docs/configuration.md describes each one.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const port = z.coerce
  .number({ error: 'must be a whole number between 1 and 65535' })
  .int('must be a whole number between 1 and 65535')
  .min(1, 'must be a whole number between 1 and 65535')
  .max(65535, 'must be a whole number between 1 and 65535');

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int(`must be ${what}`)
    .min(0, `must be ${what}`);

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database' },
);

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search;
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) origin such as https://ladder.example.ca (no path or query)' },
);

const hexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a1a1a')
  .refine((value) => contrastWithWhite(value) >= 4.5, {
    message: 'must be dark enough for white text (contrast 4.5:1 or more, WCAG AA)',
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1, 'must not be empty').default('localhost'),
    BASE_URL: httpUrl.optional(),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
    LMI_DIR: z.string().min(1, 'must not be empty').optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d+)$/, 'must be true, false or the number of proxy hops')
      .default('false'),
    RATE_LIMIT_MAX: positiveInt('a whole number of requests per minute (0 turns the limit off)').default(600),
    SHUTDOWN_DRAIN_MS: positiveInt('a whole number of milliseconds').default(250),
    SHUTDOWN_TIMEOUT_MS: positiveInt('a whole number of milliseconds').default(10_000),
    WEB_CONCURRENCY: positiveInt('a whole number of web processes').default(1),
    BRAND_NAME: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(60, 'must be 60 characters or fewer')
      .default('Ladder'),
    BRAND_COLOUR: hexColour.default('#1a1a1a'),
    BRAND_LOGO_FILE: z.string().min(1).optional(),
    HSTS: booleanFlag.optional(),
    DEMO_CATALOGUE: booleanFlag.default(true),
    DEMO_CATALOGUE_COUNT: positiveInt('a whole number of listings').default(2600),
    FEED_MAX_MB: positiveInt('a whole number of megabytes').default(50),
    OSAP_MAX_WEEKS: positiveInt('a whole number of weeks').default(11),
    OSAP_MIN_HOURS: positiveInt('a whole number of hours').optional(),
    OSAP_MAX_HOURS: positiveInt('a whole number of hours').optional(),
  })
  .strip();

/** Variables with these prefixes belong to Ladder: an unknown one is a typo, not something to ignore. */
const OWN_PREFIXES = ['BRAND_', 'LADDER_', 'DEMO_', 'OSAP_', 'FEED_'];

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  lmiDir: string | undefined;
  sessionSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean | number;
  rateLimitPerMinute: number;
  /** After SIGTERM, how long /readyz says "unavailable" while still serving, before the listener closes. */
  shutdownDrainMs: number;
  /** Hard limit for the whole shutdown. */
  shutdownTimeoutMs: number;
  /** Web processes serving the port (PostgreSQL only: the embedded database serves one process). */
  webConcurrency: number;
  brand: { name: string; colour: string; logoFile: string | undefined };
  hsts: boolean;
  catalogue: {
    /** Create the demonstration catalogue at start when the catalogue is empty. */
    demo: boolean;
    demoCount: number;
    /** Largest feed file accepted, in bytes. */
    feedMaxBytes: number;
    osap: { maxWeeks: number; minHours: number | undefined; maxHours: number | undefined };
  };
}>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a Config, throwing ConfigError naming the first bad variable.
 * `cwd` anchors relative paths (DATA_DIR, LMI_DIR, BRAND_LOGO_FILE).
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config {
  const known = new Set(Object.keys(envSchema.shape));
  for (const name of Object.keys(env)) {
    if (OWN_PREFIXES.some((prefix) => name.startsWith(prefix)) && !known.has(name)) {
      const suggestion = [...known].find((candidate) => similar(candidate, name));
      throw new ConfigError(
        name,
        `is not a Ladder setting${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      );
    }
  }
  // An empty variable means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => known.has(name) && value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const given = present[variable];
    const shown =
      variable === 'SESSION_SECRET' || variable === 'DATABASE_URL' ? '' : ` (got "${given ?? ''}")`;
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const lmiDir = e.LMI_DIR === undefined ? undefined : path.resolve(cwd, e.LMI_DIR);
  if (lmiDir !== undefined && !existsSync(lmiDir)) {
    throw new ConfigError('LMI_DIR', `points to a folder that does not exist (${lmiDir})`);
  }
  const logoFile = e.BRAND_LOGO_FILE === undefined ? undefined : path.resolve(cwd, e.BRAND_LOGO_FILE);
  if (logoFile !== undefined && !/\.(svg|png)$/i.test(logoFile)) {
    throw new ConfigError('BRAND_LOGO_FILE', 'must be an .svg or .png file');
  }
  if (logoFile !== undefined && !existsSync(logoFile)) {
    throw new ConfigError('BRAND_LOGO_FILE', `points to a file that does not exist (${logoFile})`);
  }
  if (e.WEB_CONCURRENCY > 1 && e.DATABASE_URL === undefined) {
    throw new ConfigError(
      'WEB_CONCURRENCY',
      'above 1 needs DATABASE_URL: the embedded database serves one process',
    );
  }
  if (e.WEB_CONCURRENCY < 1 || e.WEB_CONCURRENCY > 64) {
    throw new ConfigError('WEB_CONCURRENCY', `must be between 1 and 64 (got "${e.WEB_CONCURRENCY}")`);
  }
  if (e.NODE_ENV === 'production' && e.SESSION_SECRET === undefined) {
    throw new ConfigError('SESSION_SECRET', 'must be set in production (32 or more random characters)');
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}/`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database:
      e.DATABASE_URL === undefined
        ? { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }
        : { kind: 'postgres', url: e.DATABASE_URL },
    dataDir,
    lmiDir,
    sessionSecret: e.SESSION_SECRET ?? localSessionSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : Number(e.TRUST_PROXY),
    rateLimitPerMinute: e.RATE_LIMIT_MAX,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    webConcurrency: e.WEB_CONCURRENCY,
    brand: { name: e.BRAND_NAME, colour: e.BRAND_COLOUR.toLowerCase(), logoFile },
    hsts: e.HSTS ?? baseUrl.startsWith('https:'),
    catalogue: {
      demo: e.DEMO_CATALOGUE,
      demoCount: e.DEMO_CATALOGUE_COUNT,
      feedMaxBytes: e.FEED_MAX_MB * 1024 * 1024,
      osap: { maxWeeks: e.OSAP_MAX_WEEKS, minHours: e.OSAP_MIN_HOURS, maxHours: e.OSAP_MAX_HOURS },
    },
  };
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept in DATA_DIR (mode 0600),
 * so `npm start` works on a fresh clone and sessions survive restarts.
 */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** WCAG relative-luminance contrast of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** True when two names differ by one edit or by the COLOR/COLOUR spelling. */
function similar(a: string, b: string): boolean {
  if (a.replace('COLOUR', 'COLOR') === b.replace('COLOUR', 'COLOR')) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}
