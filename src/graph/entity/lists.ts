// Top-level lists of one entity type (people, organisations, ...): typed filter and order in,
// a page of the filtered, totally ordered list out. Cursors are offsets into that order.
import type { RequestContext } from '../../api/context';
import type { DatedEntityOrder, EntityOrder } from '../../generated/resolvers';
import type { NodeType } from '../../shared/global-id';
import { toConnection, toPage, type PageArgs } from '../../shared/pagination';
import { listOrder, type ListFilter } from './filters';

interface ListArgs<F> extends PageArgs {
  filter?: F | null;
  orderBy?: EntityOrder | DatedEntityOrder | null;
}

/** A `Query.<list>` resolver; `toFilter` validates the type's filter input (see filters.ts). */
export function listOf<F>(type: NodeType, toFilter: (filter: F | null | undefined) => ListFilter) {
  return async (_: unknown, args: ListArgs<F>, ctx: RequestContext) => {
    const page = toPage(args);
    const result = await ctx.loaders.entity.list.load({ type, filter: toFilter(args.filter), order: listOrder(args.orderBy), ...page });
    return toConnection(result.items.map((item) => ({ ...item, relationship: null })), result.total, page);
  };
}
