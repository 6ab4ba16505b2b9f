// Full-text search over names and aliases: ranking, case, type filters, literal syntax, bad input and paging.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const SEARCH = `
  query Search($q: String!, $types: [EntityType!], $first: Int, $after: String) {
    search(query: $q, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor score node { __typename key name names { value } } }
    }
  }`;

async function search(q: string, extra: { types?: string[]; first?: number; after?: string } = {}) {
  const res = await server.gql(SEARCH, { q, ...extra });
  expect(res.errors).toBeUndefined();
  const result = res.data!.search;
  const scores = result.edges.map((e: any) => e.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a)); // best first
  return result;
}
const keys = (result: any) => result.edges.map((e: any) => e.node.key);

test('who is 麦重乙? Ian Mak comes first', async () => {
  const result = await search('麦重乙');
  expect(result.totalCount).toBe(1);
  expect(result.edges[0].node).toMatchObject({ __typename: 'Person', key: 'person-ian-mak', name: 'Ian Mak' });
  expect(result.edges[0].score).toBeGreaterThan(0);
});

test('who is called Leong? Both Joseph Leong and Leong Der Yao, persons ranked by relevance', async () => {
  const result = await search('Leong');
  expect(result.totalCount).toBe(2);
  expect(keys(result)).toEqual(['person-joseph-leong', 'person-leong-der-yao']);
  expect(result.edges.map((e: any) => e.node.__typename)).toEqual(['Person', 'Person']);
  expect(result.edges[0].score).toBeGreaterThan(result.edges[1].score);
});

test.each(['imda', 'IMDA', 'iMdA'])('does "%s" find IMDA regardless of case?', async (q) => {
  const result = await search(q);
  expect(keys(result)).toEqual(['org-imda']);
  expect(result.edges[0].node).toMatchObject({ __typename: 'Organisation', name: 'Infocomm Media Development Authority' });
});

test('which organisations and places are named 新加坡 in Chinese?', async () => {
  const result = await search('新加坡');
  expect(result.totalCount).toBe(4);
  expect(keys(result)[0]).toBe('place-singapore');
  expect([...keys(result)].sort()).toEqual(['org-imda', 'org-mci', 'org-nus', 'place-singapore']);
});

test('does the types filter keep only the asked-for kinds of entity?', async () => {
  expect(keys(await search('Leong', { types: ['PERSON'] }))).toEqual(['person-joseph-leong', 'person-leong-der-yao']);
  expect(await search('Singapore', { types: ['PERSON'] })).toMatchObject({ totalCount: 0, edges: [] });

  const all = await search('International');
  expect([...keys(all)].sort()).toEqual([
    'org-imda-international-cooperation-and-strategic-partnership-department',
    'org-imda-international-group',
    'project-chongqing-international-internet-data-channel',
  ]);
  const orgs = await search('International', { types: ['ORGANISATION'] });
  expect(orgs.totalCount).toBe(2);
  expect(orgs.edges.every((e: any) => e.node.__typename === 'Organisation')).toBe(true);
  const projects = await search('International', { types: ['PROJECT'] });
  expect(keys(projects)).toEqual(['project-chongqing-international-internet-data-channel']);
  expect((await search('International', { types: ['ORGANISATION', 'PROJECT'] })).totalCount).toBe(3);
});

test('is "AND" searched as the word, not as a Lucene operator?', async () => {
  const result = await search('AND');
  expect([...keys(result)].sort()).toEqual([
    'org-imda-international-cooperation-and-strategic-partnership-department',
    'org-nus-college-of-design-and-engineering',
    'project-sino-singapore-ict-media-innovation-fund',
  ]);
});

test('does "IMDA)" with a stray bracket still find IMDA?', async () => {
  expect(keys(await search('IMDA)'))).toEqual(['org-imda']);
});

test('does "a:b" search literally (not as a field query) and find nothing?', async () => {
  expect(await search('a:b')).toMatchObject({ totalCount: 0, edges: [] });
});

// The schema: "The query is plain text: Lucene syntax characters match literally."
test.each(['(', '"'])('does the lone syntax character %s search literally, without error?', async (q) => {
  const res = await server.gql(SEARCH, { q });
  expect(res.errors).toBeUndefined();
  const result = res.data!.search;
  expect(result.totalCount).toBe(result.edges.length);
  for (const e of result.edges) expect(e.node.names.some((n: any) => n.value.includes(q))).toBe(true);
});

test.each([
  ['empty', ''],
  ['blank', '   \t '],
])('is the %s query refused as bad input?', async (_, q) => {
  const res = await server.gql(SEARCH, { q });
  expect(res.data).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].path).toEqual(['search']);
});

test('does paging through "Singapore" two at a time visit every hit exactly once, in rank order?', async () => {
  const whole = await search('Singapore', { first: 100 });
  expect(whole.totalCount).toBe(9);
  expect(whole.edges).toHaveLength(9);
  expect(whole.pageInfo.hasNextPage).toBe(false);
  expect(keys(whole)[0]).toBe('place-singapore');

  const seen: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await search('Singapore', { first: 2, after });
    expect(result.totalCount).toBe(9);
    expect(result.pageInfo.hasPreviousPage).toBe(page > 0);
    expect(result.pageInfo.startCursor).toBe(result.edges[0].cursor);
    expect(result.pageInfo.endCursor).toBe(result.edges[result.edges.length - 1].cursor);
    seen.push(...keys(result));
    if (!result.pageInfo.hasNextPage) break;
    expect(result.edges).toHaveLength(2);
    after = result.pageInfo.endCursor;
  }
  expect(seen).toEqual(keys(whole));
  expect(new Set(seen).size).toBe(9);
  // Past the last hit: no edges, and the count still says how many there are.
  const beyond = await search('Singapore', { first: 2, after: whole.edges[8].cursor });
  expect(beyond.edges).toEqual([]);
  expect(beyond.totalCount).toBe(9);
});

test('is a malformed search cursor refused as bad input?', async () => {
  const res = await server.gql(SEARCH, { q: 'Singapore', after: 'not-a-cursor' });
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
});

test('does a Chinese surname alone (梁) find both people surnamed 梁?', async () => {
  const result = await search('梁', { types: ['PERSON'] });
  expect(keys(result).sort()).toEqual(['person-joseph-leong', 'person-leong-der-yao']);
});

test('does every word have to match ("National University", not any name containing "of")?', async () => {
  expect(keys(await search('National University', { types: ['ORGANISATION'] }))).toEqual(['org-nus']);
  expect((await search('Ministry of Communications', { types: ['ORGANISATION'] })).totalCount).toBe(0);
});
