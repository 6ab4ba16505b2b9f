// Where each fact comes from: citations point at exact passages of byte-for-byte document copies.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const CHONGQING = 'doc-chongqing-smart-city-conference';
const SHENZHEN = 'doc-shenzhen-sci-third-jic-meeting';
const FILES: Record<string, string> = { [CHONGQING]: '000_0dc519d4640f614a.txt', [SHENZHEN]: '003_66fe633bda6f0a16.txt' };
const fileText = (key: string) => readFileSync(join(__dirname, '../../seeds/documents', FILES[key]), 'utf8');
/** A passage by code-point offsets, end exclusive, as the schema defines them. */
const slice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const LISTS = ['people', 'organisations', 'events', 'agreements', 'projects', 'places', 'documents'];

test('does every relationship cite exact passages of its documents, and agree with Document.excerpt?', async () => {
  // One list per request: all seven at once pass the cost limit (every value counted).
  const data: Record<string, any> = {};
  for (const l of LISTS) {
    Object.assign(data, await ask(`{ ${l}(first: 100) { edges { node {
    relationships(first: 30) { totalCount edges { node { id type from { key } to { key }
      sources { field start end excerpt document { key } } } } } } } } }`));
  }
  const rels = new Map<string, any>();
  for (const list of LISTS) {
    for (const { node } of data[list].edges) {
      expect(node.relationships.totalCount).toBe(node.relationships.edges.length);
      for (const { node: rel } of node.relationships.edges) rels.set(rel.id, rel);
    }
  }
  // 73 curated relationships; IMDA's seat in Singapore is stated by both documents and merged.
  expect(rels.size).toBe(72);

  const texts = Object.fromEntries(Object.keys(FILES).map((k) => [k, fileText(k)]));
  const citations = [...rels.values()].flatMap((r) => r.sources);
  for (const rel of rels.values()) expect(rel.sources.length).toBeGreaterThan(0);
  expect(citations.length).toBeGreaterThan(rels.size);
  for (const c of citations) {
    expect(c.field).toBeNull();
    expect(c.end).toBeGreaterThan(c.start);
    expect(texts[c.document.key]).toContain(c.excerpt);
    expect(slice(texts[c.document.key], c.start, c.end)).toBe(c.excerpt);
  }

  // The server's own Document.excerpt gives back each cited passage.
  for (const key of Object.keys(FILES)) {
    const mine = citations.filter((c) => c.document.key === key);
    // 40 aliases per request (MAX_ALIASES is 50).
    for (let from = 0; from < mine.length; from += 40) {
      const part = mine.slice(from, from + 40);
      const fields = part.map((c, i) => `e${i}: excerpt(start: ${c.start}, end: ${c.end})`).join('\n');
      const doc = (await ask(`{ entity(key: "${key}") { ... on Document { ${fields} } } }`)).entity;
      part.forEach((c, i) => expect(doc[`e${i}`]).toBe(c.excerpt));
    }
  }
});

test('is every name and property of every entity cited from an exact passage?', async () => {
  const data = await ask(`{ ${LISTS.map((l) => `${l}(first: 100) { edges { node {
    key names { value } sources { field start end excerpt document { key } } } } }`).join('\n')} }`);
  for (const list of LISTS) {
    for (const { node } of data[list].edges) {
      for (const name of node.names) expect(node.sources.map((s: any) => s.field)).toContain(`name:${name.value}`);
      for (const s of node.sources) {
        expect(s.field).toMatch(/^(name:.+|date|count|description|title|published)$/);
        expect(slice(fileText(s.document.key), s.start, s.end)).toBe(s.excerpt);
      }
    }
  }
});

test('is IMDA’s seat in Singapore cited from both documents?', async () => {
  const data = await ask(`{ entity(key: "org-imda") {
    relationships(types: [LOCATED_IN], direction: OUT) { totalCount edges { node { to { key } sources { excerpt document { key } } } } } } }`);
  const { totalCount, edges } = data.entity.relationships;
  expect(totalCount).toBe(1);
  expect(edges[0].node.to.key).toBe('place-singapore');
  expect(edges[0].node.sources.map((s: any) => [s.document.key, s.excerpt]).sort()).toEqual([
    [CHONGQING, 'Singapore’s Infocomm Media Development Authority'],
    [SHENZHEN, '新加坡资讯通信媒体发展局'],
  ]);
});

test('where does each of IMDA’s names come from?', async () => {
  const data = await ask(`{ entity(key: "org-imda") {
    names { value language kind sources { field start end excerpt document { key } } }
    alias: sources(field: "name:IMDA") { field start end excerpt document { key } } } }`);
  const names = data.entity.names;
  expect(names.map((n: any) => `${n.language} ${n.kind} ${n.value}`).sort()).toEqual([
    'EN ALIAS IMDA', 'EN PRIMARY Infocomm Media Development Authority', 'ZH ALIAS 资讯通信媒体发展局', 'ZH PRIMARY 新加坡资讯通信媒体发展局',
  ]);
  for (const name of names) {
    expect(name.sources.length).toBeGreaterThan(0);
    for (const s of name.sources) {
      expect(s.field).toBe(`name:${name.value}`);
      expect(s.excerpt).toBe(name.value);
      expect(slice(fileText(s.document.key), s.start, s.end)).toBe(name.value);
    }
  }
  const english = names.find((n: any) => n.value === 'Infocomm Media Development Authority');
  expect(english.sources.map((s: any) => s.document.key).sort()).toEqual([CHONGQING, SHENZHEN]);
  // The alias is cited at its third occurrence, in the closing boilerplate.
  expect(data.entity.alias).toEqual([{ field: 'name:IMDA', start: 2909, end: 2913, excerpt: 'IMDA', document: { key: SHENZHEN } }]);
});

