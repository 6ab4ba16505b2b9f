// Apollo Server assembly: schema, resolvers, limits, error policy. No HTTP here (see http.ts).
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { resolvers } from '../graph/resolvers';
import type { RequestContext } from './context';
import { costLimitPlugin } from './cost';
import { depthLimit } from './depth-limit';
import { createFormatError } from './format-error';
import { readTypeDefs } from './schema';

export interface ApiOptions {
  maxQueryDepth: number;
  maxQueryCost: number;
  log: (message: string, error?: unknown) => void;
}

export function createApolloServer(options: ApiOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: readTypeDefs(),
    resolvers: resolvers as never,
    validationRules: [depthLimit(options.maxQueryDepth)],
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, then Apollo, then Neo4j); Apollo's own SIGTERM handler would
    // start a second concurrent stop() that never settles.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.log),
    // The offline GraphiQL page is served by http.ts instead of Apollo's CDN-loaded landing page.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint (the graph changes under import); Apollo's default cache
      // control plugin would still visit every resolved field (a few % of a small query's CPU).
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(options.maxQueryCost),
      {
        // Tags the request's transactions with the GraphQL operation, for Neo4j's query log.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operationName }) {
              contextValue.session.graphqlOperation = operationName ?? 'anonymous';
            },
          };
        },
      },
    ],
  });
}
