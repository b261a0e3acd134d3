import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { createApp, type Portal } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { redact, type Database } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { importLmi } from '../src/lmi/import/runner.ts';
import { LMI_SOURCES } from '../src/lmi/sources/index.ts';
import { dayNumber } from '../src/search/documents.ts';
import { filtersOf, searchParams } from '../src/search/params.ts';
import { SearchRepository } from '../src/search/repository.ts';
import type { ProgramSearchParams } from '../src/search/service.ts';
import { PAGE_SIZE } from '../src/web/api/search.ts';
import { href } from '../src/web/routes.ts';
import { benchEngines, quantile } from './engines.ts';
import { MiniSearchPeer, NaivePostgresSearch, searchDocuments, type PeerResult } from './search-peers.ts';

/**
 * `npm run bench:search -- --dir <LMI folder> [--programs 2600,100000] [--iterations N]
 *   [--peer-iterations N] [--runs N] [--postgres postgres://…] [--engines pglite,postgres]
 *   [--load-seconds 10] [--warm-up-seconds 15] [--connections 20] [--web-processes 1]
 *   [--queries bench/search-queries.json]`
 *
 * On each engine, with the real LMI loaded and the demo catalogue generated at each size: the fixed
 * query mix (bench/search-queries.json) through SearchService (search and suggestions), through HTTP
 * (the JSON API, the suggest API and the search page), and through the peers on the same documents
 * and queries (the naive PostgreSQL full-text search and MiniSearch in memory); then autocannon on
 * the search page (with `--web-processes N` on PostgreSQL, against the portal started as `npm start`
 * with WEB_CONCURRENCY=N instead of the in-process server). Prints p50/p95/p99 per query class, the peers' ratios, the targets of issue 6
 * and a one-line summary. Figures are milliseconds unless stated.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.LMI_DIR },
    programs: { type: 'string', default: '2600' },
    iterations: { type: 'string' },
    'peer-iterations': { type: 'string' },
    runs: { type: 'string', default: '1' },
    postgres: { type: 'string', default: process.env.DATABASE_URL },
    engines: { type: 'string', default: 'pglite,postgres' },
    'load-seconds': { type: 'string', default: '10' },
    'warm-up-seconds': { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    'web-processes': { type: 'string', default: '1' },
    queries: { type: 'string', default: fileURLToPath(new URL('./search-queries.json', import.meta.url)) },
  },
});

function usage(message: string): never {
  console.error(`bench:search: ${message}`);
  process.exit(2);
}

if (!values.dir) usage('give the LMI folder with --dir or LMI_DIR (the real LMI, e.g. ../shared/lmi).');
const lmiDir = path.resolve(values.dir);
if (!existsSync(lmiDir)) usage(`the LMI folder ${lmiDir} does not exist (--dir or LMI_DIR).`);
const whole = (name: string, text: string | undefined, min: number): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min) usage(`--${name} must be a whole number of at least ${min}.`);
  return value;
};
const sizes = values.programs.split(',').map((item) => whole('programs', item.trim(), 1) ?? 0);
const runs = whole('runs', values.runs, 1) ?? 1;
const loadSeconds = whole('load-seconds', values['load-seconds'], 0) ?? 10;
/** Load before the measured run, so the portal is measured in its steady state (JIT, heap grown). */
const warmUpSeconds = whole('warm-up-seconds', values['warm-up-seconds'], 0) ?? 15;
const connections = whole('connections', values.connections, 1) ?? 20;
const webProcesses = whole('web-processes', values['web-processes'], 1) ?? 1;
const wanted = values.engines.split(',').map((item) => item.trim().toLowerCase());
if (wanted.includes('postgres') && !values.postgres && !wanted.includes('pglite'))
  usage('--engines postgres needs --postgres <url> or DATABASE_URL.');
const engines = benchEngines(values.postgres).filter((engine) =>
  wanted.some((name) => engine.name.toLowerCase().includes(name === 'postgres' ? 'postgresql' : name)),
);
if (engines.length === 0) usage(`--engines ${values.engines} names no engine (pglite, postgres).`);
/** Timed calls per class: a few hundred at catalogue size, fewer at 100,000 so a run stays short. */
const iterationsFor = (programs: number) =>
  whole('iterations', values.iterations, 1) ?? (programs <= 10_000 ? 300 : 100);