test('which passages date the Chongqing conference and the third meeting?', async () => {
  const data = await ask(`{
    conference: entity(key: "event-singapore-smart-city-experience-sharing-conference") { sources(field: "date") { field start end excerpt document { key } } }
    meeting: entity(key: "event-sci-jic-third-meeting") { sources(field: "date") { field start end excerpt document { key } } } }`);
  expect(data.conference.sources).toEqual([
    { field: 'date', start: 440, end: 473, excerpt: 'was held in Chongqing on the 28th', document: { key: CHONGQING } },
  ]);
  expect(data.meeting.sources).toEqual([{ field: 'date', start: 115, end: 119, excerpt: '今天举行', document: { key: SHENZHEN } }]);
});

const DOCUMENTS = `{ documents { totalCount edges { node {
  key name text length sha256 languages
  published { year month day precision yearKnown iso }
  publishers { edges { node { key name } relationship { type ... on Link { role } } } }
  authors { edges { node { key name } relationship { type ... on Link { role } sources { excerpt } } } }
  dateline { edges { node { key } } } } } } }`;

test('are the served documents byte-for-byte copies of the curated sources?', async () => {
  const { documents } = await ask(DOCUMENTS);
  expect(documents.totalCount).toBe(2);
  expect(documents.edges.map((e: any) => e.node.key)).toEqual([CHONGQING, SHENZHEN]);
  for (const { node } of documents.edges) {
    const file = fileText(node.key);
    expect(node.text).toBe(file);
    expect(node.length).toBe(Array.from(file).length);
    expect(node.sha256).toBe(createHash('sha256').update(file, 'utf8').digest('hex'));
  }
  const [chongqing, shenzhen] = documents.edges.map((e: any) => e.node);
  expect(chongqing.sha256).toBe('ebec2d2fd4b4c51fd9c2eef33281d2fec7dd6de97ca6a13621bbab52354a558d');
  expect(shenzhen.sha256).toBe('52d919f7c7d2403928555424e74970fa2bfde8307df7a8b54cb1206d305386bc');
  expect(chongqing.languages).toEqual(['EN']);
  expect(shenzhen.languages).toEqual(['ZH', 'EN']);
  expect(chongqing.name).toBe('“Singapore Smart City Construction Experience Sharing Conference” Held in Chongqing');
  expect(shenzhen.name).toBe('新中(深圳)智慧城市项目合作联合执行委员会在第三次会议上签署了八份谅解备忘录');
});

test('when, where and by whom was each document published?', async () => {
  const { documents } = await ask(DOCUMENTS);
  const [chongqing, shenzhen] = documents.edges.map((e: any) => e.node);
  expect(chongqing.published).toEqual({ year: null, month: 10, day: 28, precision: 'DAY', yearKnown: false, iso: '--10-28' });
  expect(shenzhen.published).toEqual({ year: 2022, month: 11, day: 25, precision: 'DAY', yearKnown: true, iso: '2022-11-25' });
  expect(chongqing.publishers.edges).toEqual([
    { node: { key: 'org-china-news-service', name: 'China News Service' }, relationship: { type: 'PUBLISHED', role: 'PUBLISHER' } },
  ]);
  expect(shenzhen.publishers.edges).toEqual([
    { node: { key: 'org-pr-newswire', name: '美通社' }, relationship: { type: 'PUBLISHED', role: 'DISTRIBUTOR' } },
  ]);
  // Zhong Yan both reported and photographed: one person, two AUTHORED relationships.
  const authors = chongqing.authors.edges.map((e: any) => [e.node.key, e.relationship.role, e.relationship.sources[0].excerpt]);
  expect(authors.sort()).toEqual([
    ['person-zhong-yan', 'PHOTOGRAPHER', 'Photo by Zhong Yan'],
    ['person-zhong-yan', 'REPORTER', '(Reporter Zhong Yan)'],
  ]);
  expect(shenzhen.authors.edges).toEqual([]);
  expect(chongqing.dateline.edges).toEqual([{ node: { key: 'place-chongqing' } }]);
  expect(shenzhen.dateline.edges).toEqual([{ node: { key: 'place-singapore' } }]);
});

test('can a passage be read by offsets, up to the very end of the text?', async () => {
  const data = await ask(`{ entity(key: "${CHONGQING}") { ... on Document { length head: excerpt(start: 0, end: 9) tail: excerpt(start: 3440, end: 3448) } } }`);
  expect(data.entity).toEqual({ length: 3448, head: '“Singapor', tail: '(Finish)' });
});

test.each([
  ['past the end', 3440, 3449],
  ['before the start', -1, 3],
  ['far beyond the text', 0, 100000],
  ['backwards', 10, 5],
])('is a passage %s refused as bad input?', async (_, start, end) => {
  const res = await server.gql(`query($s: Int!, $e: Int!) { entity(key: "${CHONGQING}") { ... on Document { excerpt(start: $s, end: $e) } } }`, { s: start, e: end });
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0].path).toEqual(['entity', 'excerpt']);
  expect(JSON.stringify(res)).not.toContain('stacktrace');
});
