// The subgraph around an entity: nearest entities first (one shortest path each, so a hub does
// not multiply the work), cut at a node limit, plus every relationship among the kept entities.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeRecord } from '../entity/model';
import { LIMITS } from './limits';
import { byVariant, perBound } from './variants';
import { toRelationship, type RelationshipRecord, type SubgraphModel, type ToEntity } from './model';

export interface NeighbourhoodKey {
  key: string;
  type: string;
  hops: number;
  types: string[];
  limit: number;
}

const neighbourhoodCypher = (hops: number) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (c:Entity {id: key.key, type: key.type})
CALL (c, key) {
  OPTIONAL MATCH p = SHORTEST 1 (c)(()-[r WHERE size(key.types) = 0 OR type(r) IN key.types]-()){1,${hops}}(m:Entity)
  WHERE m <> c
  WITH m, length(p) AS distance ORDER BY distance, m.name, m.id
  // A CASE, not the map alone: with nothing in reach, OPTIONAL MATCH yields one null m.
  WITH collect(CASE WHEN m IS NULL THEN null ELSE {m: m, distance: distance} END) AS reached
  RETURN size(reached) AS reachable, reached[0..key.limit] AS kept
}
CALL (c, kept, key) {
  WITH [c] + [x IN kept | x.m] AS members
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE b IN members AND (size(key.types) = 0 OR type(r) IN key.types)
  WITH r, a, b ORDER BY r.id
  RETURN collect({r: r, from: a.id, to: b.id}) AS rels
}
RETURN i, c, reachable, kept, rels`;

export const NEIGHBOURHOOD = perBound(LIMITS.neighbourhoodHops.max, neighbourhoodCypher);

type Row = {
  i: number;
  c: NodeRecord;
  reachable: number;
  kept: { m: NodeRecord; distance: number }[];
  rels: RelationshipRecord[];
};

export function createNeighbourhoodLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<NeighbourhoodKey, SubgraphModel | null, string>(
    (keys) =>
      byVariant(keys, (k) => k.hops, async (hops, group) => {
        const rows = await session.read<Row>('explore.neighbourhood', NEIGHBOURHOOD[hops], { keys: group });
        return byKeyIndex(
          group,
          rows,
          (row): SubgraphModel => ({
            center: toEntity(row.c),
            nodes: row.kept.map((k) => ({ entity: toEntity(k.m), distance: k.distance })),
            relationships: row.rels.map(toRelationship),
            reachable: row.reachable,
            truncated: row.reachable > row.kept.length,
          }),
          () => null,
        );
      }),
    { cacheKeyFn: keyOf },
  );
}
