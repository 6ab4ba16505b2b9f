// `npx tsx src/import/offline/cli.ts <file.ndjson | folder> [--data-dir DIR]`: loads NDJSON files
// (a folder: its *.ndjson files in name order) into an empty local Neo4j with Neo4j's bulk
// importer, with no Neo4j running on the folder. Same format and validation as `npm run import`.
// Exit code 0 when imported, 1 when refused (target, a bad file) or failed, 2 on usage;
// offlineCli() is the same for a caller that dispatches to it (`npm run import -- --offline`).
import { resolve } from 'node:path';
import { readConfig } from '../../config';
import { filesOf, UsageError } from '../files';
import { fmt } from '../progress';
import { offlineImport, UnfinishedImportError, type OfflineFigures } from './offline-import';
import { ConversionError } from './to-csv';
import { RefusedError } from './target';

const USAGE = 'usage: npm run import -- --offline <file.ndjson | folder> [--data-dir DIR]';

function parseArgs(argv: string[]): { target: string; dataDir: string | null } {
  // `--offline` is how `npm run import` hands over; harmless here.
  const given = argv.filter((a) => a !== '--offline');
  const targets: string[] = [];
  let dataDir: string | null = null;
  for (let i = 0; i < given.length; i++) {
    const [flag, inline] = given[i].split(/=(.*)/s, 2);
    if (flag === '--data-dir') {
      dataDir = inline ?? given[++i] ?? null;
      if (!dataDir) throw new UsageError(`--data-dir needs a folder\n${USAGE}`);
    } else if (given[i].startsWith('--')) {
      throw new UsageError(`unknown option ${given[i]}\n${USAGE}`);
    } else {
      targets.push(given[i]);
    }
  }
  if (targets.length !== 1) throw new UsageError(USAGE);
  return { target: targets[0], dataDir };
}

const mib = (bytes: number | null) => (bytes === null ? 'unknown' : `${fmt(bytes / 2 ** 20)} MiB`);
const secs = (s: number) => `${s.toFixed(1)} s`;

function printFigures(f: OfflineFigures, dataDir: string): void {
  const { importer: imp, finish } = f;
  console.log(
    `${dataDir}: ${fmt(imp.nodes)} nodes and ${fmt(imp.relationships)} relationships in ${secs(f.totalSeconds)} for the whole path ` +
      `(${fmt(imp.nodes / f.totalSeconds)} nodes/s, ${fmt(imp.relationships / f.totalSeconds)} relationships/s)`,
  );
  console.log(
    `  Neo4j's importer: ${secs(imp.seconds)} (${fmt(imp.nodes / imp.seconds)} nodes/s, ${fmt(imp.relationships / imp.seconds)} relationships/s; ` +
      `${secs(imp.wallSeconds)} with the JVM's start)`,
  );
  console.log(
    `  stages: check target ${secs(f.checkSeconds)}, validate ${secs(f.validateSeconds)}, convert to CSV ${secs(f.convertSeconds)} (${mib(f.csvBytes)}), import ${secs(imp.wallSeconds)}, ` +
      `start Neo4j ${secs(finish.startSeconds)}, degrees ${secs(finish.degreeSeconds)}, indexes ${secs(finish.indexSeconds)}, ` +
      `rewrites and completion ${secs(finish.rewriteSeconds)}`,
  );
  console.log(`  peak RSS: node ${mib(f.peakRssBytes)}, importer (java) ${mib(imp.peakRssBytes)}`);
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = readConfig();
  if (config.neo4jRemote) {
    throw new RefusedError(`NEO4J_URI is set (${config.neo4jRemote.uri}), but the offline import only writes the project's own local ` +
      'Neo4j data folder, with no Neo4j running on it: unset NEO4J_URI, or import through that server with `npm run import`');
  }
  const dataDir = resolve(args.dataDir ?? config.localNeo4jDataDir);
  const files = filesOf(args.target);
  const result = await offlineImport(files, dataDir, (line) => console.error(line));
  if (result.status === 'invalid') {
    const { first, count } = result.problems;
    for (const p of first) console.error(`${result.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
    if (count > first.length) console.error(`... and ${fmt(count - first.length)} more problems`);
    console.error(`${result.file}: ${fmt(count)} problem(s); nothing was written`);
    return 1;
  }
  for (const { file, contents: c, sameAs } of result.files) {
    if (sameAs) console.log(`${file}: same content as ${sameAs}; skipped`);
    else if (c) console.log(`${file}: ${fmt(c.entities)} entities, ${fmt(c.documents)} documents, ${fmt(c.relationships)} relationships, ${fmt(c.datasets)} datasets`);
  }
  printFigures(result.figures, dataDir);
  return 0;
}

/** Runs the command on its arguments (without the node and script paths); resolves to its exit code. */
export async function offlineCli(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    const known = [UsageError, RefusedError, ConversionError, UnfinishedImportError].some((type) => e instanceof type);
    console.error(known ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : e);
    if (e instanceof ConversionError) console.error('nothing was written');
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) void offlineCli(process.argv.slice(2)).then((code) => process.exit(code));
