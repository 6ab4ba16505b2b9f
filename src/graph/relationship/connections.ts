// Resolver factories for relationship-backed connections. A domain declares which relationships
// a field follows ({types, direction, otherType}); paging, loading and edge shape live here.
import type { RequestContext } from '../../api/context';
import { toConnection, toPage, type PageArgs } from '../../shared/pagination';
import type { NodeType } from '../../shared/global-id';
import type { EntityModel } from '../entity/model';
import type { Direction } from './loaders';

export interface Follow {
  types: string[];
  direction: Direction;
  otherType?: NodeType;
}

async function loadNeighbours(parent: EntityModel, follow: Follow, args: PageArgs, ctx: RequestContext) {
  const page = toPage(args);
  const result = await ctx.loaders.relationship.neighbours.load({
    key: parent.key,
    types: follow.types,
    direction: follow.direction,
    otherType: follow.otherType ?? null,
    ...page,
  });
  return { page, result };
}

/**
 * Edges whose node is the entity at the other end, with the relationship that leads there.
 * `dateMatch` is null: only top-level lists take a date filter.
 */
export function entitiesVia(follow: Follow) {
  return async (parent: EntityModel, args: PageArgs, ctx: RequestContext) => {
    const { page, result } = await loadNeighbours(parent, follow, args, ctx);
    return toConnection(result.items.map((item) => ({ ...item, dateMatch: null })), result.total, page);
  };
}

/** Edges whose node is the relationship itself (posts, participations). */
export function relationshipsVia(follow: Follow) {
  return async (parent: EntityModel, args: PageArgs, ctx: RequestContext) => {
    const { page, result } = await loadNeighbours(parent, follow, args, ctx);
    return toConnection(result.items.map((item) => ({ node: item.relationship })), result.total, page);
  };
}
