// neighborhood() on 3,000 generated entities (hubs of hundreds), against a reference that is
// plainly right and plainly slow: one shortest path per entity in reach, every relationship among
// the kept ones found by walking all of theirs. The server's breadth-first query must give the
// same nodes, distances, edges, count and truncation for every hops, limit and type filter, with
// the hub shortcut both off and on for every kept entity, and must not count what is not asked.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { neighbourhoodCypher, type NeighbourhoodKey } from '../../src/graph/explore/neighbourhood';
import { toGlobalId, type NodeType } from '../../src/shared/global-id';
import { startTestServer, type TestServer } from '../support/harness';
import { importGenerated } from '../support/walk';

let server: TestServer;
let centres: { key: string; type: string; degree: number }[];

beforeAll(async () => {
  server = await startTestServer({ resetOnStop: true });
  await importGenerated({ entities: 3000, seed: 11 });
  const { records } = await server.db.driver.executeQuery(
    `MATCH (n:Entity) WHERE n.degree > 0 WITH n ORDER BY n.degree DESC, n.id LIMIT 3 RETURN n.id AS key, n.type AS type, n.degree AS degree
     UNION
     MATCH (n:Entity) WHERE n.degree IN [1, 2, 5, 12] WITH n.degree AS d, min(n.id) AS key MATCH (n:Entity {id: key}) RETURN key, n.type AS type, n.degree AS degree`,
    {}, { database: server.db.name },
  );
  centres = records.map((r) => ({ key: r.get('key'), type: r.get('type'), degree: Number(r.get('degree')) }));
  expect(centres[0].degree).toBeGreaterThan(200);
}, 240_000);
afterAll(() => server.stop());

const REFERENCE = (hops: number) => `
MATCH (c:Entity {id: $key})
OPTIONAL MATCH p = SHORTEST 1 (c)(()-[r WHERE size($types) = 0 OR type(r) IN $types]-()){1,${hops}}(m:Entity) WHERE m <> c
WITH c, m, length(p) AS distance ORDER BY distance, m.name, m.id
WITH c, [x IN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, distance: distance} END)] AS reached
WITH c, size(reached) AS reachable, reached[0..$limit] AS kept
CALL (c, kept) {
  UNWIND [c.id] + [x IN kept | x.id] AS id
  MATCH (a:Entity {id: id})-[r]->(b)
  WHERE b.id IN [c.id] + [x IN kept | x.id] AND (size($types) = 0 OR type(r) IN $types)
  WITH r ORDER BY r.id
  RETURN collect(r.id) AS edges
}
RETURN reachable, kept, edges`;

interface Shape { reachable: number | null; truncated: boolean; kept: { id: string; distance: number }[]; edges: string[] }

async function reference(key: NeighbourhoodKey): Promise<Shape> {
  const { records } = await server.db.driver.executeQuery(REFERENCE(key.hops), { key: key.key, types: key.types, limit: neo4j.int(key.limit) }, { database: server.db.name });
  const row = records[0].toObject();
  const reachable = Number(row.reachable);
  return {
    reachable: key.count ? reachable : null,
    truncated: reachable > row.kept.length,
    kept: row.kept.map((x: any) => ({ id: x.id, distance: Number(x.distance) })),
    edges: row.edges,
  };
}

async function served(key: NeighbourhoodKey, hubDegree?: number): Promise<Shape & { dbHits: number }> {
  const result = await server.db.driver.executeQuery(`PROFILE ${neighbourhoodCypher(key.hops, hubDegree)}`, { keys: [key] }, { database: server.db.name });
  const row = result.records[0].toObject();
  const hits = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((n, c) => n + hits(c), 0);
  return {
    reachable: key.count ? Number(row.reachable) : null,
    truncated: row.truncated,
    kept: row.kept.map((m: any, n: number) => ({ id: m.id, distance: Number(row.distances[n]) })),
    edges: row.rels.map((r: any) => r.p.id).sort(),
    dbHits: hits(result.summary.profile as ProfiledPlan),
  };
}

const CASES: { hops: number; limit: number; types: string[] }[] = [
  { hops: 1, limit: 50, types: [] },
  { hops: 1, limit: 1, types: [] },
  { hops: 2, limit: 7, types: [] },
  { hops: 2, limit: 200, types: [] },
  { hops: 2, limit: 30, types: ['HOLDS_POST', 'PART_OF'] },
  { hops: 3, limit: 20, types: [] },
  { hops: 3, limit: 200, types: ['PARTICIPATED_IN'] },
];

test('does the breadth-first neighbourhood equal the shortest-path reference, for hubs and leaves, every hops, limit and filter?', async () => {
  const differences: string[] = [];
  for (const centre of centres) {
    for (const c of CASES) {
      for (const count of [true, false]) {
        const key: NeighbourhoodKey = { key: centre.key, type: centre.type, ...c, count };
        const expected = await reference(key);
        // 0: every kept entity counts as a hub, so every relationship among them is found pairwise.
        for (const hubDegree of [undefined, 0]) {
          const { dbHits: _hits, ...actual } = await served(key, hubDegree);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            differences.push(`${centre.key} (degree ${centre.degree}) ${JSON.stringify({ ...c, count, hubDegree })}`);
          }
        }
      }
    }
  }
  expect(differences).toEqual([]);
}, 240_000);

test('does leaving out `reachable` spare the walk to the farthest level, and still say truncated?', async () => {
  const hub = centres[0];
  const key = (count: boolean): NeighbourhoodKey => ({ key: hub.key, type: hub.type, hops: 3, limit: 20, types: [], count });
  const [counted, uncounted] = [await served(key(true)), await served(key(false))];
  expect(uncounted.truncated).toBe(true);
  expect(counted.reachable).toBeGreaterThan(1000);
  expect(uncounted.dbHits * 5).toBeLessThan(counted.dbHits);
});

test('through GraphQL: is `reachable` counted when selected, and truncated right either way?', async () => {
  const hub = centres[0];
  const id = toGlobalId(hub.type as NodeType, hub.key);
  const ask = async (fields: string) => {
    const res = await server.gql(`query($id: ID!) { neighborhood(id: $id, hops: 2, limit: 10) { ${fields} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.neighborhood;
  };
  const counted = await ask('truncated reachable nodes { id }');
  const expected = await reference({ key: hub.key, type: hub.type, hops: 2, limit: 10, types: [], count: true });
  expect(counted.reachable).toBe(expected.reachable);
  expect(counted).toMatchObject({ truncated: true });
  expect(await ask('truncated nodes { id }')).toEqual({ truncated: true, nodes: counted.nodes });
  // In a fragment, still seen as selected.
  expect(await ask('... on Subgraph { reachable }')).toEqual({ reachable: expected.reachable });
});
