// The bench graph for one size: its own Neo4j data folder under .data/bench/<N>/, started with
// the bench's memory settings, migrated and seeded by the API itself, then the generated graph
// generated (once) and imported (the importer skips files it has already imported).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from '../../src/api/app';
import { DEFAULT_MAX_QUERY_COST } from '../../src/config';
import { Database } from '../../src/db/database';
import { credentialsEnv } from '../../src/db/local-credentials';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { ROOT, runScript } from './processes';

export interface BenchGraph {
  /** Folder of this size's Neo4j data and results. */
  dir: string;
  uri: string;
  /** NEO4J_URI and the credentials, for the processes run on it. */
  env: Record<string, string>;
  neo4j: LocalNeo4j;
}

/** `entities` 0 is the seed graph alone. */
export function benchDir(entities: number): string {
  return join(ROOT, '.data', 'bench', entities === 0 ? 'seed' : String(entities));
}

export async function startBenchNeo4j(entities: number, log: (line: string) => void): Promise<BenchGraph> {
  const dir = benchDir(entities);
  mkdirSync(dir, { recursive: true });
  const pageCache = entities >= 1_000_000 ? '4g' : '2g';
  log(`starting the bench Neo4j (data in ${join(dir, 'neo4j')}, heap 2g, page cache ${pageCache})`);
  const neo4j = await startLocalNeo4j({
    dataDir: join(dir, 'neo4j'),
    heap: '2g',
    settings: { 'server.memory.pagecache.size': pageCache, 'db.transaction.timeout': '60s' },
    log: () => {},
  });
  log(`bench Neo4j ready at ${neo4j.uri} (${(neo4j.startupMs / 1000).toFixed(1)} s)`);
  return { dir, uri: neo4j.uri, env: { NEO4J_URI: neo4j.uri, ...credentialsEnv(neo4j.credentials) }, neo4j };
}

/** Migrations and the seed graph, by starting the API once (startApp runs both). */
export async function migrateAndSeed(graph: BenchGraph, log: (line: string) => void): Promise<void> {
  const db = new Database({ uri: graph.uri, ...graph.neo4j.credentials, database: 'neo4j', transactionTimeoutMs: 600_000 });
  try {
    await db.verify();
    const app = await startApp(db, { host: '127.0.0.1', port: 0, maxQueryDepth: 10, maxQueryCost: DEFAULT_MAX_QUERY_COST, seed: true, log: () => {} });
    log(app.seed?.loaded ? 'migrations applied, seed graph loaded' : 'migrations applied, seed graph already loaded');
    await app.stop();
  } finally {
    await db.close();
  }
}

/** Generates the graph file for `entities` unless it exists, then imports it into the graph's Neo4j. */
export async function generateAndImport(entities: number, seed: number, graph: BenchGraph, log: (line: string) => void): Promise<void> {
  const file = join(ROOT, '.data', 'generated', `graph-${entities}-s${seed}.ndjson`);
  if (!existsSync(file)) {
    requireScript('src/generate/cli.ts', 'the generator');
    log(`generating ${file}`);
    await runScript('src/generate/cli.ts', ['--entities', String(entities), '--seed', String(seed)], {}, log);
  }
  requireScript('src/import/cli.ts', 'the importer');
  log(`importing ${file} (a no-op when it was imported before)`);
  await runScript('src/import/cli.ts', [file], graph.env, log);
}

function requireScript(path: string, what: string): void {
  if (!existsSync(join(ROOT, path))) throw new Error(`${what} (${path}) is not there yet; run with --entities seed`);
}
