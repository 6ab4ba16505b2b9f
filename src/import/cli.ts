// `npm run import -- <file or folder> [--force]`: loads NDJSON files (a folder: its *.ndjson files
// in name order, each validated and written before the next is read) into the configured Neo4j.
// `--offline` hands over to the bulk importer for an empty local database (offline/cli.ts).
// Exit code 0 when every file is imported or already was, 1 when a file is refused, 2 on usage.
import { readConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrations';
import { filesOf, UsageError } from './files';
import { importFile, type ImportResult } from './import-file';
import { offlineCli } from './offline/cli';
import { fmt } from './progress';

const USAGE = 'usage: npm run import -- <file.ndjson | folder> [--force]  |  npm run import -- --offline <file.ndjson | folder> [--data-dir DIR]';


function report(result: ImportResult, peakRss: number): void {
  if (result.status === 'already-imported') {
    console.log(`${result.file}: already imported (${result.importedAt}, sha256 ${result.sha256.slice(0, 12)}); nothing to do (--force writes it again)`);
  } else if (result.status === 'invalid') {
    const { first, count } = result.problems;
    for (const p of first) console.error(`${result.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
    if (count > first.length) console.error(`... and ${fmt(count - first.length)} more problems`);
    console.error(`${result.file}: ${fmt(count)} problem(s); nothing was written`);
  } else {
    const c = result.contents;
    console.log(
      `${result.file}: imported ${fmt(c.entities)} entities, ${fmt(c.documents)} documents, ${fmt(c.relationships)} relationships, ` +
        `${fmt(c.datasets)} datasets in ${result.seconds.toFixed(1)} s ` +
        `(entities ${fmt(result.nodesPerSecond)}/s, relationships ${fmt(result.relationshipsPerSecond)}/s; peak RSS ${fmt(peakRss / 2 ** 20)} MiB)`,
    );
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--offline')) return offlineCli(args);
  const force = args.includes('--force');
  const targets = args.filter((a) => a !== '--force');
  if (targets.length !== 1 || targets[0].startsWith('--')) throw new UsageError(USAGE);
  const files = filesOf(targets[0]);
  let peakRss = 0;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const log = (line: string) => console.error(line);
  const config = readConfig();
  // Imports have their own transaction timeout: a batch may take longer than an API request.
  const connection = await connect({ ...config, transactionTimeoutMs: config.importTransactionTimeoutMs }, log);
  const session = connection.db.session();
  try {
    await migrate(session, undefined, log);
    for (const file of files) {
      const result = await importFile(file, session, { force, log });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      report(result, peakRss);
      if (result.status === 'invalid') return 1;
    }
    return 0;
  } finally {
    clearInterval(sample);
    await session.close();
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