/** The peers are one to three orders of magnitude slower; fewer calls give their ratios as well. */
const peerIterationsFor = (programs: number) =>
  whole('peer-iterations', values['peer-iterations'], 1) ?? (programs <= 10_000 ? 100 : 30);

// ---------------------------------------------------------------------------------------------
// The query mix

const parameterValue = z.union([z.string(), z.array(z.string()).min(1)]);
const mixFile = z.object({
  about: z.string(),
  classes: z
    .array(
      z.object({
        name: z.string().min(1),
        about: z.string(),
        lang: z.enum(['en', 'fr']),
        queries: z.array(z.record(z.string(), parameterValue)).min(1),
      }),
    )
    .min(1),
});

interface MixQuery {
  /** The parameters as the JSON file gives them, for the page and API URLs. */
  query: string;
  service: ProgramSearchParams;
  lang: 'en' | 'fr';
  /** What a person has typed on the way to `q`: prefixes of its words. */
  prefixes: string[];
}

interface MixClass {
  name: string;
  queries: MixQuery[];
}

/** Prefixes typed on the way to a query: three letters, about half, all but the last letter. */
function prefixesOf(text: string): string[] {
  const lengths = [3, Math.ceil(text.length / 2), text.length - 1];
  const found = lengths.map((length) => text.slice(0, length).trim()).filter((prefix) => prefix.length >= 2);
  return [...new Set(found)];
}

function loadMix(file: string): MixClass[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    usage(`cannot read the query mix ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = mixFile.safeParse(json);
  if (!parsed.success) usage(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.classes.map((mixClass) => ({
    name: mixClass.name,
    queries: mixClass.queries.map((raw, index) => {
      const params = searchParams.strict().safeParse(raw);
      if (!params.success) {
        const issue = params.error.issues[0];
        usage(
          `${file}: class "${mixClass.name}", query ${index + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
        );
      }
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(raw)) {
        for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
      }
      const q = params.data.q;
      return {
        query: search.toString(),
        service: {
          q,
          lang: mixClass.lang,
          filters: filtersOf(params.data),
          sort: params.data.sort,
          page: params.data.page,
          pageSize: PAGE_SIZE,
        },
        lang: mixClass.lang,
        prefixes: q === undefined || q === '' ? [] : prefixesOf(q),
      };
    }),
  }));
}

const mix = loadMix(path.resolve(values.queries));

// ---------------------------------------------------------------------------------------------
// Timing and reporting

interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
  };
}

/**
 * Times `run` over the items in turn, `iterations` calls per run, `runs` times, each run after a
 * warm-up of `warmup` passes over the items (at least 10 calls when warming up); returns every
 * call's milliseconds.
 */
