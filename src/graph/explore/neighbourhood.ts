// The subgraph around an entity, breadth first. Each level is the distinct entities one step
// beyond the last one's new entities; no path is built, so a hub does not multiply the work. The
// entities within reach are counted without reading them; names are read (to order them) only on
// the levels the limit reaches. Then every relationship among the kept entities, each found from
// its low-degree end.
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
  /** Whether to count the entities within reach (`reachable`: up to every entity for 3 hops). */
  count: boolean;
}

/**
 * Kept entities of a higher degree are not expanded to find the relationships among the kept:
 * those to lower-degree entities are found from the other end, those between two such hubs by
 * checking the pair (Expand(Into) walks the smaller side).
 */
export const HUB_DEGREE = 1_000;
const MAX_LIMIT = LIMITS.neighbourhoodLimit.max;

const allowed = (r: string) => `(size(key.types) = 0 OR type(${r}) IN key.types)`;
const step = (from: string) => `MATCH (${from})-[r]-(m) WHERE ${allowed('r')} AND m <> c`;

// near1: the centre's first neighbours by name (one more than the largest limit), read with a
// top-k sort, so a hub's neighbours are never all held at once; n1: how many neighbours it has.
const NEAR1 = `CALL (c, key) {
  ${step('c')}
  WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${MAX_LIMIT + 1}
  RETURN collect(m) AS near1
}
CALL (c, key) {
  ${step('c')}
  RETURN count(DISTINCT m) AS n1
}`;

// Farther levels are read only while the nearer ones fit in the limit (so the nearer lists are
// complete, and short to exclude). One more than the largest limit is read, so a level that
// overflows says so: the subgraph is truncated when its levels hold more than the limit.
const NEAR = [
  '',
  `CALL (c, near1, n1, key) {
  WITH c, near1, key WHERE n1 <= key.limit
  UNWIND near1 AS x
  ${step('x')} AND NOT m IN near1
  WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${MAX_LIMIT + 1}
  RETURN collect(m) AS near2
}`,
  `CALL (c, near1, near2, n1, key) {
  WITH c, near1, near2, key WHERE n1 + size(near2) <= key.limit
  UNWIND near2 AS x
  ${step('x')} AND NOT m IN near1 AND NOT m IN near2
  WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${MAX_LIMIT + 1}
  RETURN collect(m) AS near3
}`,
];

// The kept entities and their distances, nearest first.
const LEVEL_LISTS = ['near1', 'near2', 'near3'];
const kept = (hops: number) => `(${LEVEL_LISTS.slice(0, hops).map((l) => `${l}[0..key.limit]`).join(' + ')})[0..key.limit]`;
const distances = (hops: number) =>
  `(${LEVEL_LISTS.slice(0, hops).map((l, n) => `[x IN ${l}[0..key.limit] | ${n + 1}]`).join(' + ')})[0..key.limit]`;
const held = (hops: number) => ['n1', ...LEVEL_LISTS.slice(1, hops).map((l) => `size(${l})`)].join(' + ');

// How many entities are within reach, when asked: counted as they stream by, walking from the
// centre again rather than from a list (Neo4j's slotted runtime counts a row's every slot, so a
// big list carried through a sort or DISTINCT would count once per row). Level 3 expands only
// the entities first reached on level 2.
const secondLevel = (distance: string) => `
    WITH c, key WHERE key.count
    ${step('c')} RETURN m${distance ? ', 1 AS distance' : ''}
    UNION ALL
    WITH c, key WHERE key.count
    ${step('c')}
    WITH DISTINCT c, key, m AS x
    ${step('x')} RETURN m${distance ? ', 2 AS distance' : ''}`;
const REACHABLE = [
  'WITH *, n1 AS reachable',
  `CALL (c, key) {
  CALL (c, key) {${secondLevel('')}
  }
  RETURN count(DISTINCT m) AS reachable
}`,
  `CALL (c, key) {
  CALL (c, key) {${secondLevel('distance')}
  }
  WITH c, key, m, min(distance) AS distance WHERE distance = 2
  RETURN collect(m) AS f2
}
CALL (c, f2, key) {
  CALL (c, f2, key) {
    WITH c, key WHERE key.count
    ${step('c')} RETURN m
    UNION ALL
    UNWIND f2 AS m RETURN m
    UNION ALL
    UNWIND f2 AS x ${step('x')} RETURN m
  }
  RETURN count(DISTINCT m) AS reachable
}`,
];

// The relationships among the kept come unordered; the loader puts them in id order.
export const neighbourhoodCypher = (hops: number, hubDegree = HUB_DEGREE) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (c:Entity {id: key.key, type: key.type})
${NEAR1}
${NEAR.slice(1, hops).join('\n')}
WITH i, c, key, n1, ${kept(hops)} AS kept, ${distances(hops)} AS distances, ${held(hops)} > key.limit AS truncated
CALL (c, kept, key) {
  WITH c, key, [c] + kept AS members
  CALL (members, key) {
    UNWIND members AS a
    WITH members, key, a WHERE NOT coalesce(a.degree, 0) > ${hubDegree}
    MATCH (a)-[r]-(b) WHERE b IN members AND ${allowed('r')}
    RETURN r
    UNION
    UNWIND members AS a
    UNWIND members AS b
    WITH key, a, b WHERE coalesce(a.degree, 0) > ${hubDegree} AND coalesce(b.degree, 0) > ${hubDegree} AND elementId(a) < elementId(b)
    MATCH (a)-[r]-(b) WHERE ${allowed('r')}
    RETURN r
  }
  RETURN collect(${relationshipProjection('r')}) AS rels
}
${REACHABLE[hops - 1]}
RETURN i, ${entityProjection('c')} AS c, reachable, truncated, [m IN kept | ${entityProjection('m')}] AS kept, distances, rels`;

export const NEIGHBOURHOOD = perBound(LIMITS.neighbourhoodHops.max, (hops) => neighbourhoodCypher(hops));

type Row = {
  i: number;
  c: EntityRecord;
  reachable: number;
  truncated: boolean;
  kept: EntityRecord[];
  distances: number[];
  rels: RelationshipRecord[];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createNeighbourhoodLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<NeighbourhoodKey, SubgraphModel | null, string>(
    (keys) =>
      byVariant(keys, (k) => k.hops, async (hops, group) => {
        const rows = await session.read<Row>('explore.neighbourhood', NEIGHBOURHOOD[hops], { keys: group }, { heavy: true });
        return byKeyIndex(
          group,
          rows,
          (row): SubgraphModel => ({
            center: toEntity(row.c),
            nodes: row.kept.map((m, n) => ({ entity: toEntity(m), distance: row.distances[n] })),
            relationships: row.rels.map(toRelationship).sort(byId),
            reachable: group[row.i].count ? row.reachable : null,
            truncated: row.truncated,
          }),
          () => null,
        );
      }),
    { cacheKeyFn: keyOf },
  );
}
