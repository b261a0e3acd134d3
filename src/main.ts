import { createApp, type Portal } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseOpenError, openDatabase } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import { importLmi } from './lmi/import/runner.ts';
import { LMI_SOURCES } from './lmi/sources/index.ts';

/**
 * `npm start`: configuration → database (migrated) → web app → listen. SIGTERM/SIGINT stop taking
 * new connections, let in-flight requests finish, then close the database.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await openDatabase(config.database);
  const running: { portal?: Portal } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    running.portal?.server.log.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down: draining');
    // Readiness fails first so a load balancer stops routing here; connections already queued
    // are accepted and served during the drain. Then the listener closes and in-flight requests finish.
    running.portal?.services.system.beginDrain();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    await running.portal?.server.close();
    await database.close();
    running.portal?.server.log.info('shutdown complete');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const migrations = await runMigrations(database);
  const portal = await createApp(config, database);
  running.portal = portal;
  const { server } = portal;
  server.log.info({ database: database.location, ...migrations }, 'database ready');
  if (config.lmiDir) {
    // Loads what is new or changed (unchanged sources are skipped by checksum) before serving, so
    // pages never show a half-loaded release. A failed source keeps its previous release.
    const summaries = await importLmi(database.db, config.lmiDir, LMI_SOURCES, {
      log: (line) => {
        server.log.info(line);
      },
    });
    for (const summary of summaries.filter((item) => item.status === 'failed')) {
      server.log.error(`LMI source ${summary.source} was not loaded: ${summary.message ?? 'failed'}`);
    }
    await portal.services.lmi.refresh();
  }
  await portal.services.catalogue.seedDirectory();
  if (config.catalogue.demo) {
    // Deterministic for the day it is built; rebuilt when stale (see CatalogueService.ensureDemo).
    const startDate = new Date().toISOString().slice(0, 10);
    const started = performance.now();
    const reason = await portal.services.catalogue.ensureDemo({
      count: config.catalogue.demoCount,
      seed: 1,
      startDate,
    });
    if (reason !== undefined) {
      server.log.info(
        `demonstration catalogue of ${config.catalogue.demoCount} listings built in ${Math.round(performance.now() - started)} ms (${reason}); DEMO_CATALOGUE=false turns this off`,
      );
    }
  }
  // The search index is built before listening, so no visitor waits for it (it then follows the catalogue).
  const indexing = performance.now();
  await portal.services.search.refresh();
  server.log.info(`search index built in ${Math.round(performance.now() - indexing)} ms`);
  // The job-title index (every NOC, OaSIS and O*NET title) likewise; it then follows the LMI.
  const titles = performance.now();
  await portal.services.recommend.refresh();
  server.log.info(`job-title index built in ${Math.round(performance.now() - titles)} ms`);
  await server.listen({ port: config.port, host: config.host });
  server.log.info(
    `${config.brand.name} is running at ${config.baseUrl}/ (listening on ${config.host}:${config.port})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`, 2);
  if (error instanceof DatabaseOpenError) fail(`Database error: ${error.message}`, 1);
  console.error(error);
  process.exit(1);
});

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}
