// Walking a list page by page with `after: endCursor`: what a client that pages through people,
// events or a hub's relationships may rely on. Every walk equals the whole list in its documented
// order (no item twice, none skipped), also while entities are added between pages; a cursor only
// works on the list it came from; the PART_OF and LOCATED_IN chains filters follow stop at the
// documented depth. Tests that add data run after those that read the seed alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { MAX_LOCATED_IN_DEPTH, MAX_PART_OF_DEPTH } from '../../src/graph/entity/list-cypher';
import { startTestServer, type TestServer } from '../support/harness';
import { importGenerated, importRecords, walk, type Page, type RelationshipLine } from '../support/walk';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ resetOnStop: true });
});
afterAll(() => server.stop());

/** Sends an operation that must succeed and returns its data. */
async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await server.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}
/** Rows of a read in the test's own Cypher: the oracle the API's answers are checked against. */
async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const result = await server.db.driver.executeQuery(cypher, params, { database: server.db.name, routing: neo4j.routing.READ });
  return result.records.map((r) => r.toObject());
}
const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
const keysOf = (edges: { node: { key: string } }[]) => edges.map((e) => e.node.key);

// ---------------------------------------------------------------- the documented order
interface Item {
  key: string;
  name: string;
  date?: { year: number | null; month: number | null; day: number | null } | null;
}
interface Order {
  field: 'NAME' | 'DATE';
  direction: 'ASC' | 'DESC';
}

// Neo4j orders strings by code point; for names within the Basic Multilingual Plane (all of
// them here) that is JavaScript's order of UTF-16 code units.
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A partial date sorts at the start of its period; null without a known year. */
const startOf = (item: Item) => (item.date?.year == null ? null : item.date.year * 10000 + (item.date.month ?? 1) * 100 + (item.date.day ?? 1));

/**
 * The schema's order: by name, or by date with undated items last in either direction; ties
 * broken by name, then by key, ascending.
 */
function compare(order: Order) {
  return (a: Item, b: Item): number => {
    if (order.field === 'DATE') {
      const [x, y] = [startOf(a), startOf(b)];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) {
        return order.direction === 'ASC' ? x - y : y - x;
      }
      return text(a.name, b.name) || text(a.key, b.key);
    }
    return (order.direction === 'ASC' ? text(a.name, b.name) : text(b.name, a.name)) || text(a.key, b.key);
  };
}
const sorted = (items: Item[], order: Order) => [...items].sort(compare(order));

