// The offline path into an empty local database: check the target, then per file (in name order)
// hash, validate exactly as the online importer does, and convert to CSV; only when every file
// passed, run Neo4j's bulk importer on the CSV and finish the store (degrees, indexes, what MERGE
// would have folded). A refused target or a bad file leaves the data folder as it was.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sha256Of } from '../import-file';
import type { Log } from '../progress';
import { validateFile, type FileContents, type Problems } from '../validate';
import { runBulkImport, type BulkImportFigures } from './admin-import';
import { CsvFiles } from './csv-files';
import { EarlierFiles } from './earlier-files';
import { finishImport, type CompletedFile, type FinishFigures } from './finish';
import { checkTarget, NeoRunningError, removeStore } from './target';
import { Conversion, ConversionError, convertFile } from './to-csv';

export interface ImportedFileSummary {
  file: string;
  sha256: string;
  /** Same content as a file before it in the run: skipped, as the online importer would. */
  sameAs?: string;
  contents?: Omit<FileContents, 'texts'>;
}

export type OfflineImportResult =
  | { status: 'imported'; files: ImportedFileSummary[]; figures: OfflineFigures }
  | { status: 'invalid'; file: string; problems: Problems };

export interface OfflineFigures {
  /** Checking the target: instant when the database is absent, a Neo4j start when it must be shown empty. */
  checkSeconds: number;
  validateSeconds: number;
  convertSeconds: number;
  importer: BulkImportFigures;
  finish: FinishFigures;
  totalSeconds: number;
  /** Peak resident set of this (node) process. */
  peakRssBytes: number;
  csvBytes: number;
}

/** The bulk import is in the store, but degrees, indexes or the completion marks may be missing. */
export class UnfinishedImportError extends Error {
  constructor(dataDir: string, files: string[], cause: Error) {
    super(`Neo4j's importer filled ${dataDir}, but finishing the import failed: ${cause.message}\n` +
      `The files are recorded as partly imported: \`npm run import -- ${files.length === 1 ? files[0] : dirname(files[0])}\` ` +
      `completes them (online, MERGE), or delete ${dataDir} and run the offline import again.`, { cause });
  }
}

export async function offlineImport(files: string[], dataDir: string, log: Log): Promise<OfflineImportResult> {
  const started = Date.now();
  const { exists } = await checkTarget(dataDir, log);
  const checkSeconds = (Date.now() - started) / 1000;
  mkdirSync(dirname(dataDir), { recursive: true });
  // Beside the data folder: the same disk as the store, and never a RAM-backed /tmp.
  const workDir = mkdtempSync(join(dirname(dataDir), '.offline-import-'));
  const csv = new CsvFiles(workDir);
  try {
    const run = new Conversion(csv, new EarlierFiles());
    const summaries: ImportedFileSummary[] = [];
    const completed: CompletedFile[] = [];
    let validateSeconds = 0;
    let convertSeconds = 0;
    for (const file of files) {
      const before = statSync(file);
      const bytes = before.size;
      const sha256 = await sha256Of(file);
      const same = summaries.find((s) => s.sha256 === sha256);
      if (same) {
        summaries.push({ file, sha256, sameAs: same.file });
        continue;
      }
      let at = Date.now();
      const { contents, problems } = await validateFile(file, run.earlier, bytes, log);
      validateSeconds += (Date.now() - at) / 1000;
      if (problems.count > 0) return { status: 'invalid', file, problems };
      at = Date.now();
      csv.node(['ImportedFile'], 'ImportedFile', 'sha256', {
        // As the online importer leaves a file it has begun: rerun online, it is written again.
        sha256, name: basename(file), bytes, status: 'partial', phase: 'nodes', line: 0, startedAt: new Date(),
      });
      await convertFile(file, contents, run, bytes, log);
      const after = statSync(file);
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new ConversionError(`${file} changed while it was being imported`);
      convertSeconds += (Date.now() - at) / 1000;
      const { texts: _, ...counts } = contents;
      summaries.push({ file, sha256, contents: counts });
      completed.push({ sha256, ...counts });
    }
    for (const dataset of run.datasets.values()) csv.node(['Dataset'], 'Dataset', 'id', { ...dataset });
    csv.close();
    const csvBytes = [...csv.nodeGroups, ...csv.relationshipGroups].reduce((sum, g) => sum + statSync(g.path).size, 0);

    log(`running Neo4j's bulk importer into ${dataDir}`);
    const importer = await runBulkImport({
      dataDir, workDir, csv, overwrite: exists, skipDuplicateNodes: run.redefinedNodes.size > 0, log,
    }).catch((e: unknown) => {
      // A store the importer left half-built would not start; the database was empty or absent.
      if (!(e instanceof NeoRunningError)) removeStore(dataDir);
      throw e;
    });
    const finish = await finishImport({
      dataDir, files: completed, redefinedNodes: [...run.redefinedNodes.values()],
      repeatedRelationships: [...run.repeatedRelationships.values()], log,
    }).catch((e: unknown) => {
      throw new UnfinishedImportError(dataDir, files, e as Error);
    });
    return {
      status: 'imported',
      files: summaries,
      figures: {
        checkSeconds, validateSeconds, convertSeconds, importer, finish, csvBytes,
        totalSeconds: (Date.now() - started) / 1000,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      },
    };
  } finally {
    csv.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
