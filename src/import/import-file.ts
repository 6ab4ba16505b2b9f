// Imports one NDJSON file: hash it, skip it if the graph records it as fully imported, validate
// all of it (nothing is written when any line is wrong), then write entities and then
// relationships in batches. Each batch commits with the file's progress marker in the same
// transaction, so an import killed at any point resumes from its last batch when rerun.
// A large file's relationships are written without per-batch degree updates (a hub would be
// rewritten in every batch); a last phase walks the entities once and corrects their degrees.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DbSession, WriteTransaction } from '../db/database';
import { readLines } from './lines';
import { fmt, Progress, type Log } from './progress';
import type { DatasetRow, NodeRow, RelationshipRow } from './rows';
import { parseLine, type ImportLine } from './shape';
import { datasetRow, documentRow, entityRow, relationshipRow, type DocumentTexts } from './to-rows';
import { inGraph, validateFile, type FileContents, type Problems } from './validate';
import { awaitSearchRefresh, writeRelationshipsOnly, recountDegrees, writeDatasets, writeNodes, writeRelationships } from './writer';

export const NODE_BATCH = 2_000;
export const RELATIONSHIP_BATCH = 5_000;
/** From this many relationships on, degrees are recounted once at the end, not per batch. */
export const BULK_RELATIONSHIPS = 50_000;

export type Phase = 'nodes' | 'relationships' | 'degrees';

export interface ImportOptions {
  /** Write even when the graph records this file as imported (MERGE: changes nothing). */
  force?: boolean;
  log: Log;
  /** From this many relationships on, recount degrees at the end (default BULK_RELATIONSHIPS). */
  bulkRelationships?: number;
  /** Test hook: called after each committed batch. */
  afterBatch?: (phase: Phase, line: number) => void;
}

export type ImportResult =
  | { status: 'imported'; file: string; sha256: string; contents: FileContents; seconds: number; nodesPerSecond: number; relationshipsPerSecond: number }
  | { status: 'already-imported'; file: string; sha256: string; importedAt: string }
  | { status: 'invalid'; file: string; problems: Problems };

const READ_RECORD = `
MATCH (f:ImportedFile {sha256: $sha256})
RETURN f.status AS status, f.phase AS phase, f.line AS line, f.after AS after, toString(f.completedAt) AS completedAt`;

const MARK_PROGRESS = `
MERGE (f:ImportedFile {sha256: $sha256})
ON CREATE SET f.startedAt = datetime()
SET f.name = $name, f.bytes = $bytes, f.status = 'partial', f.phase = $phase, f.line = $line, f.after = $after`;

const MARK_COMPLETE = `
MATCH (f:ImportedFile {sha256: $sha256})
SET f.status = 'complete', f.completedAt = datetime(), f.phase = null, f.line = null, f.after = null,
    f.lines = $lines, f.datasets = $datasets, f.documents = $documents, f.entities = $entities, f.relationships = $relationships`;