// ---------------------------------------------------------------- top-level lists
interface List {
  field: string;
  type: string;
  /** The node's date field, for dated types. */
  date: string | null;
}
const LISTS: List[] = [
  { field: 'people', type: 'Person', date: null },
  { field: 'organisations', type: 'Organisation', date: null },
  { field: 'places', type: 'Place', date: null },
  { field: 'events', type: 'Event', date: 'date' },
  { field: 'agreements', type: 'Agreement', date: 'date' },
  { field: 'projects', type: 'Project', date: 'date' },
  { field: 'documents', type: 'Document', date: 'published' },
];
const list = (field: string) => LISTS.find((l) => l.field === field)!;
const ordersOf = (l: List): Order[] => [
  { field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' },
  ...(l.date ? [{ field: 'DATE', direction: 'ASC' }, { field: 'DATE', direction: 'DESC' }] as Order[] : []),
];

const listQuery = (l: List) => `query($first: Int, $after: String, $orderBy: ${l.date ? 'DatedEntityOrder' : 'EntityOrder'}, $filter: ${l.type}Filter) {
  list: ${l.field}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key name ${l.date ? `date: ${l.date} { year month day }` : ''} } } } }`;

type ListPage = Page<{ node: Item }> & { totalCount: number };
async function listPage(l: List, vars: { first: number; after?: string | null; orderBy?: Order; filter?: object }): Promise<ListPage> {
  return (await ask(listQuery(l), vars)).list;
}
/** Walks a list `first` at a time; every page states the same total. */
async function walkList(l: List, first: number, vars: { orderBy?: Order; filter?: object } = {}) {
  const { edges, pages } = await walk(first, (after) => listPage(l, { ...vars, first, after }));
  const totals = new Set(pages.map((p) => (p as ListPage).totalCount));
  expect([...totals]).toEqual([edges.length]);
  return edges.map((e) => e.node);
}

/** Every entity of a type as the oracle sees it: stored key, name and date parts. */
async function stored(type: string): Promise<Item[]> {
  return (await rows(`MATCH (n:${type}) RETURN n.id AS key, n.name AS name, n.kind AS kind,
    CASE WHEN n.dateYear IS NULL AND n.dateMonth IS NULL THEN null ELSE {year: n.dateYear, month: n.dateMonth, day: n.dateDay} END AS date`));
}

const WALKS = LISTS.flatMap((l) => ordersOf(l).map((orderBy) => ({ list: l.field, orderBy, label: `${l.field} by ${orderBy.field} ${orderBy.direction}` })));

test.each(WALKS)('does walking $label three at a time give the whole list in its order, each item once?', async ({ list: field, orderBy }) => {
  const l = list(field);
  const walked = await walkList(l, 3, { orderBy });
  const whole = await listPage(l, { first: 100, orderBy });
  expect(whole.pageInfo.hasNextPage).toBe(false);
  expect(walked).toEqual(whole.edges.map((e) => e.node));
  expect(whole.totalCount).toBe(walked.length);
  // The one large page is itself the documented order of every entity of the type.
  const everything = await stored(l.type);
  expect(keysOf(whole.edges)).toEqual(sorted(whole.edges.map((e) => e.node), orderBy).map((i) => i.key));
  expect(new Set(keysOf(whole.edges))).toEqual(new Set(everything.map((i) => i.key)));
  expect(walked).toHaveLength(everything.length);
});

const FILTERED = [
  { label: 'organisations of two kinds, by name descending', list: 'organisations', orderBy: { field: 'NAME', direction: 'DESC' }, filter: { kinds: ['UNIT', 'GOVERNMENT_BODY'] } },
  { label: 'units of IMDA, by name', list: 'organisations', orderBy: { field: 'NAME', direction: 'ASC' }, filter: { parent: gid('Organisation', 'org-imda') } },
  { label: 'places of two kinds, by name', list: 'places', orderBy: { field: 'NAME', direction: 'ASC' }, filter: { kinds: ['CITY', 'COUNTRY'] } },
  { label: 'people with a post in IMDA, by name descending', list: 'people', orderBy: { field: 'NAME', direction: 'DESC' }, filter: { organisation: gid('Organisation', 'org-imda') } },
  { label: 'events from 2019 and undated ones, by date', list: 'events', orderBy: { field: 'DATE', direction: 'ASC' }, filter: { date: { from: '2019', undated: 'INCLUDE' } } },
  { label: 'projects of two kinds, by date descending', list: 'projects', orderBy: { field: 'DATE', direction: 'DESC' }, filter: { kinds: ['PROJECT', 'INITIATIVE', 'PROJECT_GROUP'] } },
] as const;

test.each(FILTERED)('does walking $label one at a time give the one-page answer?', async ({ list: field, orderBy, filter }) => {
  const l = list(field);
  const whole = await listPage(l, { first: 100, orderBy, filter });
  expect(whole.edges.length).toBeGreaterThan(1);
  expect(await walkList(l, 1, { orderBy, filter })).toEqual(whole.edges.map((e) => e.node));
  expect(keysOf(whole.edges)).toEqual(sorted(whole.edges.map((e) => e.node), orderBy).map((i) => i.key));
});

// ---------------------------------------------------------------- connections of an entity, and exploration
/** An entity's connection `field`, with `args` besides the page's. */
const CONNECTION = (on: string, field: string, args: string, node: string) => `query($key: String!, $first: Int, $after: String) {
  entity(key: $key) { ... on ${on} { c: ${field}(${args} first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${node} } } } } } }`;

/** Walks an entity's connection `first` at a time and returns it with the one-page answer. */
async function walkConnection(key: string, query: string, first: number) {
  const page = async (vars: Record<string, unknown>) => (await ask(query, { key, ...vars })).entity.c as Page<unknown> & { totalCount: number };
  const whole = await page({ first: 100 });
  const { edges, pages } = await walk(first, (after) => page({ first, after }));
  for (const p of pages) expect((p as typeof whole).totalCount).toBe(whole.totalCount);
  return { walked: edges, whole: whole.edges, total: whole.totalCount };
}

const RELATIONSHIP_NODE = 'id type from { key } to { key }';

test('does walking the relationships of the ten best-connected entities, two at a time, give the one-page answer?', async () => {
  const ranked = (await ask('{ mostConnected(first: 10) { edges { degree node { key } } } }')).mostConnected.edges;
  expect(ranked).toHaveLength(10);
  for (const { degree, node } of ranked) {
    const { walked, whole, total } = await walkConnection(node.key, CONNECTION('Entity', 'relationships', '', RELATIONSHIP_NODE), 2);
    expect(walked).toEqual(whole);
    expect(total).toBe(degree);
    expect(new Set(walked.map((e: any) => e.node.id)).size).toBe(degree);
  }
});

test.each([
  ['IMDA’s outgoing relationships', 'org-imda', 'Entity', 'relationships', 'direction: OUT', RELATIONSHIP_NODE],
  ['the meeting’s incoming participations and posts', 'event-sci-jic-third-meeting', 'Entity', 'relationships', 'types: [PARTICIPATED_IN, HOLDS_POST], direction: IN', RELATIONSHIP_NODE],
  ['IMDA’s units', 'org-imda', 'Organisation', 'units', '', 'key'],
  ['the joint committee’s posts', 'org-sci-joint-implementation-committee', 'Organisation', 'posts', '', 'id title person { key }'],
  ['the meeting’s participants', 'event-sci-jic-third-meeting', 'Event', 'participants', '', 'id role participant { key }'],
  ['what Singapore contains', 'place-singapore', 'Place', 'contains', '', 'key'],
])('does walking %s one at a time give the one-page answer?', async (_, key, on, field, args, node) => {
  const { walked, whole, total } = await walkConnection(key, CONNECTION(on, field, args, node), 1);
  expect(whole.length).toBeGreaterThan(1);
  expect(walked).toEqual(whole);
  expect(walked).toHaveLength(total);
});

const TIMELINE = `query($id: ID, $includeUndated: Boolean, $first: Int, $after: String) {
  timeline(id: $id, includeUndated: $includeUndated, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key } placement distance date { iso } } } }`;
const RANKING = `query($types: [EntityType!], $relationshipTypes: [RelationshipType!], $first: Int, $after: String) {
  mostConnected(types: $types, relationshipTypes: $relationshipTypes, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key } degree } } }`;
const SHARED = `query($ids: [ID!]!, $first: Int, $after: String) { sharedConnections(ids: $ids, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { key } links { id } } } }`;
const LEONG = gid('Person', 'person-joseph-leong');
const QIN = gid('Person', 'person-qin-wei-zhong');

test.each([
  ['the whole timeline', TIMELINE, 'timeline', {}, 2],
  ['the timeline without undated items', TIMELINE, 'timeline', { includeUndated: false }, 1],
  ['the timeline around the Smart City Initiative', TIMELINE, 'timeline', { id: gid('Project', 'project-sci') }, 1],
  ['the most connected entities', RANKING, 'mostConnected', {}, 3],
  ['the most connected organisations and people', RANKING, 'mostConnected', { types: ['ORGANISATION', 'PERSON'] }, 3],
  ['the entities with the most participations', RANKING, 'mostConnected', { relationshipTypes: ['PARTICIPATED_IN'] }, 3],
  ['what the two co-chairs share', SHARED, 'sharedConnections', { ids: [LEONG, QIN] }, 1],
  ['what IMDA and MCI share', SHARED, 'sharedConnections', { ids: [gid('Organisation', 'org-imda'), gid('Organisation', 'org-mci')] }, 1],
] as [string, string, string, Record<string, unknown>, number][])('does walking %s page by page give the one-page answer?', async (_, query, field, vars, first) => {
  const page = async (more: Record<string, unknown>) => (await ask(query, { ...vars, ...more }))[field] as Page<unknown> & { totalCount: number };
  const whole = await page({ first: field === 'sharedConnections' ? 20 : 100 });
  expect(whole.pageInfo.hasNextPage).toBe(false);
  expect(whole.edges.length).toBeGreaterThan(first);
  const { edges, pages } = await walk(first, (after) => page({ first, after }));
  expect(edges).toEqual(whole.edges);
  for (const p of pages) expect((p as typeof whole).totalCount).toBe(whole.edges.length);
});

// ---------------------------------------------------------------- a cursor belongs to its list
const PEOPLE = 'query($after: String, $orderBy: EntityOrder) { x: people(orderBy: $orderBy, first: 2, after: $after) { pageInfo { endCursor } } }';
const ORGS = 'query($after: String, $filter: OrganisationFilter) { x: organisations(filter: $filter, first: 2, after: $after) { pageInfo { endCursor } } }';
const EVENTS = 'query($after: String, $orderBy: DatedEntityOrder, $filter: EventFilter) { x: events(filter: $filter, orderBy: $orderBy, first: 1, after: $after) { pageInfo { endCursor } } }';
const RELATIONSHIPS = 'query($after: String, $key: String!, $types: [RelationshipType!], $direction: Direction) { entity(key: $key) { x: relationships(types: $types, direction: $direction, first: 1, after: $after) { pageInfo { endCursor } } } }';
const TIMELINE_CURSOR = 'query($after: String, $id: ID) { x: timeline(id: $id, first: 1, after: $after) { pageInfo { endCursor } } }';
const RANKING_CURSOR = 'query($after: String, $types: [EntityType!]) { x: mostConnected(types: $types, first: 1, after: $after) { pageInfo { endCursor } } }';
const SHARED_CURSOR = 'query($after: String, $ids: [ID!]!) { x: sharedConnections(ids: $ids, first: 1, after: $after) { pageInfo { endCursor } } }';
type Use = [string, Record<string, unknown>];
const cursorOf = async ([query, vars]: Use): Promise<string> => {
  const data = await ask(query, vars);
  const cursor = (data.x ?? data.entity.x).pageInfo.endCursor;
  expect(typeof cursor).toBe('string');
  return cursor;
};
const IMDA = { key: 'org-imda' };
const BY_DATE = { field: 'DATE', direction: 'ASC' };

test.each([
  { of: 'people', by: 'organisations', from: [PEOPLE, {}], use: [ORGS, {}] },
  { of: 'people by name', by: 'people by name descending', from: [PEOPLE, {}], use: [PEOPLE, { orderBy: { direction: 'DESC' } }] },
  { of: 'units of IMDA', by: 'all organisations', from: [ORGS, { filter: { parent: gid('Organisation', 'org-imda') } }], use: [ORGS, {}] },
  { of: 'organisations of one kind', by: 'organisations of another', from: [ORGS, { filter: { kinds: ['UNIT'] } }], use: [ORGS, { filter: { kinds: ['COMPANY'] } }] },
  { of: 'events by date', by: 'events by name', from: [EVENTS, { orderBy: BY_DATE }], use: [EVENTS, {}] },
  { of: 'events by name', by: 'events by date', from: [EVENTS, {}], use: [EVENTS, { orderBy: BY_DATE }] },
  { of: 'events of 2022', by: 'events of 2021', from: [EVENTS, { filter: { date: { from: '2022', to: '2022' } } }], use: [EVENTS, { filter: { date: { from: '2021', to: '2021' } } }] },
  { of: 'IMDA’s relationships', by: 'MCI’s relationships', from: [RELATIONSHIPS, IMDA], use: [RELATIONSHIPS, { key: 'org-mci' }] },
  { of: 'IMDA’s relationships', by: 'IMDA’s PART_OF relationships', from: [RELATIONSHIPS, IMDA], use: [RELATIONSHIPS, { ...IMDA, types: ['PART_OF'] }] },
  { of: 'IMDA’s outgoing relationships', by: 'its incoming ones', from: [RELATIONSHIPS, { ...IMDA, direction: 'OUT' }], use: [RELATIONSHIPS, { ...IMDA, direction: 'IN' }] },
  { of: 'the timeline', by: 'the timeline around an entity', from: [TIMELINE_CURSOR, {}], use: [TIMELINE_CURSOR, { id: gid('Project', 'project-sci') }] },
  { of: 'the timeline', by: 'the ranking', from: [TIMELINE_CURSOR, {}], use: [RANKING_CURSOR, {}] },
  { of: 'the ranking of people', by: 'the ranking of organisations', from: [RANKING_CURSOR, { types: ['PERSON'] }], use: [RANKING_CURSOR, { types: ['ORGANISATION'] }] },
  { of: 'what two entities share', by: 'what two others share', from: [SHARED_CURSOR, { ids: [LEONG, QIN] }], use: [SHARED_CURSOR, { ids: [LEONG, gid('Organisation', 'org-imda')] }] },
] as { of: string; by: string; from: Use; use: Use }[])('is a cursor of $of refused as bad input by $by?', async ({ from, use: [query, vars] }) => {
  const after = await cursorOf(from);
  const res = await server.gql(query, { ...vars, after });
  expect(res.data?.x ?? res.data?.entity?.x ?? null).toBeNull();
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors![0].message).toMatch(/another list/);
});

