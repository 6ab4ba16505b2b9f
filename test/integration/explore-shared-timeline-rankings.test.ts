// Analysts' questions about what entities share, what happened when, and who is most connected.
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
const seed = readSeedGraph(SEED_DIR);
const countBy = (items: string[]) => items.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>());

// ---------------------------------------------------------------- shared connections
const LEONG = gid('Person', 'person-joseph-leong');
const QIN = gid('Person', 'person-qin-wei-zhong');
const SHARED = `query S($ids: [ID!]!, $types: [RelationshipType!]) { sharedConnections(ids: $ids, types: $types) {
  totalCount edges { node { key } links { id type from { key } to { key } ... on Post { title } ... on Participation { role } } } } }`;
const shared = async (ids: string[], types?: string[]) => (await ask(SHARED, { ids, types })).sharedConnections;

test('what do the two co-chairs of the joint implementation committee have in common?', async () => {
  const s = await shared([LEONG, QIN]);
  expect(s.totalCount).toBe(2);
  expect(s.edges.map((e: any) => e.node.key)).toEqual(['org-sci-joint-implementation-committee', 'event-sci-jic-third-meeting']);
  const [committee, meeting] = s.edges.map((e: any) => e.links);
  expect(committee.map((l: any) => [l.from.key, l.type, l.title])).toEqual([
    ['person-joseph-leong', 'HOLDS_POST', '联合主席'],
    ['person-qin-wei-zhong', 'HOLDS_POST', '联合主席'],
  ]);
  expect(meeting.map((l: any) => [l.from.key, l.type, l.role])).toEqual([
    ['person-joseph-leong', 'PARTICIPATED_IN', 'PICTURED'],
    ['person-qin-wei-zhong', 'PARTICIPATED_IN', 'PICTURED'],
  ]);
  // Most links first; ties by name (the committee's name is a prefix of the meeting's).
  const sizes = s.edges.map((e: any) => e.links.length);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  expect((await shared([LEONG, QIN], ['HOLDS_POST'])).edges.map((e: any) => e.node.key)).toEqual(['org-sci-joint-implementation-committee']);
});

test('does an entity linked twice to a shared one count every link?', async () => {
  const s = await shared([gid('Person', 'person-zhong-yan'), gid('Organisation', 'org-china-news-service')]);
  expect(s.edges.map((e: any) => e.node.key)).toEqual(['doc-chongqing-smart-city-conference']);
  expect(s.edges[0].links.map((l: any) => l.id)).toEqual([
    'AUTHORED:person-zhong-yan:doc-chongqing-smart-city-conference:PHOTOGRAPHER',
    'AUTHORED:person-zhong-yan:doc-chongqing-smart-city-conference:REPORTER',
    'PUBLISHED:org-china-news-service:doc-chongqing-smart-city-conference:PUBLISHER',
  ]);
});

test('are repeated ids counted once, and fewer than 2 or more than 10 entities refused?', async () => {
  expect(await shared([LEONG, QIN, LEONG, QIN])).toEqual(await shared([QIN, LEONG]));
  const people = seed.nodes.filter((n) => n.label === 'Person').map((n) => gid('Person', n.id));
  for (const ids of [[LEONG], [LEONG, LEONG], people.slice(0, 11), [LEONG, 'not-an-id']]) {
    expect(await codesOf(SHARED, { ids })).toEqual(['BAD_USER_INPUT']);
  }
  expect((await shared(people.slice(0, 10))).totalCount).toBe(0);
});

// ---------------------------------------------------------------- timeline
const TIMELINE = `query T($id: ID, $hops: Int, $includeUndated: Boolean, $first: Int, $after: String) {
  timeline(id: $id, hops: $hops, includeUndated: $includeUndated, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { key } date { iso yearKnown } placement distance } } }`;
const timeline = async (vars: Record<string, unknown> = {}) => (await ask(TIMELINE, vars)).timeline;
const row = (e: any) => [e.node.key, e.date?.iso ?? null, e.placement, e.distance];
const DATED = [
  ['project-sci', '2019', 'PARTIAL'],
  ['agreement-sci-jic-third-meeting-mous', '2022-11-25', 'EXACT'],
  ['doc-shenzhen-sci-third-jic-meeting', '2022-11-25', 'EXACT'],
  ['event-sci-jic-third-meeting', '2022-11-25', 'EXACT'],
];

test('what happened around the Smart City Initiative, in date order?', async () => {
  const t = await timeline({ id: gid('Project', 'project-sci') });
  // The initiative itself (launched in 2019, year only), then what came of it on 25 November 2022.
  expect(t.edges.map(row)).toEqual(DATED.map(([key, iso, placement]) => [key, iso, placement, key === 'project-sci' ? 0 : 2]));
  expect(t.totalCount).toBe(4);
});

test('what happened across the whole graph, with undated items last?', async () => {
  const t = await timeline({ first: 100 });
  expect(t.totalCount).toBe(8);
  expect(t.edges.slice(0, 4).map(row)).toEqual(DATED.map((d) => [...d, null]));
  const undated = t.edges.slice(4);
  for (const e of undated) expect(e.placement).toBe('UNDATED');
  expect(undated.map((e: any) => e.node.key).sort()).toEqual([
    'doc-chongqing-smart-city-conference', 'event-sci-jic-third-meeting-mou-batch-1',
    'event-sci-jic-third-meeting-mou-batch-2', 'event-singapore-smart-city-experience-sharing-conference',
  ]);
  const conference = undated.find((e: any) => e.node.key === 'event-singapore-smart-city-experience-sharing-conference');
  expect(conference).toMatchObject({ date: { iso: '--10-28', yearKnown: false }, placement: 'UNDATED', distance: null });
  for (const key of ['event-sci-jic-third-meeting-mou-batch-1', 'event-sci-jic-third-meeting-mou-batch-2']) {
    expect(undated.find((e: any) => e.node.key === key)).toMatchObject({ date: null, placement: 'UNDATED' });
  }
  // Without undated items only the dated ones remain.
  const dated = await timeline({ first: 100, includeUndated: false });
  expect(dated.edges.map(row)).toEqual(DATED.map((d) => [...d, null]));
  expect(dated.totalCount).toBe(4);
});

