// Analysts' questions about how two entities are connected: paths(from, to), steps, bounds and errors.
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
/** A passage by code-point offsets, end exclusive, as the schema defines them. */
const slice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const MAYOR = gid('Person', 'person-qin-wei-zhong');
const PRESIDENT = gid('Person', 'person-tan-kian-heong');
const MEETING = 'event-sci-jic-third-meeting';
const BATCH_1 = 'event-sci-jic-third-meeting-mou-batch-1';

const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, types: $types, first: $first) {
    length start { key } end { key }
    steps { from { key } to { key } direction relationship {
      id type from { key } to { key } ... on Participation { role } ... on Link { role }
      sources { start end excerpt document { key text } } } }
  } }`;
const pathsOf = async (vars: Record<string, unknown>) => (await ask(PATHS, { from: MAYOR, to: PRESIDENT, ...vars })).paths;
/** A path as the keys it visits, in order. */
const visits = (p: any) => [p.steps[0].from.key, ...p.steps.map((s: any) => s.to.key)];

test('how is the Shenzhen mayor connected to the Strides Digital president?', async () => {
  const paths = await pathsOf({});
  expect(paths).toHaveLength(1);
  const [path] = paths;
  expect(path.length).toBe(3);
  expect(path.start).toEqual({ key: 'person-qin-wei-zhong' });
  expect(path.end).toEqual({ key: 'person-tan-kian-heong' });
  // Pictured at the third meeting, whose first MOU signing batch pictured the president.
  expect(path.steps.map((s: any) => [s.from.key, s.relationship.type, s.direction, s.to.key])).toEqual([
    ['person-qin-wei-zhong', 'PARTICIPATED_IN', 'FORWARD', MEETING],
    [MEETING, 'PART_OF', 'BACKWARD', BATCH_1],
    [BATCH_1, 'PARTICIPATED_IN', 'BACKWARD', 'person-tan-kian-heong'],
  ]);
  expect(path.steps.map((s: any) => s.relationship.id)).toEqual([
    `PARTICIPATED_IN:person-qin-wei-zhong:${MEETING}:PICTURED`,
    `PART_OF:${BATCH_1}:${MEETING}`,
    `PARTICIPATED_IN:person-tan-kian-heong:${BATCH_1}:PICTURED`,
  ]);
  expect(path.steps.map((s: any) => s.relationship.role)).toEqual(['PICTURED', null, 'PICTURED']);
});

test('does each step say which way its relationship points, and quote its sources exactly?', async () => {
  const [path] = await pathsOf({});
  path.steps.forEach((step: any, i: number) => {
    if (i > 0) expect(step.from).toEqual(path.steps[i - 1].to);
    const { from, to } = step.relationship;
    if (step.direction === 'FORWARD') expect([from, to]).toEqual([step.from, step.to]);
    else expect([from, to]).toEqual([step.to, step.from]);
    expect(step.relationship.sources.length).toBeGreaterThan(0);
    for (const s of step.relationship.sources) {
      expect(s.document.key).toBe('doc-shenzhen-sci-third-jic-meeting');
      expect(s.excerpt.length).toBeGreaterThan(0);
      expect(s.document.text).toContain(s.excerpt);
      expect(slice(s.document.text, s.start, s.end)).toBe(s.excerpt);
    }
  });
  expect(path.steps[2].relationship.sources.map((s: any) => s.excerpt)).toEqual(['Tan Kian Heong President, Strides Digital']);
});

test('which connections run through participations only, and in what order?', async () => {
  // Without PART_OF, the way from the meeting to its batch goes through someone pictured at both.
  const paths = await pathsOf({ types: ['PARTICIPATED_IN'] });
  expect(paths.map((p: any) => p.length)).toEqual([4, 4, 4]);
  expect(paths.map(visits)).toEqual(['person-ian-mak', 'person-joseph-leong', 'person-leong-der-yao'].map((via) => [
    'person-qin-wei-zhong', MEETING, via, BATCH_1, 'person-tan-kian-heong',
  ]));
  for (const p of paths) for (const s of p.steps) expect(s.relationship).toMatchObject({ type: 'PARTICIPATED_IN', role: 'PICTURED' });
  // `first` keeps the first paths of that order.
  expect((await pathsOf({ types: ['PARTICIPATED_IN'], first: 2 })).map(visits)).toEqual(paths.slice(0, 2).map(visits));
  // The same path comes back for the types it uses.
  expect((await pathsOf({ types: ['PARTICIPATED_IN', 'PART_OF'] })).map(visits)).toEqual([
    ['person-qin-wei-zhong', MEETING, BATCH_1, 'person-tan-kian-heong'],
  ]);
});

test('are they connected through posts alone?', async () => {
  expect(await pathsOf({ types: ['HOLDS_POST'] })).toEqual([]);
  expect(await pathsOf({ types: ['HOLDS_POST'], maxHops: 6 })).toEqual([]);
});

test('are they connected within fewer hops than the shortest path?', async () => {
  expect(await pathsOf({ maxHops: 1 })).toEqual([]);
  expect(await pathsOf({ maxHops: 2 })).toEqual([]);
  expect((await pathsOf({ maxHops: 3 })).map((p: any) => p.length)).toEqual([3]);
  // Only paths of the shortest length are returned, however many hops are allowed.
  expect((await pathsOf({ maxHops: 6 })).map(visits)).toEqual((await pathsOf({})).map(visits));
});

test('is an entity with no relationships, or no entity at all, connected to anyone?', async () => {
  const newZealand = gid('Place', 'place-new-zealand');
  expect(await pathsOf({ from: newZealand, maxHops: 6 })).toEqual([]);
  expect(await pathsOf({ to: newZealand })).toEqual([]);
  expect(await pathsOf({ from: gid('Person', 'person-nobody') })).toEqual([]);
  expect(await pathsOf({ to: gid('Person', 'person-nobody') })).toEqual([]);
});

test('is an id relabelled with another type (which node(id) answers with null) connected to anyone?', async () => {
  const relabelled = gid('Organisation', 'person-qin-wei-zhong');
  expect((await ask(`query($id: ID!) { node(id: $id) { id } }`, { id: relabelled })).node).toBeNull();
  expect(await pathsOf({ from: relabelled })).toEqual([]);
});

test('is an entity connected to itself?', async () => {
  expect(await pathsOf({ to: MAYOR })).toEqual([]);
});

test('are out-of-range bounds and malformed ids refused as bad input?', async () => {
  // A light selection: with every step's document text, first: 11 would be refused as too costly first.
  const lengths = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) { paths(from: $from, to: $to, maxHops: $maxHops, first: $first) { length } }`;
  for (const vars of [{ maxHops: 0 }, { maxHops: 7 }, { first: 0 }, { first: 11 }, { from: 'not-an-id' }, { to: 'Person:person-tan-kian-heong' }]) {
    expect(await codesOf(lengths, { from: MAYOR, to: PRESIDENT, ...vars })).toEqual(['BAD_USER_INPUT']);
  }
});

test('does the same question give the same paths in the same order?', async () => {
  const vars = { types: ['PARTICIPATED_IN'] };
  const [a, b] = [await pathsOf(vars), await pathsOf(vars)];
  expect(b).toEqual(a);
  expect(await pathsOf({})).toEqual(await pathsOf({}));
});
