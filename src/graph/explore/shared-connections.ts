// What several entities have in common: entities directly related to every one of them, with
// the linking relationships, most links first.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeRecord } from '../entity/model';
import { toRelationship, type RelationshipRecord, type SharedModel, type ToEntity } from './model';

export interface SharedKey {
  refs: { key: string; type: string }[];
  types: string[];
  offset: number;
  limit: number;
}

export interface SharedPage {
  items: SharedModel[];
  total: number;
}

export const SHARED_CONNECTIONS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  UNWIND key.refs AS ref
  MATCH (e:Entity {id: ref.key, type: ref.type})-[r]-(m:Entity)
  WHERE NOT m.id IN [x IN key.refs | x.key] AND (size(key.types) = 0 OR type(r) IN key.types)
  WITH m, collect(DISTINCT e.id) AS linked, collect({r: r, from: startNode(r).id, to: endNode(r).id}) AS links
  WHERE size(linked) = size(key.refs)
  WITH m, links ORDER BY size(links) DESC, m.name, m.id
  WITH collect({m: m, links: links}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

type Row = { i: number; total: number; page: { m: NodeRecord; links: RelationshipRecord[] }[] };

export function createSharedConnectionsLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<SharedKey, SharedPage, string>(
    async (keys) => {
      const rows = await session.read<Row>('explore.sharedConnections', SHARED_CONNECTIONS, { keys });
      return byKeyIndex(
        keys,
        rows,
        (row) => ({
          total: row.total,
          items: row.page.map((p) => ({
            node: toEntity(p.m),
            links: p.links.map(toRelationship).sort((a, b) => a.id.localeCompare(b.id)),
          })),
        }),
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );
}
