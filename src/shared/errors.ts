// The API's error codes, thrown from one place so every known failure carries its code.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The response would pass MAX_RESPONSE_BYTES: select less. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The database's shared transaction memory is exhausted by load: try again shortly. */
  DATABASE_BUSY: 'DATABASE_BUSY',
  /** This request alone needs more database memory than one transaction may use: ask for less. */
  TOO_BIG_FOR_DATABASE: 'TOO_BIG_FOR_DATABASE',
  /** The request ran longer than the transaction timeout: ask for less. */
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
}
