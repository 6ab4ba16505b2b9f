// Filtering and sorting the top-level lists: who works where, what happened when, and what the
// API says about dates the sources give only in part or not at all.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.gql(query, variables);
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data;
}

/** The error codes of a request that must fail (no data for the list, no stack trace). */
async function codesOf(query: string, variables?: Record<string, unknown>): Promise<unknown[]> {
  const res = await server.gql(query, variables);
  expect(JSON.stringify(res)).not.toContain('stacktrace');
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors!.map((e) => e.extensions?.code);
}

const id = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
const IMDA = id('Organisation', 'org-imda');
const SINGAPORE = id('Place', 'place-singapore');
const CHONGQING = id('Place', 'place-chongqing');
const CHINA = id('Place', 'place-china');

const CONFERENCE = 'event-singapore-smart-city-experience-sharing-conference';
const MEETING = 'event-sci-jic-third-meeting';
const BATCH_1 = 'event-sci-jic-third-meeting-mou-batch-1';
const BATCH_2 = 'event-sci-jic-third-meeting-mou-batch-2';

const keysOf = (connection: any) => connection.edges.map((e: any) => e.node.key);
const matchesOf = (connection: any) => Object.fromEntries(connection.edges.map((e: any) => [e.node.key, e.dateMatch]));

const PEOPLE = `query People($filter: PersonFilter, $orderBy: EntityOrder, $first: Int, $after: String) {
  people(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key name } } } }`;
const people = async (filter: unknown, extra: Record<string, unknown> = {}) => (await ask(PEOPLE, { filter, ...extra })).people;

