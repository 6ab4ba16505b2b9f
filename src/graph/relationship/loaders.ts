// Neighbour pages: the relationships of an entity (of some types, one direction, to some type of
// entity) with the entity at the other end, one page at a time. One round trip per batch.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeType } from '../../shared/global-id';
import type { EntityModel } from '../entity/model';
import { toEntityModel, type NodeRecord } from '../entity/model';
import { toRelationshipModel, type RelationshipModel } from './model';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface NeighbourKey {
  key: string;
  /** Relationship types; empty means all. */
  types: string[];
  direction: Direction;
  /** Type of the entity at the other end; null means any. */
  otherType: NodeType | null;
  offset: number;
  limit: number;
}

export interface NeighbourPage {
  items: { relationship: RelationshipModel; node: EntityModel }[];
  total: number;
}

// Ordered by the other entity's name and key, then relationship id: a total order for cursors.
export const NEIGHBOURS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (n:Entity {id: key.key})
CALL (n, key) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (size(key.types) = 0 OR type(r) IN key.types)
    AND (key.direction = 'BOTH'
         OR (key.direction = 'OUT' AND startNode(r) = n)
         OR (key.direction = 'IN' AND endNode(r) = n))
    AND (key.otherType IS NULL OR m.type = key.otherType)
  WITH r, m ORDER BY m.name, m.id, r.id
  WITH collect({r: r, m: m, from: startNode(r).id, to: endNode(r).id}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

interface NeighbourRow {
  i: number;
  total: number;
  page: { r: { type: string; properties: Record<string, unknown> }; m: NodeRecord; from: string; to: string }[];
}

export function createRelationshipLoaders(session: DbSession, primeEntity: (e: EntityModel) => void) {
  const neighbours = new DataLoader<NeighbourKey, NeighbourPage, string>(
    async (keys) => {
      const rows = await session.read<NeighbourRow>('relationship.neighbours', NEIGHBOURS, { keys });
      return byKeyIndex(
        keys,
        rows,
        (row) => ({
          total: row.total,
          items: row.page.map((p) => {
            const node = toEntityModel(p.m);
            primeEntity(node);
            return { relationship: toRelationshipModel(p.r, p.from, p.to), node };
          }),
        }),
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );
  return { neighbours };
}
