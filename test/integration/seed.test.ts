// The seed loader is idempotent (MERGE on stable ids) and keeps the graph equal to the seed
// files: loading twice changes nothing, and facts removed from the seed leave the graph.
import { createHash } from 'node:crypto';
import { readSeedGraph } from '../../src/seed/compile';
import { loadSeedGraph } from '../../src/seed/load';
import { SEED_DIR } from '../../src/seed/paths';
import { migrate } from '../../src/db/migrations';
import { resetGraph, testDatabase } from '../support/harness';
import type { Database } from '../../src/db/database';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

async function withSession<T>(work: (s: ReturnType<Database['session']>) => Promise<T>): Promise<T> {
  const session = db.session();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

// Counts, plus a digest of every label, property and endpoint, so a changed value shows even
// when the counts match.
const NODES = 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props';
const RELATIONSHIPS = 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props';

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function fingerprint() {
  const nodes = await withSession((s) => s.read<{ labels: string[]; props: Record<string, unknown> }>('test.nodes', NODES));
  const rels = await withSession((s) => s.read<{ props: Record<string, unknown> }>('test.rels', RELATIONSHIPS));
  const lines = [...nodes, ...rels].map(stableJson).sort();
  return {
    nodes: nodes.length,
    relationships: rels.length,
    properties: [...nodes, ...rels].reduce((sum, row) => sum + Object.keys(row.props).length, 0),
    digest: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

test('loading the seed twice leaves nodes, relationships and properties unchanged', async () => {
  const graph = readSeedGraph(SEED_DIR);
  await withSession(async (s) => {
    await migrate(s);
    await loadSeedGraph(s, graph, true);
  });
  const first = await fingerprint();
  await withSession((s) => loadSeedGraph(s, graph, true));
  const second = await fingerprint();
  expect(second).toEqual(first);
  // One node per seed entity and document, plus the seed-state marker.
  expect(first.nodes).toBe(graph.nodes.length + 1);
  expect(first.relationships).toBe(graph.relationships.length);
  expect(first.properties).toBeGreaterThan(first.nodes * 5);
});

test('an unchanged seed is recognised and not written again', async () => {
  const result = await withSession((s) => loadSeedGraph(s, readSeedGraph(SEED_DIR)));
  expect(result.loaded).toBe(false);
});

test('facts removed from the seed are removed from the graph', async () => {
  const graph = readSeedGraph(SEED_DIR);
  const dropped = graph.relationships[0];
  const smaller = { ...graph, relationships: graph.relationships.slice(1) };
  await withSession((s) => loadSeedGraph(s, smaller));
  const [row] = await withSession((s) =>
    s.read<{ n: number }>('test.count', 'MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: dropped.id }),
  );
  expect(row.n).toBe(0);
  await withSession((s) => loadSeedGraph(s, graph));
  expect((await fingerprint()).relationships).toBe(graph.relationships.length);
});
