import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { selectRows, type Db } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { importLmi } from '../src/lmi/import/runner.ts';
import { LmiRepository } from '../src/lmi/repository.ts';
import { LMI_SOURCES } from '../src/lmi/sources/index.ts';
import { heldOutCases } from '../src/recommend/title-eval.ts';
import type { GapItem } from '../src/recommend/gap-programs.ts';
import { benchEngines, quantile } from './engines.ts';

/**
 * `npm run bench:recommend -- --dir <LMI folder> [--programs 2600,100000] [--iterations 200]
 *   [--postgres postgres://…] [--engines pglite,postgres]`
 *
 * On each engine, with the real LMI loaded and the demo catalogue generated at each size, times:
 *  - the job-title coder (`GET /api/v1/occupations/match`) on everyday titles and NOC example titles,
 *    against its peer, the trigram title search in SQL it replaces (`LmiRepository.searchTitles`);
 *  - the recommendation API (`GET /api/v1/recommendations`): a title alone, a profile with
 *    transitions, and a profile with a target (programs closing the gap and the best set), against
 *    the peer for the program part: the same gap ranked by one SQL query over the catalogue's tag
 *    table (GROUP BY program, ORDER BY covered weight).
 * Over HTTP on a listening server, one request at a time; prints p50/p95/p99 in milliseconds.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.LMI_DIR },
    programs: { type: 'string', default: '2600' },
    iterations: { type: 'string', default: '200' },
    postgres: { type: 'string', default: process.env.DATABASE_URL },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
if (!values.dir) {
  console.error('bench:recommend: give the LMI folder with --dir or LMI_DIR.');
  process.exit(2);
}
const lmiDir = path.resolve(values.dir);
const sizes = values.programs.split(',').map(Number);
const iterations = Math.max(10, Number(values.iterations) || 200);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('bench:recommend: --programs must be whole numbers, such as 2600,100000.');
  process.exit(2);
}
const wanted = new Set(values.engines.split(','));
const colloquial = parse<{ title: string }>(
  readFileSync(new URL('../test/fixtures/titles/colloquial.csv', import.meta.url)),
  { columns: true, bom: true },
).map((row) => row.title);

const ms = (started: number) => performance.now() - started;
function summary(name: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (q: number) => quantile(sorted, q).toFixed(2).padStart(8);
  return `${name.padEnd(46)} n=${String(sorted.length).padStart(4)}  p50 ${f(0.5)}  p95 ${f(0.95)}  p99 ${f(0.99)}`;
}

/** The naive peer: the gap ranked by one query over program_tag. */
async function sqlGapRanking(db: Db, gap: GapItem[]): Promise<number> {
  const skills = gap.filter((item) => item.kind === 'skill');
  const technologies = gap.filter((item) => item.kind === 'technology');
  const rows = await selectRows<{ id: string }>(
    db,
    sql`WITH skills(code, weight) AS (
          SELECT 'oasis:' || k, w FROM unnest(${sql.param(skills.map((item) => item.key))}::text[],
                                              ${sql.param(skills.map((item) => item.weight))}::float8[]) AS s(k, w)),
        technologies(name, weight) AS (
          SELECT lower(k), w FROM unnest(${sql.param(technologies.map((item) => item.key))}::text[],
                                         ${sql.param(technologies.map((item) => item.weight))}::float8[]) AS t(k, w)),
        hits AS (
          SELECT t.program_id, s.weight FROM program_tag t JOIN skills s ON t.kind = 'skill' AND t.code = s.code
          UNION ALL
          SELECT t.program_id, g.weight FROM program_tag t
            JOIN technologies g ON t.kind = 'technology' AND lower(t.label) = g.name)
        SELECT h.program_id AS id
          FROM hits h JOIN program p ON p.id = h.program_id AND p.status = 'published'
         GROUP BY h.program_id
         ORDER BY sum(h.weight) DESC, h.program_id
         LIMIT 10`,
  );
  return rows.length;
}

