// Writes the compiled seed graph to Neo4j: MERGE on stable ids in UNWIND batches, full property
// replacement, and removal of seed facts that the seed files no longer hold. Running it twice
// leaves the graph unchanged.
import { createHash } from 'node:crypto';
import type { DbSession } from '../db/database';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from './shape';
import type { CitationRow, SeedGraph } from './compile';

const BATCH = 500;
const NODE_LABELS = [...ENTITY_TYPES, 'Document'] as const;
const TYPE_LABELS = NODE_LABELS.join(':');

export interface SeedResult {
  loaded: boolean;
  hash: string;
  nodes: number;
  relationships: number;
}

// Cypher per allowlisted label / relationship type: labels cannot be parameters.
const mergeNodes = (label: string) => `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
REMOVE n:${TYPE_LABELS}
SET n:${label}`;

const mergeRelationships = (type: string) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props`;

const DELETE_STALE_NODES = `
MATCH (n:Entity {origin: 'seed'}) WHERE NOT n.id IN $ids
DETACH DELETE n`;

const DELETE_STALE_RELATIONSHIPS = `
MATCH ()-[r]->() WHERE r.origin = 'seed' AND NOT r.id IN $ids
DELETE r`;

const READ_SEED_HASH = `OPTIONAL MATCH (s:SeedState {id: 'seed'}) RETURN s.hash AS hash`;
const WRITE_SEED_HASH = `MERGE (s:SeedState {id: 'seed'}) SET s.hash = $hash`;

export function seedHash(graph: SeedGraph): string {
  return createHash('sha256').update(JSON.stringify(graph)).digest('hex');
}

/** Loads the seed graph unless the same seed is already there (or `force`). */
export async function loadSeedGraph(session: DbSession, graph: SeedGraph, force = false): Promise<SeedResult> {
  const hash = seedHash(graph);
  const result = { hash, nodes: graph.nodes.length, relationships: graph.relationships.length };
  if (!force) {
    const [row] = await session.read('seed.hash', READ_SEED_HASH);
    if (row?.hash === hash) return { loaded: false, ...result };
  }
  for (const label of NODE_LABELS) {
    const rows = graph.nodes
      .filter((n) => n.label === label)
      .map((n) => ({ id: n.id, props: { ...n.props, id: n.id, type: label, origin: 'seed', ...citationProps(n.citations) } }));
    for (const batch of chunks(rows)) await session.write('seed.nodes', mergeNodes(label), { rows: batch });
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = graph.relationships
      .filter((r) => r.type === type)
      .map((r) => ({ id: r.id, from: r.from, to: r.to, props: { ...r.props, id: r.id, origin: 'seed', ...citationProps(r.citations) } }));
    for (const batch of chunks(rows)) await session.write('seed.relationships', mergeRelationships(type), { rows: batch });
  }
  await session.write('seed.prune', DELETE_STALE_RELATIONSHIPS, { ids: graph.relationships.map((r) => r.id) });
  await session.write('seed.prune', DELETE_STALE_NODES, { ids: graph.nodes.map((n) => n.id) });
  await session.write('seed.hash', WRITE_SEED_HASH, { hash });
  return { loaded: true, ...result };
}

/** Citations as parallel lists: Neo4j properties cannot hold lists of maps. */
function citationProps(citations: CitationRow[]): Record<string, unknown[]> {
  return {
    citeField: citations.map((c) => c.field),
    citeDoc: citations.map((c) => c.doc),
    citeStart: citations.map((c) => c.start),
    citeEnd: citations.map((c) => c.end),
  };
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}
