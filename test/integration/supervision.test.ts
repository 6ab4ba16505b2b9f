// The local Neo4j killed while serving: /ready says 503 within the probe's second, queries fail
// fast with SERVICE_UNAVAILABLE, the supervisor starts Neo4j again and the same API process
// answers again, with no restart of its own. The figures are printed for the record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../src/api/app';
import { readConfig } from '../../src/config';
import { connect, type Connection } from '../../src/db/connect';

let dataDir: string;
let connection: Connection;
let app: App;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kg-supervised-'));
  const config = readConfig({ NEO4J_LOCAL_DATA_DIR: dataDir, NEO4J_LOCAL_HEAP: '512m' });
  connection = await connect(config, (line) => logged.push(line));
  app = await startApp(connection.db, { host: '127.0.0.1', port: 0, maxQueryDepth: 10, maxQueryCost: 1_000_000, seed: true, log: () => {} });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await connection?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const base = () => app.url.replace(/\/graphql$/, '');
const ready = async () => (await fetch(`${base()}/ready`)).status;
async function query(): Promise<{ ms: number; code: string | null; total: number | null }> {
  const started = Date.now();
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ people(first: 1) { totalCount } }' }) });
  const body = (await res.json()) as { data?: { people: { totalCount: number } } | null; errors?: { extensions: { code: string } }[] };
  return { ms: Date.now() - started, code: body.errors?.[0]?.extensions.code ?? null, total: body.data?.people.totalCount ?? null };
}
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

test('Neo4j killed: detected, queries fail fast, restarted, and the API answers again', async () => {
  const before = await query();
  expect(before.code).toBeNull();
  expect(before.total).toBeGreaterThan(0);
  expect(await ready()).toBe(200);

  const killed = connection.local!.current.pid;
  process.kill(killed, 'SIGKILL');
  const failed = await query();
  expect(failed.code).toBe('SERVICE_UNAVAILABLE');
  const detectedMs = await until(async () => (await ready()) === 503, 5_000);
  const whileDown = await query();
  expect(whileDown.code).toBe('SERVICE_UNAVAILABLE');

  // Bolt may answer a moment before the launcher reports ready (it sets the password first): both count.
  const recoveredMs = await until(async () => connection.local!.restarts === 1 && (await ready()) === 200 && (await query()).total === before.total, 120_000);
  expect(connection.local!.current.pid).not.toBe(killed);
  expect(logged.some((l) => /local Neo4j exited unexpectedly/.test(l))).toBe(true);
  expect(logged.some((l) => /database reachable again/.test(l))).toBe(true);
  console.log(`Neo4j killed: first query failed in ${failed.ms} ms; /ready 503 after ${detectedMs} ms; a query while down failed in ${whileDown.ms} ms; recovered (restart and answer) after ${recoveredMs} ms`);
}, 180_000);
