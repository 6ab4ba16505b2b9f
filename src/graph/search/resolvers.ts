// search(query:, types:): plain user text in, ranked entities out.
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { ENTITY_TYPE_NAMES } from '../entity/type-names';
import { toConnection, toPage } from '../../shared/pagination';
import { toLuceneQuery } from './lucene';


export const MAX_QUERY_LENGTH = 200;

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx) => {
      if (args.query.length > MAX_QUERY_LENGTH) throw badInput(`query is longer than ${MAX_QUERY_LENGTH} characters`, 'query');
      if (args.query.trim() === '') throw badInput('query is blank', 'query');
      const page = toPage(args);
      const lucene = toLuceneQuery(args.query);
      // Only syntax characters ("(", '"'): no analyzer indexes them, so nothing can match.
      if (lucene === null) return toConnection([], 0, page);
      const types = (args.types ?? []).map(ENTITY_TYPE_NAMES.fromEnum);
      const result = await ctx.loaders.search.search.load({ lucene, types, ...page });
      return toConnection(result.items, result.total, page);
    },
  },
};
