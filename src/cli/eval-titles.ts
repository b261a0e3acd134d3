import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { createServices } from '../app.ts';
import { runMigrations } from '../db/migrate.ts';
import { heldOutCases, type TitleCase } from '../recommend/title-eval.ts';
import { LmiNotLoadedError } from '../recommend/service.ts';
import { runCommand, UsageError } from './run.ts';

/**
 * `npm run eval:titles -- <file.csv>`: accuracy of the job-title coder on titles it has never indexed.
 * The CSV has a `title` and a `noc` column (and optionally `lang`, en or fr). Every title in the file
 * is taken out of the index (from every source) before it is built, then matched; the command prints
 * top-1 and top-5 accuracy at unit-group level, top-1 at major-group level (first two digits), per
 * language, the calibration of the top score and the mean log-loss.
 *
 * `npm run eval:titles -- --make-dev-set <out.csv> [--split dev|tune]` writes a development set from
 * the loaded LMI: the NOC example titles (EN and FR) whose stable hash falls in buckets 0–9 (dev) or
 * 10–19 (tune, the split the matcher's constants were tuned on). It is written outside the repository:
 * rows of the LMI files are never committed.
 *
 * `npm run eval:titles -- --fit-reranker` fits the coder's re-ranker on buckets 20–99 (the two splits
 * kept out) and prints its weights as JSON, for `DEFAULT_OPTIONS` in src/recommend/title-matcher.ts.
 */
const usage =
  'Usage: npm run eval:titles -- <file.csv with title,noc[,lang]>\n' +
  '       npm run eval:titles -- --make-dev-set <out.csv> [--split dev|tune]\n' +
  '       npm run eval:titles -- --fit-reranker';

await runCommand(usage, async (config, open) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'make-dev-set': { type: 'string' },
      split: { type: 'string', default: 'dev' },
      misses: { type: 'string', default: '0' },
      'fit-reranker': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (values.split !== 'dev' && values.split !== 'tune') throw new UsageError('--split must be dev or tune');
  const out = values['make-dev-set'];
  const file = positionals[0];
  const fit = values['fit-reranker'];
  if (out === undefined && file === undefined && !fit)
    throw new UsageError('give a CSV file to evaluate, --make-dev-set or --fit-reranker');

  const database = await open();
  await runMigrations(database);
  const { recommend } = await createServices(config, database);
  try {
    if (out !== undefined) {
      const [from, to] = values.split === 'dev' ? [0, 10] : [10, 20];
      const set = heldOutCases(await recommend.titleEntries(), from, to);
      if (set.length === 0) throw new LmiNotLoadedError();
      const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
      const rows = set.map((item) => [item.title, item.noc, item.lang].map(quote).join(','));
      writeFileSync(out, `title,noc,lang\n${rows.join('\n')}\n`);
      process.stdout.write(
        `Wrote ${set.length} held-out NOC example titles (${values.split} split) to ${out}\n`,
      );
    }
    if (fit) {
      const started = performance.now();
      process.stderr.write('Fitting the re-ranker on buckets 20–99 (eight folds; a minute or two)…\n');
      const weights = await recommend.fitTitleReranker();
      process.stdout.write(`${JSON.stringify(weights)}\n`);
      process.stderr.write(
        `Done in ${((performance.now() - started) / 1000).toFixed(0)} s: put these in DEFAULT_OPTIONS (src/recommend/title-matcher.ts).\n`,
      );
    }
    if (file === undefined) return 0;
    const cases = readCases(file);
    const started = performance.now();
    const result = await recommend.evaluateTitles(cases);
    const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
    const line = (label: string, subset: TitleCase[], figures: typeof result) =>
      `${label.padEnd(8)} ${String(subset.length).padStart(6)}  top-1 ${percent(figures.top1)}  top-5 ${percent(figures.top5)}  major group top-1 ${percent(figures.majorTop1)}  log-loss ${figures.logLoss.toFixed(3)}`;
    process.stdout.write(`Title matcher on ${cases.length} titles held out of its index (${file}):\n`);
    process.stdout.write(`${line('all', cases, result)}\n`);
    for (const lang of ['en', 'fr'] as const) {
      const subset = cases.filter((item) => item.lang === lang);
      if (subset.length > 0 && subset.length < cases.length) {
        process.stdout.write(`${line(lang, subset, await recommend.evaluateTitles(subset))}\n`);
      }
    }
    process.stdout.write('Calibration of the top score (bin, titles, mean score, share right):\n');
    for (const bin of result.calibration.filter((item) => item.cases > 0)) {
      process.stdout.write(
        `  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  ${String(bin.cases).padStart(6)}  ${bin.meanScore.toFixed(2)}  ${bin.accuracy.toFixed(2)}\n`,
      );
    }
    const shown = Number(values.misses);
    for (const miss of result.misses.slice(0, Number.isInteger(shown) ? shown : 0)) {
      process.stdout.write(`  miss: ${miss.title} (${miss.noc}) → ${miss.got.join(', ')}\n`);
    }
    process.stdout.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof LmiNotLoadedError) {
      process.stderr.write(
        'No labour-market data is loaded: run npm run lmi:import -- --dir <folder> first.\n',
      );
      return 2;
    }
    throw error;
  }
});

/** Reads the cases of a CSV with `title` and `noc` columns (and optionally `lang`). */
function readCases(file: string): TitleCase[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return rows.map((row, index) => {
    const line = index + 2;
    const title = row.title;
    const noc = row.noc;
    const lang = row.lang ?? 'en';
    if (!title) throw new UsageError(`${file}:${line}: the title column is missing or empty`);
    if (!noc || !/^\d{5}(\|\d{5})*$/.test(noc)) {
      throw new UsageError(`${file}:${line}: noc must be a 5-digit unit group code (or several joined by |)`);
    }
    if (lang !== 'en' && lang !== 'fr') throw new UsageError(`${file}:${line}: lang must be en or fr`);
    return { title, noc, lang };
  });
}
