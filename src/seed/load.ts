// Writes the compiled seed graph to Neo4j through the graph writer (MERGE on stable ids, full
// property replacement), then removes the seed facts that the seed files no longer hold and
// corrects the degrees of their neighbours. Running it twice leaves the graph unchanged.
import { createHash } from 'node:crypto';
import type { DbSession } from '../db/database';
import { STORAGE_VERSION } from '../import/stored';
import { awaitSearchRefresh, updateDegrees, writeNodes, writeRelationships } from '../import/writer';
import type { SeedGraph } from './compile';

const BATCH = 500;

export interface SeedResult {
  loaded: boolean;
  hash: string;
  nodes: number;
  relationships: number;
}

// A seed relationship joins two seed entities, so stale ones are found from the seed entities.
const DELETE_STALE_RELATIONSHIPS = `
MATCH (:Entity {origin: 'seed'})-[r]->(b:Entity) WHERE r.origin = 'seed' AND NOT r.id IN $ids
WITH r, startNode(r).id AS a, b.id AS b
DELETE r
RETURN a, b`;

const DELETE_STALE_NODES = `
MATCH (n:Entity {origin: 'seed'}) WHERE NOT n.id IN $ids
OPTIONAL MATCH (n)--(m:Entity)
WITH n, collect(m.id) AS neighbours
DETACH DELETE n
RETURN neighbours`;

const READ_SEED_HASH = `OPTIONAL MATCH (s:SeedState {id: 'seed'}) RETURN s.hash AS hash`;
const WRITE_SEED_HASH = `MERGE (s:SeedState {id: 'seed'}) SET s.hash = $hash`;

export function seedHash(graph: SeedGraph): string {
  return createHash('sha256').update(`${STORAGE_VERSION}\n${JSON.stringify(graph)}`).digest('hex');
}

/** Loads the seed graph unless the same seed is already there (or `force`). */
export async function loadSeedGraph(session: DbSession, graph: SeedGraph, force = false): Promise<SeedResult> {
  const hash = seedHash(graph);
  const result = { hash, nodes: graph.nodes.length, relationships: graph.relationships.length };
  if (!force) {
    const [row] = await session.read('seed.hash', READ_SEED_HASH);
    if (row?.hash === hash) return { loaded: false, ...result };
  }
  for (const batch of chunks(graph.nodes)) {
    await session.transaction('seed.nodes', (tx) => writeNodes(tx, batch, 'seed'));
  }
  for (const batch of chunks(graph.relationships)) {
    await session.transaction('seed.relationships', (tx) => writeRelationships(tx, batch, 'seed'));
  }
  await session.transaction('seed.prune', async (tx) => {
    const ends = await tx.run<{ a: string; b: string }>(DELETE_STALE_RELATIONSHIPS, { ids: graph.relationships.map((r) => r.id) });
    const gone = await tx.run<{ neighbours: string[] }>(DELETE_STALE_NODES, { ids: graph.nodes.map((n) => n.id) });
    await updateDegrees(tx, [...ends.flatMap((e) => [e.a, e.b]), ...gone.flatMap((g) => g.neighbours)]);
    await tx.run(WRITE_SEED_HASH, { hash });
  });
  await session.transaction('seed.search', awaitSearchRefresh);
  return { loaded: true, ...result };
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}