test('is a cursor still accepted when the same criteria are written differently?', async () => {
  const one = { filter: { kinds: ['UNIT', 'COMPANY'] } };
  const after = await cursorOf([ORGS, one]);
  const res = await server.gql(ORGS, { filter: { kinds: ['COMPANY', 'UNIT', 'COMPANY'] }, after });
  expect(res.errors).toBeUndefined();
});

// ---------------------------------------------------------------- entities added between pages
const DATASET = (id: string) => ({ dataset: { id, name: `Test records (${id})`, version: '1', licence: 'CC0-1.0' } });
const entity = (dataset: string, id: string, type: string, name: string, more: object = {}) => ({
  entity: { id, type, names: [{ value: name, lang: /[\u4e00-\u9fff]/.test(name) ? 'zh' : 'en', kind: 'primary' }], sources: [{ dataset, record: id }], ...more },
});
const relationship = (dataset: string, type: string, from: string, to: string, more: object = {}) => ({
  relationship: { type, from, to, sources: [{ dataset, record: `${type} ${from} ${to}` }], ...more },
});

test('are people and events added while a client pages placed by the cursor: those after it listed once, those before it not?', async () => {
  const people = list('people');
  const events = list('events');
  const byName: Order = { field: 'NAME', direction: 'ASC' };
  const byDate: Order = { field: 'DATE', direction: 'ASC' };
  // Half the people, two at a time; the first event by date (the one dated event of the seed).
  const seenPeople: Item[] = [];
  let peopleAfter: string | null = null;
  for (let i = 0; i < 3; i++) {
    const page: ListPage = await listPage(people, { first: 2, after: peopleAfter, orderBy: byName });
    seenPeople.push(...page.edges.map((e) => e.node));
    peopleAfter = page.pageInfo.endCursor;
  }
  const firstEvents = await listPage(events, { first: 1, orderBy: byDate });
  const eventsAfter = firstEvents.pageInfo.endCursor;
  const [lastPerson, lastEvent] = [seenPeople[seenPeople.length - 1], firstEvents.edges[0].node];
  expect(lastEvent.date?.year).toEqual(expect.any(Number));
  const peopleBefore = await rows('MATCH (n:Person) RETURN n.id AS key');
  const eventsBefore = await rows('MATCH (n:Event) RETURN n.id AS key');

  // Around each cursor: sorting before it, the same sort values but a smaller or larger key, and after it.
  const ds = 'dataset-keyset-walk-added';
  const at = (d: { year: number; month: number; day: number }) => ({ date: { year: d.year, month: d.month, day: d.day } });
  const { year, month, day } = lastEvent.date as { year: number; month: number; day: number };
  const added = {
    person: {
      before: [entity(ds, 'person-aaa-added', 'Person', 'Aaa Added'), entity(ds, 'person-0-added-same-name', 'Person', lastPerson.name)],
      after: [entity(ds, `${lastPerson.key}-added`, 'Person', lastPerson.name), entity(ds, 'person-added-next', 'Person', `${lastPerson.name} Junior`),
        entity(ds, 'person-zzz-added', 'Person', 'Zzz Added')],
    },
    event: {
      before: [entity(ds, 'event-added-year-before', 'Event', 'Added a year before', { kind: 'MEETING', ...at({ year: year - 1, month, day }) }),
        entity(ds, 'event-added-same-day-name-before', 'Event', 'A added the same day', { kind: 'MEETING', ...at({ year, month, day }) })],
      after: [entity(ds, 'event-added-same-day-name-after', 'Event', `${lastEvent.name} 续`, { kind: 'MEETING', ...at({ year, month, day }) }),
        entity(ds, 'event-added-year-after', 'Event', 'Added a year after', { kind: 'MEETING', ...at({ year: year + 1, month, day }) }),
        entity(ds, 'event-added-undated', 'Event', 'Added without a date', { kind: 'MEETING' })],
    },
  };
  await importRecords([DATASET(ds), ...added.person.before, ...added.person.after, ...added.event.before, ...added.event.after]);

  const restPeople = await walk(2, (after) => listPage(people, { first: 2, after: after ?? peopleAfter, orderBy: byName }));
  const restEvents = await walk(2, (after) => listPage(events, { first: 2, after: after ?? eventsAfter, orderBy: byDate }));
  const cases = [
    { seen: seenPeople, rest: restPeople.edges.map((e) => e.node), before: peopleBefore, added: added.person, order: byName },
    { seen: firstEvents.edges.map((e) => e.node), rest: restEvents.edges.map((e) => e.node), before: eventsBefore, added: added.event, order: byDate },
  ];
  for (const { seen, rest, before, added: { before: earlier, after: later }, order } of cases) {
    const all = [...seen, ...rest];
    expect(new Set(all.map((i) => i.key)).size).toBe(all.length);
    // Every entity there before the walk began is listed; of the added ones, those after the cursor.
    const listed = new Set(all.map((i) => i.key));
    for (const { key } of before) expect(listed).toContain(key);
    for (const { entity: e } of later) expect(listed).toContain(e.id);
    for (const { entity: e } of earlier) expect(listed).not.toContain(e.id);
    expect(all).toEqual(sorted(all, order));
  }
});

