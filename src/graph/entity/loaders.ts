// Entity lookups and top-level lists: one Cypher round trip per DataLoader batch.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { DateMatch } from '../../shared/date-range';
import type { NodeType } from '../../shared/global-id';
import { BY_NAME, NO_FILTER, type ListFilter, type ListOrder } from './filters';
import { toEntityModel, type EntityModel, type NodeRecord } from './model';

export const ENTITIES_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (n:Entity {id: $keys[i]})
RETURN i, n`;

// Every list key carries its own filter (`f`, see filters.ts): a criterion left null holds for
// every node. An item's date is the period [first, last] (yyyymmdd; a month ends on day 31, as
// in shared/date-range.ts); without a known year it has none and is UNDATED. DATE sorts by the
// period's start, negated for DESC so that undated items (null) come last either way; name and
// key, ascending, break ties, so the order is total and offsets stay valid page to page.
export const ENTITY_LISTS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key, $keys[i].filter AS f
CALL (key, f) {
  MATCH (n:Entity) WHERE n.type = key.type
    AND (size(f.kinds) = 0 OR n.kind IN f.kinds)
    AND (f.place IS NULL OR EXISTS { (n)-[:PART_OF*0..]->(:Entity)-[:LOCATED_IN*1..]->(:Entity {id: f.place}) })
    AND (f.parent IS NULL OR EXISTS { (n)-[:PART_OF*1..]->(:Entity {id: f.parent}) })
    AND (f.participant IS NULL OR EXISTS { (:Entity {id: f.participant})-[:PARTICIPATED_IN]->(n) })
    AND (f.party IS NULL OR EXISTS { MATCH (:Entity {id: f.party})-[r]->(n) WHERE type(r) IN f.partyVia })
    AND (f.post IS NULL OR EXISTS {
      MATCH (n)-[p:HOLDS_POST]->(o:Entity)
      WHERE (f.post.title IS NULL OR any(t IN p.titleValues WHERE toLower(t) CONTAINS toLower(f.post.title)))
        AND (f.post.organisation IS NULL OR EXISTS { (o)-[:PART_OF*0..]->(:Entity {id: f.post.organisation}) })
        AND (f.post.place IS NULL OR EXISTS { (o)-[:PART_OF*0..]->(:Entity)-[:LOCATED_IN*1..]->(:Entity {id: f.post.place}) })
    })
  WITH n,
    CASE WHEN n.dateYear IS NOT NULL THEN n.dateYear * 10000 + coalesce(n.dateMonth, 1) * 100 + coalesce(n.dateDay, 1) END AS first,
    CASE WHEN n.dateYear IS NOT NULL THEN n.dateYear * 10000 + coalesce(n.dateMonth, 12) * 100 + coalesce(n.dateDay, 31) END AS last
  WITH n, first, CASE
      WHEN f.date IS NULL THEN null
      WHEN first IS NULL THEN 'UNDATED'
      WHEN first >= f.date.start AND last <= f.date.end THEN 'WITHIN'
      WHEN first <= f.date.end AND last >= f.date.start THEN 'OVERLAPS'
    END AS dateMatch
  WHERE f.date IS NULL OR dateMatch IN f.date.accept
  WITH n, first, dateMatch ORDER BY
    CASE WHEN key.order.field = 'DATE' THEN CASE WHEN key.order.descending THEN -first ELSE first END END,
    CASE WHEN key.order.field = 'NAME' AND key.order.descending THEN n.name END DESC,
    n.name, n.id
  WITH collect({n: n, dateMatch: dateMatch}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

export interface ListKey {
  type: NodeType;
  offset: number;
  limit: number;
  /** No filter when omitted. */
  filter?: ListFilter;
  /** By name when omitted. */
  order?: ListOrder;
}

export interface ListItem {
  node: EntityModel;
  /** How the node's date meets the filter's date range; null without one. */
  dateMatch: DateMatch | null;
}

export interface EntityPage {
  items: ListItem[];
  total: number;
}

interface ListRow {
  i: number;
  total: number;
  page: { n: NodeRecord; dateMatch: DateMatch | null }[];
}

export function createEntityLoaders(session: DbSession) {
  const byKey: DataLoader<string, EntityModel | null> = new DataLoader(async (keys) => {
    const rows = await session.read<{ i: number; n: NodeRecord }>('entity.byKey', ENTITIES_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => toEntityModel(row.n), () => null);
  });

  const list = new DataLoader<ListKey, EntityPage, string>(
    async (keys) => {
      const params = keys.map((key) => ({ ...key, filter: key.filter ?? NO_FILTER, order: key.order ?? BY_NAME }));
      const rows = await session.read<ListRow>('entity.list', ENTITY_LISTS, { keys: params });
      return byKeyIndex(
        keys,
        rows,
        (row) => {
          const items = row.page.map((p) => ({ node: toEntityModel(p.n), dateMatch: p.dateMatch }));
          items.forEach(({ node }) => byKey.prime(node.key, node));
          return { items, total: row.total };
        },
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );

  return { byKey, list };
}
