// Top-level lists of one entity type (people, organisations, ...), paged by name then key.
import type { RequestContext } from '../../api/context';
import type { NodeType } from '../../shared/global-id';
import { toConnection, toPage, type PageArgs } from '../../shared/pagination';

export function listOf(type: NodeType) {
  return async (_: unknown, args: PageArgs, ctx: RequestContext) => {
    const page = toPage(args);
    const result = await ctx.loaders.entity.list.load({ type, ...page });
    return toConnection(result.items.map((node) => ({ node, relationship: null })), result.total, page);
  };
}
