// Entry points by identity (node, nodes, entity) and the abstract types' resolution.
import type { Resolvers } from '../../generated/resolvers';
import { fromGlobalId } from '../../shared/global-id';
import type { RequestContext } from '../../api/context';

async function nodeById(id: string, ctx: RequestContext) {
  const { type, key } = fromGlobalId(id);
  const entity = await ctx.loaders.entity.byKey.load(key);
  return entity && entity.type === type ? entity : null;
}

export const entityResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => nodeById(id, ctx),
    nodes: (_, { ids }, ctx) => Promise.all(ids.map((id) => nodeById(id, ctx))),
    entity: (_, { key }, ctx) => ctx.loaders.entity.byKey.load(key),
  },
  Node: { __resolveType: (e) => e.type },
  Entity: { __resolveType: (e) => e.type },
};
