import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Services } from '../web/services.ts';
import { createWithLmi, testBackends } from '../../test/support/databases.ts';
import type { TitleCase } from './title-eval.ts';

/**
 * Recommendations on the real LMI (LMI_DIR; CI sets it, the files are never committed): the title
 * coder on hand-written everyday titles it has never indexed, and the issue's own scenario — a
 * personal support worker sees plausible moves, towards licensed practical nursing among them, with
 * explained gaps and programs from the catalogue that close them.
 */
const lmiDir = process.env.LMI_DIR;
const skip = lmiDir ? false : 'LMI_DIR is not set: the real labour-market files are not available';

const colloquial = parse<TitleCase>(
  readFileSync(new URL('../../test/fixtures/titles/colloquial.csv', import.meta.url)),
  { columns: true, bom: true },
).map(({ title, noc, lang }) => ({ title, noc, lang }));

for (const backend of testBackends()) {
  describe(`recommendations on the real LMI on ${backend.name}`, { skip }, () => {
    let database: Database;
    let services: Services;
    before(async () => {
      database = await createWithLmi(backend, lmiDir ?? '');
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ladder-test-')),
        SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
      });
      services = await createServices(config, database);
      await services.catalogue.seedDirectory();
      const feed = readFileSync(new URL('../../test/fixtures/catalogue/relevance.json', import.meta.url));
      assert.deepEqual(
        (await services.catalogue.importFeed(feed, { fileName: 'relevance.json' })).errors,
        [],
      );
      await services.catalogue.replaceDemo({ count: 400, seed: 7, startDate: '2027-01-04' });
      await services.search.refresh();
      await services.recommend.refresh();
    });
    after(async () => {
      await database.close();
    });

    test('everyday job titles the coder has never indexed find their unit group', async () => {
      const result = await services.recommend.evaluateTitles(colloquial);
      process.stdout.write(
        `# colloquial titles on ${backend.name}: ${result.cases} titles, top-1 ${(result.top1 * 100).toFixed(1)} %, top-5 ${(result.top5 * 100).toFixed(1)} %, major group ${(result.majorTop1 * 100).toFixed(1)} %\n`,
      );
      for (const miss of result.misses)
        process.stdout.write(`#   miss: ${miss.title} (${miss.noc}) → ${miss.got.join(', ')}\n`);
      assert.ok(result.top1 >= 0.85, `top-1 ${result.top1}`);
      assert.ok(result.top5 >= 0.9, `top-5 ${result.top5}`);
      assert.ok(result.majorTop1 >= 0.9, `major group ${result.majorTop1}`);
    });

    test('a personal support worker is offered licensed practical nursing, with its gaps and programs', async () => {
      const start = await services.recommend.recommend({
        title: 'personal support worker',
        noc: [],
        add: [],
        remove: [],
        filters: {},
        lang: 'en',
      });
      const guessed = start.matches.slice(0, 2).map((match) => match.noc);
      assert.ok(guessed.includes('44101') && guessed.includes('33102'), guessed.join());
      assert.equal(start.assumed, true);
      const moves = start.transitions.map((move) => move.code);
      assert.ok(moves.includes('32101'), `licensed practical nurses among ${moves.join(', ')}`);
      assert.ok(moves.includes('33102'));
      for (const move of start.transitions) {
        assert.ok(move.viable && move.desirable);
        assert.ok(move.carriesOver.length > 0 && move.skillGaps.length > 0, move.code);
        assert.ok(move.occupation.teer <= 4, `${move.code} is not a step down from TEER 4`);
      }

      const lpn = await services.recommend.recommend({
        noc: ['44101'],
        add: [],
        remove: [],
        target: '32101',
        filters: {},
        lang: 'en',
      });
      const target = lpn.target;
      assert.ok(target);
      assert.ok(target.gap.length >= 3, 'the gap names several skills');
      assert.ok(target.programs.length >= 3, 'the catalogue has programs for it');
      assert.ok(target.programs.every((program) => program.teaches.length > 0 && program.coverage > 0));
      const best = target.bestSet;
      assert.ok(best);
      assert.ok(best.coverage >= (target.programs[0]?.coverage ?? 0));

      const french = await services.recommend.recommend({
        title: 'préposée aux bénéficiaires',
        noc: [],
        add: [],
        remove: [],
        filters: {},
        lang: 'fr',
      });
      assert.equal(french.matches[0]?.noc, '33102');
      const practical = french.transitions.find((move) => move.code === '32101');
      assert.equal(practical?.occupation.title, 'Infirmiers auxiliaires/infirmières auxiliaires');
    });
  });
}
