// Hostile requests meet a limit before they cost anything: the attack shapes found by hand (a
// document's text aliased under every citation, page sizes hidden in variable defaults, aliased
// introspection, 100k ids, a 100k-character id) and the byte cap on what does run.
import { getIntrospectionQuery } from 'graphql';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
let small: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Same graph (not reset again): a low byte cap and schema details hidden, as in production.
  small = await startTestServer({ reset: false, maxResponseBytes: 4_000, maxQueryCost: 100_000, hideSchemaDetails: true });
});
afterAll(async () => {
  await small.stop();
  await server.stop();
});

const ALIASED_TEXT = (n: number) => `{ people(first: 20) { edges { node {
  ${Array.from({ length: n }, (_, i) => `t${i}: sources { document { text } }`).join('\n  ')} } } } }`;

test('a document text aliased under every citation is refused before the database is asked', async () => {
  const { result, queries } = await server.recordQueries(() => server.gql(ALIASED_TEXT(40)));
  expect(result.status).toBe(400);
  expect(result.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  expect(queries).toEqual([]);
});

test('page sizes in variable defaults count like given ones', async () => {
  const query = `query($n: Int = 100) { people(first: $n) { edges { node { posts(first: $n) { edges { node { organisation { name
    parents(first: $n) { edges { node { name } } } } } } } } } } }`;
  const refused = await server.gql(query);
  expect(refused.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  const given = await server.gql(query, { n: 100 });
  expect(given.errors![0].extensions!.cost).toBe(refused.errors![0].extensions!.cost);
  expect((await server.gql(query, { n: 5 })).errors).toBeUndefined();
});

test('introspection is costed by what it lists: once passes, aliased many times is refused', async () => {
  const once = await small.gql(`{ __type(name: "Person") { name fields { name } } }`);
  expect(once.errors).toBeUndefined();
  // The whole introspection query under 30 aliases (the alias limit is 50), on a server whose
  // MAX_QUERY_COST is 100000.
  const [operation, ...fragments] = getIntrospectionQuery().split(/\n\s*fragment /);
  const schema = operation.slice(operation.indexOf('__schema'), operation.lastIndexOf('}'));
  const many = `query { ${Array.from({ length: 30 }, (_, i) => `s${i}: ${schema}`).join('\n')} }\nfragment ${fragments.join('\nfragment ')}`;
  const result = await small.gql(many);
  expect(result.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  expect(result.errors![0].extensions!.cost).toBeGreaterThan(30 * 7_000);
});

test('aliases, directives and tokens have limits (MAX_ALIASES, MAX_DIRECTIVES, MAX_TOKENS)', async () => {
  const aliases = await server.gql(`{ ${Array.from({ length: 51 }, (_, i) => `a${i}: stats { totalEntities }`).join(' ')} }`);
  expect(aliases.status).toBe(400);
  expect(aliases.errors![0].message).toMatch(/aliases/i);
  const directives = await server.gql(`{ __typename ${'@skip(if: false) '.repeat(51)} }`);
  expect(directives.status).toBe(400);
  expect(directives.errors![0].message).toMatch(/directives/i);
  const tokens = await server.gql(`{ ${'__typename '.repeat(10_001)} }`);
  expect(tokens.status).toBe(400);
  expect(tokens.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(tokens.errors![0].message).toMatch(/tokens/);
});

test('nodes takes at most 100 ids', async () => {
  const id = Buffer.from('Organisation:org-imda').toString('base64url');
  const ok = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(100).fill(id) });
  expect(ok.errors).toBeUndefined();
  expect(ok.data!.nodes).toHaveLength(100);
  const refused = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(101).fill(id) });
  expect(refused.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids' });
  expect(refused.data ?? null).toBeNull();
});

test('an error repeats at most 200 characters of a client value', async () => {
  const id = 'x'.repeat(100_000);
  const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message.length).toBeLessThan(400);
  const literal = await server.gql(`{ people(first: "${'y'.repeat(5_000)}") { totalCount } }`);
  expect(literal.errors![0].message.length).toBeLessThan(400);
  expect(literal.errors![0].message).toMatch(/more characters/);
});

test('a response past MAX_RESPONSE_BYTES is replaced by RESPONSE_TOO_LARGE', async () => {
  const query = `{ documents(first: 2) { edges { node { key text } } } }`;
  const whole = await server.gql(query);
  expect(whole.errors).toBeUndefined();
  expect(JSON.stringify(whole.data).length).toBeGreaterThan(4_000);
  const res = await fetch(small.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = await res.text();
  expect(body.length).toBeLessThan(1_000);
  const parsed = JSON.parse(body);
  expect(parsed.data).toBeNull();
  expect(parsed.errors[0].extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', maxBytes: 4_000 });
  // Under the cap, the same server answers.
  expect((await small.gql(`{ documents(first: 2) { edges { node { key } } } }`)).errors).toBeUndefined();
});

test('production mode leaves schema suggestions out of errors', async () => {
  const query = `{ peple(first: 1) { totalCount } }`;
  expect((await server.gql(query)).errors![0].message).toMatch(/Did you mean/);
  const hidden = await small.gql(query);
  expect(hidden.errors![0].message).not.toMatch(/Did you mean|people/);
});
