// The concrete entities the cases ask about, chosen once per run by asking Neo4j (hubs, a pair of
// entities a few hops apart, a common surname) and, for the deep page, by walking this project's
// people list in pages of 100: its cursors are opaque, so a client reaches item 50,000 by walking.
import type { Driver } from 'neo4j-driver';
import { toLuceneQuery } from '../../src/graph/search/lucene';

export interface EntityRef {
  key: string;
  type: string;
}

export interface Picks {
  peopleCount: number;
  /** The person with most relationships: entity by key, 2-hop neighbourhood. */
  person: EntityRef;
  /** The organisation with most HOLDS_POST. */
  hubOrganisation: EntityRef;
  /** The most common organisation kind. */
  organisationKind: string;
  /** The most connected entity: 1-hop neighbourhood. */
  hub: EntityRef;
  pathFrom: EntityRef;
  pathTo: EntityRef;
  pathLength: number;
  searchText: string;
  /** The Lucene query this project makes of `searchText`, given to the peer and the floor as is. */
  lucene: string;
  /** Items to skip for the deep page, and this project's cursor for it (null: from the start). */
  deepOffset: number;
  deepCursor: string | null;
}

const DEEP_ITEM = 50_000;

async function one<T>(driver: Driver, cypher: string, what: string): Promise<T> {
  const { records } = await driver.executeQuery(cypher, {}, { database: 'neo4j' });
  if (records.length === 0) throw new Error(`no ${what} in the bench graph`);
  return records[0].toObject() as T;
}

const MOST_CONNECTED_PERSON = `
MATCH (n:Person) RETURN n.id AS key, n.type AS type ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1`;
const HUB_ORGANISATION = `
MATCH (n:Organisation) RETURN n.id AS key, n.type AS type ORDER BY COUNT { (n)<-[:HOLDS_POST]-() } DESC, n.id LIMIT 1`;
const COMMON_KIND = `
MATCH (n:Organisation) WHERE n.kind IS NOT NULL RETURN n.kind AS kind, count(*) AS count ORDER BY count DESC, kind LIMIT 1`;
const HUB = `
MATCH (n:Entity) RETURN n.id AS key, n.type AS type ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1`;
const PEOPLE = `MATCH (n:Person) RETURN count(n) AS count`;
// Candidates 3 hops apart by a walk, kept when their shortest path really is 3 or 4 hops.
const PATH_PAIR = `
MATCH (a:Person) WHERE COUNT { (a)--() } > 0
WITH a ORDER BY a.id LIMIT 200
MATCH (a)--(x)--(y)--(b:Entity) WHERE b <> a AND b <> x AND y <> a
WITH DISTINCT a, b LIMIT 1000
MATCH p = shortestPath((a)-[*..4]-(b))
WITH a, b, length(p) AS hops WHERE hops >= 3
RETURN a.id AS fromKey, a.type AS fromType, b.id AS toKey, b.type AS toType, hops
ORDER BY hops DESC, fromKey, toKey LIMIT 1`;
const COMMON_WORD = `
MATCH (n:Person) WITH n LIMIT 20000
UNWIND split(n.searchLatin, ' ') AS word
WITH word WHERE word =~ '[A-Za-z]{3,}'
RETURN word, count(*) AS count ORDER BY word = 'Zhang' DESC, count DESC, word LIMIT 1`;

export async function pickEntities(driver: Driver, projectUrl: string, log: (l: string) => void): Promise<Picks> {
  const { count: peopleCount } = await one<{ count: number }>(driver, PEOPLE, 'people');
  const person = await one<EntityRef>(driver, MOST_CONNECTED_PERSON, 'person');
  const hubOrganisation = await one<EntityRef>(driver, HUB_ORGANISATION, 'organisation');
  const { kind: organisationKind } = await one<{ kind: string }>(driver, COMMON_KIND, 'organisation kind');
  const hub = await one<EntityRef>(driver, HUB, 'entity');
  const pair = await one<{ fromKey: string; fromType: string; toKey: string; toType: string; hops: number }>(driver, PATH_PAIR, 'pair of entities 3-4 hops apart');
  const { word: searchText } = await one<{ word: string }>(driver, COMMON_WORD, 'Latin name');
  const deepOffset = Math.min(DEEP_ITEM, Math.floor(peopleCount / 2));
  const started = Date.now();
  const deepCursor = await cursorBefore(projectUrl, deepOffset, log);
  log(`picked the deep page at person ${deepOffset} of ${peopleCount} (walked ${Math.ceil(deepOffset / 100)} pages in ${Date.now() - started} ms)`);
  return {
    peopleCount,
    person,
    hubOrganisation,
    organisationKind,
    hub,
    pathFrom: { key: pair.fromKey, type: pair.fromType },
    pathTo: { key: pair.toKey, type: pair.toType },
    pathLength: pair.hops,
    searchText,
    lucene: toLuceneQuery(searchText)!,
    deepOffset,
    deepCursor,
  };
}

const PAGE = `query Walk($after: String) { people(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`;

interface WalkPage {
  data?: { people: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  errors?: unknown[];
}

/** This project's cursor of item `offset - 1` (0-based), by walking pages of 100; null for 0. */
async function cursorBefore(url: string, offset: number, log: (l: string) => void): Promise<string | null> {
  if (offset === 0) return null;
  let after: string | null = null;
  let seen = 0;
  const started = Date.now();
  for (;;) {
    if (seen > 0 && seen % 10_000 === 0) log(`  walked ${seen} of ${offset} people (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { after } }) });
    const body = (await res.json()) as WalkPage;
    if (!body.data) throw new Error(`walking the people list failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    const { edges, pageInfo } = body.data.people;
    if (offset - 1 < seen + edges.length) return edges[offset - 1 - seen].cursor;
    if (!pageInfo.hasNextPage) throw new Error(`the people list ended at ${seen + edges.length} items, before ${offset}`);
    seen += edges.length;
    after = pageInfo.endCursor;
  }
}
