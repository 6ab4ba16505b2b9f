// Batching: a nested query makes a number of database round trips bounded by its depth, not by
// the number of results. Counted with the round-trip recorder around the server's database.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

// Three levels of relationships under a top-level list, with provenance at the leaves.
const NESTED = `
  query Nested($first: Int!) {
    people(first: $first) {
      totalCount
      edges { node {
        name
        posts { edges { node {
          title
          organisation { name parents { edges { node { name } } } }
          sources { excerpt }
        } } }
        participations { edges { node {
          role
          event { name places { edges { node { name } } } }
        } } }
      } }
    }
  }`;

async function roundTrips(first: number) {
  const { result, queries } = await server.recordQueries(() => server.gql(NESTED, { first }));
  expect(result.errors).toBeUndefined();
  return { response: result, queries };
}

test('a 3-level nested query over every person takes one round trip per field it follows', async () => {
  const { response, queries } = await roundTrips(100);
  const people = response.data!.people.edges;
  expect(people.length).toBe(response.data!.people.totalCount);
  expect(people.length).toBeGreaterThan(10);
  // The list; posts and participations (each its own relationship type, run concurrently);
  // parents and places likewise; the cited documents' text. Organisations and events come with
  // the posts and participations that reach them.
  expect(queries.map((q) => q.operation).sort()).toEqual([
    'entity.list',
    'entity.text',
    'relationship.neighbours',
    'relationship.neighbours',
    'relationship.neighbours',
    'relationship.neighbours',
  ]);
  expect(queries.every((q) => q.mode === 'READ')).toBe(true);
  // Each transaction is tagged for Neo4j's transaction list and query log.
  for (const q of queries) expect(q.metadata).toEqual({ app: 'kg-server', operation: q.operation, graphqlOperation: 'Nested' });
});

test('the number of round trips does not grow with the number of results', async () => {
  const few = await roundTrips(2);
  const all = await roundTrips(100);
  expect(all.response.data!.people.edges.length).toBeGreaterThan(few.response.data!.people.edges.length);
  expect(all.queries.length).toBe(few.queries.length);
});
