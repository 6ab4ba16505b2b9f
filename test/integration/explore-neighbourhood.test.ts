// The subgraph around IMDA for graph drawing: neighborhood() nodes, distances, edges, limits and round trips.
import { readSeedGraph } from '../../src/seed/compile';
import { SEED_DIR } from '../../src/seed/paths';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Sends an operation that must succeed and returns its data. */
async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.gql(query, variables);
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data;
}
/** The error codes of a request that must fail; no stack trace may leak. */
async function codesOf(query: string, variables?: Record<string, unknown>): Promise<unknown[]> {
  const res = await server.gql(query, variables);
  expect(JSON.stringify(res)).not.toContain('stacktrace');
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors!.map((e) => e.extensions?.code);
}
const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
const IMDA = gid('Organisation', 'org-imda');

// The expectation comes from the curated seed files, not from the server.
const seed = readSeedGraph(SEED_DIR);
const labelOf = new Map(seed.nodes.map((n) => [n.id, n.label as string]));
const seedGid = (key: string) => gid(labelOf.get(key)!, key);
const relatedTo = (key: string, types?: string[]) =>
  new Set(seed.relationships.filter((r) => !types || types.includes(r.type)).flatMap((r) => (r.from === key ? [r.to] : r.to === key ? [r.from] : [])));
/** Ids of every seed relationship with both ends among `keys`. */
const relationshipsAmong = (keys: Set<string>) => seed.relationships.filter((r) => keys.has(r.from) && keys.has(r.to)).map((r) => r.id).sort();

const NEIGHBOURHOOD = `query N($id: ID!, $hops: Int, $types: [RelationshipType!], $limit: Int) {
  neighborhood(id: $id, hops: $hops, types: $types, limit: $limit) {
    center { key } truncated reachable
    nodes { id distance entity { key __typename ... on Organisation { kind } } }
    edges { id source target type relationship { id type from { key } to { key } } }
  } }`;
const around = async (vars: Record<string, unknown> = {}) => (await ask(NEIGHBOURHOOD, { id: IMDA, ...vars })).neighborhood;
const keysOf = (g: any) => new Set<string>(g.nodes.map((n: any) => n.entity.key));

test('what is directly related to IMDA?', async () => {
  const g = await around();
  const expected = relatedTo('org-imda');
  expect(expected.size).toBe(10);
  expect(g.center).toEqual({ key: 'org-imda' });
  expect(g.nodes[0]).toMatchObject({ id: IMDA, distance: 0, entity: { key: 'org-imda' } });
  expect(keysOf(g)).toEqual(new Set(['org-imda', ...expected]));
  expect(g.nodes).toHaveLength(expected.size + 1);
  for (const n of g.nodes.slice(1)) expect(n.distance).toBe(1);
  for (const n of g.nodes) expect(n.id).toBe(seedGid(n.entity.key));
  expect(g).toMatchObject({ truncated: false, reachable: expected.size });
});

test('does every edge join two drawn nodes, and is every relationship among them drawn?', async () => {
  for (const hops of [1, 2]) {
    const g = await around({ hops });
    const ids = new Set(g.nodes.map((n: any) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.source).toBe(seedGid(e.relationship.from.key));
      expect(e.target).toBe(seedGid(e.relationship.to.key));
      expect([e.id, e.type]).toEqual([e.relationship.id, e.relationship.type]);
    }
    expect(g.edges.map((e: any) => e.id).sort()).toEqual(relationshipsAmong(keysOf(g)));
  }
});

test('what lies within two hops of IMDA?', async () => {
  const one = await around({ hops: 1 });
  const two = await around({ hops: 2 });
  const expected = new Set([...relatedTo('org-imda')].flatMap((k) => [k, ...relatedTo(k)]));
  expected.delete('org-imda');
  expect(keysOf(two)).toEqual(new Set(['org-imda', ...expected]));
  for (const key of keysOf(one)) expect(keysOf(two).has(key)).toBe(true);
  expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
  const distance = new Map<string, number>(two.nodes.map((n: any) => [n.entity.key, n.distance]));
  for (const [key, d] of distance) expect(d).toBe(key === 'org-imda' ? 0 : relatedTo('org-imda').has(key) ? 1 : 2);
  // Nearest first.
  expect(two.nodes.map((n: any) => n.distance)).toEqual([...two.nodes.map((n: any) => n.distance)].sort());
  expect(two).toMatchObject({ truncated: false, reachable: expected.size });
});

test('what does a limit of 5 leave out?', async () => {
  const g = await around({ hops: 2, limit: 5 });
  expect(g.nodes).toHaveLength(6);
  expect(g.nodes[0].entity.key).toBe('org-imda');
  expect(g.truncated).toBe(true);
  expect(g.reachable).toBeGreaterThan(5);
  expect(g.reachable).toBe((await around({ hops: 2 })).nodes.length - 1);
  // The nearest are kept: all five are IMDA's direct relations.
  for (const n of g.nodes.slice(1)) expect(n.distance).toBe(1);
  for (const key of [...keysOf(g)].slice(1)) expect(relatedTo('org-imda').has(key)).toBe(true);
  expect(g.edges.map((e: any) => e.id).sort()).toEqual(relationshipsAmong(keysOf(g)));
});

