// Runs Neo4j's own bulk importer (`neo4j-admin database import full`, through
// neo4j/bulk-import/BulkImport.java in Java's single-file source mode, on the launcher's
// classpath) on the CSV files, into the store the local launcher opens: <dataDir>/data/databases/
// neo4j. Its output goes to the log as it comes; its figures and the java process's peak RSS
// come back.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSPATH, ensureLauncherBuilt, LAUNCHER_DIR } from '../../db/launcher-build';
import { JVM_FLAGS } from '../../db/local-neo4j';
import type { Log } from '../progress';
import { ARRAY_DELIMITER, type CsvFiles } from './csv-files';
import { NeoRunningError } from './target';

const BULK_IMPORT = join(LAUNCHER_DIR, 'bulk-import', 'BulkImport.java');

// A shared 2-core machine: a modest heap, and a cap on the importer's off-heap caches (its
// default is 90% of free memory). Two worker threads, one per core, is the importer's default.
const HEAP = '2g';
const MAX_OFF_HEAP = '4g';
const MIN_READ_BUFFER = 4 << 20;

export interface BulkImportOptions {
  dataDir: string;
  /** Scratch folder: the importer's configuration and report go there. */
  workDir: string;
  csv: CsvFiles;
  /** The database exists (empty): the importer replaces it. */
  overwrite: boolean;
  /** A folder redefined keys: the importer keeps the first, the writer then applies the last. */
  skipDuplicateNodes: boolean;
  log: Log;
}

export interface BulkImportFigures {
  /** As the importer reports it (IMPORT DONE in ...), without the JVM's start. */
  seconds: number;
  wallSeconds: number;
  nodes: number;
  relationships: number;
  properties: number;
  /** Peak resident set of the java process, when /proc tells. */
  peakRssBytes: number | null;
}

export async function runBulkImport(opts: BulkImportOptions): Promise<BulkImportFigures> {
  await ensureLauncherBuilt(opts.log);
  const confDir = join(opts.workDir, 'conf');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(join(confDir, 'neo4j.conf'), '');
  const { csv } = opts;
  const args = [
    `-Xmx${HEAP}`, ...JVM_FLAGS, '-cp', readFileSync(CLASSPATH, 'utf8').trim(),
    BULK_IMPORT, opts.dataDir, confDir, 'full',
    ...csv.nodeGroups.map((g) => `--nodes=${g.labels.join(':')}=${g.path}`),
    ...csv.relationshipGroups.map((g) => `--relationships=${g.type}=${g.path}`),
    '--id-type=string',
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
    `--read-buffer-size=${Math.max(MIN_READ_BUFFER, csv.longestField * 4 + (1 << 20))}`,
    `--max-off-heap-memory=${MAX_OFF_HEAP}`,
    `--overwrite-destination=${opts.overwrite}`,
    `--skip-duplicate-nodes=${opts.skipDuplicateNodes}`,
    `--report-file=${join(opts.workDir, 'import.report')}`,
    // On failure, the cause and its stack rather than "Error importing csv file".
    '--verbose',
    'neo4j',
  ];
  const started = Date.now();
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const tail: string[] = [];
  const partial = { stdout: '', stderr: '' };
  const collect = (stream: keyof typeof partial, chunk: string, end = false) => {
    const lines = (partial[stream] + chunk).split('\n');
    partial[stream] = end ? '' : lines.pop()!;
    // A progress bar redraws itself after carriage returns; its last drawing is the line.
    for (const line of lines.map(lastDrawing).filter((l) => l !== '')) {
      output.push(line);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // The importer lists every input file; there are dozens, one per shape.
      if (!line.includes(opts.workDir)) opts.log(`  neo4j-admin import: ${line}`);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => collect('stdout', chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => collect('stderr', chunk));
  let peakRssBytes: number | null = null;
  const sample = setInterval(() => (peakRssBytes = peakRssOf(child.pid) ?? peakRssBytes), 500);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearInterval(sample));
  collect('stdout', '', true);
  collect('stderr', '', true);
  const text = output.join('\n');
  const done = text.slice(Math.max(0, text.lastIndexOf('IMPORT DONE')));
  if (code !== 0) {
    if (/can only be run against a database which is offline|FileLockException/.test(text)) throw new NeoRunningError(opts.dataDir);
    throw new Error(`Neo4j's bulk importer failed (exit ${code}):\n${tail.join('\n')}`);
  }
  const count = (what: string) => Number(new RegExp(`(\\d+) ${what}\\b`).exec(done)?.[1] ?? NaN);
  const wallSeconds = (Date.now() - started) / 1000;
  return {
    seconds: durationOf(/IMPORT DONE in ([^.\n]+)/.exec(done)?.[1]) ?? wallSeconds,
    wallSeconds,
    nodes: count('nodes'),
    relationships: count('relationships'),
    properties: count('properties'),
    peakRssBytes,
  };
}

function lastDrawing(line: string): string {
  return line.split('\r').filter((drawing) => drawing.trim() !== '').pop() ?? '';
}

/** "1m 2s 609ms" in seconds. */
function durationOf(text: string | undefined): number | null {
  if (!text) return null;
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 } as const;
  let seconds = 0;
  for (const [, n, u] of text.matchAll(/(\d+)(ms|h|m|s)\b/g)) seconds += Number(n) * unit[u as keyof typeof unit];
  return seconds;
}

/** VmHWM (the peak resident set so far) of a live process, from Linux's /proc. */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : null;
  } catch {
    return null;
  }
}
