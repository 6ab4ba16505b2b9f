// Timelines: events, agreements, documents and dated projects in date order, around one entity
// (one constant query per hop bound, see variants.ts) or across the whole graph. A partial date
// sorts at the start of its period; items without a known year come last.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeRecord } from '../entity/model';
import { LIMITS } from './limits';
import type { TimelineItemModel, ToEntity } from './model';
import { byVariant, perBound } from './variants';

export interface TimelineKey {
  /** Null for the whole graph. */
  key: string | null;
  type: string | null;
  hops: number;
  includeUndated: boolean;
  offset: number;
  limit: number;
}

export interface TimelinePage {
  items: TimelineItemModel[];
  total: number;
}

// Which entities belong on a timeline, and their order; shared by both queries.
const ON_TIMELINE = `(m.type IN ['Event', 'Agreement', 'Document'] OR (m.type = 'Project' AND m.dateYear IS NOT NULL))
    AND (key.includeUndated OR m.dateYear IS NOT NULL)`;
const IN_DATE_ORDER = `ORDER BY m.dateYear IS NULL, m.dateYear, coalesce(m.dateMonth, 0), coalesce(m.dateDay, 0), m.name, m.id`;
const PAGE = `WITH collect({m: m, distance: distance}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page`;

const aroundCypher = (hops: number) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (s:Entity {id: key.key, type: key.type})
CALL (s, key) {
  MATCH p = SHORTEST 1 (s)(()-[]-()){0,${hops}}(m:Entity)
  WITH m, length(p) AS distance, key
  WHERE ${ON_TIMELINE}
  WITH m, distance ${IN_DATE_ORDER}
  ${PAGE}
}
RETURN i, total, page`;

export const TIMELINE_AROUND = perBound(LIMITS.timelineHops.max, aroundCypher);

export const TIMELINE_OF_GRAPH = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (m:Entity)
  WHERE ${ON_TIMELINE}
  WITH m, null AS distance ${IN_DATE_ORDER}
  ${PAGE}
}
RETURN i, total, page`;

type Row = { i: number; total: number; page: { m: NodeRecord; distance: number | null }[] };

export function createTimelineLoader(session: DbSession, toEntity: ToEntity) {
  return new DataLoader<TimelineKey, TimelinePage, string>(
    (keys) =>
      // Variant 0: the whole graph; 1..3: around an entity within that many hops.
      byVariant(keys, (k) => (k.key === null ? 0 : k.hops), async (hops, group) => {
        const cypher = hops === 0 ? TIMELINE_OF_GRAPH : TIMELINE_AROUND[hops];
        const rows = await session.read<Row>('explore.timeline', cypher, { keys: group });
        return byKeyIndex(
          group,
          rows,
          (row) => ({ total: row.total, items: row.page.map((p) => ({ node: toEntity(p.m), distance: p.distance })) }),
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );
}
