// For integration tests that need more than the seed: facts written as NDJSON and loaded by the
// import CLI (the one way facts reach Neo4j), generated graphs, and connections walked page by page.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { testNeo4jEnv } from './harness';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** A relationship line of the import format, as far as choosing among them needs. */
export interface RelationshipLine {
  type: string;
  from: string;
  to: string;
}

/** Runs one of the project's CLIs as a child process against the test Neo4j; fails with its stderr. */
async function cli(script: string, args: string[]): Promise<void> {
  const env = { ...process.env, ...testNeo4jEnv() };
  try {
    await run(TSX, [script, ...args], { cwd: ROOT, env, maxBuffer: 64 * 2 ** 20 });
  } catch (e) {
    const { stderr, message } = e as { stderr?: string; message: string };
    throw new Error(`${script} ${args.join(' ')} failed: ${stderr?.trim() || message}`);
  }
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-test-import-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports `records` (objects of the NDJSON import format, one per line) with `npm run import`. */
export function importRecords(records: object[]): Promise<void> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    await cli('src/import/cli.ts', [file]);
  });
}

/**
 * Generates a graph with `npm run generate` and imports its datasets, documents and entities, with
 * the relationships `select` keeps (all by default; fewer make the import quicker).
 */
export function importGenerated(options: {
  entities: number;
  seed: number;
  select?: (relationships: RelationshipLine[]) => RelationshipLine[];
}): Promise<void> {
  return inTempDir(async (dir) => {
    const generated = join(dir, 'generated.ndjson');
    await cli('src/generate/cli.ts', ['--entities', String(options.entities), '--seed', String(options.seed), '--out', generated]);
    const lines = readFileSync(generated, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const isRelationship = (line: string) => line.startsWith('{"relationship"');
    const relationships = lines.filter(isRelationship).map((line) => ({ line, r: JSON.parse(line).relationship as RelationshipLine }));
    const kept = new Set(options.select ? options.select(relationships.map((x) => x.r)) : relationships.map((x) => x.r));
    const file = join(dir, 'selected.ndjson');
    writeFileSync(file, [...lines.filter((line) => !isRelationship(line)), ...relationships.filter((x) => kept.has(x.r)).map((x) => x.line)].join('\n') + '\n');
    await cli('src/import/cli.ts', [file]);
  });
}

export interface Page<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

/**
 * Follows `after: endCursor` from the first page to the last. Every page but the last must be
 * full (`first` edges) and say a next page exists; the last must say none does.
 */
export async function walk<E>(first: number, fetchPage: (after: string | null) => Promise<Page<E>>, maxPages = 1_000): Promise<{ edges: E[]; pages: Page<E>[] }> {
  const pages: Page<E>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<E> = await fetchPage(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    if (page.edges.length !== first) throw new Error(`page ${pages.length} has ${page.edges.length} edges, not ${first}, and says a next page exists`);
    if (pages.length >= maxPages) throw new Error(`still not at the end after ${maxPages} pages`);
    after = page.pageInfo.endCursor;
  }
  return { edges: pages.flatMap((p) => p.edges), pages };
}
