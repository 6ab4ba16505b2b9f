// Neighbour pages: the relationships of an entity (of some types, one direction, to some type of
// entity) with the entity at the other end, a keyset page at a time. One Cypher text per type
// set, direction and end type, so a page walks only the relationships it asks for (a hub asked
// for its parents never touches its posts). One round trip per batch of the same shape.
// A page of one type in one direction (posts, parents, units, ...) reads the relationship index
// on its endpoints (import/endpoints.ts) in order from its cursor and stops after the page; other
// pages (several types, either direction) order the entity's matching relationships.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import type { NodeType } from '../../shared/global-id';
import { keysetPredicate, type SortValues } from '../../shared/pagination';
import { ENDPOINT_FIELDS, type EndpointDirection } from '../../import/endpoints';
import { RELATIONSHIP_TYPES } from '../../seed/shape';
import { entityProjection, toEntityModel, type EntityModel, type EntityRecord } from '../entity/model';
import { relationshipProjection, toRelationshipDetail, toRelationshipModel, type RelationshipDetail, type RelationshipModel, type RelationshipRecord, typeExpression } from './model';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface NeighbourKey {
  key: string;
  /** Relationship types (from the schema's enum, never free text); empty means all. */
  types: string[];
  direction: Direction;
  /** Type of the entity at the other end; null means any. */
  otherType: NodeType | null;
  after: SortValues | null;
  limit: number;
  count: boolean;
  /** Project the entity's kind, date, count, ... */
  attributes: boolean;
  /** Project the other entity's names, notes and citations. */
  detail: boolean;
  /** Project the relationship's notes and citations. */
  relationshipDetail: boolean;
}

export interface NeighbourPage {
  /** Up to `limit + 1` items: one more than asked says a next page exists. */
  items: { relationship: RelationshipModel; node: EntityModel; sort: SortValues }[];
  total: number | null;
}

// Ordered by the other entity's name and key, then the relationship's id: a total order.
const SORT = ['m.name', 'm.id', 'r.id'];

function pattern(types: string[], direction: Direction, otherType: NodeType | null): string {
  const rel = `[r${typeExpression(types)}]`;
  // Every relationship joins two entities: no label test on the other end unless a type is asked.
  const other = otherType ? `(m:${otherType})` : '(m)';
  return direction === 'OUT' ? `(n)-${rel}->${other}` : direction === 'IN' ? `(n)<-${rel}-${other}` : `(n)-${rel}-${other}`;
}

const cache = new Map<string, string>();

type Shape = Pick<NeighbourKey, 'types' | 'direction' | 'otherType' | 'after' | 'count'>;

/** Names the query text a key needs (short: batches group their keys by it). */
const shapeOf = (k: Shape) => JSON.stringify([k.types, k.direction, k.otherType, k.after !== null, k.count]);

export function neighboursCypher(k: Shape): string {
  const id = shapeOf({ ...k, types: [...k.types].sort() });
  let text = cache.get(id);
  if (text) return text;
  const match = pattern(k.types, k.direction, k.otherType);
  const total = k.count ? `\nCALL (n) { RETURN COUNT { MATCH ${match} } AS total }` : '';
  const page = k.types.length === 1 && k.direction !== 'BOTH' ? indexedPage(k.types[0], k.direction, k.otherType, k.after !== null) : expandedPage(k, match);
  text = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (n:Entity {id: key.key})
CALL (n, key) {${page}
  RETURN collect({r: ${relationshipProjection('r', 'key.relationshipDetail')}, m: ${entityProjection('m', { attributes: 'key.attributes', detail: 'key.detail' })}, sort: [${SORT.join(', ')}]}) AS page
}${total}
RETURN i, page, ${k.count ? 'total' : 'null AS total'}`;
  cache.set(id, text);
  return text;
}

/**
 * Seeks the type's endpoint index from the cursor on and stops after the page. The planner uses a
 * composite index only with a predicate on each of its properties, and reads its order (no sort)
 * only when ORDER BY names them all, the sought one first.
 */
function indexedPage(type: string, direction: EndpointDirection, otherType: NodeType | null, after: boolean): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`unknown relationship type ${type}`);
  const f = ENDPOINT_FIELDS[direction];
  const sort = [`r.${f.name}`, `r.${f.key}`, 'r.id'];
  return `
  MATCH ()-[r:${type}]->()
  WHERE r.${f.anchor} = key.key AND ${after ? keysetPredicate(sort, false) : `r.${f.name} IS NOT NULL`} AND r.${f.key} IS NOT NULL AND r.id IS NOT NULL
  WITH r, ${f.other}(r) AS m${otherType ? `\n  WHERE m:${otherType}` : ''}
  WITH r, m ORDER BY r.${f.anchor}, ${sort.join(', ')} LIMIT toInteger($limit)`;
}

function expandedPage(k: Shape, match: string): string {
  // One row per relationship, except that an undirected pattern meets a self-loop twice.
  const rows = k.direction === 'BOTH' ? 'DISTINCT r, m' : 'r, m';
  return `
  MATCH ${match}
  WHERE ${k.after ? keysetPredicate(SORT, false) : 'm.name IS NOT NULL'}
  WITH ${rows} ORDER BY ${SORT.join(', ')} LIMIT toInteger($limit)`;
}

/** One text per relationship type (types cannot be parameters); each seeks the type's id index. */
export const RELATIONSHIP_DETAILS: Record<string, string> = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, `
UNWIND range(0, size($ids) - 1) AS i
MATCH ()-[r:${type} {id: $ids[i]}]->()
RETURN i, ${relationshipProjection('r', true)} AS r`]));

interface NeighbourRow {
  i: number;
  total: number | null;
  page: { r: RelationshipRecord; m: EntityRecord; sort: SortValues }[];
}

export function createRelationshipLoaders(session: DbSession, primeEntity: (e: EntityModel) => void) {
  const neighbours = new DataLoader<NeighbourKey, NeighbourPage, string>(
    (keys) =>
      // Keys come with their types sorted (connections.ts), so equal shapes have equal names.
      byVariant(keys, (k) => `${k.limit}${shapeOf(k)}`, async (_, group) => {
        const params = group.map(({ key, after, attributes, detail, relationshipDetail }) => ({ key, after, attributes, detail, relationshipDetail }));
        const rows = await session.read<NeighbourRow>('relationship.neighbours', neighboursCypher(group[0]), { keys: params, limit: group[0].limit + 1 });
        return byKeyIndex(
          group,
          rows,
          (row) => ({
            total: row.total,
            items: row.page.map((p) => {
              const node = toEntityModel(p.m);
              primeEntity(node);
              return { relationship: toRelationshipModel(p.r), node, sort: p.sort };
            }),
          }),
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );

  // Notes and sources of relationships whose page did not select them, by type and id.
  const detail = new DataLoader<{ type: string; id: string }, RelationshipDetail, string>(
    (keys) =>
      byVariant(keys, (k) => k.type, async (type, group) => {
        const cypher = RELATIONSHIP_DETAILS[type];
        if (!cypher) throw new Error(`unknown relationship type ${type}`);
        const rows = await session.read<{ i: number; r: RelationshipRecord }>('relationship.detail', cypher, { ids: group.map((k) => k.id) });
        return byKeyIndex(group, rows, (row) => toRelationshipDetail(row.r.p), (k) => new Error(`relationship ${k.id} not found`));
      }),
    { cacheKeyFn: keyOf },
  );

  return { neighbours, detail };
}
