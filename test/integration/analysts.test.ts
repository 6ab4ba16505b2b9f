// Analysts' questions about people, posts, committees, events, agreements and projects in the seed graph.
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

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

const POSTS = `query Posts($key: String!) { entity(key: $key) { ... on Person { posts { totalCount edges { node {
  type title titles { value language } person { key }
  organisation { key name kind parents { edges { node { key name } } } } } } } } } }`;
const postsOf = async (key: string) => (await ask(POSTS, { key })).entity.posts;

test('which post does Joseph Leong hold at the ministry, in English and Chinese?', async () => {
  const posts = await postsOf('person-joseph-leong');
  expect(posts.totalCount).toBe(2);
  const mci = posts.edges.map((e: any) => e.node).find((p: any) => p.organisation.key === 'org-mci');
  expect(mci).toEqual({
    type: 'HOLDS_POST',
    title: 'Permanent Secretary for Communications and Information',
    titles: expect.arrayContaining([
      { value: 'Permanent Secretary for Communications and Information', language: 'EN' },
      { value: '常任秘书', language: 'ZH' },
    ]),
    person: { key: 'person-joseph-leong' },
    organisation: { key: 'org-mci', name: '新加坡通讯及新闻部', kind: 'GOVERNMENT_BODY', parents: { edges: [] } },
  });
  expect(mci.titles).toHaveLength(2);
});

test('is Qin Wei Zhong the mayor of the Shenzhen Municipal People’s Government?', async () => {
  const posts = await postsOf('person-qin-wei-zhong');
  expect(posts.totalCount).toBe(2);
  const mayor = posts.edges.map((e: any) => e.node).find((p: any) => p.organisation.key === 'org-shenzhen-municipal-peoples-government');
  expect(mayor.title).toBe('Mayor');
  expect(mayor.titles).toEqual(expect.arrayContaining([{ value: 'Mayor', language: 'EN' }, { value: '市长', language: 'ZH' }]));
  expect(mayor.organisation.name).toBe('Shenzhen Municipal People’s Government');
  expect(mayor.organisation.kind).toBe('GOVERNMENT_BODY');
});

test('which IMDA department does Jiang Aijuan direct?', async () => {
  const posts = await postsOf('person-jiang-aijuan');
  expect(posts.totalCount).toBe(1);
  const post = posts.edges[0].node;
  expect(post.title).toBe('director');
  expect(post.titles).toEqual([{ value: 'director', language: 'EN' }]);
  expect(post.organisation).toEqual({
    key: 'org-imda-international-cooperation-and-strategic-partnership-department',
    name: 'International Cooperation and Strategic Partnership Department',
    kind: 'UNIT',
    parents: { edges: [{ node: { key: 'org-imda', name: 'Infocomm Media Development Authority' } }] },
  });
});

test('who co-chairs the SCI joint implementation committee?', async () => {
  const data = await ask(`{
    entity(key: "org-sci-joint-implementation-committee") {
      name
      ... on Organisation { kind posts { totalCount edges { node { title titles { value language } person { key name } } } } }
    } }`);
  const committee = data.entity;
  expect(committee.name).toBe('新中(深圳)智慧城市项目合作联合执行委员会');
  expect(committee.kind).toBe('COMMITTEE');
  expect(committee.posts.totalCount).toBe(2);
  const chairs = committee.posts.edges.map((e: any) => e.node);
  expect(chairs.map((p: any) => p.person).sort(byKey)).toEqual([
    { key: 'person-joseph-leong', name: 'Joseph Leong' },
    { key: 'person-qin-wei-zhong', name: 'Qin Wei Zhong' },
  ]);
  for (const chair of chairs) {
    expect(chair.title).toBe('联合主席');
    expect(chair.titles).toEqual([{ value: '联合主席', language: 'ZH' }]);
  }
});

test('who spoke at the Chongqing conference, and how?', async () => {
  const data = await ask(`{
    entity(key: "event-singapore-smart-city-experience-sharing-conference") {
      ... on Event { kind participants { totalCount edges { node { type role mode position participant { key } event { key } } } } }
    } }`);
  const event = data.entity;
  expect(event.kind).toBe('CONFERENCE');
  expect(event.participants.totalCount).toBe(3);
  const speakers = event.participants.edges.map((e: any) => e.node);
  for (const s of speakers) {
    expect(s).toMatchObject({ type: 'PARTICIPATED_IN', role: 'SPEAKER', position: null });
    expect(s.event.key).toBe('event-singapore-smart-city-experience-sharing-conference');
  }
  const modes = Object.fromEntries(speakers.map((s: any) => [s.participant.key, s.mode]));
  expect(modes).toEqual({ 'person-chu-bin': 'IN_PERSON', 'person-jiang-aijuan': 'VIDEO', 'person-jing-genyuan': null });
});

