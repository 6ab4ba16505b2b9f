// The subgraph around an entity: nearest entities first (one shortest path each, so a hub does
// not multiply the work), cut at a node limit, plus every relationship among the kept entities.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { entityProjection, type EntityRecord } from '../entity/model';
import { relationshipProjection } from '../relationship/model';
import { LIMITS } from './limits';
import { perBound } from './variants';
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
  WITH r ORDER BY r.id
  RETURN collect(${relationshipProjection('r')}) AS rels
}
CALL (kept) {
  UNWIND kept AS x
  WITH x.m AS m, x.distance AS distance
  RETURN collect({m: ${entityProjection('m')}, distance: distance}) AS nodes
}
RETURN i, ${entityProjection('c')} AS c, reachable, nodes AS kept, rels`;

export const NEIGHBOURHOOD = perBound(LIMITS.neighbourhoodHops.max, neighbourhoodCypher);

type Row = {
  i: number;
  c: EntityRecord;
  reachable: number;
  kept: { m: EntityRecord; distance: number }[];
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
