// Exploration queries: arguments checked against their bounds, turned into loader keys.
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import { keysetConnection, listScope, toKeysetPage, withCount } from '../../shared/pagination';
import { selectedFields } from '../../shared/selection';
import { ENTITY_TYPE_NAMES } from '../entity/type-names';
import { selectedParts, type EntityModel } from '../entity/model';
import type { PartialDate } from '../../shared/partial-date';
import { bounded, LIMITS } from './limits';

// The type travels with the key: an id relabelled as another type names no entity.
const ref = (id: string) => {
  const { type, key } = fromGlobalId(id);
  return { key, type };
};

function placement(date: PartialDate | null) {
  if (!date?.yearKnown) return 'UNDATED' as const;
  return date.precision === 'DAY' ? ('EXACT' as const) : ('PARTIAL' as const);
}

export const exploreResolvers: Resolvers = {
  Query: {
    paths: async (_, args, ctx) => {
      const [from, to] = [ref(args.from), ref(args.to)];
      const paths = await ctx.loaders.explore.paths.load({
        from: from.key,
        fromType: from.type,
        to: to.key,
        toType: to.type,
        maxHops: bounded('maxHops', args.maxHops ?? 4, LIMITS.maxHops),
        types: args.types ?? [],
        first: bounded('first', args.first ?? 5, LIMITS.pathsFirst),
      });
      return paths.map((p) => ({
        length: p.relationships.length,
        start: p.nodes[0],
        end: p.nodes[p.nodes.length - 1],
        steps: p.relationships.map((relationship, i) => ({
          from: p.nodes[i],
          to: p.nodes[i + 1],
          direction: relationship.fromKey === p.nodes[i].key ? ('FORWARD' as const) : ('BACKWARD' as const),
          relationship,
        })),
      }));
    },
    neighborhood: async (_, args, ctx, info) => {
      const graph = await ctx.loaders.explore.neighbourhood.load({
        ...ref(args.id),
        hops: bounded('hops', args.hops ?? 1, LIMITS.neighbourhoodHops),
        types: args.types ?? [],
        limit: bounded('limit', args.limit ?? 50, LIMITS.neighbourhoodLimit),
        count: selectedFields(info).has('reachable'),
      });
      if (!graph) return null;
      const globalId = (e: EntityModel) => toGlobalId(e.type, e.key);
      const byKey = new Map([graph.center, ...graph.nodes.map((n) => n.entity)].map((e) => [e.key, e]));
      const subgraph = {
        center: graph.center,
        nodes: [{ entity: graph.center, distance: 0 }, ...graph.nodes].map((n) => ({ ...n, id: globalId(n.entity) })),
        edges: graph.relationships.map((r) => ({
          id: r.id,
          source: globalId(byKey.get(r.fromKey)!),
          target: globalId(byKey.get(r.toKey)!),
          type: r.type as never,
          relationship: r,
        })),
        truncated: graph.truncated,
      };
      return withCount(subgraph, 'reachable', graph.reachable);
    },
    sharedConnections: async (_, args, ctx) => {
      const ids = [...new Set(args.ids)].sort();
      if (ids.length < LIMITS.sharedIds.min || ids.length > LIMITS.sharedIds.max) {
        throw badInput(`ids must name ${LIMITS.sharedIds.min} to ${LIMITS.sharedIds.max} distinct entities, got ${ids.length}`, 'ids');
      }
      const types = [...new Set(args.types ?? [])].sort();
      const page = toKeysetPage(args, listScope('sharedConnections', ids, types), ['number', 'string', 'string']);
      const result = await ctx.loaders.explore.sharedConnections.load({ refs: ids.map(ref), types, after: page.after, limit: page.limit });
      return keysetConnection(result.items, page, (item) => item.sort, result.total);
    },
    timeline: async (_, args, ctx, info) => {
      const at = args.id == null ? { key: null, type: null } : ref(args.id);
      const hops = bounded('hops', args.hops ?? 2, LIMITS.timelineHops);
      const includeUndated = args.includeUndated ?? true;
      const page = toKeysetPage(args, listScope('timeline', at, at.key === null ? 0 : hops, includeUndated), ['number', 'string', 'string']);
      const result = await ctx.loaders.explore.timeline.load({
        ...at, hops, includeUndated, after: page.after, limit: page.limit, count: selectedFields(info).has('totalCount'),
      });
      return keysetConnection(
        result.items.map((item) => {
          // The timeline's query always reads the attributes: the date places the item.
          const date = item.node.attributes?.date ?? null;
          return { node: item.node, date, placement: placement(date), distance: item.distance, sort: item.sort };
        }),
        page,
        (item) => item.sort,
        result.total,
      );
    },
    stats: async (_, __, ctx) => {
      const stats = await ctx.loaders.explore.stats.load('all');
      const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
      return {
        totalEntities: sum(stats.entities),
        totalRelationships: sum(stats.relationships),
        entities: stats.entities.map((e) => ({ type: ENTITY_TYPE_NAMES.toEnum(e.type), count: e.count })),
        relationships: stats.relationships.map((r) => ({ type: r.type as never, count: r.count })),
      };
    },
    mostConnected: async (_, args, ctx, info) => {
      const types = [...new Set((args.types ?? []).map(ENTITY_TYPE_NAMES.fromEnum))].sort();
      const relationshipTypes = [...new Set(args.relationshipTypes ?? [])].sort();
      const page = toKeysetPage(args, listScope('mostConnected', types, relationshipTypes), ['number', 'string', 'string']);
      const result = await ctx.loaders.explore.mostConnected.load({
        types, relationshipTypes, after: page.after, limit: page.limit, count: selectedFields(info).has('totalCount'),
        attributes: selectedParts(info, [['edges', 'node']]).attributes,
      });
      return keysetConnection(result.items, page, (item) => item.sort, result.total);
    },
  },
};
