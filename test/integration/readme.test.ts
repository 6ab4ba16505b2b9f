// The README's example queries return exactly the answers the README shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/harness';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
// An example is a bold title, a graphql block and the json block of its answer.
const EXAMPLE = /\*\*(.+?)\*\*[^\n]*\n\n```graphql\n([\s\S]*?)```\n```json\n([\s\S]*?)```/g;
const examples = [...README.matchAll(EXAMPLE)].map((m) => ({ title: m[1], query: m[2], answer: JSON.parse(m[3]) }));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test('the README has example queries with answers', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

test.each(examples.map((e) => [e.title, e] as const))('%s', async (_, example) => {
  const { status: _status, ...response } = await server.gql(example.query);
  expect(response).toEqual(example.answer);
});
