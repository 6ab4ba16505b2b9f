// What several entities have in common: entities directly related to every one of them, with
// the linking relationships, most links first.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import { keysetPredicate, type SortValues } from '../../shared/pagination';
import { entityProjection, type EntityRecord } from '../entity/model';
import { relationshipProjection } from '../relationship/model';
import { toRelationship, type RelationshipRecord, type SharedModel, type ToEntity } from './model';

export interface SharedKey {
  refs: { key: string; type: string }[];
  types: string[];
  after: SortValues | null;
  limit: number;
}

export interface SharedPage {
  /** Up to `limit + 1` items. */
  items: (SharedModel & { sort: SortValues })[];
  total: number;
}

export const SHARED_CONNECTIONS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  UNWIND key.refs AS ref
  MATCH (e:Entity {id: ref.key, type: ref.type})-[r]-(m:Entity)
  WHERE NOT m.id IN [x IN key.refs | x.key] AND (size(key.types) = 0 OR type(r) IN key.types)
  WITH m, collect(DISTINCT e.id) AS linked, collect(r) AS links
  WHERE size(linked) = size(key.refs)
  WITH m, links, size(links) AS strength
  // Every candidate is counted; only the page after the cursor is projected.
  WITH collect({m: m, links: links, strength: strength}) AS candidates
  CALL (candidates, key) {
    UNWIND candidates AS x
    WITH x.m AS m, x.links AS links, x.strength AS strength
    WHERE key.after IS NULL OR (${keysetPredicate(['strength', 'm.name', 'm.id'], true)})
    WITH m, links, strength ORDER BY strength DESC, m.name, m.id LIMIT toInteger($limit)
    RETURN collect({
      m: ${entityProjection('m')}, sort: [strength, m.name, m.id], links: [r IN links | ${relationshipProjection('r')}]
    }) AS page
  }
  RETURN size(candidates) AS total, page
}
RETURN i, total, page`;

type Row = { i: number; total: number; page: { m: EntityRecord; links: RelationshipRecord[]; sort: SortValues }[] };

export function createSharedConnectionsLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<SharedKey, SharedPage, string>(
    async (keys) => {
      const rows = await session.read<Row>('explore.sharedConnections', SHARED_CONNECTIONS, { keys, limit: Math.max(...keys.map((k) => k.limit)) + 1 });
      return byKeyIndex(
        keys,
        rows,
        (row) => ({
          total: row.total,
          items: row.page.map((p) => ({
            node: toEntity(p.m),
            sort: p.sort,
            links: p.links.map(toRelationship).sort((a, b) => a.id.localeCompare(b.id)),
          })),
        }),
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );
}
