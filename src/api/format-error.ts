// What a client sees of an error. Known errors keep their code; input errors that graphql-js
// reports during validation are the caller's input (BAD_USER_INPUT); everything else is logged
// here with its detail and reaches the client masked, with a code and no stack trace.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../shared/errors';

const PASS_THROUGH = new Set<string>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.QUERY_TOO_DEEP, ErrorCode.QUERY_TOO_COSTLY, ErrorCode.SERVER_BUSY, ErrorCode.OPERATION_NOT_SUPPORTED, 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);

// graphql-js's messages for literal values of the wrong type (ValuesOfCorrectTypeRule): an
// unknown enum value, a string where an Int goes. These are bad input, not a bad query shape.
const VALUE_ERRORS = [
  /^Value ".*" does not exist in ".*" enum\./,
  /^Enum ".*" cannot represent non-enum value/,
  /^(Int|Float|String|Boolean|ID) cannot represent/,
  /^Expected value of type ".*", found/,
  /^Field ".*" is not defined by type ".*"\./,
  /^Field ".*" of required type ".*" was not provided\./,
];

// Database failures a client can act on: their code and what to do.
const DATABASE_ERRORS: [(code: string) => boolean, ErrorCode, string][] = [
  [(c) => ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable'].includes(c),
    ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.'],
  [(c) => c === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    ErrorCode.DATABASE_BUSY, 'The database is out of memory for queries under the current load; try again shortly.'],
  [(c) => c === 'Gate.WaitTimedOut',
    ErrorCode.DATABASE_BUSY, 'Too many neighbourhood and path requests are running; try again shortly.'],
  [(c) => c === 'Neo.TransientError.General.TransactionMemoryLimit',
    ErrorCode.TOO_BIG_FOR_DATABASE, 'This request needs more database memory than one request may use; ask for fewer items or fewer hops.'],
  [(c) => c.startsWith('Neo.ClientError.Transaction.TransactionTimedOut'),
    ErrorCode.TIMEOUT, 'This request took longer than the database allows; ask for fewer items or fewer hops.'],
];

/** Longest piece of a client's own value an error message repeats. */
export const MAX_ECHOED_VALUE = 200;

/**
 * Cuts long values out of a message (an id of 100k characters would come back whole): any quoted
 * string or unbroken run of characters longer than MAX_ECHOED_VALUE keeps its start and says how
 * much was left out.
 */
export function truncateValues(message: string): string {
  const cut = (value: string) => `${value.slice(0, MAX_ECHOED_VALUE)}… (${value.length - MAX_ECHOED_VALUE} more characters)`;
  return message
    .replace(new RegExp(`"([^"]{${MAX_ECHOED_VALUE + 1},})"`, 'g'), (_, value: string) => `"${cut(value)}"`)
    .replace(new RegExp(`[^\\s"]{${MAX_ECHOED_VALUE + 1},}`, 'g'), cut);
}

export function createFormatError(log: (message: string, error: unknown) => void) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = raw.message.length > MAX_ECHOED_VALUE ? { ...raw, message: truncateValues(raw.message) } : raw;
    const code = String(formatted.extensions?.code ?? '');
    if (code === 'GRAPHQL_VALIDATION_FAILED') {
      // Apollo re-codes every validation error; our own rules' codes survive on the original.
      const own = (error as { originalError?: { extensions?: { code?: unknown } } })?.originalError?.extensions?.code;
      if (own === ErrorCode.QUERY_TOO_DEEP) return { ...formatted, extensions: { ...formatted.extensions, code: own } };
      if (VALUE_ERRORS.some((re) => re.test(formatted.message))) {
        return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }
    if (formatted.message === 'provided sha does not match query' && !formatted.path) {
      // Apollo sends this one (400) with no code of its own (it arrives here as INTERNAL_SERVER_ERROR);
      // clients and gateways know it by this name.
      return { ...formatted, extensions: { code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH } };
    }
    if (PASS_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error) as { code?: string } | undefined;
    log(`unexpected error at ${formatted.path?.join('.') ?? 'request'}`, original);
    const known = typeof original?.code === 'string' ? DATABASE_ERRORS.find(([matches]) => matches(original.code as string)) : undefined;
    return {
      message: known?.[2] ?? 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: known?.[1] ?? ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
