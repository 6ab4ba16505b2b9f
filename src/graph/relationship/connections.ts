// Resolver factories for relationship-backed connections. A domain declares which relationships
// a field follows ({types, direction, otherType}); paging, loading and edge shape live here.
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../api/context';
import type { NodeType } from '../../shared/global-id';
import { keysetConnection, listScope, toKeysetPage, type PageArgs } from '../../shared/pagination';
import { selectedFields, selectsAny } from '../../shared/selection';
import { selectedParts, type EntityModel } from '../entity/model';
import type { Direction } from './loaders';
import { RELATIONSHIP_DETAIL_FIELDS } from './model';

export interface Follow {
  types: string[];
  direction: Direction;
  otherType?: NodeType;
}

/** The fields of Post, Participation and Link that lead to an end of the relationship. */
const END_FIELDS = ['from', 'to', 'person', 'organisation', 'participant', 'event'];

/** A fixed Follow, or one built from the field's arguments (`relationships(types:, direction:)`). */
type FollowOf<A> = Follow | ((args: A) => Follow);

async function loadNeighbours<A extends PageArgs>(
  parent: EntityModel, followOf: FollowOf<A>, args: A, ctx: RequestContext, info: GraphQLResolveInfo,
  nodePaths: string[][], relationshipPath: string[],
) {
  const follow = typeof followOf === 'function' ? followOf(args) : followOf;
  const types = [...follow.types].sort();
  const otherType = follow.otherType ?? null;
  // The cursor is bound to the entity and the relationships followed.
  const page = toKeysetPage(args, listScope(parent.key, types, follow.direction, otherType), ['string', 'string', 'string']);
  const result = await ctx.loaders.relationship.neighbours.load({
    key: parent.key,
    types,
    direction: follow.direction,
    otherType,
    after: page.after,
    limit: page.limit,
    count: selectedFields(info).has('totalCount'),
    ...selectedParts(info, nodePaths),
    relationshipDetail: selectsAny(info, relationshipPath, RELATIONSHIP_DETAIL_FIELDS),
  });
  return { page, result };
}

/**
 * Edges whose node is the entity at the other end, with the relationship that leads there.
 * `dateMatch` is null: only top-level lists take a date filter.
 */
export function entitiesVia<A extends PageArgs>(follow: FollowOf<A>) {
  return async (parent: EntityModel, args: A, ctx: RequestContext, info: GraphQLResolveInfo) => {
    const { page, result } = await loadNeighbours(parent, follow, args, ctx, info, [['edges', 'node']], ['edges', 'relationship']);
    return keysetConnection(result.items.map((item) => ({ ...item, dateMatch: null })), page, (item) => item.sort, result.total);
  };
}

/** Edges whose node is the relationship itself (posts, participations). */
export function relationshipsVia<A extends PageArgs>(follow: FollowOf<A>) {
  return async (parent: EntityModel, args: A, ctx: RequestContext, info: GraphQLResolveInfo) => {
    // The other entity is reached through the relationship's own end fields.
    const ends = END_FIELDS.map((f) => ['edges', 'node', f]);
    const { page, result } = await loadNeighbours(parent, follow, args, ctx, info, ends, ['edges', 'node']);
    return keysetConnection(result.items.map((item) => ({ node: item.relationship, sort: item.sort })), page, (item) => item.sort, result.total);
  };
}
