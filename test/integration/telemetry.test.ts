// Each request leaves one JSON log line (request id, operation, status, duration, error codes,
// round trips) and counts in /metrics; a client's x-request-id is kept and returned.
import { Writable } from 'node:stream';
import { createLogger, Telemetry } from '../../src/api/telemetry';
import { startTestServer, type TestServer } from '../support/harness';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
let server: TestServer;
beforeAll(async () => {
  const logger = createLogger('info', sink);
  server = await startTestServer({ telemetry: (db) => new Telemetry(logger, db) });
});
afterAll(() => server.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const lineFor = async (id: string) => {
  for (let i = 0; i < 50 && !lines.some((l) => l.reqId === id); i++) await new Promise((r) => setTimeout(r, 20));
  return lines.find((l) => l.reqId === id);
};

test('one JSON line per request, with the client request id, operation, field, round trips', async () => {
  const res = await post({ query: 'query People { people(first: 2) { edges { node { name posts { totalCount } } } } }' }, { 'x-request-id': 'abc-123' });
  expect(res.headers.get('x-request-id')).toBe('abc-123');
  expect(await lineFor('abc-123')).toEqual(expect.objectContaining({
    level: 30, msg: 'request', reqId: 'abc-123', method: 'POST', path: '/graphql', status: 200,
    operation: 'People', field: 'people', roundTrips: 2, ms: expect.any(Number), cost: expect.any(Number),
  }));
});

test('a client error is one line with its code and no stack; an unusable request id is replaced', async () => {
  const res = await post({ query: '{ people(first: -1) { totalCount } }' }, { 'x-request-id': 'bad id with spaces' });
  const id = res.headers.get('x-request-id')!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const line = await lineFor(id);
  expect(line).toEqual(expect.objectContaining({ errors: ['BAD_USER_INPUT'], field: 'people' }));
  expect(JSON.stringify(line)).not.toMatch(/stack/);
});

test('/metrics counts requests, errors, limit rejections and round trips', async () => {
  await post({ query: `{ people(first: 100) { edges { node { posts(first: 100) { edges { node { organisation { posts(first: 100) { totalCount } } } } } } } } }` });
  const text = await (await fetch(server.app.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(text).toMatch(/^graphql_request_duration_seconds_count\{field="people",status="200"\} [1-9]/m);
  expect(text).toMatch(/^graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/m);
  expect(text).toMatch(/^graphql_limit_rejections_total\{code="QUERY_TOO_COSTLY"\} 1$/m);
  expect(text).toMatch(/^neo4j_round_trips_total\{operation="entity.list",outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^neo4j_round_trip_duration_seconds_count\{operation="entity.list"\} [1-9]/m);
  expect(text).toMatch(/^neo4j_up 1$/m);
  expect(text).toMatch(/^heavy_reads_queued 0$/m);
  expect(text).toMatch(/^costly_queries_running 0$/m);
  expect(text).toMatch(/^costly_queries_queued 0$/m);
  expect(text).toMatch(/^neo4j_transactions_open 0$/m);
  expect(text).toMatch(/^neo4j_pool_size 100$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
});
