// Pages of one relationship type in one direction (posts, parents, units, ...) read the endpoint
// index (import/endpoints.ts): the same items in the same order as ordering the entity's
// relationships by the other entity's name, at a cost that does not grow with the entity's degree
// or the page's depth. The endpoint names follow a renamed entity, and a store written before the
// endpoints existed gets them from migrate().
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { migrate } from '../../src/db/migrations';
import { neighboursCypher, type Direction } from '../../src/graph/relationship/loaders';
import type { SortValues } from '../../src/shared/pagination';
import type { NodeType } from '../../src/shared/global-id';
import { RELATIONSHIP_TYPES } from '../../src/seed/shape';
import { startTestServer, type TestServer } from '../support/harness';
import { importGenerated, importRecords } from '../support/walk';

let server: TestServer;
let hubs: { key: string; type: string; kind: string | null; degree: number }[];
beforeAll(async () => {
  server = await startTestServer({ resetOnStop: true });
  await importGenerated({ entities: 1500, seed: 11 });
  hubs = await rows('MATCH (n:Entity) RETURN n.id AS key, n.type AS type, n.kind AS kind, n.degree AS degree ORDER BY n.degree DESC, n.id LIMIT 8');
  expect(hubs[0].degree).toBeGreaterThan(150);
}, 240_000);
afterAll(() => server.stop());

async function rows<T = any>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await server.db.driver.executeQuery(cypher, params, { database: server.db.name, routing: neo4j.routing.READ });
  return records.map((r) => r.toObject() as T);
}

interface Shape { type: string; direction: Exclude<Direction, 'BOTH'>; otherType: NodeType | null }

/** One page as the loader asks for it: `limit` items and one more. */
async function page(key: string, shape: Shape, after: SortValues | null, limit: number, profile = false) {
  const cypher = neighboursCypher({ types: [shape.type], direction: shape.direction, otherType: shape.otherType, after, count: false });
  const result = await server.db.driver.executeQuery(`${profile ? 'PROFILE ' : ''}${cypher}`, {
    keys: [{ key, after, attributes: false, detail: false, relationshipDetail: false }], limit: limit + 1,
  }, { database: server.db.name, routing: neo4j.routing.READ });
  const items = (result.records[0]?.get('page') ?? []) as { r: { p: { id: string } }; sort: SortValues }[];
  return { items, plan: result.summary.profile as ProfiledPlan | false };
}

async function walkAll(key: string, shape: Shape, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: SortValues | null = null;
  for (;;) {
    const { items } = await page(key, shape, after, size);
    ids.push(...items.slice(0, size).map((i) => i.r.p.id));
    if (items.length <= size) return ids;
    after = items[size - 1].sort;
  }
}

/** The reference: the entity's relationships of that type and direction, ordered by the other end. */
async function expected(key: string, shape: Shape): Promise<string[]> {
  const other = shape.otherType ? `(m:${shape.otherType})` : '(m)';
  const pattern = shape.direction === 'OUT' ? `(n)-[r:${shape.type}]->${other}` : `(n)<-[r:${shape.type}]-${other}`;
  return (await rows<{ id: string }>(`MATCH (n:Entity {id: $key}) MATCH ${pattern} WHERE m.name IS NOT NULL RETURN r.id AS id ORDER BY m.name, m.id, r.id`, { key }))
    .map((r) => r.id);
}

const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
const hitsOf = (plan: ProfiledPlan) => operators(plan).reduce((n, op) => n + op.dbHits, 0);

test('does walking every type and direction of the best-connected entities, seven at a time, list what ordering their relationships lists?', async () => {
  let walked = 0;
  for (const hub of hubs) {
    for (const type of RELATIONSHIP_TYPES) {
      for (const direction of ['OUT', 'IN'] as const) {
        const shape = { type, direction, otherType: null };
        const want = await expected(hub.key, shape);
        expect(await walkAll(hub.key, shape, 7)).toEqual(want);
        walked += want.length;
      }
    }
  }
  // Each relationship of the hubs seen once from their side (more when two hubs are joined).
  expect(walked).toBeGreaterThanOrEqual(hubs.reduce((n, h) => n + h.degree, 0) - 1);
}, 120_000);

test('does a page limited to one type of entity at the other end keep to it, in the same order?', async () => {
  const [org] = await rows<{ key: string }>('MATCH (n:Organisation) RETURN n.id AS key ORDER BY COUNT { (n)-[:PART_OF]-() } DESC LIMIT 1');
  for (const shape of [
    { type: 'PART_OF', direction: 'IN' as const, otherType: 'Organisation' as NodeType },
    { type: 'PART_OF', direction: 'OUT' as const, otherType: 'Organisation' as NodeType },
    { type: 'LOCATED_IN', direction: 'OUT' as const, otherType: 'Place' as NodeType },
  ]) {
    expect(await walkAll(org.key, shape, 2)).toEqual(await expected(org.key, shape));
  }
});

