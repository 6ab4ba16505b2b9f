// Shortest paths between two entities, one constant query per hop bound and type set.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { entityProjection, type EntityRecord } from '../entity/model';
import { relationshipProjection, typeExpression } from '../relationship/model';
import { bounded, LIMITS } from './limits';
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

// One text per hop bound and type set (neither can be a parameter): the types go into the
// pattern, where the shortest-path search follows only them, rather than a predicate over each
// path found. Ordered by the keys along the path, so the same question gives the same paths in
// the same order.
const texts = new Map<string, string>();

export function pathsCypher(maxHops: number, types: string[]): string {
  bounded('maxHops', maxHops, LIMITS.maxHops);
  const rel = typeExpression(types);
  const id = `${maxHops}${rel}`;
  let text = texts.get(id);
  if (text) return text;
  text = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:Entity {id: key.from, type: key.fromType}), (b:Entity {id: key.to, type: key.toType})
WHERE a <> b
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[${rel}*..${maxHops}]-(b))
  WITH p ORDER BY reduce(s = '', n IN nodes(p) | s + n.id + '|')
  LIMIT toInteger($first)
  RETURN collect({
    nodes: [n IN nodes(p) | ${entityProjection('n')}],
    rels: [r IN relationships(p) | ${relationshipProjection('r')}]
  }) AS paths
}
RETURN i, paths`;
  texts.set(id, text);
  return text;
}

type PathRow = { i: number; paths: { nodes: EntityRecord[]; rels: RelationshipRecord[] }[] };

export function createPathLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<PathKey, PathModel[], string>(
    (keys) =>
      byVariant(keys, (k) => JSON.stringify([k.maxHops, [...k.types].sort(), k.first]), async (_, group) => {
        const { maxHops, types, first } = group[0];
        const rows = await session.read<PathRow>('explore.paths', pathsCypher(maxHops, types), { keys: group, first }, { heavy: true });
        const toPath = (p: PathRow['paths'][number]): PathModel => ({ nodes: p.nodes.map(toEntity), relationships: p.rels.map(toRelationship) });
        return byKeyIndex(group, rows, (row) => row.paths.map(toPath), () => []);
      }),
    { cacheKeyFn: keyOf },
  );
}
