// Benchmark: latency, database round trips and memory of representative queries on the seed
// graph, over real HTTP on a real Neo4j (a throwaway local one unless NEO4J_BENCH_URI is set, with
// NEO4J_BENCH_USERNAME and NEO4J_BENCH_PASSWORD).
// Prints figures; asserts nothing. Usage: npm run bench [-- iterations]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/api/app';
import { DEFAULT_MAX_QUERY_COST } from '../src/config';
import { Database } from '../src/db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j';

const QUERIES: Record<string, string> = {
  'lookup by key': '{ entity(key: "person-ian-mak") { name names { value language } } }',
  'search 麦重乙': '{ search(query: "麦重乙") { edges { score node { name } } } }',
  'search Leong': '{ search(query: "Leong") { totalCount edges { node { name } } } }',
  'people, 3 levels': `{ people(first: 100) { edges { node { name
      posts { edges { node { title organisation { name parents { edges { node { name } } } } sources { excerpt } } } }
      participations { edges { node { role event { name places { edges { node { name } } } } } } } } } } }`,
  'paths mayor -> Strides president': `{ paths(from: "UGVyc29uOnBlcnNvbi1xaW4td2VpLXpob25n", to: "UGVyc29uOnBlcnNvbi10YW4ta2lhbi1oZW9uZw", maxHops: 6) {
      steps { from { name } relationship { type sources { excerpt } } to { name } } } }`,
  'dashboard: 2-hop neighbourhood + posts': `{ neighborhood(id: "T3JnYW5pc2F0aW9uOm9yZy1pbWRh", hops: 2, limit: 200) {
      nodes { id distance entity { name ... on Person { posts { edges { node { title organisation { name } } } } } } }
      edges { id source target type } } }`,
  'timeline of the graph': '{ timeline(first: 50) { edges { placement date { iso } node { name } } } }',
  'every relationship with sources': `{ organisations(first: 100) { edges { node { name
      relationships(first: 30) { totalCount edges { node { type from { name } to { name } sources { excerpt document { name } } } } } } } } }`,
};

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 200);
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_BENCH_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
    local = await startLocalNeo4j({ dataDir });
    uri = local.uri;
    console.log(`local Neo4j started in ${local.startupMs} ms`);
  }
  const credentials = local?.credentials ?? { username: process.env.NEO4J_BENCH_USERNAME, password: process.env.NEO4J_BENCH_PASSWORD };
  const db = new Database({ uri, ...credentials, database: 'neo4j', transactionTimeoutMs: 10_000 });
  const app = await startApp(db, { host: '127.0.0.1', port: 0, maxQueryDepth: 10, maxQueryCost: DEFAULT_MAX_QUERY_COST, seed: true, log: () => {} });
  let roundTrips = 0;
  db.onQuery(() => roundTrips++);
  console.log(`${iterations} requests per query, sequential, after 20 warm-up requests\n`);
  console.log('query'.padEnd(40), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8), 'round trips'.padStart(12), 'bytes'.padStart(8));
  for (const [name, query] of Object.entries(QUERIES)) {
    const run = async () => {
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const text = await res.text();
      if (text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
      return text.length;
    };
    for (let i = 0; i < 20; i++) await run();
    const times: number[] = [];
    roundTrips = 0;
    let bytes = 0;
    for (let i = 0; i < iterations; i++) {
      const t = process.hrtime.bigint();
      bytes = await run();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
    console.log(name.padEnd(40), pct(50).padStart(8), pct(95).padStart(8), times[times.length - 1].toFixed(1).padStart(8),
      (roundTrips / iterations).toFixed(1).padStart(12), String(bytes).padStart(8));
  }
  const mem = process.memoryUsage();
  console.log(`\nAPI process memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await app.stop();
  await db.close();
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
