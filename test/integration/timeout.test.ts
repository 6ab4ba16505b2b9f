// A transaction that runs past its timeout reaches the client as TIMEOUT with what to do: the
// error Neo4j really raises, through the error formatting the API uses.
import { createFormatError } from '../../src/api/format-error';
import { Database } from '../../src/db/database';
import { testNeo4jEnv } from '../support/harness';

test('a read past the transaction timeout becomes TIMEOUT', async () => {
  const { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password } = testNeo4jEnv();
  const db = new Database({ uri, username, password, database: 'neo4j', transactionTimeoutMs: 200 });
  const session = db.session();
  try {
    const failure = await session.read('test.slow', 'UNWIND range(1, 2000000000) AS i RETURN sum(i) AS total').then(
      () => new Error('the read finished within 200 ms'),
      (e: unknown) => e,
    );
    const formatted = createFormatError(() => {})({ message: 'x', path: ['people'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, failure);
    expect(formatted.extensions).toEqual({ code: 'TIMEOUT' });
    expect(formatted.message).toMatch(/took longer than the database allows/);
  } finally {
    await session.close();
    await db.close();
  }
});