describe('people', () => {
  test('who works at IMDA, in IMDA itself or any of its units?', async () => {
    const list = await people({ organisation: IMDA });
    expect(list.totalCount).toBe(3);
    expect(list.edges.map((e: any) => e.node.name)).toEqual(['Ian Mak', 'Jiang Aijuan', 'Leong Der Yao']);
  });

  test('who are the assistant chief executives (any case, either language)?', async () => {
    expect(keysOf(await people({ postTitle: 'assistant chief' }))).toEqual(['person-ian-mak', 'person-leong-der-yao']);
    expect(keysOf(await people({ postTitle: '助理局长' }))).toEqual(['person-ian-mak', 'person-leong-der-yao']);
  });

  test('who holds a post in Singapore (organisations seated there, and their units)?', async () => {
    expect(keysOf(await people({ country: SINGAPORE }))).toEqual([
      'person-ian-mak', 'person-jiang-aijuan', 'person-joseph-leong', 'person-leong-der-yao', 'person-tee-chee-keong-benjamin',
    ]);
    // Shenzhen lies within China, and the Shenzhen government is seated in Shenzhen.
    expect(keysOf(await people({ country: CHINA }))).toEqual(['person-qin-wei-zhong']);
  });

  test('do the criteria have to hold for one and the same post?', async () => {
    expect(keysOf(await people({ organisation: IMDA, postTitle: 'director' }))).toEqual(['person-jiang-aijuan']);
    // Joseph Leong co-chairs (联合主席) the committee, which has no seat, and is Permanent
    // Secretary at the ministry in Singapore: no single post of his is both.
    expect(keysOf(await people({ postTitle: '联合主席' }))).toEqual(['person-joseph-leong', 'person-qin-wei-zhong']);
    expect(keysOf(await people({ postTitle: '联合主席', country: SINGAPORE }))).toEqual([]);
  });

  test('does an unknown organisation match nobody rather than fail?', async () => {
    const list = await people({ organisation: id('Organisation', 'org-nowhere') });
    expect(list).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

const ORGS = `query Orgs($filter: OrganisationFilter) { organisations(filter: $filter, first: 100) { totalCount edges { node { key kind } } } }`;
const organisations = async (filter: unknown) => (await ask(ORGS, { filter })).organisations;

describe('organisations', () => {
  test('which organisations are units of another?', async () => {
    const units = await organisations({ kinds: ['UNIT'] });
    expect(units.totalCount).toBe(4);
    expect(units.edges.every((e: any) => e.node.kind === 'UNIT')).toBe(true);
    const several = await organisations({ kinds: ['UNIVERSITY', 'INCUBATOR'] });
    expect(keysOf(several)).toEqual(['org-nus', 'org-tusstar']);
  });

  test('what are the units of IMDA?', async () => {
    expect(keysOf(await organisations({ parent: IMDA }))).toEqual([
      'org-imda-international-group',
      'org-imda-international-cooperation-and-strategic-partnership-department',
      'org-imda-sectoral-transformation-group',
    ]);
  });

  test('which organisations are seated in Singapore, and which in China?', async () => {
    const singapore = await organisations({ place: SINGAPORE });
    expect(keysOf(singapore).sort()).toEqual([
      'org-imda', 'org-imda-international-cooperation-and-strategic-partnership-department', 'org-imda-international-group',
      'org-imda-sectoral-transformation-group', 'org-mci', 'org-nus', 'org-nus-college-of-design-and-engineering',
    ]);
    const china = await organisations({ place: CHINA, kinds: ['GOVERNMENT_BODY'] });
    expect(keysOf(china).sort()).toEqual(['org-shenzhen-commerce-bureau', 'org-shenzhen-municipal-peoples-government']);
  });
});

const EVENTS = `query Events($filter: EventFilter, $orderBy: DatedEntityOrder, $first: Int, $after: String) {
  events(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { dateMatch node { key date { iso yearKnown } } } } }`;
const events = async (filter: unknown, extra: Record<string, unknown> = {}) => (await ask(EVENTS, { filter, ...extra })).events;
const IN_2022 = { from: '2022', to: '2022' };

describe('events', () => {
  test('what happened in 2022? Only what is dated: the third meeting, wholly within the year', async () => {
    const list = await events({ date: IN_2022 });
    expect(list.totalCount).toBe(1);
    expect(list.edges).toEqual([{ dateMatch: 'WITHIN', node: { key: MEETING, date: { iso: '2022-11-25', yearKnown: true } } }]);
  });

  test('and with undated events included, flagged as such?', async () => {
    const list = await events({ date: { ...IN_2022, undated: 'INCLUDE' } });
    expect(list.totalCount).toBe(4);
    // The conference gives October 28 with no year; the signing batches give no date at all.
    expect(matchesOf(list)).toEqual({ [MEETING]: 'WITHIN', [CONFERENCE]: 'UNDATED', [BATCH_1]: 'UNDATED', [BATCH_2]: 'UNDATED' });
    const conference = list.edges.find((e: any) => e.node.key === CONFERENCE).node;
    expect(conference.date).toEqual({ iso: '--10-28', yearKnown: false });
  });

  test('which events have no known date?', async () => {
    const list = await events({ date: { undated: 'ONLY' } });
    expect(keysOf(list).sort()).toEqual([BATCH_1, BATCH_2, CONFERENCE].sort());
  });

  test('does a range by month or day find the meeting, and a range that misses it not?', async () => {
    expect(matchesOf(await events({ date: { from: '2022-11', to: '2022-11' } }))).toEqual({ [MEETING]: 'WITHIN' });
    expect(matchesOf(await events({ date: { from: '2022-11-25' } }))).toEqual({ [MEETING]: 'WITHIN' });
    expect(matchesOf(await events({ date: { to: '2022-11-24' } }))).toEqual({});
    expect(matchesOf(await events({ date: { from: '2022-11-26', undated: 'INCLUDE' } }))).toEqual({
      [CONFERENCE]: 'UNDATED', [BATCH_1]: 'UNDATED', [BATCH_2]: 'UNDATED' });
  });

  test('where did Jiang Aijuan take part, and what happened in Chongqing (and so in China)?', async () => {
    expect(keysOf(await events({ participant: id('Person', 'person-jiang-aijuan') }))).toEqual([CONFERENCE]);
    expect(keysOf(await events({ place: CHONGQING }))).toEqual([CONFERENCE]);
    expect(keysOf(await events({ place: CHINA }))).toEqual([CONFERENCE]);
    // An organisation takes part too; the date filter applies on top.
    expect(matchesOf(await events({ participant: IMDA, date: IN_2022 }))).toEqual({ [MEETING]: 'WITHIN' });
  });

  test('is dateMatch null when no date filter was given, and on relationship lists?', async () => {
    const list = await events({ participant: id('Person', 'person-ian-mak') });
    expect(list.edges.map((e: any) => e.dateMatch)).toEqual([null, null]);
    const data = await ask(`{ entity(key: "${MEETING}") { ... on Event { parts { edges { dateMatch } } } } }`);
    expect(data.entity.parts.edges).toEqual([{ dateMatch: null }, { dateMatch: null }]);
  });
});

describe('agreements, projects and documents', () => {
  test('what did IMDA agree to in November 2022?', async () => {
    const query = `query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount edges { dateMatch node { key date { iso } } } } }`;
    const { agreements } = await ask(query, { filter: { party: IMDA, date: { from: '2022-11', to: '2022-11' } } });
    expect(agreements).toEqual({
      totalCount: 1,
      edges: [{ dateMatch: 'WITHIN', node: { key: 'agreement-sci-jic-third-meeting-mous', date: { iso: '2022-11-25' } } }],
    });
    // A place can be a party; a date outside the signing finds nothing.
    expect((await ask(query, { filter: { party: id('Place', 'place-shenzhen') } })).agreements.totalCount).toBe(1);
    expect((await ask(query, { filter: { party: IMDA, date: { from: '2023' } } })).agreements.totalCount).toBe(0);
  });

  const PROJECTS = `query($filter: ProjectFilter) { projects(filter: $filter) { totalCount edges { dateMatch node { key date { iso precision } } } } }`;
  const projects = async (filter: unknown) => (await ask(PROJECTS, { filter })).projects;

  test('which projects did Singapore launch in 2019? The SCI, dated by year only', async () => {
    const list = await projects({ party: SINGAPORE, date: { from: '2019', to: '2019' } });
    expect(list.edges).toEqual([{ dateMatch: 'WITHIN', node: { key: 'project-sci', date: { iso: '2019', precision: 'YEAR' } } }]);
  });

  test('does a year-only date meet a spring range only in part, and can the caller leave it out?', async () => {
    const spring = { from: '2019-03', to: '2019-05' };
    expect(matchesOf(await projects({ date: spring }))).toEqual({ 'project-sci': 'OVERLAPS' });
    expect((await projects({ date: { ...spring, overlapping: false } })).totalCount).toBe(0);
  });

  test('who works on or governs which projects?', async () => {
    expect(keysOf(await projects({ party: id('Organisation', 'org-sci-joint-implementation-committee') }))).toEqual(['project-sci']);
    expect(keysOf(await projects({ party: IMDA })).sort()).toEqual(['project-ebl-trials', 'project-tradetrust']);
    expect(keysOf(await projects({ party: IMDA, kinds: ['TRIAL'] }))).toEqual(['project-ebl-trials']);
  });

  test('which source was published in 2022, and which one has no year?', async () => {
    const query = `query($filter: DocumentFilter) { documents(filter: $filter) { edges { dateMatch node { key published { iso } } } } }`;
    const { documents } = await ask(query, { filter: { date: { from: '2022', to: '2022', undated: 'INCLUDE' } } });
    expect(documents.edges).toEqual([
      { dateMatch: 'UNDATED', node: { key: 'doc-chongqing-smart-city-conference', published: { iso: '--10-28' } } },
      { dateMatch: 'WITHIN', node: { key: 'doc-shenzhen-sci-third-jic-meeting', published: { iso: '2022-11-25' } } },
    ]);
  });

  test('which places lie within China?', async () => {
    const { places } = await ask(`query($f: PlaceFilter) { places(filter: $f) { edges { node { key } } } }`, { f: { within: CHINA } });
    expect(keysOf(places)).toEqual(['place-chongqing', 'place-shenzhen']);
    const { countries } = await ask(`{ countries: places(filter: { kinds: [COUNTRY] }) { edges { node { key } } } }`);
    expect(keysOf(countries)).toEqual(['place-china', 'place-new-zealand', 'place-singapore']);
  });
});

/** Every page of a list, `first` at a time, following endCursor. */
async function allPages(query: string, field: string, variables: Record<string, unknown>, first: number) {
  const pages: any[] = [];
  let after: string | null = null;
  do {
    const data = await ask(query, { ...variables, first, after });
    pages.push(data[field]);
    after = data[field].pageInfo.hasNextPage ? data[field].pageInfo.endCursor : null;
  } while (after !== null);
  return pages;
}

describe('sorting', () => {
  test('people by name, Z to A, page by page: each person once, in order', async () => {
    const whole = await people(null, { orderBy: { field: 'NAME', direction: 'DESC' }, first: 100 });
    const names = whole.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(names[0]).toBe('Zhong Yan');
    const pages = await allPages(PEOPLE, 'people', { orderBy: { field: 'NAME', direction: 'DESC' } }, 3);
    expect(pages.length).toBe(Math.ceil(whole.totalCount / 3));
    expect(pages.flatMap((p) => keysOf(p))).toEqual(keysOf(whole));
  });

  test('events by date: dated first in either direction, undated last, by name', async () => {
    const asc = await events(null, { orderBy: { field: 'DATE', direction: 'ASC' } });
    expect(keysOf(asc)).toEqual([MEETING, BATCH_1, BATCH_2, CONFERENCE]);
    const desc = await events(null, { orderBy: { field: 'DATE', direction: 'DESC' } });
    expect(keysOf(desc)).toEqual([MEETING, BATCH_1, BATCH_2, CONFERENCE]);
    const pages = await allPages(EVENTS, 'events', { orderBy: { field: 'DATE', direction: 'DESC' } }, 1);
    expect(pages.flatMap((p) => keysOf(p))).toEqual(keysOf(desc));
    // Documents by publication date: the Chongqing article gives no year, so it comes last.
    const { documents } = await ask(`{ documents(orderBy: { field: DATE, direction: DESC }) { edges { node { key } } } }`);
    expect(keysOf(documents)).toEqual(['doc-shenzhen-sci-third-jic-meeting', 'doc-chongqing-smart-city-conference']);
  });

  test('projects by date, filtered, across pages: totalCount and cursors follow the filter', async () => {
    const query = `query($orderBy: DatedEntityOrder, $first: Int, $after: String) {
      projects(filter: { date: { undated: INCLUDE } }, orderBy: $orderBy, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { dateMatch node { key name } } } }`;
    const pages = await allPages(query, 'projects', { orderBy: { field: 'DATE' } }, 4);
    const edges = pages.flatMap((p) => p.edges);
    expect(edges).toHaveLength(pages[0].totalCount);
    expect(new Set(edges.map((e: any) => e.node.key)).size).toBe(edges.length);
    expect(edges[0]).toEqual({ dateMatch: 'WITHIN', node: { key: 'project-sci', name: 'Singapore-China (Shenzhen) Smart City Initiative' } });
    expect(edges.slice(1).every((e: any) => e.dateMatch === 'UNDATED')).toBe(true);
  });
});

describe('bad input', () => {
  const EVENTS_BY_DATE = `query($date: DateFilter) { events(filter: { date: $date }) { totalCount } }`;

  test.each([['2022-13'], ['yesterday'], ['2022-02-30'], ['22'], ['2022-1'], ['--10-28']])('is the date %p refused?', async (from) => {
    expect(await codesOf(EVENTS_BY_DATE, { date: { from } })).toEqual(['BAD_USER_INPUT']);
  });

  test('is a range that ends before it starts refused?', async () => {
    expect(await codesOf(EVENTS_BY_DATE, { date: { from: '2023', to: '2022-12' } })).toEqual(['BAD_USER_INPUT']);
    expect((await ask(EVENTS_BY_DATE, { date: { from: '2024-02-29', to: '2024-02' } })).events.totalCount).toBe(0);
  });

  test('are malformed ids, and ids of the wrong type, refused?', async () => {
    expect(await codesOf(`{ people(filter: { organisation: "not an id" }) { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codesOf(`{ events(filter: { participant: "${id('Nope', 'x')}" }) { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
    const res = await server.gql(`{ organisations(filter: { parent: "${SINGAPORE}" }) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: 'filter.parent must be the id of Organisation, got the id of Place',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.parent' },
    });
  });

  test('are unknown enum values refused, in the query and in variables?', async () => {
    expect(await codesOf(`{ organisations(filter: { kinds: [CHARITY] }) { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codesOf(ORGS, { filter: { kinds: ['CHARITY'] } })).toEqual(['BAD_USER_INPUT']);
    expect(await codesOf(EVENTS_BY_DATE, { date: { undated: 'SOMETIMES' } })).toEqual(['BAD_USER_INPUT']);
    expect(await codesOf(`{ people(orderBy: { field: DATE }) { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
  });

  test('is a blank post title refused rather than matching everyone?', async () => {
    expect(await codesOf(PEOPLE, { filter: { postTitle: '  ' } })).toEqual(['BAD_USER_INPUT']);
  });
});

test('do filtered lists of several types take one round trip each, whatever they hold?', async () => {
  const { result, queries } = await server.recordQueries(() => server.gql(`{
    people(filter: { organisation: "${IMDA}" }) { totalCount }
    events(filter: { date: { from: "2022", undated: INCLUDE } }, orderBy: { field: DATE }) { totalCount }
    projects(filter: { party: "${IMDA}" }) { totalCount } }`));
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ people: { totalCount: 3 }, events: { totalCount: 4 }, projects: { totalCount: 2 } });
  // Each list shape has its own query (index or anchor it starts from); they run concurrently.
  expect(queries.map((q) => q.operation)).toEqual(['entity.list', 'entity.list', 'entity.list']);
});

describe('ties', () => {
  // The seed has no two entities of a type with one name, so this adds two namesakes of Ian Mak
  // (and removes them after): names tie, keys decide, in either direction of the name.
  const NAMESAKES = ['person-zz-ian-mak-b', 'person-zz-ian-mak-a'];
  async function write(cypher: string) {
    const session = server.db.session();
    try {
      await session.write('test.namesakes', cypher, { ids: NAMESAKES });
    } finally {
      await session.close();
    }
  }
  beforeAll(() => write(`UNWIND $ids AS id CREATE (:Entity:Person {id: id, type: 'Person', name: 'Ian Mak'})`));
  afterAll(() => write(`MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n`));

  test.each([['ASC'], ['DESC']])('are namesakes ordered by key, page by page, when sorting by name %s?', async (direction) => {
    const whole = await people(null, { orderBy: { field: 'NAME', direction }, first: 100 });
    const keys = keysOf(whole);
    const at = keys.indexOf('person-ian-mak');
    expect(keys.slice(at, at + 3)).toEqual(['person-ian-mak', 'person-zz-ian-mak-a', 'person-zz-ian-mak-b']);
    const pages = await allPages(PEOPLE, 'people', { orderBy: { field: 'NAME', direction } }, 1);
    expect(pages.flatMap((p) => keysOf(p))).toEqual(keys);
  });
});
