// What a client sees of an error. Known errors keep their code; input errors that graphql-js
// reports during validation are the caller's input (BAD_USER_INPUT); everything else is logged
// here with its detail and reaches the client masked, with a code and no stack trace.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../shared/errors';

const PASS_THROUGH = new Set<string>([
  ErrorCode.BAD_USER_INPUT, ErrorCode.QUERY_TOO_DEEP, ErrorCode.QUERY_TOO_COSTLY, 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
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

// Neo4j driver codes that mean "the database cannot be reached right now".
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function createFormatError(log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (code === 'GRAPHQL_VALIDATION_FAILED') {
      // Apollo re-codes every validation error; our own rules' codes survive on the original.
      const own = (error as { originalError?: { extensions?: { code?: unknown } } })?.originalError?.extensions?.code;
      if (own === ErrorCode.QUERY_TOO_DEEP) return { ...formatted, extensions: { ...formatted.extensions, code: own } };
      if (VALUE_ERRORS.some((re) => re.test(formatted.message))) {
        return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }
    if (PASS_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error) as { code?: string } | undefined;
    log(`unexpected error at ${formatted.path?.join('.') ?? 'request'}`, original);
    const unavailable = typeof original?.code === 'string' && UNAVAILABLE.has(original.code);
    return {
      message: unavailable ? 'The database is unavailable; try again shortly.' : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: unavailable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
