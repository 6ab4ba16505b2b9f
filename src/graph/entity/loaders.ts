// Entity lookups and top-level lists: one Cypher round trip per DataLoader batch.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeType } from '../../shared/global-id';
import { toEntityModel, type EntityModel, type NodeRecord } from './model';

export const ENTITIES_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (n:Entity {id: $keys[i]})
RETURN i, n`;

export const ENTITY_LISTS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (n:Entity) WHERE n.type = key.type
  WITH n ORDER BY n.name, n.id
  WITH collect(n) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

export interface ListKey {
  type: NodeType;
  offset: number;
  limit: number;
}

export interface EntityPage {
  items: EntityModel[];
  total: number;
}

export function createEntityLoaders(session: DbSession) {
  const byKey: DataLoader<string, EntityModel | null> = new DataLoader(async (keys) => {
    const rows = await session.read<{ i: number; n: NodeRecord }>('entity.byKey', ENTITIES_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => toEntityModel(row.n), () => null);
  });

  const list = new DataLoader<ListKey, EntityPage, string>(
    async (keys) => {
      const rows = await session.read<{ i: number; total: number; page: NodeRecord[] }>('entity.list', ENTITY_LISTS, { keys });
      return byKeyIndex(
        keys,
        rows,
        (row) => {
          const items = row.page.map(toEntityModel);
          items.forEach((e) => byKey.prime(e.key, e));
          return { items, total: row.total };
        },
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );

  return { byKey, list };
}
