// search(query:, types:): plain user text in, ranked entities out. The total (every hit, exact)
// is counted only when `totalCount` is selected, alongside the page.
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { offsetConnection, listScope, toOffsetPage } from '../../shared/pagination';
import { selectedFields } from '../../shared/selection';
import { selectedParts } from '../entity/model';
import { ENTITY_TYPE_NAMES } from '../entity/type-names';
import { toLuceneQuery } from './lucene';

export const MAX_QUERY_LENGTH = 200;

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx, info) => {
      if (args.query.length > MAX_QUERY_LENGTH) throw badInput(`query is longer than ${MAX_QUERY_LENGTH} characters`, 'query');
      if (args.query.trim() === '') throw badInput('query is blank', 'query');
      const types = [...new Set((args.types ?? []).map(ENTITY_TYPE_NAMES.fromEnum))].sort();
      const page = toOffsetPage(args, listScope('search', args.query, types));
      const lucene = toLuceneQuery(args.query);
      // Only syntax characters ("(", '"'): no analyzer indexes them, so nothing can match.
      if (lucene === null) return offsetConnection([], page, 0);
      const result = await ctx.loaders.search.search.load({
        lucene, types, offset: page.offset, limit: page.limit,
        ...selectedParts(info, [['edges', 'node']]), count: selectedFields(info).has('totalCount'),
      });
      return offsetConnection(result.items, page, result.total);
    },
  },
};
