// Counts by type (from the count store: constant time whatever the graph's size) and entities
// ranked by degree. The degree is kept on every entity by the graph writer and indexed, so the
// top of the ranking is read from the index in order; ranking by some relationship types only
// counts those for each entity, a scan of the entities of the asked types.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { NODE_LABELS } from '../../import/writer';
import { RELATIONSHIP_TYPES } from '../../seed/shape';
import { byKeyIndex, byVariant, keyOf } from '../../shared/batch';
import { keysetPredicate, type SortValues } from '../../shared/pagination';
import { entityProjection, type EntityRecord } from '../entity/model';
import type { RankedModel, ToEntity } from './model';

// Label and type names are literals from the allowlists: the count store answers each at once.
export const STATS = `
RETURN [${NODE_LABELS.map((l) => `{type: '${l}', count: COUNT { (:${l}) }}`).join(', ')}] AS entities,
       [${RELATIONSHIP_TYPES.map((t) => `{type: '${t}', count: COUNT { ()-[:${t}]->() }}`).join(', ')}] AS relationships`;

const SORT = ['n.degree', 'n.name', 'n.id'];

// One text per (entity type or all, first or later page, with or without a total). The degree
// index is read in order (hinted, so a small graph's statistics cannot pick a scan and sort).
function byDegreeCypher(label: string, after: boolean, count: boolean): string {
  return `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (n:${label}) USING INDEX n:${label}(degree)
  WHERE ${after ? keysetPredicate(SORT, true) : 'n.degree IS NOT NULL'}
  WITH n ORDER BY n.degree DESC, n.name, n.id LIMIT toInteger($limit)
  RETURN collect({n: ${entityProjection('n', { attributes: 'key.attributes' })}, degree: n.degree, sort: [${SORT.join(', ')}]}) AS page
}${count ? `
CALL () { RETURN COUNT { (:${label}) } AS total }` : ''}
RETURN i, page, ${count ? 'total' : 'null AS total'}`;
}

export const MOST_CONNECTED = Object.fromEntries(
  ['Entity', ...NODE_LABELS].flatMap((label) =>
    [false, true].flatMap((after) => [false, true].map((count) => [`${label}:${after}:${count}`, byDegreeCypher(label, after, count)]))),
) as Record<string, string>;

// Degree over some relationship types: counted per entity (from its relationship counts), then
// ranked; keyset over (degree, name, key) like the plain ranking.
export const MOST_CONNECTED_BY_TYPES = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (n:Entity)
  WHERE size(key.types) = 0 OR n.type IN key.types
  WITH n, COUNT { (n)-[r]-() WHERE type(r) IN key.relationshipTypes } AS degree
  WHERE key.after IS NULL OR (${keysetPredicate(['degree', 'n.name', 'n.id'], true)})
  WITH n, degree ORDER BY degree DESC, n.name, n.id LIMIT toInteger($limit)
  RETURN collect({n: ${entityProjection('n', { attributes: 'key.attributes' })}, degree: degree, sort: [degree, n.name, n.id]}) AS page
}
CALL (key) {
  MATCH (n:Entity) WHERE size(key.types) = 0 OR n.type IN key.types
  RETURN count(n) AS total
}
RETURN i, page, total`;

export interface Stats {
  entities: { type: string; count: number }[];
  relationships: { type: string; count: number }[];
}

export interface RankingKey {
  types: string[];
  relationshipTypes: string[];
  after: SortValues | null;
  limit: number;
  count: boolean;
  /** Project the entities' kind, date, count, ... */
  attributes: boolean;
}

type RankRow = { i: number; total: number | null; page: { n: EntityRecord; degree: number; sort: SortValues }[] };

export function createRankingLoaders(session: DbSession, toEntity: ToEntity) {
  const stats = new DataLoader<'all', Stats>(async (keys) => {
    const [row] = await session.read<Stats>('explore.stats', STATS);
    const present = (rows: { type: string; count: number }[]) => rows.filter((r) => r.count > 0);
    return keys.map(() => ({ entities: present(row.entities), relationships: present(row.relationships) }));
  });
  const mostConnected = new DataLoader<RankingKey, { items: (RankedModel & { sort: SortValues })[]; total: number | null }, string>(
    (keys) =>
      byVariant(keys, (k) => JSON.stringify([k.types.length === 1 ? k.types[0] : k.types.length, k.relationshipTypes.length > 0, k.after !== null, k.count, k.limit]), async (_, group) => {
        const k = group[0];
        const label = k.types.length === 1 ? k.types[0] : 'Entity';
        const cypher = k.relationshipTypes.length > 0 || k.types.length > 1 ? MOST_CONNECTED_BY_TYPES : MOST_CONNECTED[`${label}:${k.after !== null}:${k.count}`];
        const rows = await session.read<RankRow>('explore.mostConnected', cypher, {
          keys: group.map((g) => ({ ...g, relationshipTypes: g.relationshipTypes.length > 0 ? g.relationshipTypes : RELATIONSHIP_TYPES })),
          limit: k.limit + 1,
        });
        return byKeyIndex(
          group,
          rows,
          (row) => ({ total: row.total, items: row.page.map((p) => ({ node: toEntity(p.n), degree: p.degree, sort: p.sort })) }),
          () => ({ items: [], total: 0 }),
        );
      }),
    { cacheKeyFn: keyOf },
  );
  return { stats, mostConnected };
}
