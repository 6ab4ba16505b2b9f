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
// `$window` (offset + page + 1) with a top-k sort. SKIP and LIMIT take no per-key values.
export const SEARCH = `
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
}
RETURN i, page`;

export const SEARCH_TOTALS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {${HITS}
  }
  WITH DISTINCT node
  WHERE size(key.types) = 0 OR node.type IN key.types
  RETURN count(node) AS total
}
RETURN i, total`;

export interface SearchKey {
  lucene: string;
  types: NodeType[];
  offset: number;
  limit: number;
  detail: boolean;
}

export interface SearchPage {
  /** Up to `limit + 1` items: one more than asked says a next page exists. */
  items: { node: EntityModel; score: number }[];
}

export function createSearchLoaders(session: DbSession, primeEntity: (e: EntityModel) => void) {
  const search = new DataLoader<SearchKey, SearchPage, string>(
    (keys) =>
      byVariant(keys, (k) => k.offset + k.limit + 1, async (window, group) => {
        const rows = await session.read<{ i: number; page: { node: EntityRecord; score: number }[] }>('search', SEARCH, { keys: group, window });
        return byKeyIndex(
          group,
          rows,
          (row) => ({
            items: row.page.map((p) => {
              const node = toEntityModel(p.node);
              primeEntity(node);
              return { node, score: p.score };
            }),
          }),
          () => ({ items: [] }),
        );
      }),
    { cacheKeyFn: keyOf },
  );
  const totals = new DataLoader<Pick<SearchKey, 'lucene' | 'types'>, number, string>(
    async (keys) => {
      const rows = await session.read<{ i: number; total: number }>('search.total', SEARCH_TOTALS, { keys });
      return byKeyIndex(keys, rows, (row) => row.total, () => 0);
    },
    { cacheKeyFn: keyOf },
  );
  return { search, totals };
}
