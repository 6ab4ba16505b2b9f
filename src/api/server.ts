// Apollo Server assembly: schema, resolvers, limits, error policy. No HTTP here (see http.ts).
import { ApolloServer } from '@apollo/server';
import { GraphQLError, Kind, type ValidationContext } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { resolvers } from '../graph/resolvers';
import type { RequestContext } from './context';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DEFAULT_SYNTAX_LIMITS } from '../config';
import type { Gate } from '../db/gate';
import { admissionPlugin, costlyGateOf, DEFAULT_COSTLY_QUERY_COST } from './admission';
import { depthLimit } from './depth-limit';
import { createFormatError } from './format-error';
import { cappedStringify, DEFAULT_MAX_RESPONSE_BYTES } from './response-size';
import { readTypeDefs } from './schema';

export interface ApiOptions {
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Operations estimated at this cost or more run `costlyQueryConcurrency` at a time (DEFAULT_COSTLY_QUERY_*). */
  costlyQueryCost?: number;
  costlyQueryConcurrency?: number;
  /** The gate costly operations take turns of (startApp makes one of `costlyQueryConcurrency`; tests hold its turns). */
  costlyGate?: Gate;
  /** How long a costly operation waits for its turn before SERVER_BUSY (default 10 s). */
  costlyQueryWaitMs?: number;
  /** Defaults: DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_SYNTAX_LIMITS (config.ts). */
  maxResponseBytes?: number;
  maxAliases?: number;
  maxDirectives?: number;
  maxTokens?: number;
  /** Leave schema details ("Did you mean ...?") out of error messages. */
  hideSchemaDetails?: boolean;
  log: (message: string, error?: unknown) => void;
}

/**
 * graphql-armor rules throw by default, which Apollo answers with a 500; reported instead, they
 * are validation errors (400) that name the setting.
 */
function reportedAs(setting: string) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} (${setting})`))],
  };
}

export function createApolloServer(options: ApiOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: readTypeDefs(),
    resolvers: resolvers as never,
    validationRules: [
      depthLimit(options.maxQueryDepth),
      maxAliasesRule({ n: options.maxAliases ?? DEFAULT_SYNTAX_LIMITS.maxAliases, ...reportedAs('MAX_ALIASES') }),
      maxDirectivesRule({ n: options.maxDirectives ?? DEFAULT_SYNTAX_LIMITS.maxDirectives, ...reportedAs('MAX_DIRECTIVES') }),
    ],
    parseOptions: { maxTokens: options.maxTokens ?? DEFAULT_SYNTAX_LIMITS.maxTokens },
    stringifyResult: cappedStringify(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
    hideSchemaDetailsFromClientErrors: options.hideSchemaDetails ?? false,
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
      admissionPlugin({
        maxCost: options.maxQueryCost,
        costlyCost: options.costlyQueryCost ?? DEFAULT_COSTLY_QUERY_COST,
        gate: costlyGateOf(options),
        maxWaitMs: options.costlyQueryWaitMs ?? 10_000,
      }),
      {
        // Tags the request's transactions with the GraphQL operation, for Neo4j's query log, and
        // records the operation and the error codes for the request's log line and metrics.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operationName, operation }) {
              contextValue.session.graphqlOperation = operationName ?? 'anonymous';
              contextValue.request.operation = operationName ?? null;
              const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
              contextValue.request.field = first?.kind === Kind.FIELD ? first.name.value : null;
            },
            async willSendResponse({ contextValue, response }) {
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
              contextValue.request.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
            },
          };
        },
      },
    ],
  });
}
