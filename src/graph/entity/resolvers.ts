// Entry points by identity (node, nodes, entity) and the abstract types' resolution.
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import type { RequestContext } from '../../api/context';
import { selectsAny, type SelectionInfo } from '../../shared/selection';
import { DETAIL_FIELDS } from './model';

/** By key, with names, notes and sources in the same round trip when the query selected them. */
function lookup(key: string, ctx: RequestContext, info: SelectionInfo) {
  const { byKey, byKeyWithDetail } = ctx.loaders.entity;
  return (selectsAny(info, [], DETAIL_FIELDS) ? byKeyWithDetail : byKey).load(key);
}

/** The most ids one `nodes` call takes (see the schema). */
export const MAX_NODE_IDS = 100;

async function nodeById(id: string, ctx: RequestContext, info: SelectionInfo) {
  const { type, key } = fromGlobalId(id);
  const entity = await lookup(key, ctx, info);
  return entity && entity.type === type ? entity : null;
}

export const entityResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx, info) => nodeById(id, ctx, info),
    nodes: (_, { ids }, ctx, info) => {
      if (ids.length > MAX_NODE_IDS) throw badInput(`nodes takes at most ${MAX_NODE_IDS} ids, got ${ids.length}`, 'ids');
      return Promise.all(ids.map((id) => nodeById(id, ctx, info)));
    },
    entity: (_, { key }, ctx, info) => lookup(key, ctx, info),
  },
  Node: { __resolveType: (e) => e.type },
  Entity: { __resolveType: (e) => e.type },
};
