// Integration harness: the real server (startApp, as main.ts runs it) on the test Neo4j, reached
// over real HTTP. resetGraph() empties the database so a suite starts from the seed alone.
import { startApp, type App } from '../../src/api/app';
import type { ApiOptions } from '../../src/api/server';
import type { Telemetry } from '../../src/api/telemetry';
import { DEFAULT_MAX_QUERY_COST } from '../../src/config';
import { Database, type QueryEvent } from '../../src/db/database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  app: App;
  db: Database;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs `work` and returns the database round trips it caused. */
  recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: QueryEvent[] }>;
  stop(): Promise<void>;
}

/** The test Neo4j as the project's own processes take it: NEO4J_URI and its credentials. */
export function testNeo4jEnv(): { NEO4J_URI: string; NEO4J_USERNAME: string; NEO4J_PASSWORD: string } {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) throw new Error('NEO4J_TEST_URI is not set: run the tests through jest (its global setup starts Neo4j)');
  return { NEO4J_URI: uri, NEO4J_USERNAME: process.env.NEO4J_TEST_USERNAME ?? '', NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD ?? '' };
}

export function testDatabase(heavyReadConcurrency?: number): Database {
  const { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password } = testNeo4jEnv();
  return new Database({ uri, username, password, database: 'neo4j', transactionTimeoutMs: 10_000, heavyReadConcurrency });
}

export async function resetGraph(db: Database): Promise<void> {
  const session = db.session();
  try {
    await session.write('test.reset', 'MATCH (n) DETACH DELETE n');
  } finally {
    await session.close();
  }
}

export async function startTestServer(
  options: {
    reset?: boolean;
    /** Empty the graph again when stopping (files that import generated data leave none behind). */
    resetOnStop?: boolean;
    heavyReadConcurrency?: number;
    /** Request log and /metrics, built on the test database. */
    telemetry?: (db: Database) => Telemetry;
  } & Partial<Omit<ApiOptions, 'log'>> = {},
): Promise<TestServer> {
  const db = testDatabase(options.heavyReadConcurrency);
  await db.verify();
  if (options.reset ?? true) await resetGraph(db);
  const { reset: _reset, resetOnStop: _resetOnStop, heavyReadConcurrency: _heavy, telemetry, ...api } = options;
  const app = await startApp(db, {
    ...api,
    telemetry: telemetry?.(db),
    host: '127.0.0.1',
    port: 0,
    maxQueryDepth: options.maxQueryDepth ?? 10,
    maxQueryCost: options.maxQueryCost ?? DEFAULT_MAX_QUERY_COST,
    seed: true,
    log: () => {},
  });
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  return {
    app,
    db,
    url: app.url,
    gql,
    recordQueries: async (work) => {
      const queries: QueryEvent[] = [];
      const off = db.onQuery((e) => queries.push(e));
      try {
        return { result: await work(), queries };
      } finally {
        off();
      }
    },
    stop: async () => {
      if (options.resetOnStop) await resetGraph(db);
      await app.stop();
      await db.close();
    },
  };
}
