// The offline import (Neo4j's bulk importer into an empty local database) stores exactly what
// the online importer stores for the same files: every node's labels and properties, with their
// Neo4j types, every relationship's type, ends and properties, degrees and :Timeline labels;
// and it writes nothing when it refuses the target or a file.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrations';
import { generateGraph } from '../../src/generate/graph';
import { importFile } from '../../src/import/import-file';
import { offlineImport } from '../../src/import/offline/offline-import';
import { NeoRunningError, storeOf } from '../../src/import/offline/target';

jest.setTimeout(300_000);

const DATASET = 'dataset-synthetic-s3';
// Commas, quotes, CRLF and LF, leading spaces, a backslash, Chinese, and the two control characters
// the CSV encoding uses (U+001E escapes, U+001F separates list items): all must come back as written.
const TRICKY_TEXT = 'Zhang "Wei", director;\r\nline two\n\n  indented 张伟 \\ end \u001e\u001f.';
const TRICKY_NAME = 'Zhang "Wei", Jr.';

let work: string;
let folder: string;
let offlineDir: string;
let offline: Snapshot;
let online: Snapshot;
let neo4j: LocalNeo4j | undefined;
const quiet = () => {};

/** A generated graph, then a second file that cites it, redefines one of its entities and repeats a relationship. */
async function writeFolder(): Promise<void> {
  const first = join(folder, 'a-generated.ndjson');
  const out = createWriteStream(first);
  await generateGraph({ entities: 2000, seed: 3 }, out);
  out.end();
  await once(out, 'close');
  const lines = readFileSync(first, 'utf8').split('\n');
  const repeated = JSON.parse(lines.find((l) => l.startsWith('{"relationship"'))!).relationship;
  const line = (kind: string, value: object) => JSON.stringify({ [kind]: value });
  writeFileSync(join(folder, 'b-curated.ndjson'), [
    line('document', {
      id: 'doc-tricky-1', languages: ['en', 'zh'], titles: [{ value: 'Quotes "and", commas', lang: 'en' }], text: TRICKY_TEXT,
      notes: ['a;b', ' spaced ', 'two\nlines', 'list\u001fseparator', '\u001ee'], sources: [{ dataset: DATASET, record: 'row "1", x' }],
    }),
    line('entity', {
      id: 'person-tricky-1', type: 'Person',
      names: [{ value: TRICKY_NAME, lang: 'en', kind: 'primary' }, { value: '张伟', lang: 'zh', kind: 'primary' }],
      description: { value: 'multi\nline, "quoted"', lang: 'en', source: { document: 'doc-tricky-1', quote: 'line two' } },
      sources: [{ dataset: DATASET, record: 'r1' }],
    }),
    line('entity', { id: 'person-no-links', type: 'Person', names: [{ value: 'Lonely', lang: 'en', kind: 'primary' }], sources: [{ dataset: DATASET, record: 'r2' }] }),
    // Defined by the first file too: the later definition wins, as MERGE ... SET n = props makes it.
    line('entity', {
      id: 'place-malaysia-000002', type: 'Place', kind: 'COUNTRY', names: [{ value: 'Malaysia (curated)', lang: 'en', kind: 'primary' }],
      notes: ['redefined'], sources: [{ dataset: DATASET, record: 'r3' }],
    }),
    line('relationship', { type: 'AUTHORED', from: 'person-tricky-1', to: 'doc-tricky-1', sources: [{ document: 'doc-tricky-1', start: 0, end: 5 }] }),
    // The same relationship (type, ends, role) given twice here and once in the first file: the last one wins.
    line('relationship', { ...repeated, notes: ['second'] }),
    line('relationship', { ...repeated, notes: ['third', ''.padEnd(3, 'x')] }),
  ].join('\n') + '\n');
}

interface Snapshot {
  nodes: Map<string, string>;
  relationships: Map<string, string>;
}

