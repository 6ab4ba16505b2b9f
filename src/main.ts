// Composition root: config -> start-up checks -> Neo4j (local or configured) -> migrations -> seed -> HTTP.
import { readConfig, requestLimits } from './config';
import { preflight } from './preflight';
import { connect } from './db/connect';
import { startApp } from './api/app';
import { createLogger, Telemetry } from './api/telemetry';

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  // JSON lines (pino): messages at info, failures at error with their stack.
  const logger = createLogger(config.logLevel);
  const log = (message: string, error?: unknown) => (error === undefined ? logger.info(message) : logger.error({ err: error }, message));
  process.on('exit', await preflight(config));
  const connection = await connect(config, log);
  let app;
  try {
    app = await startApp(connection.db, {
      host: config.host,
      port: config.port,
      ...requestLimits(config),
      seed: config.seedOnStart,
      log,
      telemetry: new Telemetry(logger, connection.db),
    });
  } catch (e) {
    await connection.close();
    throw e;
  }
  if (app.seed) {
    log(app.seed.loaded ? `seeded ${app.seed.nodes} nodes and ${app.seed.relationships} relationships` : 'seed graph already loaded');
  }
  log(`GraphQL API ready at ${app.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // A signal drains the requests in flight (up to SHUTDOWN_DRAIN_MS), then stops the local Neo4j.
  // Exit code: 0 when every request finished, 2 when the deadline cut some; a second signal exits
  // at once (1).
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    const begun = Date.now();
    void (async () => {
      log(`${signal}: stopping; requests in flight have ${config.shutdownDrainMs / 1000} s to finish`);
      const { cut, ms } = await app.stop(config.shutdownDrainMs);
      log(cut > 0 ? `drain deadline: cut ${cut} request(s) still running after ${ms} ms` : `requests drained in ${ms} ms`);
      if (connection.local) log('stopping the local Neo4j');
      const closing = Date.now();
      await connection.close();
      if (connection.local) log(`local Neo4j stopped in ${((Date.now() - closing) / 1000).toFixed(1)} s`);
      log(`stopped (${cut > 0 ? 'forced' : 'clean'}) in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
      process.exit(cut > 0 ? 2 : 0);
    })().catch((e: unknown) => {
      console.error('stop failed:', e);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // npm forwards SIGTERM and SIGINT to this process (the start script execs node, so no shell sits
  // between to swallow them); if the parent dies without a word (kill -9), stop as for SIGTERM.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 1_000).unref();
}

main().catch((e: unknown) => {
  console.error(`start-up failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
