// The SDK (sdk/) against the real server: typed calls, pagination and typed errors.
import { createClient, GraphQLRequestError, pages, type Client } from '../../sdk/src/index';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = await startTestServer();
  client = createClient({ url: server.url });
});
afterAll(() => server.stop());

async function idOf(key: string): Promise<string> {
  const entity = await client.entity({ key, relationshipsFirst: 1 });
  if (!entity) throw new Error(`no entity ${key}`);
  return entity.id;
}

test('search finds a person by Chinese name', async () => {
  const result = await client.search({ query: '麦重乙' });
  expect(result.edges.map((e) => ({ typename: e.node.__typename, name: e.node.name, key: e.node.key }))).toEqual([
    { typename: 'Person', name: 'Ian Mak', key: 'person-ian-mak' },
  ]);
});

test('entity by key, with names, sources and relationships', async () => {
  const imda = await client.entity({ key: 'org-imda' });
  expect(imda).not.toBeNull();
  expect(imda!.__typename).toBe('Organisation');
  expect(imda!.key).toBe('org-imda');
  expect(imda!.names.map((n) => n.value)).toContain('IMDA');
  expect(imda!.relationships.totalCount).toBeGreaterThan(0);
  for (const edge of imda!.relationships.edges) {
    expect(edge.node.sources.length).toBeGreaterThan(0);
    expect(typeof edge.node.sources[0].excerpt).toBe('string');
  }
  expect(await client.entity({ key: 'org-nowhere' })).toBeNull();
});

test('node and nodes by global id', async () => {
  const id = await idOf('person-ian-mak');
  const node = await client.node({ id });
  expect(node).toMatchObject({ __typename: 'Person', id, key: 'person-ian-mak' });
  const nodes = await client.nodes({ ids: [id, id] });
  expect(nodes.map((n) => n?.id)).toEqual([id, id]);
});

test('people filtered by organisation', async () => {
  const imda = await idOf('org-imda');
  const list = await client.people({ filter: { organisation: imda } });
  expect(list.totalCount).toBe(3);
  expect(list.edges.map((e) => e.node.name)).toEqual(['Ian Mak', 'Jiang Aijuan', 'Leong Der Yao']);
});

test('paths between the mayor and the president have length 3', async () => {
  const [from, to] = await Promise.all([idOf('person-qin-wei-zhong'), idOf('person-tan-kian-heong')]);
  const paths = await client.paths({ from, to });
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) {
    expect(path.length).toBe(3);
    expect(path.steps).toHaveLength(3);
    expect(path.start.key).toBe('person-qin-wei-zhong');
    expect(path.end.key).toBe('person-tan-kian-heong');
  }
});

test('the exploration queries answer', async () => {
  const id = await idOf('person-ian-mak');
  const stats = await client.stats();
  expect(stats.totalEntities).toBeGreaterThan(0);
  const hood = await client.neighborhood({ id });
  expect(hood?.center.key).toBe('person-ian-mak');
  const ranked = await client.mostConnected({ first: 3 });
  expect(ranked.edges).toHaveLength(3);
  const timeline = await client.timeline({ first: 5 });
  expect(timeline.totalCount).toBeGreaterThan(0);
  const [a, b] = await Promise.all([idOf('person-qin-wei-zhong'), idOf('person-joseph-leong')]);
  const shared = await client.sharedConnections({ ids: [a, b] });
  expect(shared.totalCount).toBeGreaterThan(0);
});

test('pagination walks every person exactly once', async () => {
  const { totalCount } = await client.people({ first: 1 });
  const keys: string[] = [];
  for await (const person of client.paginate.people({ first: 2 })) keys.push(person.key);
  expect(keys).toHaveLength(totalCount);
  expect(new Set(keys).size).toBe(totalCount);
  expect(totalCount).toBeGreaterThan(2);

  const viaHelper: string[] = [];
  for await (const person of pages((after) => client.people({ first: 2, after }))) viaHelper.push(person.key);
  expect(viaHelper).toEqual(keys);
});

test('a bad argument raises GraphQLRequestError with the server code and HTTP status', async () => {
  const error = await client.people({ first: 0 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphQLRequestError);
  const e = error as GraphQLRequestError;
  expect(e.code).toBe('BAD_USER_INPUT');
  expect([200, 400]).toContain(e.status);
  expect(e.errors.length).toBeGreaterThan(0);
  expect(e.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('headers and a custom fetch are used', async () => {
  const seen: Headers[] = [];
  const custom = createClient({
    url: server.url,
    headers: () => ({ 'x-trace': 'sdk-test' }),
    fetch: (input, init) => {
      seen.push(new Headers(init?.headers));
      return fetch(input, init);
    },
  });
  expect((await custom.stats()).totalEntities).toBeGreaterThan(0);
  expect(seen[0].get('x-trace')).toBe('sdk-test');
});
