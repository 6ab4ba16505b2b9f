// Side (a), this project: what src/main.ts does (config from the environment, migrations, seed,
// HTTP, a JSON log line per request and the metrics) on the bench Neo4j, plus a counter of the database round trips (db.onQuery) served with
// the recent Cypher on a second port. Run by the bench as a child process; env NEO4J_URI.
import { createServer } from 'node:http';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { startApp } from '../../src/api/app';
import { readConfig, requestLimits } from '../../src/config';
import { createLogger, Telemetry } from '../../src/api/telemetry';
import { Database } from '../../src/db/database';
import { announceReady, onStop, QueryRecorder } from './recorder';

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.neo4jRemote) throw new Error('NEO4J_URI must name the bench Neo4j');
  const db = new Database({ ...config.neo4jRemote, database: config.neo4jDatabase, transactionTimeoutMs: config.transactionTimeoutMs });
  await db.verify();
  const recorder = new QueryRecorder();
  db.onQuery((e) => recorder.record(e.cypher, e.params));
  // Each request's log line is written as npm start writes it, to a file rather than to the bench,
  // which would otherwise parse thousands of lines a second on the cores the load shares.
  const logger = createLogger(config.logLevel, pino.destination({ dest: process.env.BENCH_PROJECT_LOG ?? '/dev/null', sync: false, append: false, mkdir: true }));
  const app = await startApp(db, {
    host: '127.0.0.1',
    port: config.port,
    ...requestLimits(config),
    seed: config.seedOnStart,
    log: (message, error) => (error === undefined ? logger.info(message) : logger.error({ err: error }, message)),
    telemetry: new Telemetry(logger, db),
  });
  const stats = createServer((req, res) => {
    if (!recorder.serve(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    stats.close();
    await app.stop();
    await db.close();
  });
  announceReady(app.url, `http://127.0.0.1:${(stats.address() as AddressInfo).port}/bench/stats`);
}

main().catch((e: unknown) => {
  console.error('side-project failed:', e);
  process.exit(1);
});
