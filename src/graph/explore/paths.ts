// Shortest paths between two entities, one constant query per allowed maxHops (see variants.ts).
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { entityProjection, type EntityRecord } from '../entity/model';
import { relationshipProjection } from '../relationship/model';
import { LIMITS } from './limits';
import { perBound } from './variants';
import { toRelationship, type PathModel, type RelationshipRecord, type ToEntity } from './model';

export interface PathKey {
  from: string;
  fromType: string;
  to: string;
  toType: string;
  maxHops: number;
  types: string[];
  first: number;
}

// Ordered by the keys along the path, so the same question gives the same paths in the same order.
const pathsCypher = (maxHops: number) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:Entity {id: key.from, type: key.fromType}), (b:Entity {id: key.to, type: key.toType})
WHERE a <> b
CALL (a, b, key) {
  MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
  WHERE all(r IN relationships(p) WHERE size(key.types) = 0 OR type(r) IN key.types)
  WITH p ORDER BY reduce(s = '', n IN nodes(p) | s + n.id + '|')
  LIMIT 10
  RETURN collect({
    nodes: [n IN nodes(p) | ${entityProjection('n')}],
    rels: [r IN relationships(p) | ${relationshipProjection('r')}]
  }) AS paths
}
RETURN i, paths`;

/** One query text per allowed maxHops, built once from the constants above. */
export const PATHS = perBound(LIMITS.maxHops.max, pathsCypher);

type PathRow = { i: number; paths: { nodes: EntityRecord[]; rels: RelationshipRecord[] }[] };

export function createPathLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<PathKey, PathModel[], string>(
    (keys) =>
      byVariant(keys, (k) => k.maxHops, async (maxHops, group) => {
        const rows = await session.read<PathRow>('explore.paths', PATHS[maxHops], { keys: group });
        const toPath = (p: PathRow['paths'][number]): PathModel => ({ nodes: p.nodes.map(toEntity), relationships: p.rels.map(toRelationship) });
        return byKeyIndex(group, rows, (row, key) => row.paths.slice(0, key.first).map(toPath), () => []);
      }),
    { cacheKeyFn: keyOf },
  );
}
