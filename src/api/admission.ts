// Admission, once an operation is resolved and before it touches the database:
// - a mutation or subscription is refused (OPERATION_NOT_SUPPORTED, 400): the API is read-only;
// - above the cost limit it is refused (QUERY_TOO_COSTLY, 400);
// - at or above the costly threshold it waits for one of a few turns (COSTLY_QUERY_CONCURRENCY)
//   and gives it back when its response is sent. A client sending the heaviest accepted requests
//   then queues behind itself instead of taking the CPU every other client shares; past the wait
//   deadline it gets SERVER_BUSY (503, Retry-After).
// The estimate is recorded on the request for its log line.
import { availableParallelism } from 'node:os';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { Gate } from '../db/gate';
import { ErrorCode } from '../shared/errors';
import type { RequestContext } from './context';
import { operationCost } from './cost';

export interface Admission {
  maxCost: number;
  /** Operations costing this much or more take a turn of `gate`. */
  costlyCost: number;
  gate: Gate;
  /** How long a costly operation waits for its turn. */
  maxWaitMs: number;
}

/** Enough for a page of 100 with a few fields; a page of pages of pages passes it. */
export const DEFAULT_COSTLY_QUERY_COST = 10_000;
/** One costly operation per core: each keeps a core busy (in this process or in Neo4j). */
export const DEFAULT_COSTLY_QUERY_CONCURRENCY = availableParallelism();

/** The gate given, or one of `costlyQueryConcurrency` turns. */
export function costlyGateOf(options: { costlyGate?: Gate; costlyQueryConcurrency?: number }): Gate {
  return options.costlyGate ?? new Gate(options.costlyQueryConcurrency ?? DEFAULT_COSTLY_QUERY_CONCURRENCY);
}

export function admissionPlugin(admission: Admission): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (operation && operation.operation !== OperationTypeNode.QUERY) {
            throw new GraphQLError(`this API is read-only and serves queries only, not ${operation.operation}s`, {
              extensions: { code: ErrorCode.OPERATION_NOT_SUPPORTED, http: { status: 400 } },
            });
          }
          const cost = operationCost(schema, document, operation, request.variables);
          if (cost === null) return;
          contextValue.request.cost = cost;
          if (cost > admission.maxCost) {
            throw new GraphQLError(`estimated query cost ${cost} exceeds the limit of ${admission.maxCost}; ask for smaller pages or fewer hops`, {
              extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost: admission.maxCost, http: { status: 400 } },
            });
          }
          if (cost < admission.costlyCost) return;
          try {
            release = await admission.gate.acquire(admission.maxWaitMs);
          } catch {
            const seconds = Math.max(1, Math.round(admission.maxWaitMs / 1000));
            throw new GraphQLError(
              `too many costly requests (estimated cost ${admission.costlyCost} or more) are running; this one (${cost}) waited ${admission.maxWaitMs} ms. Try again shortly, or ask for less`,
              { extensions: { code: ErrorCode.SERVER_BUSY, cost, http: { status: 503, headers: new Map([['retry-after', String(seconds)]]) } } },
            );
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
