// Entity lookups and top-level lists: one Cypher round trip per DataLoader batch (per query
// shape, see list-cypher.ts). Lookups by key return the identity and attributes; a page returns
// the attributes, names, notes and citations when it selected them, else they come from
// `attributes` and `detail`; a document's text from `text`.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import type { DateMatch } from '../../shared/date-range';
import type { NodeType } from '../../shared/global-id';
import type { SortValues } from '../../shared/pagination';
import type { ListFilter, ListOrder } from './filters';
import { listCypher, listShape } from './list-cypher';
import { entityProjection, toEntityAttributes, toEntityDetail, toEntityModel, type EntityAttributes, type EntityDetail, type EntityModel, type EntityRecord } from './model';

export const ENTITIES_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (n:Entity {id: $keys[i]})
RETURN i, ${entityProjection('n', { attributes: true })} AS n`;

export const DETAILS_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (n:Entity {id: $keys[i]})
RETURN i, ${entityProjection('n', { detail: true })} AS n`;

export const ENTITIES_WITH_DETAIL_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (n:Entity {id: $keys[i]})
RETURN i, ${entityProjection('n', { attributes: true, detail: true })} AS n`;

export const DOCUMENT_TEXTS = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (d:Document {id: $keys[i]})
RETURN i, d.text AS text`;

export interface ListKey {
  type: NodeType;
  filter: ListFilter;
  order: ListOrder;
  /** Sort values to continue after (keyset); null for the first page. */
  after: SortValues | null;
  limit: number;
  /** Compute the total (totalCount selected). */
  count: boolean;
  /** Project kind, date, count, ... (selected on the nodes). */
  attributes: boolean;
  /** Project names, notes and citations (selected on the nodes). */
  detail: boolean;
}

export interface ListItem {
  node: EntityModel;
  /** How the node's date meets the filter's date range; null without one. */
  dateMatch: DateMatch | null;
  /** The item's sort values, for its cursor. */
  sort: SortValues;
}

export interface EntityPage {
  /** Up to `limit + 1` items: one more than asked says a next page exists. */
  items: ListItem[];
  total: number | null;
}

interface ListRow {
  i: number;
  total: number | null;
  page: { n: EntityRecord; dateMatch: DateMatch | null; sort: SortValues }[];
}

export function createEntityLoaders(session: DbSession) {
  const byKey: DataLoader<string, EntityModel | null> = new DataLoader(async (keys) => {
    const rows = await session.read<{ i: number; n: EntityRecord }>('entity.byKey', ENTITIES_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => toEntityModel(row.n), () => null);
  });

  const attributes = new DataLoader<string, EntityAttributes>(async (keys) => {
    const rows = await session.read<{ i: number; n: EntityRecord }>('entity.attributes', ENTITIES_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => toEntityAttributes(row.n.type as NodeType, row.n), (key) => new Error(`entity ${key} not found`));
  });

  const detail = new DataLoader<string, EntityDetail>(async (keys) => {
    const rows = await session.read<{ i: number; n: EntityRecord }>('entity.detail', DETAILS_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => toEntityDetail(row.n), (key) => new Error(`entity ${key} not found`));
  });

  /** A lookup whose query selected names, notes or sources: one round trip for both. */
  const byKeyWithDetail = new DataLoader<string, EntityModel | null>(async (keys) => {
    const rows = await session.read<{ i: number; n: EntityRecord }>('entity.byKey', ENTITIES_WITH_DETAIL_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => {
      const model = toEntityModel(row.n);
      byKey.prime(model.key, model);
      return model;
    }, () => null);
  });

  const text = new DataLoader<string, string>(async (keys) => {
    const rows = await session.read<{ i: number; text: string }>('entity.text', DOCUMENT_TEXTS, { keys });
    return byKeyIndex(keys, rows, (row) => String(row.text), (key) => new Error(`document ${key} not found`));
  });

  const list = new DataLoader<ListKey, EntityPage, string>(
    (keys) =>
      byVariant(keys, (k) => `${k.limit}${listCypher(listShape(k.type, k.filter, k.order, k.after !== null, k.count))}`, async (_, group) => {
        const { type, filter, order, after, count, limit } = group[0];
        const cypher = listCypher(listShape(type, filter, order, after !== null, count));
        const params = group.map((k) => ({ filter: k.filter, after: k.after, attributes: k.attributes, detail: k.detail }));
        const rows = await session.read<ListRow>('entity.list', cypher, { keys: params, limit: limit + 1 });
        return byKeyIndex(
          group,
          rows,
          (row) => {
            const items = row.page.map((p) => ({ node: toEntityModel(p.n), dateMatch: p.dateMatch, sort: p.sort }));
            items.forEach(({ node }) => byKey.prime(node.key, node));
            return { items, total: row.total };
          },
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );

  return { byKey, byKeyWithDetail, attributes, detail, text, list };
}
