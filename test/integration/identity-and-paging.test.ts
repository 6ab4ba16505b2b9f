// Global ids, cursor paging and input limits: what a client may rely on, and what it is told when wrong.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}
/** The error codes of a request that must fail; no stack trace may leak. */
async function codesOf(query: string, variables?: Record<string, unknown>): Promise<unknown[]> {
  const res = await server.gql(query, variables);
  expect(JSON.stringify(res)).not.toContain('stacktrace');
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors!.map((e) => e.extensions?.code);
}
const globalId = (raw: string) => Buffer.from(raw, 'utf8').toString('base64url');

const LISTS = ['people', 'organisations', 'events', 'agreements', 'projects', 'places', 'documents'];
const NODE = `node(id: $id) { id __typename ... on Entity { key name } }`;

test('does every listed entity come back from node(id) and nodes(ids) as itself?', async () => {
  const data = await ask(`{ ${LISTS.map((l) => `${l}(first: 100) { totalCount edges { node { id __typename key name } } }`).join(' ')} }`);
  const all = LISTS.flatMap((l) => {
    expect(data[l].edges).toHaveLength(data[l].totalCount);
    return data[l].edges.map((e: any) => e.node);
  });
  expect(all).toHaveLength(51);
  expect(new Set(all.map((n: any) => n.__typename))).toEqual(
    new Set(['Person', 'Organisation', 'Event', 'Agreement', 'Project', 'Place', 'Document']));
  expect(new Set(all.map((n: any) => n.id)).size).toBe(all.length);

  const { nodes } = await ask(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Entity { key name } } }`, { ids: all.map((n: any) => n.id) });
  expect(nodes).toEqual(all);
  // One node(id) round trip per type.
  for (const type of new Set(all.map((n: any) => n.__typename))) {
    const first = all.find((n: any) => n.__typename === type);
    expect((await ask(`query($id: ID!) { ${NODE} }`, { id: first.id })).node).toEqual(first);
  }
});

test('does nodes(ids) keep the order asked for, with null where nothing matches?', async () => {
  const ids = [globalId('Place:place-shenzhen'), globalId('Person:person-nobody'), globalId('Person:person-ian-mak'), globalId('Place:place-shenzhen')];
  const { nodes } = await ask(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key } } }`, { ids });
  expect(nodes).toEqual([
    { id: ids[0], key: 'place-shenzhen' },
    null,
    { id: ids[2], key: 'person-ian-mak' },
    { id: ids[0], key: 'place-shenzhen' },
  ]);
});

test('is a well-formed id of nothing answered with null, not an error?', async () => {
  expect((await ask(`query($id: ID!) { ${NODE} }`, { id: globalId('Person:person-nobody') })).node).toBeNull();
  expect((await ask(`{ entity(key: "person-nobody") { key } }`)).entity).toBeNull();
});

test('is an organisation’s id relabelled as a person answered with null?', async () => {
  const org = (await ask(`query($id: ID!) { ${NODE} }`, { id: globalId('Organisation:org-imda') })).node;
  expect(org).toMatchObject({ __typename: 'Organisation', key: 'org-imda' });
  for (const fake of ['Person:org-imda', 'Document:org-imda', 'Place:person-ian-mak']) {
    expect((await ask(`query($id: ID!) { ${NODE} }`, { id: globalId(fake) })).node).toBeNull();
  }
});

test.each(['!!!', globalId('Person'), globalId('Robot:person-ian-mak'), ''])('is the malformed id %j refused as bad input?', async (id) => {
  expect(await codesOf(`query($id: ID!) { node(id: $id) { id } }`, { id })).toEqual(['BAD_USER_INPUT']);
});

test.each([0, 101, -1])('is a page of first: %i refused as bad input?', async (first) => {
  expect(await codesOf(`query($n: Int) { people(first: $n) { totalCount } }`, { n: first })).toEqual(['BAD_USER_INPUT']);
  expect(await codesOf(`query($n: Int) { entity(key: "org-imda") { relationships(first: $n) { totalCount } } }`, { n: first }))
    .toEqual(['BAD_USER_INPUT']);
});

test('are pages of 1 and 100 accepted?', async () => {
  const data = await ask(`{ one: people(first: 1) { edges { node { key } } } hundred: people(first: 100) { totalCount edges { node { key } } } }`);
  expect(data.one.edges).toEqual([{ node: { key: 'person-chu-bin' } }]);
  expect(data.hundred.edges).toHaveLength(11);
});

test.each(['not-a-cursor', globalId('o:-1'), globalId('x:3'), '!!!'])('is the malformed cursor %j refused as bad input?', async (after) => {
  expect(await codesOf(`query($a: String) { people(first: 3, after: $a) { totalCount } }`, { a: after })).toEqual(['BAD_USER_INPUT']);
});

test('does walking people three at a time visit every person exactly once?', async () => {
  const everyone = (await ask(`{ people(first: 100) { totalCount edges { node { key } } } }`)).people;
  expect(everyone.totalCount).toBe(11);
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: any = (await ask(`query($a: String) { people(first: 3, after: $a) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key } } } }`, { a: after })).people;
    pages += 1;
    expect(page.totalCount).toBe(11);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    seen.push(...page.edges.map((e: any) => e.node.key));
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(3);
    after = page.pageInfo.endCursor;
    expect(pages).toBeLessThan(10);
  }
  expect(pages).toBe(4);
  expect(seen).toEqual(everyone.edges.map((e: any) => e.node.key));
  expect(new Set(seen).size).toBe(11);
});

test('is an unknown relationship type refused as bad input, inline and as a variable?', async () => {
  expect(await codesOf(`{ entity(key: "org-imda") { relationships(types: [NOT_A_TYPE]) { totalCount } } }`)).toEqual(['BAD_USER_INPUT']);
  expect(await codesOf(`query($t: [RelationshipType!]) { entity(key: "org-imda") { relationships(types: $t) { totalCount } } }`, { t: ['NOT_A_TYPE'] }))
    .toEqual(['BAD_USER_INPUT']);
});

// entity > units > edges > node > parents > edges > node > units > edges > node: depth 10.
const TEN = `entity(key: "org-imda") { ... on Organisation { units { edges { node { parents { edges { node {
  units { edges { node { LEAF } } } } } } } } } } }`;

test('is a query at the depth limit (10) answered?', async () => {
  const data = await ask(`{ ${TEN.replace('LEAF', 'key')} }`);
  expect(data.entity.units.edges).toHaveLength(3);
});

test('is a query one level deeper than the limit refused with QUERY_TOO_DEEP and no data?', async () => {
  const res = await server.gql(`{ ${TEN.replace('LEAF', 'parents { totalCount }')} }`);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 11, maxDepth: 10 });
  expect(JSON.stringify(res)).not.toContain('stacktrace');
});

test('is depth counted through fragments too?', async () => {
  const res = await server.gql(`{ entity(key: "org-imda") { ...Deep } }
    fragment Deep on Organisation { units { edges { node { parents { edges { node {
      units { edges { node { parents { totalCount } } } } } } } } } } }`);
  expect(res.data).toBeUndefined();
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
});

test('do error responses of every kind leave out stack traces?', async () => {
  expect(await codesOf(`{ people( }`)).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(await codesOf(`{ people { nope } }`)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(await codesOf(`{ entity(key: "doc-chongqing-smart-city-conference") { ... on Document { excerpt(start: 0, end: 999999) } } }`))
    .toEqual(['BAD_USER_INPUT']);
  expect(await codesOf(`{ search(query: "  ") { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
});