export async function importFile(path: string, session: DbSession, options: ImportOptions): Promise<ImportResult> {
  const { log } = options;
  const name = basename(path);
  const bytes = statSync(path).size;
  const started = Date.now();
  const sha256 = await sha256Of(path);
  const [record] = await session.read<{ status: string; phase: Phase | null; line: number | null; after: string | null; completedAt: string | null }>(
    'import.record', READ_RECORD, { sha256 });
  if (record?.status === 'complete' && !options.force) {
    return { status: 'already-imported', file: path, sha256, importedAt: record.completedAt ?? '' };
  }

  const { contents, problems } = await validateFile(path, inGraph(session), bytes, log);
  if (problems.count > 0) return { status: 'invalid', file: path, problems };

  const resume = record?.status === 'partial' && !options.force
    ? { phase: record.phase ?? 'nodes', line: record.line ?? 0, after: record.after ?? '' } : null;
  if (resume) log(`${name}: resuming an interrupted import (${resume.phase}, after ${resume.phase === 'degrees' ? `entity ${resume.after}` : `line ${resume.line}`})`);
  const bulk = contents.relationships >= (options.bulkRelationships ?? BULK_RELATIONSHIPS);
  const texts: DocumentTexts = (key) => contents.texts.get(key);
  const marker = { sha256, name, bytes };
  const mark = (tx: WriteTransaction, phase: Phase, line: number, after: string | null = null) =>
    tx.run(MARK_PROGRESS, { ...marker, phase, line, after });

  let nodesPerSecond = 0;
  if (resume === null || resume.phase === 'nodes') {
    const skipTo = resume?.phase === 'nodes' ? resume.line : 0;
    const progress = new Progress(`${name}: writing entities`, contents.datasets + contents.documents + contents.entities, 'entities', log);
    // Datasets travel in the batch of the lines around them (a batch owns its rows: a retried
    // transaction writes them again), and go first within it.
    await writePhase(path, 'nodes', skipTo, NODE_BATCH, session, options, (text): NodeRow | { dataset: DatasetRow } | null => {
      const parsed = lineOf(text);
      if (parsed.kind === 'dataset') return { dataset: datasetRow(parsed.value) };
      if (parsed.kind === 'document') return documentRow(parsed.value, texts);
      if (parsed.kind === 'entity') return entityRow(parsed.value, texts);
      return null;
    }, async (tx, rows, line) => {
      await writeDatasets(tx, rows.flatMap((r) => ('dataset' in r ? [r.dataset] : [])));
      await writeNodes(tx, rows.filter((r): r is NodeRow => !('dataset' in r)), 'import');
      await mark(tx, 'nodes', line);
    }, (n) => progress.update(n), (n) => (nodesPerSecond = progress.finish(n).rate));
  }

  let relationshipsPerSecond = 0;
  if (resume?.phase !== 'degrees') {
    const progress = new Progress(`${name}: writing relationships`, contents.relationships, 'relationships', log);
    await writePhase(path, 'relationships', resume?.phase === 'relationships' ? resume.line : 0, RELATIONSHIP_BATCH, session, options, (text) => {
      if (!text.includes('"relationship"')) return null;
      const parsed = lineOf(text);
      return parsed.kind === 'relationship' ? relationshipRow(parsed.value, texts) : null;
    }, async (tx, rows: RelationshipRow[], line) => {
      if (bulk) await writeRelationshipsOnly(tx, rows, 'import');
      else await writeRelationships(tx, rows, 'import');
      await mark(tx, 'relationships', line, bulk ? '' : null);
    }, (n) => progress.update(n), (n) => (relationshipsPerSecond = progress.finish(n).rate));
  }
  if (bulk) await recountPhase(session, name, resume?.phase === 'degrees' ? resume.after : '', (tx, after) => mark(tx, 'degrees', 0, after), options, log);
  await session.transaction('import.search', awaitSearchRefresh);

  await session.write('import.record', MARK_COMPLETE, {
    sha256, lines: contents.lines, datasets: contents.datasets, documents: contents.documents,
    entities: contents.entities, relationships: contents.relationships,
  });
  return { status: 'imported', file: path, sha256, contents, seconds: (Date.now() - started) / 1000, nodesPerSecond, relationshipsPerSecond };
}

/** Walks all entities in key order, correcting degrees; each step commits with its marker. */
async function recountPhase(
  session: DbSession, name: string, from: string, mark: (tx: WriteTransaction, after: string) => Promise<unknown>,
  options: ImportOptions, log: Log,
): Promise<void> {
  const started = Date.now();
  let after: string | null = from;
  let read = 0;
  let corrected = 0;
  while (after !== null) {
    const start: string = after;
    const step = await session.transaction('import.degrees', async (tx) => {
      const s = await recountDegrees(tx, start);
      if (s.last !== null) await mark(tx, s.last);
      return s;
    });
    read += step.read;
    corrected += step.corrected;
    after = step.last;
    options.afterBatch?.('degrees', read);
  }
  log(`${name}: degrees recounted: ${fmt(read)} entities read, ${fmt(corrected)} corrected in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Streams the file once, turning lines into rows, and writes them in batches: the next batch is
 * read and converted while the previous one is being written.
 */
async function writePhase<R>(
  path: string, phase: Phase, skipTo: number, batchSize: number, session: DbSession, options: ImportOptions,
  toRow: (text: string) => R | null | undefined,
  write: (tx: WriteTransaction, rows: R[], lastLine: number) => Promise<void>,
  onProgress: (rows: number) => void, onDone: (rows: number) => void,
): Promise<void> {
  let batch: R[] = [];
  let pending: Promise<void> = Promise.resolve();
  let done = 0;
  let lastLine = skipTo;
  const flush = async (rows: R[], line: number) => {
    await pending;
    pending = session.transaction(`import.${phase}`, (tx) => write(tx, rows, line)).then(() => {
      done += rows.length;
      onProgress(done);
      options.afterBatch?.(phase, line);
    });
  };
  for await (const { no, text } of readLines(path).lines) {
    lastLine = no;
    if (no <= skipTo) continue;
    const row = toRow(text);
    if (row) batch.push(row);
    if (batch.length >= batchSize) {
      await flush(batch, no);
      batch = [];
    }
  }
  await flush(batch, lastLine);
  await pending;
  onDone(done);
}

/** A line that validation accepted. */
function lineOf(text: string): ImportLine {
  const parsed = parseLine(text);
  if ('problems' in parsed) throw new Error(`a validated line no longer parses: ${parsed.problems[0].message}`);
  return parsed.line;
}

export function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
