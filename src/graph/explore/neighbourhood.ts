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

// f1: the centre's neighbours, in name order (the nearest kept entities come from it).
const F1 = `CALL (c, key) {
  ${step('c')}
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS f1
}`;

// How many entities are within reach, when asked: counted as they stream by (a big list is never carried
// through DISTINCT or a sort, where Neo4j would count it once per row). Level 3 expands only the
// entities first reached on level 2.
const REACHABLE = [
  'WITH *, size(f1) AS reachable',
  `CALL (c, f1, key) {
  CALL (c, f1, key) {
    WITH f1, key WHERE key.count
    UNWIND f1 AS m RETURN m
    UNION ALL
    WITH c, f1, key WHERE key.count
    UNWIND f1 AS x ${step('x')} RETURN m
  }
  RETURN count(DISTINCT m) AS reachable
}`,
  `CALL (c, f1, key) {
  CALL (c, f1, key) {
    WITH f1, key WHERE key.count
    UNWIND f1 AS m RETURN m, 1 AS distance
    UNION ALL
    WITH c, f1, key WHERE key.count
    UNWIND f1 AS x ${step('x')} RETURN m, 2 AS distance
  }
  WITH c, key, m, min(distance) AS distance WHERE distance = 2
  RETURN collect(m) AS f2
}
CALL (c, f1, f2, key) {
  CALL (c, f1, f2, key) {
    WITH f1, f2, key WHERE key.count
    UNWIND f1 + f2 AS m RETURN m
    UNION ALL
    UNWIND f2 AS x ${step('x')} RETURN m
  }
  RETURN count(DISTINCT m) AS reachable
}`,
];

// Nearer levels first; a farther level is read only while the nearer ones fit in the limit, so
// the lists it excludes are short. One more than the largest limit is read, so a level that
// overflows says so: the subgraph is truncated when its levels hold more than the limit.
const NEAR = [
  '',
  `CALL (c, f1, key) {
  WITH c, f1, key WHERE size(f1) <= key.limit
  UNWIND f1 AS x
  ${step('x')} AND NOT m IN f1
  WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${MAX_LIMIT + 1}
  RETURN collect(m) AS near2
}`,
  `CALL (c, f1, near2, key) {
  WITH c, f1, near2, key WHERE size(f1) + size(near2) <= key.limit
  UNWIND near2 AS x
  ${step('x')} AND NOT m IN f1 AND NOT m IN near2
  WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${MAX_LIMIT + 1}
  RETURN collect(m) AS near3
}`,
];

// The kept entities and their distances, nearest first.
const LEVEL_LISTS = ['f1', 'near2', 'near3'];
const kept = (hops: number) => `(${LEVEL_LISTS.slice(0, hops).map((l) => `${l}[0..key.limit]`).join(' + ')})[0..key.limit]`;
const distances = (hops: number) =>
  `(${LEVEL_LISTS.slice(0, hops).map((l, n) => `[x IN ${l}[0..key.limit] | ${n + 1}]`).join(' + ')})[0..key.limit]`;

// Sorts come first: Neo4j's slotted runtime counts a row's every slot, so a sort after f2 or
// f3 exist would count those lists once per buffered row. The relationships are put in id
// order by the loader.
const held = (hops: number) => LEVEL_LISTS.slice(0, hops).map((l) => `size(${l})`).join(' + ');

export const neighbourhoodCypher = (hops: number, hubDegree = HUB_DEGREE) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (c:Entity {id: key.key, type: key.type})
${F1}
${NEAR.slice(1, hops).join('\n')}
WITH i, c, key, f1, ${kept(hops)} AS kept, ${distances(hops)} AS distances, ${held(hops)} > key.limit AS truncated
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
        const rows = await session.read<Row>('explore.neighbourhood', NEIGHBOURHOOD[hops], { keys: group });
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
