// Full-text search over names and aliases: the Latin-script index (case-insensitive) and the
// CJK bi-gram index answer together in one round trip; a node's best score ranks it. Every hit
// is ranked (no hit cap), so `totalCount` is exact; only the page is projected.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import type { NodeType } from '../../shared/global-id';
import { entityProjection, toEntityModel, type EntityModel, type EntityRecord } from '../entity/model';

const HITS = `
    CALL db.index.fulltext.queryNodes('entity_names_latin', key.lucene) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_names_cjk', key.lucene) YIELD node, score
    RETURN node, score`;

// Lucene ranks by score, which has no keyset: pages are offsets into the ranking, read up to
// `$window` (offset + page + 1) with a top-k sort. SKIP and LIMIT take no per-key values. With
// `count`, the same round trip also counts every hit (exact, no cap).
function searchCypher(count: boolean): string {
  const total = count
    ? `
CALL (key) {
  CALL (key) {${HITS}
  }
  WITH DISTINCT node
  WHERE size(key.types) = 0 OR node.type IN key.types
  RETURN count(node) AS total
}`
    : '';
  return `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {${HITS}
  }
  WITH node, max(score) AS score
  WHERE size(key.types) = 0 OR node.type IN key.types
  WITH node, score ORDER BY score DESC, node.name, node.id LIMIT toInteger($window)
  WITH key, collect({node: node, score: score}) AS ranked
  UNWIND ranked[key.offset..] AS hit
  WITH hit.node AS n, hit.score AS score
  RETURN collect({node: ${entityProjection('n', 'key.detail')}, score: score}) AS page
}${total}
RETURN i, page, ${count ? 'total' : 'null AS total'}`;
}

export const SEARCH = searchCypher(false);
export const SEARCH_COUNTED = searchCypher(true);

export interface SearchKey {
  lucene: string;
  types: NodeType[];
  offset: number;
  limit: number;
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
      byVariant(keys, (k) => `${k.offset + k.limit + 1}:${k.count}`, async (_, group) => {
        const window = group[0].offset + group[0].limit + 1;
        const rows = await session.read<{ i: number; total: number | null; page: { node: EntityRecord; score: number }[] }>(
          'search', group[0].count ? SEARCH_COUNTED : SEARCH, { keys: group, window });
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
