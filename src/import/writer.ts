// The one way facts reach Neo4j, for the seed loader and the importer alike: entities and
// relationships MERGEd on their stable ids (running a batch twice changes nothing), the stored
// form derived in one place (stored.ts), and each touched entity's degree recomputed in the same
// transaction, so `degree` is always the real number of its relationships.
import type { WriteTransaction } from '../db/database';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../seed/shape';
import type { DatasetRow, NodeRow, RelationshipRow } from './rows';
import { SET_ENDPOINTS, SYNC_ENDPOINT_NAMES } from './endpoints';
import { citationProps, dateSortProps, onTimeline, titleSearchProps } from './stored';

export const NODE_LABELS = [...ENTITY_TYPES, 'Document'] as const;
const TYPE_LABELS = NODE_LABELS.join(':');

/** Where a fact came from, for pruning: 'seed' facts the seed files no longer hold are removed. */
export type Origin = 'seed' | 'import';

// One text per allowlisted label / relationship type: labels cannot be parameters. A node's
// type label is replaced, so a key that changes type keeps one. Degree: `COUNT { (n)--() }` is
// answered from the node's relationship counts (no expansion), however dense the node.
const mergeNodes = (label: string) => `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.name AS before
SET n = row.props
REMOVE n:${TYPE_LABELS}:Timeline
SET n:${label}, n.degree = COUNT { (n)--() }
FOREACH (_ IN CASE WHEN row.timeline THEN [1] ELSE [] END | SET n:Timeline)
WITH n, before${SYNC_ENDPOINT_NAMES}`;

const mergeRelationships = (type: string) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props, ${SET_ENDPOINTS}
RETURN count(r) AS written`;

export const MERGE_NODES = Object.fromEntries(NODE_LABELS.map((l) => [l, mergeNodes(l)])) as Record<NodeRow['label'], string>;
export const MERGE_RELATIONSHIPS = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, mergeRelationships(t)])) as Record<string, string>;

export const UPDATE_DEGREES = `
UNWIND $keys AS key
MATCH (n:Entity {id: key})
SET n.degree = COUNT { (n)--() }`;

export const MERGE_DATASETS = `
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
SET d = row`;

export function storedNodeProps(row: NodeRow, origin: Origin): Record<string, unknown> {
  return { ...row.props, ...dateSortProps(row.label, row.props), id: row.id, type: row.label, origin, ...citationProps(row.citations) };
}

export function storedRelationshipProps(row: RelationshipRow, origin: Origin): Record<string, unknown> {
  return { ...row.props, ...titleSearchProps(row.props), id: row.id, origin, ...citationProps(row.citations) };
}

export async function writeDatasets(tx: WriteTransaction, rows: DatasetRow[]): Promise<void> {
  if (rows.length > 0) await tx.run(MERGE_DATASETS, { rows });
}

/** Writes entities (documents included), one statement per label present. */
export async function writeNodes(tx: WriteTransaction, rows: NodeRow[], origin: Origin): Promise<void> {
  for (const [label, group] of groupBy(rows, (r) => r.label)) {
    const params = group.map((r) => ({ id: r.id, props: storedNodeProps(r, origin), timeline: onTimeline(r.label, r.props) }));
    await tx.run(MERGE_NODES[label], { rows: params });
  }
}

/**
 * Writes relationships, one statement per type present, then recomputes the degree of every
 * entity they touch. Fails (and so rolls back) when an endpoint is missing.
 */
export async function writeRelationships(tx: WriteTransaction, rows: RelationshipRow[], origin: Origin): Promise<void> {
  await writeRelationshipsOnly(tx, rows, origin);
  await updateDegrees(tx, rows.flatMap((r) => [r.from, r.to]));
}

/**
 * Writes relationships without touching degrees: for bulk writes, where a hub would otherwise be
 * rewritten in every batch; the writer must recount degrees (recountDegrees) before it is done.
 */
export async function writeRelationshipsOnly(tx: WriteTransaction, rows: RelationshipRow[], origin: Origin): Promise<void> {
  for (const [type, group] of groupBy(rows, (r) => r.type)) {
    const cypher = MERGE_RELATIONSHIPS[type];
    if (!cypher) throw new Error(`unknown relationship type ${type}`);
    const params = group.map((r) => ({ id: r.id, from: r.from, to: r.to, props: storedRelationshipProps(r, origin) }));
    const [{ written }] = await tx.run<{ written: number }>(cypher, { rows: params });
    if (written !== group.length) {
      throw new Error(`${group.length - written} of ${group.length} ${type} relationships have an endpoint that is not in the graph`);
    }
  }
}

// One step of a walk over all entities in key order: each read once (its degree comes from the
// node's relationship counts), written only when its stored degree is wrong.
const RECOUNT_DEGREES = `
MATCH (n:Entity) USING INDEX n:Entity(id) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($size)
WITH collect(n) AS entities
CALL (entities) {
  UNWIND entities AS n
  WITH n, COUNT { (n)--() } AS degree
  WHERE n.degree IS NULL OR n.degree <> degree
  SET n.degree = degree
  RETURN count(n) AS corrected
}
RETURN entities[-1].id AS last, size(entities) AS read, corrected`;

export const RECOUNT_BATCH = 20_000;

/** One step of recounting degrees after `after` (a key, '' to start); null `last` when done. */
export async function recountDegrees(tx: WriteTransaction, after: string): Promise<{ last: string | null; read: number; corrected: number }> {
  const [step] = await tx.run<{ last: string | null; read: number; corrected: number }>(RECOUNT_DEGREES, { after, size: RECOUNT_BATCH });
  return step;
}

/** Name search is eventually consistent: a writer waits until what it wrote can be found. */
export async function awaitSearchRefresh(tx: WriteTransaction): Promise<void> {
  await tx.run('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
}

export async function updateDegrees(tx: WriteTransaction, keys: string[]): Promise<void> {
  if (keys.length > 0) await tx.run(UPDATE_DEGREES, { keys: [...new Set(keys)] });
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
