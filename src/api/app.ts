// Builds the running service on an open database: migrations, seed if needed, Apollo, HTTP.
// Shared by main.ts and the integration tests, so tests exercise exactly what users run.
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database';
import { migrate } from '../db/migrations';
import { readSeedGraph } from '../seed/compile';
import { loadSeedGraph, type SeedResult } from '../seed/load';
import { SEED_DIR } from '../seed/paths';
import { costlyGateOf } from './admission';
import { DEFAULT_DRAIN_MS, Drain, type DrainResult } from './drain';
import { createHttpServer } from './http';
import { createApolloServer, type ApiOptions } from './server';
import type { Telemetry } from './telemetry';

export interface AppOptions extends ApiOptions {
  host: string;
  port: number;
  seed: boolean;
  /** Request log lines and /metrics; without it the server logs no requests and has no /metrics. */
  telemetry?: Telemetry;
}

export interface App {
  url: string;
  seed: SeedResult | null;
  /** Drains requests in flight for up to `drainMs` (then cuts them), stops Apollo; Neo4j stays open. */
  stop(drainMs?: number): Promise<DrainResult>;
}

/** Start-up waits for index population (migrate) on a large graph: not an API request's timeout. */
const START_UP_TIMEOUT_MS = 15 * 60_000;

export async function startApp(db: Database, options: AppOptions): Promise<App> {
  const session = db.session(START_UP_TIMEOUT_MS);
  let seed: SeedResult | null = null;
  try {
    await migrate(session, undefined, (line) => options.log(line));
    if (options.seed) seed = await loadSeedGraph(session, readSeedGraph(SEED_DIR));
  } finally {
    await session.close();
  }
  const { host: _host, port: _port, seed: _seed, telemetry, ...api } = options;
  const costlyGate = costlyGateOf(options);
  telemetry?.watchCostlyQueries(costlyGate);
  const apollo = createApolloServer({ ...api, costlyGate });
  await apollo.start();
  db.health.start();
  const drain = new Drain();
  const http = createHttpServer(apollo, db, options.log, drain, telemetry);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`,
    seed,
    stop: async (drainMs = DEFAULT_DRAIN_MS) => {
      const result = await drain.stop(http, drainMs);
      await apollo.stop();
      db.health.stop();
      return result;
    },
  };
}
