// The API's error codes, thrown from one place so every known failure carries its code.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The response would pass MAX_RESPONSE_BYTES: select less. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Too many costly operations are running in this process: try again shortly, or ask for less. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** The database's shared transaction memory is exhausted by load: try again shortly. */
  DATABASE_BUSY: 'DATABASE_BUSY',
  /** This request alone needs more database memory than one transaction may use: ask for less. */
  TOO_BIG_FOR_DATABASE: 'TOO_BIG_FOR_DATABASE',
  /** The request ran longer than the transaction timeout: ask for less. */
  TIMEOUT: 'TIMEOUT',
  /** A mutation or subscription: this API serves queries only (it is read-only). */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  /** An automatic persisted query whose sha256Hash is not the hash of the query sent with it (Apollo's name). */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
}
