// Timelines: events, agreements, documents and dated projects (the :Timeline label, kept by the
// graph writer) in date order: around one entity (one constant query per hop bound) or across
// the whole graph, where the order is read from the `dateAsc` index a keyset page at a time. A
// partial date sorts at the start of its period; items without a known year come last.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { UNDATED_SORT_KEY } from '../../import/stored';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { keysetPredicate, type SortValues } from '../../shared/pagination';
import { entityProjection, type EntityRecord } from '../entity/model';
import { LIMITS } from './limits';
import type { TimelineItemModel, ToEntity } from './model';
import { perBound } from './variants';

export interface TimelineKey {
  /** Null for the whole graph. */
  key: string | null;
  type: string | null;
  hops: number;
  includeUndated: boolean;
  after: SortValues | null;
  limit: number;
  count: boolean;
}

export interface TimelinePage {
  /** Up to `limit + 1` items. */
  items: (TimelineItemModel & { sort: SortValues })[];
  total: number | null;
}

const SORT = ['m.dateAsc', 'm.name', 'm.id'];
const DATED = `(key.includeUndated OR m.dateAsc < ${UNDATED_SORT_KEY})`;
const AFTER = `(key.after IS NULL OR (${keysetPredicate(SORT, false)}))`;
const PAGE = `ORDER BY ${SORT.join(', ')} LIMIT toInteger($limit)
  RETURN collect({m: ${entityProjection('m', { attributes: true })}, distance: distance, sort: [${SORT.join(', ')}]}) AS page`;

const aroundCypher = (hops: number) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (s:Entity {id: key.key, type: key.type})
CALL (s, key) {
  MATCH p = SHORTEST 1 (s)(()-[]-()){0,${hops}}(m:Timeline)
  WITH m, length(p) AS distance, key
  WHERE ${DATED}
  WITH m, distance WHERE ${AFTER}
  WITH m, distance ${PAGE}
}
RETURN i, page, null AS total`;

export const TIMELINE_AROUND = perBound(LIMITS.timelineHops.max, aroundCypher);

// The total around an entity needs the whole reach anyway; counted in its own query when asked.
const aroundTotalCypher = (hops: number) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (s:Entity {id: key.key, type: key.type})
CALL (s, key) {
  MATCH p = SHORTEST 1 (s)(()-[]-()){0,${hops}}(m:Timeline)
  WITH m, key WHERE ${DATED}
  RETURN count(m) AS total
}
RETURN i, total`;

export const TIMELINE_AROUND_TOTAL = perBound(LIMITS.timelineHops.max, aroundTotalCypher);

// The whole graph: the :Timeline label's dateAsc index read in order from the cursor on; the
// total from the count store (or the index, without undated items). One text per page shape.
function graphTimelineCypher(after: boolean, count: boolean, includeUndated: boolean): string {
  const dated = includeUndated ? 'm.dateAsc IS NOT NULL' : `m.dateAsc < ${UNDATED_SORT_KEY}`;
  return `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (m:Timeline)
  WHERE ${dated}${after ? ` AND ${keysetPredicate(SORT, false)}` : ''}
  WITH m, null AS distance ${PAGE}
}${count ? `
CALL () {
  MATCH (m:Timeline)${includeUndated ? '' : ` WHERE ${dated}`}
  RETURN count(m) AS total
}` : ''}
RETURN i, page, ${count ? 'total' : 'null AS total'}`;
}

export const TIMELINE_OF_GRAPH = Object.fromEntries(
  [false, true].flatMap((after) => [false, true].flatMap((count) => [false, true].map((undated) => [`${after}:${count}:${undated}`, graphTimelineCypher(after, count, undated)]))),
) as Record<string, string>;

type Row = { i: number; total: number | null; page: { m: EntityRecord; distance: number | null; sort: SortValues }[] };

export function createTimelineLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<TimelineKey, TimelinePage, string>(
    (keys) =>
      // Variant 0: the whole graph; 1..3: around an entity within that many hops.
      byVariant(keys, (k) => [k.key === null ? 0 : k.hops, k.limit, k.after !== null, k.count, k.includeUndated].join(':'), async (variant, group) => {
        const hops = Number(variant.split(':')[0]);
        const { after, count, includeUndated } = group[0];
        const params = { keys: group, limit: group[0].limit + 1 };
        const cypher = hops === 0 ? TIMELINE_OF_GRAPH[`${after !== null}:${count}:${includeUndated}`] : TIMELINE_AROUND[hops];
        const [rows, totals] = await Promise.all([
          session.read<Row>('explore.timeline', cypher, params),
          hops > 0 && group.some((k) => k.count) ? session.read<{ i: number; total: number }>('explore.timeline', TIMELINE_AROUND_TOTAL[hops], params) : [],
        ]);
        const totalOf = new Map(totals.map((t) => [t.i, t.total]));
        return byKeyIndex(
          group,
          rows,
          (row) => ({
            total: hops === 0 ? row.total : (totalOf.get(row.i) ?? null),
            items: row.page.map((p) => ({ node: toEntity(p.m), distance: p.distance, sort: p.sort })),
          }),
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );
}
