// What the sources leave unknown stays unknown: no guessed years, invented names, or unlisted members.
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

const DATE = 'date { year month day precision yearKnown iso }';

test('in which year was the Chongqing conference held? The source does not say', async () => {
  const data = await ask(`{
    conference: entity(key: "event-singapore-smart-city-experience-sharing-conference") { notes ... on Event { ${DATE} } }
    meeting: entity(key: "event-sci-jic-third-meeting") { ... on Event { ${DATE} } } }`);
  expect(data.conference.date).toEqual({ year: null, month: 10, day: 28, precision: 'DAY', yearKnown: false, iso: '--10-28' });
  expect(data.conference.notes).toEqual(expect.arrayContaining([expect.stringContaining('The article gives no year, so none is recorded.')]));
  // The Shenzhen release is dated in full, so its meeting has a known year.
  expect(data.meeting.date).toEqual({ year: 2022, month: 11, day: 25, precision: 'DAY', yearKnown: true, iso: '2022-11-25' });
});

test('is any year invented for the Chongqing article or any date drawn from it?', async () => {
  const data = await ask(`{ entity(key: "doc-chongqing-smart-city-conference") { notes ... on Document { published { year yearKnown iso } } } }`);
  expect(data.entity.published).toEqual({ year: null, yearKnown: false, iso: '--10-28' });
  expect(data.entity.notes[0]).toContain('the article states no year anywhere');
});

test.each([
  ['org-pr-newswire', '美通社', ['美通社']],
  ['org-mci', '新加坡通讯及新闻部', ['新加坡通讯及新闻部']],
  ['org-sci-joint-implementation-committee', '新中(深圳)智慧城市项目合作联合执行委员会',
    ['SCI联合执行委员会', '新中(深圳)智慧城市项目合作联合执行委员会', '智慧城市项目合作联合执行委员会']],
])('does %s keep only the Chinese names its source gives?', async (key, display, values) => {
  const data = await ask(`query($key: String!) { entity(key: $key) { name names { value language } notes } }`, { key });
  expect(data.entity.name).toBe(display);
  expect(data.entity.names.map((n: any) => n.value).sort()).toEqual([...values].sort());
  for (const n of data.entity.names) expect(n.language).toBe('ZH');
  expect(data.entity.notes.length).toBeGreaterThan(0);
});

test.each(['PR Newswire', 'Ministry', 'Joint Implementation Committee'])(
  'does a search for the uncurated English name "%s" find no organisation?',
  async (query) => {
    const data = await ask(`query($q: String!) { search(query: $q, types: [ORGANISATION]) { totalCount edges { node { key } } } }`, { q: query });
    expect(data.search).toEqual({ totalCount: 0, edges: [] });
  },
);

test('why is New Zealand in the graph, and is any cooperation with it recorded?', async () => {
  const data = await ask(`{ entity(key: "place-new-zealand") {
    name notes relationships { totalCount } ... on Place { kind contains { totalCount } within { totalCount } } } }`);
  const nz = data.entity;
  expect(nz).toMatchObject({ name: 'New Zealand', kind: 'COUNTRY' });
  expect(nz.notes).toHaveLength(1);
  expect(nz.notes[0]).toContain('translation error for Singapore');
  expect(nz.notes[0]).toContain('no cooperation with New Zealand');
  expect(nz.relationships.totalCount).toBe(0);
  expect(nz.contains.totalCount).toBe(0);
  expect(nz.within.totalCount).toBe(0);
});

test('are the eight MOUs one counted entry rather than eight invented agreements?', async () => {
  const data = await ask(`{ agreements { totalCount edges { node { key name count { value qualifier } notes } } } }`);
  expect(data.agreements.totalCount).toBe(1);
  const mous = data.agreements.edges[0].node;
  expect(mous).toMatchObject({ key: 'agreement-sci-jic-third-meeting-mous', name: '八份谅解备忘录', count: { value: 8, qualifier: 'EXACT' } });
  expect(mous.notes[0]).toContain('Annex A (附件A), which is not part of the source');
});

test('are the counted project groups kept as counts, exact or "more than"?', async () => {
  const data = await ask(`{ projects(first: 100) { edges { node { key kind count { value qualifier } components { totalCount } } } } }`);
  const groups = data.projects.edges.map((e: any) => e.node).filter((p: any) => p.kind === 'PROJECT_GROUP');
  expect(groups.sort((a: any, b: any) => a.key.localeCompare(b.key))).toEqual([
    { key: 'project-chongqing-key-cooperation-projects', kind: 'PROJECT_GROUP', count: { value: 50, qualifier: 'MORE_THAN' }, components: { totalCount: 0 } },
    { key: 'project-sci-third-phase-new-projects', kind: 'PROJECT_GROUP', count: { value: 14, qualifier: 'EXACT' }, components: { totalCount: 0 } },
  ]);
  for (const p of data.projects.edges) if (p.node.kind !== 'PROJECT_GROUP') expect(p.node.count).toBeNull();
});

test('did the co-chairs chair the third meeting? Only their committee post is recorded, with the reason', async () => {
  const data = await ask(`{ entity(key: "event-sci-jic-third-meeting") { ... on Event {
    participants { edges { node { role notes participant { key } } } } } } }`);
  const parts = data.entity.participants.edges.map((e: any) => e.node);
  expect(parts.map((p: any) => p.role)).not.toContain('CO_CHAIR');
  expect(parts.map((p: any) => p.role)).not.toContain('SPEAKER');
  for (const key of ['person-joseph-leong', 'person-qin-wei-zhong']) {
    const p = parts.find((x: any) => x.participant.key === key);
    expect(p.role).toBe('PICTURED');
    expect(p.notes).toEqual(expect.arrayContaining([expect.stringContaining('No CO_CHAIR role at this meeting')]));
  }
});

test('why is Joseph Leong not recorded as a speaker of the 梁先生 quotation?', async () => {
  const data = await ask(`{ entity(key: "person-joseph-leong") { notes ... on Person { participations { edges { node { role } } } } } }`);
  expect(data.entity.notes).toEqual(expect.arrayContaining([expect.stringContaining('no SPEAKER relationship is recorded')]));
  expect(data.entity.participations.edges.map((e: any) => e.node.role)).toEqual(['PICTURED', 'PICTURED']);
});

test('why are the Chongqing speakers recorded as speaking at the conference, and with which mode?', async () => {
  const data = await ask(`{ entity(key: "event-singapore-smart-city-experience-sharing-conference") { ... on Event {
    organisers { totalCount } participants { edges { node { mode notes participant { key } } } } } } }`);
  const notes = Object.fromEntries(data.entity.participants.edges.map((e: any) => [e.node.participant.key, e.node]));
  expect(notes['person-jiang-aijuan'].notes[0]).toContain('Mode VIDEO because she "spoke via video"');
  expect(notes['person-chu-bin'].notes[0]).toContain('Mode IN_PERSON because he "said at the scene"');
  expect(notes['person-jing-genyuan'].mode).toBeNull();
  expect(notes['person-jing-genyuan'].notes[0]).toContain('so no mode is recorded');
  // The organiser is not named, so none is invented.
  expect(data.entity.organisers.totalCount).toBe(0);
});