// Labels, properties and their Neo4j types; ImportedFile times differ between any two runs.
const NODES = `
MATCH (n)
RETURN coalesce(n.id, n.sha256) AS key, labels(n) AS labels,
       [k IN keys(n) | [k, valueType(n[k]), CASE WHEN n:ImportedFile AND k ENDS WITH 'At' THEN null ELSE n[k] END]] AS props`;
const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN r.id AS key, type(r) AS type, a.id AS from, b.id AS to, [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props`;

async function snapshot(db: Database): Promise<Snapshot> {
  const session = db.session();
  try {
    const sorted = (props: unknown[][]) => props.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    const nodes = await session.read<{ key: string; labels: string[]; props: unknown[][] }>('test.nodes', NODES);
    const rels = await session.read<{ key: string; props: unknown[][] }>('test.relationships', RELATIONSHIPS);
    return {
      nodes: new Map(nodes.map((n) => [n.key, JSON.stringify({ labels: n.labels.sort(), props: sorted(n.props) })])),
      relationships: new Map(rels.map((r) => [r.key, JSON.stringify({ ...r, props: sorted(r.props) })])),
    };
  } finally {
    await session.close();
  }
}

/** Keys whose records differ (or exist on one side only), with both records, for a readable failure. */
function differences(a: Map<string, string>, b: Map<string, string>): { key: string; offline?: string; online?: string }[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).slice(0, 5).map((key) => ({ key, offline: a.get(key), online: b.get(key) }));
}

const recordOf = (snap: Snapshot, key: string) => JSON.parse(snap.nodes.get(key)!) as { labels: string[]; props: [string, string, unknown][] };
const prop = (snap: Snapshot, key: string, name: string) => recordOf(snap, key).props.find((p) => p[0] === name)?.[2];

/** The online importer, file by file, into another empty Neo4j of its own. */
async function importOnline(files: string[]): Promise<Snapshot> {
  const dataDir = join(work, 'online-neo4j');
  const server = await startLocalNeo4j({ dataDir, settings: { 'db.transaction.timeout': '300s' } });
  const db = new Database({ uri: server.uri, ...server.credentials, database: 'neo4j', transactionTimeoutMs: 300_000 });
  const session = db.session();
  try {
    await migrate(session);
    for (const file of files) expect((await importFile(file, session, { log: quiet })).status).toBe('imported');
    return await snapshot(db);
  } finally {
    await session.close();
    await db.close();
    await server.stop();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kg-offline-'));
  folder = join(work, 'files');
  mkdirSync(folder);
  offlineDir = join(work, 'offline-neo4j');
  await writeFolder();
});

afterAll(async () => {
  await neo4j?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the offline import stores what the online importer stores for the same files', async () => {
  const files = ['a-generated.ndjson', 'b-curated.ndjson'].map((f) => join(folder, f));
  // Side by side: each waits on its own Neo4j much of the time.
  const [result, onlineGraph] = await Promise.allSettled([offlineImport(files, offlineDir, quiet), importOnline(files)]);
  if (result.status === 'rejected') throw result.reason;
  if (onlineGraph.status === 'rejected') throw onlineGraph.reason;
  expect(result.value.status).toBe('imported');
  online = onlineGraph.value;

  neo4j = await startLocalNeo4j({ dataDir: offlineDir });
  const db = new Database({ uri: neo4j.uri, ...neo4j.credentials, database: 'neo4j', transactionTimeoutMs: 60_000 });
  offline = await snapshot(db).finally(() => db.close());

  expect(differences(offline.nodes, online.nodes)).toEqual([]);
  expect(differences(offline.relationships, online.relationships)).toEqual([]);
  // 2,000 generated entities and documents, 3 curated ones (a fourth redefines), the dataset, two files.
  expect(offline.nodes.size).toBe(2000 + 3 + 1 + 2);
  expect(prop(offline, 'place-malaysia-000002', 'name')).toBe('Malaysia (curated)');
  expect(prop(offline, 'person-no-links', 'degree')).toBe(0);
  expect(recordOf(offline, 'doc-tricky-1').labels).toEqual(['Document', 'Entity', 'Timeline']);
  expect([...offline.nodes.keys()].filter((k) => recordOf(offline, k).labels.includes('Timeline')).length).toBeGreaterThan(300);
  expect(prop(offline, [...offline.nodes.keys()].find((k) => prop(offline, k, 'status') !== undefined)!, 'status')).toBe('complete');
});

test('a Chinese name and a document text with quotes and line breaks come back exactly', () => {
  expect(prop(offline, 'doc-tricky-1', 'text')).toBe(TRICKY_TEXT);
  expect(prop(offline, 'doc-tricky-1', 'notes')).toEqual(['a;b', ' spaced ', 'two\nlines', 'list\u001fseparator', '\u001ee']);
  expect(prop(offline, 'person-tricky-1', 'nameValues')).toEqual([TRICKY_NAME, '张伟']);
  expect(prop(offline, 'person-tricky-1', 'searchCjk')).toBe('张伟');
  expect(prop(offline, 'person-no-links', 'searchCjk')).toBe('');
  expect(prop(offline, 'person-no-links', 'notes')).toEqual([]);
  const [start, end] = [prop(offline, 'person-tricky-1', 'citeStart'), prop(offline, 'person-tricky-1', 'citeEnd')] as number[][];
  expect([...TRICKY_TEXT].slice(start[0], end[0]).join('')).toBe('line two');
});

test('it refuses while a Neo4j runs on the data folder', async () => {
  await expect(offlineImport([join(folder, 'b-curated.ndjson')], offlineDir, quiet)).rejects.toThrow(NeoRunningError);
  await neo4j!.stop();
  neo4j = undefined;
});

test('it refuses a database that is not empty', async () => {
  await expect(offlineImport([join(folder, 'b-curated.ndjson')], offlineDir, quiet)).rejects.toThrow(/not empty \(2,006 nodes\)/);
});

test('a bad file is refused with every problem by line and field, and nothing is written', async () => {
  const dataDir = join(work, 'untouched');
  const bad = join(work, 'bad.ndjson');
  writeFileSync(bad, [
    JSON.stringify({ dataset: { id: DATASET, name: 'd', version: '1', licence: 'CC0-1.0' } }),
    JSON.stringify({ entity: { id: 'org-x', type: 'Organisation', kind: 'SHOP', names: [{ value: 'X', lang: 'en', kind: 'primary' }], sources: [{ dataset: DATASET, record: '1' }] } }),
    JSON.stringify({ relationship: { type: 'HOLDS_POST', from: 'person-nobody', to: 'org-x', sources: [{ dataset: DATASET, record: '2' }] } }),
    '{"entity": ',
  ].join('\n'));
  const result = await offlineImport([bad], dataDir, quiet);
  expect(result.status).toBe('invalid');
  if (result.status !== 'invalid') return;
  expect(result.problems.first.map((p) => [p.line, p.field])).toEqual([
    [2, 'entity.kind'],
    [3, 'relationship.from'],
    [3, 'relationship.to'],
    [4, ''],
  ]);
  expect(result.problems.first[1].message).toBe('person-nobody is neither in this file nor in the graph');
  expect(existsSync(storeOf(dataDir).database)).toBe(false);
});

test('with NEO4J_URI set, the command refuses: it only writes the local data folder', () => {
  const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, ['src/import/offline/cli.ts', join(folder, 'b-curated.ndjson'), '--data-dir', join(work, 'never')], {
    cwd: join(__dirname, '..', '..'), env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' }, encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/NEO4J_URI is set \(bolt:\/\/127.0.0.1:1\), but the offline import only writes the project's own local Neo4j/);
  expect(existsSync(join(work, 'never'))).toBe(false);
});
