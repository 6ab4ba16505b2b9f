// Requests estimated above the cost limit are refused before they touch the database; the
// transaction timeout bounds anything that slips through.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxQueryCost: 5_000 });
});
afterAll(() => server.stop());

const imda = Buffer.from('Organisation:org-imda').toString('base64url');

test('a 3-hop neighbourhood of 200 is refused with QUERY_TOO_COSTLY and no database call', async () => {
  const { result, queries } = await server.recordQueries(() =>
    server.gql(`{ neighborhood(id: "${imda}", hops: 3, limit: 200) { nodes { entity { name } } } }`),
  );
  expect(result.status).toBe(400);
  expect(result.data ?? null).toBeNull();
  expect(result.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: expect.any(Number), maxCost: 5_000 });
  expect(result.errors![0].extensions!.cost as number).toBeGreaterThan(5_000);
  expect(queries).toEqual([]);
});

test('page sizes given as variables count too', async () => {
  const query = `query($n: Int) { people(first: $n) { edges { node { posts(first: $n) { edges { node { organisation { name } } } } } } } }`;
  const refused = await server.gql(query, { n: 100 });
  expect(refused.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  const allowed = await server.gql(query, { n: 10 });
  expect(allowed.errors).toBeUndefined();
  expect(allowed.data!.people.edges.length).toBe(10);
});

test('a modest exploration passes', async () => {
  const res = await server.gql(`{ neighborhood(id: "${imda}", hops: 1, limit: 20) { reachable } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data!.neighborhood.reachable).toBeGreaterThan(0);
});
