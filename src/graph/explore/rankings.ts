// Counts by type and entities ranked by degree.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeRecord } from '../entity/model';
import type { RankedModel, ToEntity } from './model';

export const STATS = `
CALL () {
  MATCH (n:Entity)
  WITH n.type AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS relationships
}
RETURN entities, relationships`;

export const MOST_CONNECTED = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (n:Entity)
  WHERE size(key.types) = 0 OR n.type IN key.types
  WITH n, COUNT { (n)-[r]-(:Entity) WHERE size(key.relationshipTypes) = 0 OR type(r) IN key.relationshipTypes } AS degree
  ORDER BY degree DESC, n.name, n.id
  WITH collect({n: n, degree: degree}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

export interface Stats {
  entities: { type: string; count: number }[];
  relationships: { type: string; count: number }[];
}

export interface RankingKey {
  types: string[];
  relationshipTypes: string[];
  offset: number;
  limit: number;
}

type RankRow = { i: number; total: number; page: { n: NodeRecord; degree: number }[] };

export function createRankingLoaders(session: DbSession, toEntity: ToEntity) {
  const stats = new DataLoader<'all', Stats>(async (keys) => {
    const [row] = await session.read<Stats>('explore.stats', STATS);
    return keys.map(() => row);
  });
  const mostConnected = new DataLoader<RankingKey, { items: RankedModel[]; total: number }, string>(
    async (keys) => {
      const rows = await session.read<RankRow>('explore.mostConnected', MOST_CONNECTED, { keys });
      return byKeyIndex(
        keys,
        rows,
        (row) => ({ total: row.total, items: row.page.map((p) => ({ node: toEntity(p.n), degree: p.degree })) }),
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );
  return { stats, mostConnected };
}
