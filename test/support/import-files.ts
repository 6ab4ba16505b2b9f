// Import test helpers: NDJSON files in a temp folder (written by hand or by the generator), the
// import CLI run as a user runs it (a child process on the test Neo4j), and a snapshot of the
// whole graph, so two imports can be compared fact by fact.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database, Params } from '../../src/db/database';
import { generateGraph, type GenerateStats } from '../../src/generate/graph';
import { testNeo4jEnv } from './harness';

const ROOT = resolve(__dirname, '..', '..');

export interface ImportFolder {
  /** Writes one line per item: objects as JSON, strings as they are (for broken lines). */
  write(name: string, lines: (object | string)[]): string;
  /** Writes the generator's graph of `entities` entities (deterministic for a seed). */
  generate(name: string, entities: number, seed: number): Promise<{ path: string; stats: GenerateStats }>;
  remove(): void;
}

export function importFolder(): ImportFolder {
  const dir = mkdtempSync(join(tmpdir(), 'kg-import-test-'));
  return {
    write: (name, lines) => {
      const path = join(dir, name);
      writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
      return path;
    },
    generate: async (name, entities, seed) => {
      const path = join(dir, name);
      const out = createWriteStream(path);
      const stats = await generateGraph({ entities, seed }, out);
      out.end();
      await once(out, 'close');
      return { path, stats };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningImport {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/**
 * Starts `tsx src/import/cli.ts ...args` on the test Neo4j. tsx is loaded as a Node hook rather
 * than through its launcher, so the importer runs in this one child process and a signal sent
 * to it (kill -9) reaches the importer itself, not a wrapper that would leave it running.
 */
export function startImport(args: string[]): RunningImport {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/import/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...testNeo4jEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runImport(args: string[]): Promise<CliRun> {
  return startImport(args).done;
}

export async function query<T>(db: Database, cypher: string, params: Params = {}): Promise<T[]> {
  const session = db.session();
  try {
    return await session.read<T>('test.import', cypher, params);
  } finally {
    await session.close();
  }
}

/** Every node and relationship as sorted lines of stable JSON. */
export interface GraphSnapshot {
  nodes: string[];
  relationships: string[];
}

// The times an :ImportedFile records differ from run to run by design; everything else counts.
const BOOKKEEPING_TIMES = ['startedAt', 'completedAt'];

const NODES = 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props';
const RELATIONSHIPS = 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props';

export async function snapshot(db: Database): Promise<GraphSnapshot> {
  const nodes = await query<{ labels: string[]; props: Record<string, unknown> }>(db, NODES);
  const relationships = await query<Record<string, unknown>>(db, RELATIONSHIPS);
  for (const node of nodes) {
    node.labels.sort();
    if (node.labels.includes('ImportedFile')) for (const time of BOOKKEEPING_TIMES) delete node.props[time];
  }
  return { nodes: nodes.map(stableJson).sort(), relationships: relationships.map(stableJson).sort() };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
