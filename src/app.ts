import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { CatalogueRepository } from './catalogue/repository.ts';
import { CatalogueService } from './catalogue/service.ts';
import { SearchRepository } from './search/repository.ts';
import { SearchService } from './search/service.ts';
import { LmiRepository } from './lmi/repository.ts';
import { RecommendRepository } from './recommend/repository.ts';
import { RecommendService } from './recommend/service.ts';
import { JobTitleService } from './recommend/titles.ts';
import { LmiService } from './lmi/service.ts';
import { SystemService } from './system/service.ts';
import { buildAssets } from './web/assets.ts';
import { createServer, type App, type WebDependencies } from './web/server.ts';
import type { Services } from './web/services.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  /** false silences request logs (tests); a level and stream capture them; default: the configured level. */
  logger?: WebDependencies['logger'];
}

/**
 * The composition root: config → database → services → web app. The one place that wires
 * dependencies; tests build the same graph with a test database.
 */
export interface Portal {
  server: App;
  services: Services;
}

export async function createApp(
  config: Config,
  database: Database,
  options: AppOptions = {},
): Promise<Portal> {
  const services = await createServices(config, database);
  const assets = await buildAssets({ brandColour: config.brand.colour, logoFile: config.brand.logoFile });
  const server = await createServer({
    config,
    services,
    assets,
    ...(options.logger === undefined || options.logger === true ? {} : { logger: options.logger }),
  });
  return { server, services };
}

/** The service graph on a database; the web app and the command-line tools share it. */
export async function createServices(config: Config, database: Database): Promise<Services> {
  // The job-title coder serves the occupations page, search (a job title widens it) and recommendations.
  const recommendRepository = new RecommendRepository(database.db);
  const titles = new JobTitleService(recommendRepository);
  const lmi = new LmiService(new LmiRepository(database.db), undefined, (text, lang, limit) =>
    titles.match(text, lang, limit),
  );
  await lmi.refresh();
  const catalogue = new CatalogueService(
    new CatalogueRepository(database.db),
    { osap: config.catalogue.osap, feedMaxBytes: config.catalogue.feedMaxBytes },
    () => lmi.status(),
  );
  const search = new SearchService(new SearchRepository(database.db), undefined, (text, lang) =>
    titles.jobTitleMatches(text, lang),
  );
  return {
    system: new SystemService(database, VERSION, () => lmi.status()),
    lmi,
    catalogue,
    search,
    recommend: new RecommendService(recommendRepository, titles, search),
  };
}
