// Full-text search over names and aliases: the Latin-script index (case-insensitive) and the
// CJK bi-gram index answer together in one round trip; a node's best score ranks it.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex, keyOf } from '../../shared/batch';
import type { NodeType } from '../../shared/global-id';
import { toEntityModel, type EntityModel, type NodeRecord } from '../entity/model';

/** Search looks at most this far down the ranking; deeper pages are empty. */
export const MAX_SEARCH_HITS = 1000;

export const SEARCH = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {
    CALL db.index.fulltext.queryNodes('entity_names_latin', key.lucene, {limit: $maxHits}) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_names_cjk', key.lucene, {limit: $maxHits}) YIELD node, score
    RETURN node, score
  }
  WITH node, max(score) AS score
  WHERE size(key.types) = 0 OR node.type IN key.types
  WITH node, score ORDER BY score DESC, node.name, node.id
  WITH collect({node: node, score: score}) AS ranked
  RETURN size(ranked) AS total, ranked[key.offset .. key.offset + key.limit] AS page
}
RETURN i, total, page`;

export interface SearchKey {
  lucene: string;
  types: NodeType[];
  offset: number;
  limit: number;
}

export interface SearchPage {
  items: { node: EntityModel; score: number }[];
  total: number;
}

export function createSearchLoaders(session: DbSession, primeEntity: (e: EntityModel) => void) {
  const search = new DataLoader<SearchKey, SearchPage, string>(
    async (keys) => {
      const rows = await session.read<{ i: number; total: number; page: { node: NodeRecord; score: number }[] }>(
        'search', SEARCH, { keys, maxHits: MAX_SEARCH_HITS });
      return byKeyIndex(
        keys,
        rows,
        (row) => ({
          total: row.total,
          items: row.page.map((p) => {
            const node = toEntityModel(p.node);
            primeEntity(node);
            return { node, score: p.score };
          }),
        }),
        () => ({ items: [], total: 0 }),
      );
    },
    { cacheKeyFn: keyOf },
  );
  return { search };
}
