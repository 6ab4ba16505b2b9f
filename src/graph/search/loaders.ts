// Full-text search over names and aliases: the Latin-script index (case-insensitive) and the
// CJK bi-gram index answer together in one round trip; a node's best score ranks it. Every hit
// is ranked (no hit cap), so `totalCount` is exact; only the page is projected.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { NODE_TYPES, type NodeType } from '../../shared/global-id';
import { entityProjection, toEntityModel, type EntityModel, type EntityRecord } from '../entity/model';

const HITS = `
    CALL db.index.fulltext.queryNodes('entity_names_latin', key.lucene) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_names_cjk', key.lucene) YIELD node, score
    RETURN node, score`;

// Lucene ranks by score, which has no keyset: pages are offsets into the ranking, read up to
// `$window` (offset + page + 1) with a top-k sort. SKIP and LIMIT take no per-key values. With
// `count`, the same round trip also counts every hit (exact, no cap). The types filter is a label
// test (no property read per hit); labels cannot be parameters, so there is one text per type
// set, from the schema's enum.
const texts = new Map<string, string>();

export function searchCypher(count: boolean, types: readonly NodeType[]): string {
  for (const t of types) if (!NODE_TYPES.includes(t)) throw new Error(`unknown entity type ${t}`);
  const labels = [...new Set(types)].sort();
  const id = JSON.stringify([count, labels]);
  let text = texts.get(id);
  if (text) return text;
  const typed = labels.length ? `\n  WHERE node:${labels.join('|')}` : '';
  const total = count
    ? `
CALL (key) {
  CALL (key) {${HITS}
  }
  WITH DISTINCT node${typed}
  RETURN count(node) AS total
}`
    : '';
  text = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {${HITS}
  }
  WITH node, max(score) AS score${typed}
  WITH node, score ORDER BY score DESC, node.name, node.id LIMIT toInteger($window)
  WITH key, collect({node: node, score: score}) AS ranked
  UNWIND ranked[key.offset..] AS hit
  WITH hit.node AS n, hit.score AS score
  RETURN collect({node: ${entityProjection('n', { attributes: 'key.attributes', detail: 'key.detail' })}, score: score}) AS page
}${total}
RETURN i, page, ${count ? 'total' : 'null AS total'}`;
  texts.set(id, text);
  return text;
}

export interface SearchKey {
  lucene: string;
  types: NodeType[];
  offset: number;
  limit: number;
  /** Project the entity's kind, date, count, ... */
  attributes: boolean;
  detail: boolean;
  /** Count every hit too (totalCount selected). */
  count: boolean;
}

export interface SearchPage {
  /** Up to `limit + 1` items: one more than asked says a next page exists. */
  items: { node: EntityModel; score: number }[];
  /** Every hit, when the key asked for the count. */
  total: number | null;
}

export function createSearchLoaders(session: DbSession, primeEntity: (e: EntityModel) => void) {
  const search = new DataLoader<SearchKey, SearchPage, string>(
    (keys) =>
      byVariant(keys, (k) => JSON.stringify([k.offset + k.limit + 1, k.count, [...k.types].sort()]), async (_, group) => {
        const { offset, limit, count, types } = group[0];
        const rows = await session.read<{ i: number; total: number | null; page: { node: EntityRecord; score: number }[] }>(
          'search', searchCypher(count, types), { keys: group, window: offset + limit + 1 });
        return byKeyIndex(
          group,
          rows,
          (row) => ({
            items: row.page.map((p) => {
              const node = toEntityModel(p.node);
              primeEntity(node);
              return { node, score: p.score };
            }),
            total: row.total,
          }),
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );
  return { search };
}