test('are node and edge ids the same from one call to the next, so drawings can be merged?', async () => {
  const [a, b] = [await around({ hops: 2 }), await around({ hops: 2 })];
  expect(b.nodes.map((n: any) => n.id)).toEqual(a.nodes.map((n: any) => n.id));
  expect(b.edges.map((e: any) => e.id)).toEqual(a.edges.map((e: any) => e.id));
  // An expansion from a neighbour shares ids with the first drawing.
  const tusstar = await ask(NEIGHBOURHOOD, { id: gid('Organisation', 'org-tusstar') });
  const shared = tusstar.neighborhood.edges.find((e: any) => e.id === 'COOPERATES_WITH:org-imda:org-tusstar');
  expect(a.edges.find((e: any) => e.id === shared.id)).toEqual(shared);
});

test('which units make up IMDA?', async () => {
  const g = await around({ types: ['PART_OF'] });
  expect(keysOf(g)).toEqual(new Set(['org-imda', ...relatedTo('org-imda', ['PART_OF'])]));
  expect(g.nodes).toHaveLength(4);
  for (const n of g.nodes.slice(1)) expect(n.entity).toMatchObject({ __typename: 'Organisation', kind: 'UNIT' });
  expect(g.edges.map((e: any) => e.type)).toEqual(['PART_OF', 'PART_OF', 'PART_OF']);
  for (const e of g.edges) expect(e.target).toBe(IMDA);
});

test('what surrounds an entity with no relationships, or none of the types asked for?', async () => {
  const g = (await ask(NEIGHBOURHOOD, { id: gid('Place', 'place-new-zealand') })).neighborhood;
  expect(g).toEqual({
    center: { key: 'place-new-zealand' }, truncated: false, reachable: 0, edges: [],
    nodes: [{ id: gid('Place', 'place-new-zealand'), distance: 0, entity: { key: 'place-new-zealand', __typename: 'Place' } }],
  });
  const alone = await around({ types: ['AUTHORED'] });
  expect(alone).toMatchObject({ center: { key: 'org-imda' }, truncated: false, reachable: 0, edges: [] });
  expect(alone.nodes.map((n: any) => [n.id, n.distance])).toEqual([[IMDA, 0]]);
});

test('are out-of-range bounds refused, and an unknown entity answered with null?', async () => {
  for (const vars of [{ hops: 0 }, { hops: 4 }, { limit: 0 }, { limit: 201 }, { id: 'not-an-id' }]) {
    expect(await codesOf(NEIGHBOURHOOD, { id: IMDA, ...vars })).toEqual(['BAD_USER_INPUT']);
  }
  expect((await ask(NEIGHBOURHOOD, { id: gid('Organisation', 'org-nobody') })).neighborhood).toBeNull();
});

test('is an id relabelled with another type (which node(id) answers with null) the id of no entity?', async () => {
  const relabelled = gid('Person', 'org-imda');
  expect((await ask(`query($id: ID!) { node(id: $id) { id } }`, { id: relabelled })).node).toBeNull();
  expect((await ask(NEIGHBOURHOOD, { id: relabelled })).neighborhood).toBeNull();
});

// A dashboard: the drawing plus, for every person in it, their posts and where they hold them.
const DASHBOARD = `query Dashboard($id: ID!, $hops: Int) { neighborhood(id: $id, hops: $hops, limit: 200) {
  nodes { id distance entity { key ... on Person { posts { edges { node { title organisation { name } } } } } } }
  edges { id source target } } }`;

async function dashboard(id: string, hops: number) {
  const { result, queries } = await server.recordQueries(() => server.gql(DASHBOARD, { id, hops }));
  expect(result.errors).toBeUndefined();
  const nodes = result.data!.neighborhood.nodes;
  const posts = nodes.flatMap((n: any) => n.entity.posts?.edges ?? []);
  return { nodes, posts, operations: queries.map((q) => q.operation).sort() };
}
// The subgraph, then every drawn person's posts with their organisations (one neighbour batch).
const BOUND = ['explore.neighbourhood', 'relationship.neighbours'];

test('does the dashboard around IMDA take a fixed number of round trips however many people it draws?', async () => {
  const [one, two, three] = [await dashboard(IMDA, 1), await dashboard(IMDA, 2), await dashboard(IMDA, 3)];
  expect(two.posts.length).toBeGreaterThan(0);
  for (const p of two.posts) expect(p.node.organisation.name).toEqual(expect.any(String));
  expect(two.operations).toEqual(BOUND);
  expect(three.nodes.length).toBeGreaterThan(two.nodes.length);
  expect(three.posts.length).toBeGreaterThan(two.posts.length);
  expect(three.operations).toEqual(BOUND);
  // One hop from IMDA draws no person, so no posts are fetched at all.
  expect(one.posts).toEqual([]);
  expect(one.operations).toEqual(['explore.neighbourhood']);
});

test('does the dashboard around the third meeting make the same calls at one hop and at two?', async () => {
  const meeting = gid('Event', 'event-sci-jic-third-meeting');
  const [one, two] = [await dashboard(meeting, 1), await dashboard(meeting, 2)];
  expect(one.posts.length).toBeGreaterThan(0);
  expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
  expect(two.posts.length).toBeGreaterThan(one.posts.length);
  expect(one.operations).toEqual(BOUND);
  expect(two.operations).toEqual(BOUND);
});