test('does a page of the best-connected entity read its index in order, first page or deep, at a cost that does not grow with its degree?', async () => {
  const hub = hubs[0];
  const [busiest] = await rows<{ type: string; direction: 'OUT' | 'IN'; n: number }>(`
    MATCH (n:Entity {id: $key})-[r]-(m)
    RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction, count(*) AS n ORDER BY n DESC LIMIT 1`, { key: hub.key });
  expect(busiest.n).toBeGreaterThan(100);
  const shape = { type: busiest.type, direction: busiest.direction, otherType: null };
  const first = await page(hub.key, shape, null, 20, true);
  const middle = (await page(hub.key, shape, null, Math.floor(busiest.n / 2))).items.at(-2)!.sort;
  const deep = await page(hub.key, shape, middle, 20, true);
  for (const { plan } of [first, deep]) {
    const names = operators(plan as ProfiledPlan).map((op) => op.operatorType.replace(/@.*$/, ''));
    expect(names).toContain('DirectedRelationshipIndexSeek');
    expect(names).not.toContain('Sort');
    expect(names).not.toContain('Top');
    expect(names.filter((n) => n.startsWith('Expand'))).toEqual([]);
    // The index entries, the other entities' names and keys, the projection of 21 items.
    expect(hitsOf(plan as ProfiledPlan)).toBeLessThan(250);
  }
  // Ordering the hub's relationships by the other end instead reads every one of them.
  const pattern = shape.direction === 'OUT' ? `(n)-[r:${shape.type}]->(m)` : `(n)<-[r:${shape.type}]-(m)`;
  const sorted = await server.db.driver.executeQuery(`PROFILE MATCH (n:Entity {id: $key}) MATCH ${pattern} WITH r, m ORDER BY m.name, m.id, r.id LIMIT 21 RETURN r.id`, { key: hub.key }, { database: server.db.name });
  expect(hitsOf(sorted.summary.profile as ProfiledPlan)).toBeGreaterThan(2 * busiest.n);
  expect(2 * busiest.n).toBeGreaterThan(250);
});

test('does renaming an entity carry its new name to its relationships, and so to the order of its neighbours’ pages?', async () => {
  const hub = hubs[1];
  const [neighbour] = await rows<{ key: string; type: string }>('MATCH (:Entity {id: $key})<-[r]-(m) RETURN m.id AS key, type(r) AS type LIMIT 1', { key: hub.key });
  const shape = { type: neighbour.type, direction: 'OUT' as const, otherType: null };
  const dataset = 'dataset-rename-test';
  await importRecords([
    { dataset: { id: dataset, name: 'Rename test', version: '1', licence: 'CC0-1.0' } },
    { entity: { id: hub.key, type: hub.type, ...(hub.kind ? { kind: hub.kind } : {}), names: [{ value: 'Aaaa renamed first', lang: 'en', kind: 'primary' }], sources: [{ dataset, record: hub.key }] } },
  ]);
  const stale = await rows<{ n: number }>(`
    MATCH (n:Entity {id: $key})-[r]-()
    WHERE (startNode(r) = n AND r.fromName <> n.name) OR (endNode(r) = n AND r.toName <> n.name)
    RETURN count(r) AS n`, { key: hub.key });
  expect(stale[0].n).toBe(0);
  const walked = await walkAll(neighbour.key, shape, 3);
  expect(walked).toEqual(await expected(neighbour.key, shape));
});

test('does migrating a store written before the endpoints existed fill them in and create their indexes?', async () => {
  const session = server.db.session();
  try {
    await session.write('test.strip', 'MATCH ()-[r]->() REMOVE r.fromId, r.toId, r.fromName, r.toName');
    for (const { name } of await rows<{ name: string }>("SHOW INDEXES YIELD name WHERE name STARTS WITH 'rel_' AND (name ENDS WITH '_out' OR name ENDS WITH '_in') RETURN name")) {
      await session.write('test.drop', `DROP INDEX ${name}`);
    }
    await migrate(session);
  } finally {
    await session.close();
  }
  const [check] = await rows<{ all: number; right: number }>(`
    MATCH (a)-[r]->(b)
    RETURN count(r) AS all, count(CASE WHEN r.fromId = a.id AND r.toId = b.id AND r.fromName = a.name AND r.toName = b.name THEN 1 END) AS right`);
  expect(check.all).toBeGreaterThan(5000);
  expect(check.right).toBe(check.all);
  const [indexes] = await rows<{ n: number }>("SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'rel_' AND (name ENDS WITH '_out' OR name ENDS WITH '_in') AND state = 'ONLINE' RETURN count(*) AS n");
  expect(indexes.n).toBe(RELATIONSHIP_TYPES.length * 2);
  const hub = hubs[0];
  const shape = { type: 'HOLDS_POST', direction: 'IN' as const, otherType: null };
  expect(await walkAll(hub.key, shape, 9)).toEqual(await expected(hub.key, shape));
}, 120_000);