test('what was signed at the third meeting, and by which parties?', async () => {
  const data = await ask(`{
    entity(key: "event-sci-jic-third-meeting") {
      ... on Event { agreements { totalCount edges { node {
        key kind name count { value qualifier } date { iso }
        parties { totalCount edges { node { key __typename } relationship { type ... on Link { role } } } }
        signedAt { totalCount edges { node { key } } }
      } } } }
    } }`);
  const agreements = data.entity.agreements;
  expect(agreements.totalCount).toBe(1);
  const mous = agreements.edges[0].node;
  expect(mous).toMatchObject({ key: 'agreement-sci-jic-third-meeting-mous', kind: 'MOU', name: '八份谅解备忘录', date: { iso: '2022-11-25' } });
  expect(mous.count).toEqual({ value: 8, qualifier: 'EXACT' });
  expect(mous.parties.totalCount).toBe(3);
  expect(mous.parties.edges.map((e: any) => [e.node.key, e.node.__typename, e.relationship]).sort()).toEqual([
    ['org-imda', 'Organisation', { type: 'PARTY_TO', role: 'PARTY' }],
    ['org-mci', 'Organisation', { type: 'PARTY_TO', role: 'PARTY' }],
    ['place-shenzhen', 'Place', { type: 'PARTY_TO', role: 'PARTY' }],
  ]);
  expect(mous.signedAt).toEqual({ totalCount: 1, edges: [{ node: { key: 'event-sci-jic-third-meeting' } }] });
});

test('which projects came out of the third meeting?', async () => {
  const data = await ask(`{
    entity(key: "event-sci-jic-third-meeting") {
      ... on Event { projects { totalCount edges { node {
        key kind name count { value qualifier }
        partOf { edges { node { key } } }
        launchedAt { edges { node { key } } }
      } relationship { type } } } }
    } }`);
  expect(data.entity.projects.totalCount).toBe(1);
  const [edge] = data.entity.projects.edges;
  expect(edge.relationship).toEqual({ type: 'LAUNCHED_AT' });
  expect(edge.node).toEqual({
    key: 'project-sci-third-phase-new-projects',
    kind: 'PROJECT_GROUP',
    name: '第三阶段项目',
    count: { value: 14, qualifier: 'EXACT' },
    partOf: { edges: [{ node: { key: 'project-sci' } }] },
    launchedAt: { edges: [{ node: { key: 'event-sci-jic-third-meeting' } }] },
  });
});

test('who stood where at MOU Batch 1, a signing within the third meeting?', async () => {
  const data = await ask(`{
    entity(key: "event-sci-jic-third-meeting-mou-batch-1") {
      name ... on Event { kind partOf { edges { node { key } } }
        participants { totalCount edges { node { role mode position participant { key } } } } }
    } }`);
  const batch = data.entity;
  expect(batch).toMatchObject({ name: 'MOU Batch 1', kind: 'SIGNING', partOf: { edges: [{ node: { key: 'event-sci-jic-third-meeting' } }] } });
  expect(batch.participants.totalCount).toBe(6);
  const people = batch.participants.edges.map((e: any) => e.node);
  for (const p of people) expect(p).toMatchObject({ role: 'PICTURED', mode: null });
  const positions = Object.fromEntries(people.map((p: any) => [p.participant.key, p.position]));
  expect(positions).toEqual({
    'person-ian-mak': 'Standing Left', 'person-joseph-leong': 'Standing Right', 'person-tan-kian-heong': null,
    'person-fuji-foo': null, 'person-leong-der-yao': null, 'person-tee-chee-keong-benjamin': null,
  });
});

const IMDA_UNITS = `{ entity(key: "org-imda") { ... on Organisation { posts { totalCount }
  units { totalCount edges { relationship { type } node { key name kind
    parents { edges { node { key } } } posts { edges { node { title person { key name } } } } } } } } } }`;

test('what units does IMDA have?', async () => {
  const imda = (await ask(IMDA_UNITS)).entity;
  expect(imda.units.totalCount).toBe(3);
  const units = imda.units.edges.map((e: any) => ({ key: e.node.key, name: e.node.name, kind: e.node.kind, via: e.relationship.type }));
  expect(units.sort(byKey)).toEqual([
    { key: 'org-imda-international-cooperation-and-strategic-partnership-department', name: 'International Cooperation and Strategic Partnership Department', kind: 'UNIT', via: 'PART_OF' },
    { key: 'org-imda-international-group', name: 'International', kind: 'UNIT', via: 'PART_OF' },
    { key: 'org-imda-sectoral-transformation-group', name: 'Sectoral Transformation Group', kind: 'UNIT', via: 'PART_OF' },
  ]);
  for (const e of imda.units.edges) expect(e.node.parents.edges).toEqual([{ node: { key: 'org-imda' } }]);
});

test('who works at IMDA, found through its units (IMDA itself holds no posts directly)?', async () => {
  const imda = (await ask(IMDA_UNITS)).entity;
  expect(imda.posts.totalCount).toBe(0);
  const staff = imda.units.edges.flatMap((u: any) =>
    u.node.posts.edges.map((p: any) => `${p.node.person.name} — ${p.node.title}, ${u.node.name}`));
  expect(staff.sort()).toEqual([
    'Ian Mak — Assistant Chief Executive, International',
    'Jiang Aijuan — director, International Cooperation and Strategic Partnership Department',
    'Leong Der Yao — Assistant Chief Executive, Sectoral Transformation Group',
  ]);
});
