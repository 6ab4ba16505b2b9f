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

// Attributes (kind, date, count, ...) are read with a page only when the operation selected
// them; where a query does not read them (a neighbourhood), one batched lookup fetches them.
test('a page reads kind, date and count only when selected, and entities without them get them in one batch', async () => {
  const listed = async (fields: string) => {
    const { result, queries } = await server.recordQueries(() => server.gql(`{ organisations(first: 100) { edges { node { key name ${fields} } } } }`));
    expect(result.errors).toBeUndefined();
    expect(queries.map((q) => q.operation)).toEqual(['entity.list']);
    const [key] = queries[0].params.keys as { attributes: boolean }[];
    return { nodes: result.data!.organisations.edges.map((e: { node: Record<string, unknown> }) => e.node), attributes: key.attributes };
  };
  const bare = await listed('');
  const withKind = await listed('kind');
  expect(bare.attributes).toBe(false);
  expect(withKind.attributes).toBe(true);
  const kinds = new Map(withKind.nodes.map((n: { key: string; kind: string }) => [n.key, n.kind]));
  expect(new Set(kinds.values())).toContain('GOVERNMENT_BODY');

  const imda = withKind.nodes.find((n: { key: string }) => n.key === 'org-imda') as { id?: string };
  const { data } = await server.gql(`{ entity(key: "org-imda") { id } }`);
  const { result, queries } = await server.recordQueries(() =>
    server.gql(`query($id: ID!) { neighborhood(id: $id, hops: 2, limit: 200) { nodes { entity { key ... on Organisation { kind } ... on Event { date { year month day } } } } } }`, { id: data!.entity.id }),
  );
  expect(imda).toBeDefined();
  expect(result.errors).toBeUndefined();
  expect(queries.map((q) => q.operation)).toEqual(['explore.neighbourhood', 'entity.attributes']);
  const nodes = result.data!.neighborhood.nodes.map((n: { entity: Record<string, unknown> }) => n.entity);
  const organisations = nodes.filter((n: { kind?: string }) => n.kind !== undefined);
  expect(organisations.length).toBeGreaterThan(3);
  for (const o of organisations) expect(o.kind).toBe(kinds.get(o.key as string));
  const events = (await server.gql(`{ events(first: 100) { edges { node { key date { year month day } } } } }`)).data!.events.edges;
  const dates = new Map(events.map((e: { node: { key: string; date: unknown } }) => [e.node.key, e.node.date]));
  const reachedEvents = nodes.filter((n: { date?: unknown }) => n.date !== undefined);
  expect(reachedEvents.length).toBeGreaterThan(0);
  for (const e of reachedEvents) expect(e.date).toEqual(dates.get(e.key as string));

  // A relationship page that selects kind reads it with the page.
  const posts = await server.recordQueries(() => server.gql(`{ people(first: 100) { edges { node { posts { edges { node { organisation { key kind } } } } } } } }`));
  expect(posts.result.errors).toBeUndefined();
  expect(posts.queries.map((q) => q.operation).sort()).toEqual(['entity.list', 'relationship.neighbours']);
  const reached = posts.result.data!.people.edges.flatMap((p: { node: { posts: { edges: { node: { organisation: { key: string; kind: string } } }[] } } }) =>
    p.node.posts.edges.map((e) => e.node.organisation));
  expect(reached.length).toBeGreaterThan(3);
  for (const o of reached) expect(o.kind).toBe(kinds.get(o.key));
});
