// When Neo4j cannot be reached, clients get a masked error with a code and /ready says 503;
// the detail goes to the server log, never to the client.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApolloServer } from '../../src/api/server';
import { createHttpServer } from '../../src/api/http';
import { Database } from '../../src/db/database';

let http: Server;
let base: string;
let db: Database;
const logged: unknown[] = [];
const apollo = createApolloServer({ maxQueryDepth: 10, maxQueryCost: 200_000, log: (_m, e) => logged.push(e) });

beforeAll(async () => {
  // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
  db = new Database({ uri: 'bolt://127.0.0.1:9', database: 'neo4j', transactionTimeoutMs: 1000, maxRetryTimeMs: 500 });
  await apollo.start();
  http = createHttpServer(apollo, db, (_m, e) => logged.push(e));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await apollo.stop();
  await db.close();
});

test('a query gets SERVICE_UNAVAILABLE, masked, without a stack trace', async () => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ people { totalCount } }' }),
  });
  const body = (await res.json()) as any;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  expect(body.errors[0].message).toBe('The database is unavailable; try again shortly.');
  expect(JSON.stringify(body)).not.toMatch(/stack|127\.0\.0\.1:9|Neo4jError/i);
  expect(logged.length).toBeGreaterThan(0);
});

test('/ready is 503 while /health stays 200', async () => {
  expect((await fetch(`${base}/ready`)).status).toBe(503);
  expect((await fetch(`${base}/health`)).status).toBe(200);
});