test('does paging through the whole timeline visit every item once?', async () => {
  const all = (await timeline({ first: 100 })).edges.map((e: any) => e.node.key);
  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await timeline({ first: 3, after });
    expect(page.totalCount).toBe(all.length);
    seen.push(...page.edges.map((e: any) => e.node.key));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(all);
  expect(new Set(seen).size).toBe(seen.length);
});

test('do ids relabelled with another type (which node(id) answers with null) name nothing here either?', async () => {
  const asPlaces = ['person-joseph-leong', 'person-qin-wei-zhong'].map((k) => gid('Place', k));
  expect((await shared(asPlaces)).totalCount).toBe(0);
  expect((await timeline({ id: gid('Person', 'project-sci') })).totalCount).toBe(0);
});

// ---------------------------------------------------------------- rankings
const STATS = `{ stats { totalEntities totalRelationships entities { type count } relationships { type count } } }`;

test('how many entities and relationships of each type does the graph hold?', async () => {
  const { stats } = await ask(STATS);
  expect(stats.totalEntities).toBe(51);
  expect(stats.totalRelationships).toBe(72);
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  expect(sum(stats.entities)).toBe(stats.totalEntities);
  expect(sum(stats.relationships)).toBe(stats.totalRelationships);
  const asMap = (rows: { type: string; count: number }[]) => new Map(rows.map((r) => [r.type, r.count]));
  expect(asMap(stats.entities)).toEqual(new Map([...countBy(seed.nodes.map((n) => n.label))].map(([t, c]) => [t.toUpperCase(), c])));
  expect(asMap(stats.relationships)).toEqual(countBy(seed.relationships.map((r) => r.type)));
});

const RANKED = `query R($types: [EntityType!], $relationshipTypes: [RelationshipType!], $first: Int) {
  mostConnected(types: $types, relationshipTypes: $relationshipTypes, first: $first) {
    totalCount edges { degree node { key name __typename } } } }`;
const ranked = async (vars: Record<string, unknown> = {}) => (await ask(RANKED, vars)).mostConnected;
/** The seed's ranking: degree (of some relationship types) descending, then name, then key. */
function seedRanking(labels?: string[], types?: string[]) {
  const rels = seed.relationships.filter((r) => !types || types.includes(r.type));
  const degree = countBy(rels.flatMap((r) => [r.from, r.to]));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return seed.nodes
    .filter((n) => !labels || labels.includes(n.label))
    .map((n) => ({ key: n.id, name: n.props.name as string, degree: degree.get(n.id) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || cmp(a.name, b.name) || cmp(a.key, b.key));
}
const rows = (r: any) => r.edges.map((e: any) => [e.node.key, e.degree]);
const expectedRows = (ranking: ReturnType<typeof seedRanking>, n: number) => ranking.slice(0, n).map((r) => [r.key, r.degree]);

test('which entities are the most connected?', async () => {
  const top = await ranked();
  expect(top.totalCount).toBe(51);
  expect(rows(top)).toEqual(expectedRows(seedRanking(), 10));
  expect(rows(top).slice(0, 3)).toEqual([
    ['event-sci-jic-third-meeting', 11], ['org-imda', 10], ['event-sci-jic-third-meeting-mou-batch-1', 7],
  ]);
  // Ties by name: Shenzhen before Singapore.
  expect(rows(top).slice(3, 5)).toEqual([['place-shenzhen', 6], ['place-singapore', 6]]);
  const imdaRelationships = seed.relationships.filter((r) => r.from === 'org-imda' || r.to === 'org-imda');
  expect(top.edges.find((e: any) => e.node.key === 'org-imda').degree).toBe(imdaRelationships.length);
});

test('which people are the most connected?', async () => {
  const people = await ranked({ types: ['PERSON'], first: 100 });
  expect(people.totalCount).toBe(11);
  for (const e of people.edges) expect(e.node.__typename).toBe('Person');
  expect(rows(people)).toEqual(expectedRows(seedRanking(['Person']), 100));
  expect(rows(people)[0]).toEqual(['person-joseph-leong', 4]);
});

test('who holds the most posts, and which bodies have the most post-holders?', async () => {
  const posts = await ranked({ relationshipTypes: ['HOLDS_POST'], first: 100 });
  expect(posts.totalCount).toBe(51);
  expect(rows(posts)).toEqual(expectedRows(seedRanking(undefined, ['HOLDS_POST']), 100));
  expect(rows(posts).slice(0, 3)).toEqual([
    ['person-joseph-leong', 2], ['person-qin-wei-zhong', 2], ['org-sci-joint-implementation-committee', 2],
  ]);
  const people = await ranked({ types: ['PERSON'], relationshipTypes: ['HOLDS_POST', 'AUTHORED'], first: 3 });
  expect(rows(people)).toEqual(expectedRows(seedRanking(['Person'], ['HOLDS_POST', 'AUTHORED']), 3));
});
