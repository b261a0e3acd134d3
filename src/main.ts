import cluster from 'node:cluster';
import { createApp, type Portal } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DatabaseOpenError, openDatabase, type Database } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import { importLmi } from './lmi/import/runner.ts';
import { LMI_SOURCES } from './lmi/sources/index.ts';

/**
 * `npm start`: configuration → database (migrated) → data brought up to date (LMI import, directory,
 * demo catalogue) → indexes built → listen. SIGTERM/SIGINT stop taking new connections, let in-flight
 * requests finish, then close the database.
 *
 * With WEB_CONCURRENCY above 1 (PostgreSQL only) the first process brings the data up to date, then
 * starts that many web processes on the same port (node:cluster); each builds its own indexes
 * (ADR 0009), and the first process passes signals on and replaces a process that dies.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.webConcurrency > 1 && cluster.isPrimary) {
    await primary(config);
    return;
  }
  await serve(config, !cluster.isWorker);
}

/** Brings the database up to date: migrations, the LMI files of LMI_DIR, the directory, the demo. */
async function prepare(portal: Portal, database: Database, config: Config): Promise<void> {
  const { server } = portal;
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
}

/** One web process: opens the database, (with `prepareData`) brings it up to date, builds the indexes, listens. */
async function serve(config: Config, prepareData: boolean): Promise<void> {
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
  if (prepareData) await prepare(portal, database, config);
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
    `${config.brand.name} is running at ${config.baseUrl}/ (listening on ${config.host}:${config.port}${cluster.isWorker ? `, process ${process.pid}` : ''})`,
  );
}

/** The first of several web processes: prepares the data once, then starts and watches the others. */
async function primary(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const portal = await createApp(config, database);
  try {
    await prepare(portal, database, config);
  } finally {
    await portal.server.close();
    await database.close();
  }
  const log = portal.server.log;
  let stopping = false;
  const restarts: number[] = [];
  for (let i = 0; i < config.webConcurrency; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error(`web process ${worker.process.pid} ended (${signal || String(code)}); starting another`);
    // A process that cannot start (the database is gone) would be replaced forever: give up instead.
    const now = Date.now();
    restarts.push(now);
    if (restarts.filter((at) => now - at < 60_000).length > 2 * config.webConcurrency) {
      console.error('Web processes keep ending; stopping.');
      process.exit(1);
    }
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `shutting down ${config.webConcurrency} web processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  log.info(`starting ${config.webConcurrency} web processes on ${config.host}:${config.port}`);
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