// ---------------------------------------------------------------- how deep chains are followed
const CHAIN = 'dataset-keyset-walk-chains';
const orgAt = (k: number) => `org-chain-unit-${k}`;
const placeAt = (k: number) => `place-chain-${k}`;
const seatedAt = (k: number) => `org-chain-seated-${k}`;
const personAt = (k: number) => `person-chain-officer-${k}`;
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const ORG_LEVELS = 10;
const PLACE_LEVELS = 8;

describe('along a PART_OF chain 10 deep and a LOCATED_IN chain 8 deep', () => {
  beforeAll(async () => {
    // org-chain-unit-k is a unit of unit k-1, seated (at k = 0) in place-chain-0; place-chain-k lies
    // within place k-1; an organisation is seated at every level of places, an officer at every unit.
    await importRecords([
      DATASET(CHAIN),
      ...range(ORG_LEVELS + 1).map((k) => entity(CHAIN, orgAt(k), 'Organisation', `Chain unit ${String(k).padStart(2, '0')}`, { kind: k === 0 ? 'GOVERNMENT_BODY' : 'UNIT' })),
      ...range(PLACE_LEVELS + 1).map((k) => entity(CHAIN, placeAt(k), 'Place', `Chain place ${k}`, { kind: k === 0 ? 'COUNTRY' : 'REGION' })),
      ...range(PLACE_LEVELS + 1).map((k) => entity(CHAIN, seatedAt(k), 'Organisation', `Chain seated ${k}`, { kind: 'COMPANY' })),
      ...range(ORG_LEVELS + 1).map((k) => entity(CHAIN, personAt(k), 'Person', `Chain officer ${String(k).padStart(2, '0')}`)),
      ...range(ORG_LEVELS).map((k) => relationship(CHAIN, 'PART_OF', orgAt(k + 1), orgAt(k))),
      ...range(PLACE_LEVELS).map((k) => relationship(CHAIN, 'LOCATED_IN', placeAt(k + 1), placeAt(k))),
      relationship(CHAIN, 'LOCATED_IN', orgAt(0), placeAt(0)),
      ...range(PLACE_LEVELS + 1).map((k) => relationship(CHAIN, 'LOCATED_IN', seatedAt(k), placeAt(k))),
      ...range(ORG_LEVELS + 1).map((k) => relationship(CHAIN, 'HOLDS_POST', personAt(k), orgAt(k), { title: [{ value: 'officer', lang: 'en' }] })),
    ]);
    expect(MAX_PART_OF_DEPTH).toBeLessThan(ORG_LEVELS);
    expect(MAX_LOCATED_IN_DEPTH).toBeLessThan(PLACE_LEVELS);
  });

  const keysFound = async (field: string, filter: object): Promise<string[]> =>
    keysOf((await walkList(list(field), 100, { filter })).map((node) => ({ node })));

  test('are the units of a unit found down to MAX_PART_OF_DEPTH levels, and no deeper?', async () => {
    expect(await keysFound('organisations', { parent: gid('Organisation', orgAt(0)) })).toEqual(range(MAX_PART_OF_DEPTH).map((k) => orgAt(k + 1)));
    expect(await keysFound('organisations', { parent: gid('Organisation', orgAt(2)) })).toEqual(range(ORG_LEVELS - 2).map((k) => orgAt(k + 3)));
  });

  test('are the officers of an organisation’s units found down to MAX_PART_OF_DEPTH levels, and no deeper?', async () => {
    expect(await keysFound('people', { organisation: gid('Organisation', orgAt(0)) })).toEqual(range(MAX_PART_OF_DEPTH + 1).map(personAt));
  });

  test('are the places within a place found down to MAX_LOCATED_IN_DEPTH levels, and no deeper?', async () => {
    expect(await keysFound('places', { within: gid('Place', placeAt(0)) })).toEqual(range(MAX_LOCATED_IN_DEPTH).map((k) => placeAt(k + 1)));
  });

  test('are the units of an organisation seated in a place found there down to MAX_PART_OF_DEPTH levels?', async () => {
    const found = await keysFound('organisations', { place: gid('Place', placeAt(0)) });
    expect(found.filter((key) => key.startsWith('org-chain-unit-'))).toEqual(range(MAX_PART_OF_DEPTH + 1).map(orgAt));
  });

  // Regression: organisations(filter: {place: X}) once counted the organisation's own seat as one
  // of the MAX_LOCATED_IN_DEPTH steps, so an organisation seated in a place that
  // places(within: X) lists was not found in X.
  test('is an organisation seated in any place that places(within:) lists found in that place too?', async () => {
    const within = await keysFound('places', { within: gid('Place', placeAt(0)) });
    const found = await keysFound('organisations', { place: gid('Place', placeAt(0)) });
    const seatedIn = (place: string) => seatedAt(Number(place.slice('place-chain-'.length)));
    expect(found.filter((key) => key.startsWith('org-chain-seated-'))).toEqual([placeAt(0), ...within].map(seatedIn));
  });
});

