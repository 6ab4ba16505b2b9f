// Fairness under the heaviest accepted requests: 10 normal clients (entity by key, a small list)
// alone, then the same 10 while 4 clients send requests just under the limits (a nested page
// near MAX_QUERY_COST, the 2-hop neighbourhood of the biggest hub at limit 200). Prints the normal
// clients' p50/p99 and req/s in both phases and the ratio. Runs the API as `npm start` does, on
// the bench graph of --entities N (generated and imported by `npm run bench` first).
//   npx tsx bench/fairness.ts [--entities 100000] [--seconds 30]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { basicAuth } from './env-auth';
import { startBenchNeo4j } from './scale/graph-setup';

const args = Object.fromEntries(process.argv.slice(2).reduce<string[][]>((pairs, a, i, all) => (i % 2 === 0 ? [...pairs, [a.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const ENTITIES = Number(args.entities ?? 100_000);
const SECONDS = Number(args.seconds ?? 30);

async function startApi(neo4jEnv: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')], {
    env: { ...process.env, ...neo4jEnv, PORT: '0', SEED_ON_START: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The log is read up to the ready line; the request lines after it are drained unread.
  let out = '';
  let ready = false;
  child.stdout.on('data', (d) => {
    if (!ready) out += d;
  });
  for (let i = 0; i < 600; i++) {
    const m = /GraphQL API ready at ([^\s"]+)/.exec(out);
    if (m) {
      ready = true;
      return { url: m[1], stop: () => child.kill('SIGTERM') };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not start:\n${out}`);
}

function load(url: string, connections: number, bodies: string[]) {
  return autocannon({
    url, connections, duration: SECONDS, timeout: 60,
    requests: bodies.map((body) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body })),
  });
}

async function main(): Promise<void> {
  const graph = await startBenchNeo4j(ENTITIES, (l) => console.error(l));
  const driver = neo4j.driver(graph.uri, basicAuth(graph.neo4j.credentials));
  try {
    const hub = (await driver.executeQuery('MATCH (n:Entity) WHERE n.degree IS NOT NULL RETURN n.id AS key, n.type AS type ORDER BY n.degree DESC LIMIT 1')).records[0];
    const person = (await driver.executeQuery('MATCH (n:Person) WHERE n.degree IS NOT NULL RETURN n.id AS key ORDER BY n.degree DESC LIMIT 1')).records[0].get('key');
    const hubId = Buffer.from(`${hub.get('type')}:${hub.get('key')}`).toString('base64url');
    const api = await startApi(graph.env);
    const normal = [
      JSON.stringify({ query: `{ entity(key: "${person}") { key name names { value language } } }` }),
      JSON.stringify({ query: '{ organisations(first: 10) { edges { node { key name kind } } } }' }),
    ];
    const heavy = [
      JSON.stringify({ query: `{ people(first: 100) { edges { node { name posts(first: 50) { edges { node { title organisation { name kind parents(first: 20) { edges { node { name } } } } } } } } } } }` }),
      JSON.stringify({ query: `{ neighborhood(id: "${hubId}", hops: 2, limit: 200) { reachable nodes { distance entity { key name } } edges { type } } }` }),
    ];
    const alone = await load(api.url, 10, normal);
    const [attacked, attack] = await Promise.all([load(api.url, 10, normal), load(api.url, 4, heavy)]);
    api.stop();
    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(22)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(6)} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
    console.log(`\nfairness at ${ENTITIES.toLocaleString('en')} entities, ${SECONDS} s per phase`);
    console.log(row('normal clients alone', alone));
    console.log(row('normal, under attack', attacked));
    console.log(row('4 heavy clients', attack));
    console.log(`normal p99 under attack / alone: ${(attacked.latency.p99 / alone.latency.p99).toFixed(2)}x (target <= 2x); throughput ${(attacked.requests.average / alone.requests.average).toFixed(2)}x`);
  } finally {
    await driver.close();
    await graph.neo4j.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
