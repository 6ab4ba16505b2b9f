// The HTTP surface around GraphQL: health, readiness, the offline editor, and bad requests.
import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
let base: string;
beforeAll(async () => {
  server = await startTestServer();
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server.stop());

test('/health says the process is up and /ready that Neo4j answers', async () => {
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', database: 'neo4j' });
});

test('a browser gets GraphiQL, with every asset served locally', async () => {
  const page = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.sort()).toEqual(['/graphiql/graphiql.css', '/graphiql/graphiql.js', '/graphiql/react-dom.js', '/graphiql/react.js']);
  expect(html).not.toMatch(/https?:\/\//);
  for (const asset of assets) {
    const res = await fetch(`${base}${asset}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }
});

test('a body that is not JSON is a 400 with a code, not a crash', async () => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
});

test('an oversized body is refused with 413', async () => {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ people { totalCount } } # ${'x'.repeat(1_100_000)}` }),
  });
  expect(res.status).toBe(413);
});

test('unknown paths are 404', async () => {
  expect((await fetch(`${base}/nope`)).status).toBe(404);
});

async function post(body: unknown, method = 'POST'): Promise<{ status: number; code: unknown; message: string }> {
  const res = await fetch(server.url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: unknown } }[] };
  return { status: res.status, code: json.errors?.[0]?.extensions?.code, message: json.errors?.[0]?.message ?? '' };
}

test('mutations and subscriptions are refused as unsupported (400), other methods with 405', async () => {
  expect(await post({ query: 'mutation { addPerson }' })).toEqual({
    status: 400, code: 'OPERATION_NOT_SUPPORTED', message: 'this API is read-only and serves queries only, not mutations',
  });
  expect(await post({ query: 'subscription { changes }' })).toMatchObject({ status: 400, code: 'OPERATION_NOT_SUPPORTED' });
  expect(await post({ query: '{ __typename }' }, 'PUT')).toMatchObject({ status: 405, code: 'BAD_REQUEST' });
});

test('automatic persisted queries: an unknown hash and a hash that does not match get their Apollo codes', async () => {
  const query = '{ stats { totalEntities } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } })).toMatchObject({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' });
  expect(await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash } } }))
    .toEqual({ status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'provided sha does not match query' });
  // Registered with the right hash, the hash alone then runs it.
  expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } })).code).toBeUndefined();
  expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } })).toEqual({ status: 200, code: undefined, message: '' });
});
