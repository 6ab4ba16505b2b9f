// scratch exploration (to be replaced)
import { writeFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/harness';
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.stop());
const b = (s: string) => Buffer.from(s).toString('base64url');
const Q: Record<string, [string, any?]> = {
  deep11: [`{ entity(key: "org-imda") { ... on Organisation { units { edges { node { parents { edges { node { units { edges { node { parents { totalCount } } } } } } } } } } } } }`],
  deep10: [`{ entity(key: "org-imda") { ... on Organisation { units { edges { node { parents { edges { node { units { edges { node { key } } } } } } } } } } } }`],
  liang: [`{ search(query: "梁") { totalCount edges { node { key } } } }`],
  liang2: [`{ search(query: "梁颖强") { totalCount edges { node { key } } } }`],
  docnode: [`query($id: ID!) { node(id: $id) { id __typename ... on Entity { key } } }`, { id: Buffer.from('Document:doc-chongqing-smart-city-conference').toString('base64url') }],
  pad: [`query($id: ID!) { node(id: $id) { id } }`, { id: Buffer.from('Organisation:org-imda').toString('base64') }],
  long: [`query($q: String!) { search(query: $q) { totalCount } }`, { q: 'x'.repeat(201) }],
  neg: [`{ people(first: -1) { totalCount } }`],
  relid: [`{ entity(key: "person-jiang-aijuan") { relationships { edges { cursor node { id } } } } }`],
  mci: [`{ entity(key: "org-mci") { name names { value language kind } notes } pr: entity(key: "org-pr-newswire") { name names { value language kind } notes } }`],
};
test('dump', async () => {
  const out: Record<string, unknown> = {};
  for (const [k, [q, v]] of Object.entries(Q)) out[k] = await server.gql(q, v);
  writeFileSync('/tmp/explore/dump3.json', JSON.stringify(out, null, 1));
});
test('text', async () => {
  const r = await server.gql(`{ documents { edges { node { key text length sha256 } } } }`);
  const fs = require('node:fs');
  const crypto = require('node:crypto');
  const out: any = {};
  for (const e of r.data!.documents.edges) {
    const f = e.node.key.includes('chongqing') ? 'seeds/documents/000_0dc519d4640f614a.txt' : 'seeds/documents/003_66fe633bda6f0a16.txt';
    const file = fs.readFileSync(f, 'utf8');
    out[e.node.key] = { eq: file === e.node.text, fileLen: Array.from(file).length, len: e.node.length, utf16: e.node.text.length, sha: crypto.createHash('sha256').update(e.node.text, 'utf8').digest('hex') === e.node.sha256 };
  }
  fs.writeFileSync('/tmp/explore/text.json', JSON.stringify(out, null, 1));
});
