// Top-level lists of one entity type (people, organisations, ...): typed filter and order in, a
// keyset page of the filtered, totally ordered list out. The total is computed only when
// `totalCount` is selected, names and sources only when the nodes select them.
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../api/context';
import type { DatedEntityOrder, EntityOrder } from '../../generated/resolvers';
import type { NodeType } from '../../shared/global-id';
import { keysetConnection, listScope, toKeysetPage, type PageArgs, type SortValueKind } from '../../shared/pagination';
import { selectedFields } from '../../shared/selection';
import { listOrder, type ListFilter } from './filters';
import { selectedParts } from './model';

interface ListArgs<F> extends PageArgs {
  filter?: F | null;
  orderBy?: EntityOrder | DatedEntityOrder | null;
}

const BY_NAME: SortValueKind[] = ['string', 'string'];
const BY_DATE: SortValueKind[] = ['number', 'string', 'string'];

/** A `Query.<list>` resolver; `toFilter` validates the type's filter input (see filters.ts). */
export function listOf<F>(type: NodeType, toFilter: (filter: F | null | undefined) => ListFilter) {
  return async (_: unknown, args: ListArgs<F>, ctx: RequestContext, info: GraphQLResolveInfo) => {
    const filter = toFilter(args.filter);
    const order = listOrder(args.orderBy);
    const page = toKeysetPage(args, listScope(type, filter, order), order.field === 'DATE' ? BY_DATE : BY_NAME);
    const result = await ctx.loaders.entity.list.load({
      type,
      filter,
      order,
      after: page.after,
      limit: page.limit,
      count: selectedFields(info).has('totalCount'),
      ...selectedParts(info, [['edges', 'node']]),
    });
    return keysetConnection(result.items.map((item) => ({ ...item, relationship: null })), page, (item) => item.sort, result.total);
  };
}