test('does the README state the depths the filters follow?', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
  expect(readme).toContain(`up to ${MAX_PART_OF_DEPTH} \`PART_OF\` steps`);
  expect(readme).toContain(`up to ${MAX_LOCATED_IN_DEPTH} \`LOCATED_IN\` steps`);
});

// ---------------------------------------------------------------- thousands of items
describe('with 3,000 generated entities', () => {
  let hub: { key: string; degree: number };

  beforeAll(async () => {
    // Entities and documents, and the relationships of the best-connected entity only.
    await importGenerated({
      entities: 3000,
      seed: 7,
      select: (relationships: RelationshipLine[]) => {
        const degree = new Map<string, number>();
        for (const r of relationships) for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
        const [top] = [...degree.entries()].sort((a, b) => b[1] - a[1] || text(a[0], b[0]))[0];
        return relationships.filter((r) => r.from === top || r.to === top);
      },
    });
    [hub] = await rows('MATCH (n:Entity) RETURN n.id AS key, n.degree AS degree ORDER BY n.degree DESC LIMIT 1');
    expect(hub.degree).toBeGreaterThan(300);
  }, 180_000);

  test.each([
    ['people by name', 'people', { field: 'NAME', direction: 'ASC' }, {}],
    ['events by date', 'events', { field: 'DATE', direction: 'ASC' }, {}],
    ['events by date, latest first', 'events', { field: 'DATE', direction: 'DESC' }, {}],
    ['organisations of two kinds by name, descending', 'organisations', { field: 'NAME', direction: 'DESC' }, { kinds: ['UNIT', 'COMPANY'] }],
  ] as [string, string, Order, { kinds?: string[] }][])('does walking %s fifty at a time list every one once, in order?', async (_, field, orderBy, filter) => {
    const l = list(field);
    const walked = await walkList(l, 50, { orderBy, filter });
    const expected = (await stored(l.type)).filter((i: any) => !filter.kinds || filter.kinds.includes(i.kind));
    expect(walked.length).toBeGreaterThan(300);
    expect(walked.map((i) => i.key)).toEqual(sorted(expected, orderBy).map((i) => i.key));
  });

  test('does walking the best-connected entity’s relationships fifty at a time list each once?', async () => {
    const { edges, pages } = await walk(50, async (after) => (await ask(CONNECTION('Entity', 'relationships', '', 'id'), { key: hub.key, first: 50, after })).entity.c);
    const ids = edges.map((e: any) => e.node.id);
    expect(pages.length).toBe(Math.ceil(hub.degree / 50));
    const expected = await rows('MATCH (:Entity {id: $key})-[r]-(m:Entity) RETURN r.id AS id ORDER BY m.name, m.id, r.id', { key: hub.key });
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(new Set(ids).size).toBe(hub.degree);
  });
});
