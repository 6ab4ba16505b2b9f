// What clients see of database failures: a code they can act on, a message saying what to do,
// never the database's own text or a stack.
import { GraphQLError } from 'graphql';
import { createFormatError } from '../../src/api/format-error';
import { ErrorCode } from '../../src/shared/errors';

const format = createFormatError(() => {});
// As graphql-js hands a resolver's failure to formatError: wrapped, with the path.
const resolverFailure = (code: string) =>
  new GraphQLError('x', { path: ['people'], originalError: Object.assign(new Error(`neo4j said ${code}`), { code }) });

test.each([
  ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', ErrorCode.DATABASE_BUSY, /try again shortly/],
  ['Gate.WaitTimedOut', ErrorCode.DATABASE_BUSY, /neighbourhood and path requests are running; try again shortly/],
  ['Neo.TransientError.General.TransactionMemoryLimit', ErrorCode.TOO_BIG_FOR_DATABASE, /ask for fewer/],
  ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', ErrorCode.TIMEOUT, /ask for fewer/],
  ['Neo.ClientError.Transaction.TransactionTimedOut', ErrorCode.TIMEOUT, /ask for fewer/],
  ['ServiceUnavailable', ErrorCode.SERVICE_UNAVAILABLE, /unavailable/],
  ['Neo.DatabaseError.General.UnknownError', ErrorCode.INTERNAL_SERVER_ERROR, /^Internal server error$/],
])('%s reaches the client as %s', (neo4jCode, code, message) => {
  const formatted = format({ message: 'x', path: ['people'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] } },
    resolverFailure(neo4jCode));
  expect(formatted.extensions).toEqual({ code });
  expect(formatted.message).toMatch(message);
  expect(formatted.message).not.toContain('neo4j said');
  expect(formatted.path).toEqual(['people']);
});
