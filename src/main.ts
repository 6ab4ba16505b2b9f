// Composition root: config -> Neo4j (local or configured) -> migrations -> seed -> HTTP.
import { readConfig, requestLimits } from './config';
import { connect } from './db/connect';
import { startApp } from './api/app';

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const log = (message: string, error?: unknown) => (error === undefined ? console.log(message) : console.error(message, error));
  const connection = await connect(config, log);
  let app;
  try {
    app = await startApp(connection.db, {
      host: config.host,
      port: config.port,
      ...requestLimits(config),
      seed: config.seedOnStart,
      log,
    });
  } catch (e) {
    await connection.close();
    throw e;
  }
  if (app.seed) {
    log(app.seed.loaded ? `seeded ${app.seed.nodes} nodes and ${app.seed.relationships} relationships` : 'seed graph already loaded');
  }
  log(`GraphQL API ready at ${app.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('start-up failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