for (const engine of benchEngines(values.postgres).filter((item) =>
  wanted.has(item.name.startsWith('PGlite') ? 'pglite' : 'postgres'),
)) {
  const created = await engine.create();
  const { database } = created;
  try {
    await runMigrations(database);
    let started = performance.now();
    await importLmi(database.db, lmiDir, LMI_SOURCES);
    console.log(`${engine.name}: LMI loaded in ${(ms(started) / 1000).toFixed(1)} s`);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-bench-')),
      SESSION_SECRET: 'bench-secret-that-is-at-least-32-characters',
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
      FEED_MAX_MB: '2000',
    });
    const portal = await createApp(config, database, { logger: false });
    const { services } = portal;
    const trigram = new LmiRepository(database.db);
    await services.catalogue.seedDirectory();
    await portal.server.listen({ port: 0, host: '127.0.0.1' });
    const address = portal.server.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const get = async (url: string) => {
      // A kept-alive connection the server closed while a peer was being timed fails once: retry.
      const response = await fetch(`${base}${url}`).catch(() => fetch(`${base}${url}`));
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      return response.json() as Promise<unknown>;
    };
    const titles = [
      ...colloquial,
      ...heldOutCases(await services.recommend.titleEntries(), 0, 100)
        .filter((_, index) => index % 200 === 0)
        .map((item) => item.title),
    ];
    try {
      for (const size of sizes) {
        started = performance.now();
        await services.catalogue.replaceDemo({ count: size, seed: 1, startDate: '2027-01-04' });
        await services.search.refresh();
        await services.recommend.refresh();
        console.log(
          `${engine.name}, ${size.toLocaleString('en-CA')} programs: built in ${(ms(started) / 1000).toFixed(1)} s`,
        );

        // Profiles: every 8th unit group with a skill profile, each with its closest transition as target.
        const codes = (
          await selectRows<{ code: string }>(
            database.db,
            sql`SELECT DISTINCT noc_code AS code FROM occupation_rating ORDER BY noc_code`,
          )
        )
          .map((row) => row.code)
          .filter((_, index) => index % 8 === 0);
        const profiles: { noc: string; target: string | undefined; gap: GapItem[] }[] = [];
        for (const noc of codes) {
          const plain = await services.recommend.recommend({
            noc: [noc],
            add: [],
            remove: [],
            filters: {},
            lang: 'en',
          });
          const target = plain.transitions[0]?.code;
          const withTarget =
            target === undefined
              ? undefined
              : await services.recommend.recommend({
                  noc: [noc],
                  add: [],
                  remove: [],
                  target,
                  filters: {},
                  lang: 'en',
                });
          profiles.push({ noc, target, gap: withTarget?.target?.gap ?? [] });
        }
        const targeted = profiles.filter((profile) => profile.target !== undefined);
        const pick = <T>(list: T[], i: number) => list[i % list.length] as T;
        const measure = async (name: string, run: (i: number) => Promise<unknown>) => {
          for (let i = 0; i < Math.min(20, iterations); i++) await run(i); // warm-up
          const times: number[] = [];
          for (let i = 0; i < iterations; i++) {
            const t = performance.now();
            await run(i);
            times.push(ms(t));
          }
          console.log(`  ${summary(name, times)}`);
          return times;
        };
        await measure('title match (HTTP, /occupations/match)', (i) =>
          get(`/api/v1/occupations/match?title=${encodeURIComponent(pick(titles, i))}&limit=5`),
        );
        await measure('  peer: trigram title search (SQL)', (i) =>
          trigram.searchTitles(pick(titles, i), 'en', 5),
        );
        await measure('recommend: title alone (HTTP)', (i) =>
          get(`/api/v1/recommendations?title=${encodeURIComponent(pick(titles, i))}`),
        );
        await measure('recommend: profile + transitions (HTTP)', (i) =>
          get(`/api/v1/recommendations?noc=${pick(profiles, i).noc}`),
        );
        await measure('recommend: profile + target programs (HTTP)', (i) => {
          const profile = pick(targeted, i);
          return get(`/api/v1/recommendations?noc=${profile.noc}&target=${profile.target ?? ''}`);
        });
        await measure('  peer: gap ranking in SQL (program_tag)', (i) =>
          sqlGapRanking(database.db, pick(targeted, i).gap),
        );
      }
    } finally {
      await portal.server.close();
    }
  } finally {
    await created.dispose();
  }
}
console.log('bench:recommend done');