async function sample<T>(
  items: readonly T[],
  iterations: number,
  run: (item: T) => unknown,
  warmup = 2,
): Promise<number[]> {
  const samples: number[] = [];
  if (items.length === 0) return samples;
  const item = (index: number): T => items[index % items.length] as T;
  for (let round = 0; round < runs; round++) {
    const warming = warmup === 0 && round === 0 ? 0 : Math.max(10, items.length * Math.max(1, warmup));
    for (let i = 0; i < warming; i++) await run(item(i));
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await run(item(i));
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

const ms = (value: number) =>
  Number.isNaN(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : value.toFixed(0);
const triple = (value: Stats | undefined) =>
  value === undefined || value.count === 0 ? '–' : `${ms(value.p50)} / ${ms(value.p95)} / ${ms(value.p99)}`;
const times = (value: number) => `×${value.toFixed(value < 10 ? 1 : 0)}`;
const ratio = (peer: Stats, ours: Stats) =>
  ours.count === 0 || peer.count === 0
    ? '–'
    : `${times(peer.p50 / ours.p50)} / ${times(peer.p95 / ours.p95)}`;
const percent = (share: number) => `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`;
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-CA');
const benchStarted = performance.now();
function progress(line: string): void {
  process.stderr.write(`[${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}
function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

interface ClassResult {
  name: string;
  queries: number;
  shares: number[];
  matches: { ours: number; naive: number; mini: number };
  search: number[];
  suggest: number[];
  api: number[];
  suggestApi: number[];
  page: number[];
  naive: number[];
  mini: number[];
}

interface LoadResult {
  requests: number;
  perSecond: number;
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

interface SizeResult {
  engine: string;
  programs: number;
  classes: ClassResult[];
  load: (LoadResult & { processes: number }) | undefined;
  /** The mix's pages compressed as the portal could: time a page and size, per setting. */
  compression: { setting: string; ms: number; kb: number }[];
  pageKb: number;
  targets: { label: string; met: boolean; detail: string }[];
}

const TARGETS: Record<
  number,
  { search: number; suggest: number; load?: { perSecond: number; p99: number } }
> = {
  2600: { search: 5, suggest: 3, load: { perSecond: 500, p99: 50 } },
  100_000: { search: 25, suggest: 5 },
};

function evaluate(result: Omit<SizeResult, 'targets'>): SizeResult['targets'] {
  const target = TARGETS[result.programs];
  if (target === undefined) return [];
  const targets: SizeResult['targets'] = [];
  const worst = result.classes
    .map((item) => ({ name: item.name, p95: stats(item.search).p95 }))
    .sort((a, b) => b.p95 - a.p95);
  const missed = worst.filter((item) => item.p95 > target.search);
  targets.push({
    label: `full search p95 ≤ ${target.search} ms in every class`,
    met: missed.length === 0,
    detail:
      missed.length === 0
        ? `worst class ${worst[0]?.name ?? '–'} ${ms(worst[0]?.p95 ?? Number.NaN)} ms`
        : missed
            .map(
              (item) =>
                `${item.name} ${ms(item.p95)} ms (+${ms(item.p95 - target.search)} ms, ${((item.p95 / target.search - 1) * 100).toFixed(0)}% over)`,
            )
            .join('; '),
  });
  const suggest = stats(result.classes.flatMap((item) => item.suggest));
  targets.push({
    label: `suggestions p95 ≤ ${target.suggest} ms`,
    met: suggest.p95 <= target.suggest,
    detail: `${ms(suggest.p95)} ms over all classes`,
  });
  if (target.load !== undefined && result.load !== undefined) {
    const { load } = result;
    targets.push({
      label: `search page ≥ ${target.load.perSecond} requests/s with p99 ≤ ${target.load.p99} ms (${connections} connections, ${load.processes} web process${load.processes === 1 ? '' : 'es'})`,
      met:
        load.perSecond >= target.load.perSecond &&
        load.latency.p99 <= target.load.p99 &&
        load.errors + load.non2xx === 0,
      detail: `${load.perSecond.toFixed(0)} requests/s, p99 ${load.latency.p99} ms, ${load.errors} errors, ${load.non2xx} non-2xx`,
    });
  }
  return targets;
}

function report(result: SizeResult, builds: string): void {
  const all = (pick: (item: ClassResult) => number[]) => stats(result.classes.flatMap(pick));
  const shareOf = (shares: number[]) =>
    shares.length === 0
      ? '–'
      : `${percent(shares.reduce((a, b) => a + b, 0) / shares.length)} (${percent(Math.min(...shares))}–${percent(Math.max(...shares))})`;
  console.log(`\n### ${result.engine}, ${count(result.programs)} programs\n`);
  console.log(`${builds}\n`);
  console.log(
    table(
      [
        'class',
        'queries',
        'programs matched: mean (min–max)',
        'search p50 / p95 / p99',
        'suggest',
        'API search',
        'API suggest',
        'search page',
      ],
      [
        ...result.classes.map((item) => [
          item.name,
          String(item.queries),
          shareOf(item.shares),
          triple(stats(item.search)),
          triple(stats(item.suggest)),
          triple(stats(item.api)),
          triple(stats(item.suggestApi)),
          triple(stats(item.page)),
        ]),
        [
          '**all**',
          String(result.classes.reduce((sum, item) => sum + item.queries, 0)),
          shareOf(result.classes.flatMap((item) => item.shares)),
          triple(all((item) => item.search)),
          triple(all((item) => item.suggest)),
          triple(all((item) => item.api)),
          triple(all((item) => item.suggestApi)),
          triple(all((item) => item.page)),
        ],
      ],
    ),
  );
  console.log('');
  console.log(
    table(
      [
        'class',
        'mean matches: ours / naive / MiniSearch',
        'naive PostgreSQL p50 / p95 / p99',
        'naive ÷ ours (p50 / p95)',
        'MiniSearch p50 / p95 / p99',
        'MiniSearch ÷ ours (p50 / p95)',
      ],
      [
        ...result.classes.map((item) => [
          item.name,
          `${count(Math.round(item.matches.ours))} / ${count(Math.round(item.matches.naive))} / ${count(Math.round(item.matches.mini))}`,
          triple(stats(item.naive)),
          ratio(stats(item.naive), stats(item.search)),
          triple(stats(item.mini)),
          ratio(stats(item.mini), stats(item.search)),
        ]),
        [
          '**all**',
          '',
          triple(all((item) => item.naive)),
          ratio(
            all((item) => item.naive),
            all((item) => item.search),
          ),
          triple(all((item) => item.mini)),
          ratio(
            all((item) => item.mini),
            all((item) => item.search),
          ),
        ],
      ],
    ),
  );
  console.log(
    `\nCompressing the mix's ${count(mix.reduce((sum, item) => sum + item.queries.length, 0))} search pages (${result.pageKb.toFixed(1)} KB on average; the portal sends brotli quality 1, src/web/server.ts): ` +
      result.compression
        .map((item) => `${item.setting} ${ms(item.ms)} ms a page for ${item.kb.toFixed(1)} KB`)
        .join(' · ') +
      '.',
  );
  if (result.load !== undefined) {
    const { load } = result;
    console.log(
      `\nSearch page under load (autocannon, ${connections} connections, ${load.processes} web process${load.processes === 1 ? '' : 'es'}, ${loadSeconds} s after ${warmUpSeconds} s of the same load, the mix's ${mix.reduce((sum, item) => sum + item.queries.length, 0)} pages in turn): ` +
        `**${load.perSecond.toFixed(0)} requests/s**, latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms; ` +
        `${count(load.requests)} requests, ${load.errors} errors, ${load.non2xx} non-2xx.`,
    );
  }
  if (result.targets.length > 0) {
    console.log('\nTargets (issue 6):\n');
    for (const target of result.targets)
      console.log(`- ${target.met ? 'met' : '**missed**'}: ${target.label}: ${target.detail}`);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function fetchText(origin: string, target: string): Promise<string> {
  const response = await fetch(`${origin}${target}`);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${target} answered ${response.status}: ${body.slice(0, 200)}`);
  return body;
}

const loadOutput = z.object({
  requests: z.number(),
  perSecond: z.number(),
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
});

/**
 * The portal as `npm start` runs it with WEB_CONCURRENCY web processes, on the benchmark's database
 * (data already written, so no import or demo at start): resolves with its origin once every
 * process listens, and stops it after `run`. Request logs stay on, as in production.
 */
async function withPortalProcesses<T>(
  databaseUrl: string,
  processes: number,
  run: (origin: string) => Promise<T>,
): Promise<T> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    // The same flags as `npm start` (package.json).
    [
      '--max-semi-space-size=64',
      '--import',
      import.meta.resolve('tsx'),
      fileURLToPath(new URL('../src/main.ts', import.meta.url)),
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        WEB_CONCURRENCY: String(processes),
        PORT: String(port),
        HOST: '127.0.0.1',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        RATE_LIMIT_MAX: '0',
        DEMO_CATALOGUE: 'false',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-bench-')),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    // Kept only until every process listens; later request logs are read and dropped.
    if (output.length < 1_000_000) output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const started = Date.now();
    while ((output.match(/is running at/g) ?? []).length < processes) {
      if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}:\n${output}`);
      if (Date.now() - started > 300_000)
        throw new Error(`the portal did not start:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** autocannon in a child process (bench/search-load.ts), so load and server do not share a thread. */
async function loadTest(origin: string, paths: string[], duration = loadSeconds): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./search-load.ts', import.meta.url));
  const input = JSON.stringify({
    origin,
    paths,
    connections,
    seconds: duration,
    // What a browser sends: compressed pages, as a visitor gets them.
    headers: { 'accept-encoding': 'br, gzip', accept: 'text/html' },
  });
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, input], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`the load test (bench/search-load.ts) exited with ${code}`);
  return loadOutput.parse(JSON.parse(output.trim()));
}

/**
 * The same load, unmeasured, before the measured run: a freshly started process is slower for its
 * first ten seconds or so (optimising compiler, heap growing to its working size, the garbage of the
 * index build collected), which is not what a running portal serves with.
 */
async function warmUp(origin: string, paths: string[]): Promise<void> {
  if (warmUpSeconds > 0) await loadTest(origin, paths, warmUpSeconds);
}

/**
 * What compressing a page costs at the settings the portal could use (its own: brotli quality 1 with a
 * 256 KB window, in one synchronous call): the mean time a page over ten passes, after three of every
 * setting unmeasured.
 */
function compressionCosts(pages: string[]): Pick<SizeResult, 'compression' | 'pageKb'> {
  const brotli = (quality: number) => (page: string) =>
    brotliCompressSync(page, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_LGWIN]: 18 },
    });
  const settings: [string, (page: string) => Buffer][] = [
    ['brotli 1', brotli(1)],
    ['brotli 2', brotli(2)],
    ['brotli 4', brotli(4)],
    ['gzip 6', (page) => gzipSync(page, { level: 6 })],
  ];
  // Every setting once before any is timed: the first compressions of a process are slower (buffers).
  for (const [, compress] of settings)
    for (let pass = 0; pass < 3; pass++) for (const page of pages) compress(page);
  const compression = settings.map(([setting, compress]) => {
    let bytes = 0;
    const started = performance.now();
    for (let pass = 0; pass < 10; pass++) for (const page of pages) bytes += compress(page).length;
    const calls = 10 * pages.length;
    return { setting, ms: (performance.now() - started) / calls, kb: bytes / calls / 1024 };
  });
  const pageKb = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / pages.length / 1024;
  return { compression, pageKb };
}

// ---------------------------------------------------------------------------------------------
// The run

async function measure(
  engineName: string,
  portal: Portal,
  database: Database,
  programs: number,
  origin: string,
  builds: string[],
  databaseUrl: string | undefined,
): Promise<SizeResult> {
  const { search } = portal.services;
  const iterations = iterationsFor(programs);
  const peerIterations = peerIterationsFor(programs);
  const label = `${engineName} · ${count(programs)}`;
  const classes: ClassResult[] = [];
  for (const mixClass of mix) {
    const shares: number[] = [];
    let total = 0;
    for (const query of mixClass.queries) {
      const result = await search.search(query.service);
      shares.push(result.total / programs);
      total += result.total;
    }
    classes.push({
      name: mixClass.name,
      queries: mixClass.queries.length,
      shares,
      matches: { ours: total / mixClass.queries.length, naive: 0, mini: 0 },
      search: [],
      suggest: [],
      api: [],
      suggestApi: [],
      page: [],
      naive: [],
      mini: [],
    });
  }
  const common = mix.findIndex((item) => item.name === 'common');
  const commonShares = classes[common]?.shares ?? [];
  const low = commonShares.flatMap((share, index) =>
    share > 0.3 ? [] : [`"${mix[common]?.queries[index]?.service.q ?? ''}" ${percent(share)}`],
  );
  if (common < 0) {
    console.error(`WARNING: the query mix has no "common" class to check (over 30% of programs)`);
  } else if (low.length > 0) {
    console.error(`WARNING: ${label}: "common" queries matching 30% of programs or less: ${low.join(', ')}`);
  } else {
    progress(
      `${label}: every "common" query matches over 30% of programs (least ${percent(Math.min(...commonShares))})`,
    );
  }

  const phase = async (
    name: string,
    calls: number,
    run: (mixClass: MixClass, result: ClassResult) => Promise<void>,
  ) => {
    const started = performance.now();
    progress(`${label}: timing ${name} (${calls} calls per class after a warm-up, ${runs} run(s))`);
    for (const [index, mixClass] of mix.entries()) {
      const result = classes[index];
      if (result !== undefined) await run(mixClass, result);
    }
    progress(`${label}: ${name} done in ${seconds(started)}`);
  };
  const suggestions = (mixClass: MixClass) =>
    mixClass.queries.flatMap((query) => query.prefixes.map((prefix) => ({ prefix, lang: query.lang })));

  await phase('service search', iterations, async (mixClass, result) => {
    result.search = await sample(mixClass.queries, iterations, (query) => search.search(query.service));
  });
  await phase('service suggest', iterations, async (mixClass, result) => {
    result.suggest = await sample(suggestions(mixClass), iterations, (item) =>
      search.suggest(item.prefix, item.lang, 8),
    );
  });
  await phase('HTTP API search', iterations, async (mixClass, result) => {
    result.api = await sample(mixClass.queries, iterations, (query) =>
      fetchText(origin, `/api/v1/programs?${query.query}`),
    );
  });
  await phase('HTTP API suggest', iterations, async (mixClass, result) => {
    result.suggestApi = await sample(suggestions(mixClass), iterations, (item) =>
      fetchText(
        origin,
        `/api/v1/suggest?${new URLSearchParams({ q: item.prefix, lang: item.lang }).toString()}`,
      ),
    );
  });
  await phase('HTTP search page', iterations, async (mixClass, result) => {
    result.page = await sample(mixClass.queries, iterations, (query) =>
      fetchText(origin, href('search', query.lang, {}, query.query)),
    );
  });
  const pageBodies = await Promise.all(
    mix.flatMap((mixClass) =>
      mixClass.queries.map((query) => fetchText(origin, href('search', query.lang, {}, query.query))),
    ),
  );
  const { compression, pageKb } = compressionCosts(pageBodies);
  let load: SizeResult['load'];
  if (loadSeconds > 0) {
    const started = performance.now();
    const pages = mix.flatMap((mixClass) =>
      mixClass.queries.map((query) => href('search', query.lang, {}, query.query)),
    );
    // Several web processes need a database server (the embedded one serves one process).
    const processes = databaseUrl === undefined ? 1 : webProcesses;
    progress(
      `${label}: load test on the search page (${connections} connections, ${processes} web processes, ${warmUpSeconds} s warm-up, ${loadSeconds} s)`,
    );
    load = {
      ...(processes > 1 && databaseUrl !== undefined
        ? await withPortalProcesses(databaseUrl, processes, async (processOrigin) => {
            await warmUp(processOrigin, pages);
            return loadTest(processOrigin, pages);
          })
        : await (async () => {
            await warmUp(origin, pages);
            return loadTest(origin, pages);
          })()),
      processes,
    };
    progress(`${label}: load test done in ${seconds(started)} (${load.perSecond.toFixed(0)} requests/s)`);
  }

  // The peers, on the same documents, after ours (their indexes would otherwise weigh on our heap).
  let started = performance.now();
  const day = dayNumber(new Date().toISOString().slice(0, 10));
  const documents = await searchDocuments(new SearchRepository(database.db), day);
  const naive = await NaivePostgresSearch.create(database.db, documents);
  builds.push(`naive table and GIN index ${seconds(started)}`);
  progress(`${label}: naive PostgreSQL table built (${seconds(started)})`);
  // One untimed pass per class counts the peer's matches and warms it up (peers are slow at 100,000).
  const peerMatches = async (
    run: (query: MixQuery) => PeerResult | Promise<PeerResult>,
    set: (result: ClassResult, mean: number) => void,
  ) => {
    for (const [index, mixClass] of mix.entries()) {
      let total = 0;
      for (const query of mixClass.queries) total += (await run(query)).total;
      const result = classes[index];
      if (result !== undefined) set(result, total / mixClass.queries.length);
    }
  };
  const runNaive = (query: MixQuery) =>
    naive.search(
      query.service.q,
      query.service.filters,
      query.service.sort,
      (query.service.page - 1) * PAGE_SIZE,
      PAGE_SIZE,
    );
  await peerMatches(runNaive, (result, mean) => {
    result.matches.naive = mean;
  });
  await phase('naive PostgreSQL', peerIterations, async (mixClass, result) => {
    result.naive = await sample(mixClass.queries, peerIterations, runNaive, 0);
  });
  await naive.drop();

  started = performance.now();
  const mini = new MiniSearchPeer(documents);
  builds.push(`MiniSearch index ${seconds(started)}`);
  progress(`${label}: MiniSearch index built (${seconds(started)})`);
  const runMini = (query: MixQuery) =>
    mini.search(
      query.service.q,
      query.service.filters,
      query.service.sort,
      (query.service.page - 1) * PAGE_SIZE,
      PAGE_SIZE,
    );
  await peerMatches(runMini, (result, mean) => {
    result.matches.mini = mean;
  });
  await phase('MiniSearch', peerIterations, async (mixClass, result) => {
    result.mini = await sample(mixClass.queries, peerIterations, runMini, 0);
  });

  const partial = { engine: engineName, programs, classes, load, compression, pageKb };
  const result = { ...partial, targets: evaluate(partial) };
  report(
    result,
    `Built in: ${builds.join(' · ')}. Timed calls per class: ${iterations * runs} (peers ${peerIterations * runs}).`,
  );
  return result;
}

const results: SizeResult[] = [];
const startDate = new Date().toISOString().slice(0, 10);
console.log(
  `## npm run bench:search -- ${process.argv
    .slice(2)
    .map((arg) => (/^postgres(ql)?:/.test(arg) ? `postgres://${redact(arg)}` : arg))
    .join(' ')}\n\n` +
    `${startDate}, Node ${process.version}, ${engines.map((engine) => engine.name).join(' and ')}; ${mix.length} query classes, ` +
    `${mix.reduce((sum, item) => sum + item.queries.length, 0)} queries. Milliseconds unless stated; "suggest" times prefixes of each query's words.`,
);
// Interrupted, the run still removes its throwaway database (PostgreSQL) or folder (PGlite).
let interrupted: (() => Promise<void>) | undefined;
/** Set by SIGINT or SIGTERM (an object: the flag changes in a callback). */
const signalled = { stopping: false };
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    signalled.stopping = true;
    console.error(`bench:search: ${signal}, removing the benchmark database`);
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    void Promise.race([interrupted?.().catch(() => undefined), timeout]).finally(() => process.exit(130));
  });
}

async function runEngines(): Promise<void> {
  for (const engine of engines) {
    const startedEngine = performance.now();
    progress(`${engine.name}: creating the database`);
    const created = await engine.create();
    interrupted = () => created.dispose();
    const { database } = created;
    let portal: Portal | undefined;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ladder-bench-'));
    try {
      await runMigrations(database);
      let started = performance.now();
      const summaries = await importLmi(database.db, lmiDir, LMI_SOURCES);
      for (const summary of summaries.filter((item) => item.status === 'failed')) {
        console.error(`WARNING: LMI source ${summary.source} was not loaded: ${summary.message ?? 'failed'}`);
      }
      const lmiTime = seconds(started);
      progress(`${engine.name}: LMI imported from ${lmiDir} (${lmiTime})`);
      const config = loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        // The load test comes from one address: no rate limit. Request logs off (warn and above only).
        RATE_LIMIT_MAX: '0',
        LOG_LEVEL: 'warn',
        DEMO_CATALOGUE: 'false',
        FEED_MAX_MB: '2000',
      });
      portal = await createApp(config, database);
      await portal.services.lmi.refresh();
      await portal.services.catalogue.seedDirectory();
      const origin = (await portal.server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
      for (const programs of sizes) {
        started = performance.now();
        progress(`${engine.name}: writing ${count(programs)} demo programs`);
        await portal.services.catalogue.replaceDemo({ count: programs, seed: 1, startDate });
        const demoTime = seconds(started);
        progress(`${engine.name}: demo catalogue written (${demoTime})`);
        started = performance.now();
        await portal.services.search.refresh();
        const indexTime = seconds(started);
        progress(`${engine.name}: search index built (${indexTime})`);
        const builds = [`LMI ${lmiTime}`, `demo catalogue ${demoTime}`, `search index ${indexTime}`];
        results.push(await measure(engine.name, portal, database, programs, origin, builds, created.url));
      }
      progress(`${engine.name}: done in ${seconds(startedEngine)}`);
    } finally {
      interrupted = undefined;
      rmSync(dataDir, { recursive: true, force: true });
      // Interrupted: the signal handler removes the database.
      if (!signalled.stopping) {
        await portal?.server.close();
        await created.dispose();
      }
    }
  }
}

try {
  await runEngines();
} catch (error) {
  // Interrupted: queries fail as the database goes; the signal handler exits with status 130.
  if (!signalled.stopping) throw error;
}

if (!signalled.stopping) {
  const targets = results.flatMap((result) => result.targets.map((target) => ({ ...target, result })));
  const missed = targets.filter((target) => !target.met);
  console.log(
    `\nbench:search: ${results.length} run(s) (${results.map((result) => `${result.engine} ${count(result.programs)}`).join(', ')}) in ${seconds(benchStarted)}; ` +
      results
        .map((result) => {
          const search = stats(result.classes.flatMap((item) => item.search));
          const naive = stats(result.classes.flatMap((item) => item.naive));
          return `${result.engine} ${count(result.programs)}: search p95 ${ms(search.p95)} ms (naive ${times(naive.p95 / search.p95)})${result.load === undefined ? '' : `, page ${result.load.perSecond.toFixed(0)} req/s`}`;
        })
        .join('; ') +
      `; targets: ${targets.length - missed.length} of ${targets.length} met` +
      (missed.length === 0
        ? '.'
        : ` (missed: ${missed.map((target) => `${target.result.engine} ${count(target.result.programs)} ${target.label}`).join('; ')}).`),
  );
}
