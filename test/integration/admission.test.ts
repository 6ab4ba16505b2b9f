// Costly operations (estimated cost at or above the threshold) take turns: while the turns are
// held, a costly request waits and then gets SERVER_BUSY (503, Retry-After) without touching the
// database, cheap requests go straight through, and every costly request gives its turn back,
// whether it answered or failed.
import { Gate } from '../../src/db/gate';
import { startTestServer, type TestServer } from '../support/harness';

const gate = new Gate(1);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ costlyGate: gate, costlyQueryCost: 1_000, costlyQueryWaitMs: 300 });
});
afterAll(() => server.stop());

const COSTLY = '{ people(first: 100) { edges { node { key name names { value language } } } } }'; // 100 x (1 + 4 + 10 x 3) and more
const CHEAP = '{ entity(key: "org-imda") { key name } }';

async function post(query: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

test('while the turn is held, a costly request is refused after its wait; a cheap one answers', async () => {
  const release = await gate.acquire(0);
  try {
    const started = Date.now();
    const { result, queries } = await server.recordQueries(() => post(COSTLY));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.status).toBe(503);
    expect(result.retryAfter).toBe('1');
    expect(result.body.errors[0].extensions.code).toBe('SERVER_BUSY');
    expect(result.body.errors[0].message).toMatch(/too many costly requests .* waited 300 ms/);
    expect(queries).toEqual([]);
    const cheap = await post(CHEAP);
    expect(cheap.status).toBe(200);
    expect(cheap.body.data.entity.key).toBe('org-imda');
  } finally {
    release();
  }
});

test('a costly request queued behind the turn runs once it is given back, then gives its own back', async () => {
  const release = await gate.acquire(0);
  const waiting = post(COSTLY);
  await new Promise((r) => setTimeout(r, 100));
  expect(gate.queued).toBe(1);
  release();
  const answered = await waiting;
  expect(answered.status).toBe(200);
  expect(answered.body.data.people.edges.length).toBeGreaterThan(5);
  expect(gate.active).toBe(0);
});

test('a costly request that fails still gives its turn back', async () => {
  const failing = await post('{ people(first: 100, after: "not-a-cursor") { edges { node { key name names { value language } } } } }');
  expect(failing.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(gate.active).toBe(0);
  expect(gate.peak).toBe(1);
  expect((await post(COSTLY)).status).toBe(200);
  expect(gate.active).toBe(0);
});
