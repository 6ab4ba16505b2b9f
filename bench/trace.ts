// One GraphQL operation through the app on NEO4J_URI: its latency (3 runs), round trips and each
// round trip's PROFILE db hits (NEO4J_USERNAME/NEO4J_PASSWORD when it asks): `NEO4J_URI=bolt://... npx tsx bench/trace.ts '{ stats { totalEntities } }'`.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { envAuth } from './env-auth';
import { startApp } from '../src/api/app';
import { Database, type QueryEvent } from '../src/db/database';

function hits(p: ProfiledPlan): number { return p.dbHits + p.children.reduce((n, c) => n + hits(c), 0); }
async function main() {
  const uri = process.env.NEO4J_URI!;
  const db = new Database({ uri, username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD, database: 'neo4j', transactionTimeoutMs: 60_000 });
  const app = await startApp(db, { host: '127.0.0.1', port: 0, maxQueryDepth: 12, maxQueryCost: 10_000_000, seed: false, log: () => {} });
  const events: QueryEvent[] = [];
  db.onQuery((e) => events.push(e));
  const query = process.argv[2];
  for (let i = 0; i < 3; i++) {
    events.length = 0;
    const t0 = Date.now();
    const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await res.json() as any;
    console.log(`run ${i}: ${Date.now() - t0} ms, ${events.length} round trips, ${JSON.stringify(body).length} bytes${body.errors ? ' ERRORS ' + JSON.stringify(body.errors).slice(0, 300) : ''}`);
  }
  const d = neo4j.driver(uri, envAuth());
  for (const e of events) {
    const t0 = Date.now();
    const r = await d.executeQuery('PROFILE ' + e.cypher, e.params as any, { database: 'neo4j' });
    console.log(`  ${e.operation}: ${hits(r.summary.profile as ProfiledPlan)} db hits, ${Date.now() - t0} ms`);
    if (process.env.VERBOSE) console.log(e.cypher);
  }
  await d.close(); await app.stop(); await db.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
