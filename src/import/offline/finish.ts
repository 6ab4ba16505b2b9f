// After the bulk importer: start the local Neo4j on the new store, set every entity's degree
// (before the indexes exist, so each index is built once, with degrees in), create every index
// and constraint (migrations.ts) and wait for them, write what the importer could not (redefined
// nodes, repeated relationships) through the shared writer, and mark the files complete.
import { Database, type DbSession } from '../../db/database';
import { migrate } from '../../db/migrations';
import { NODE_BATCH, RELATIONSHIP_BATCH } from '../import-file';
import { fmt, type Log } from '../progress';
import type { NodeRow, RelationshipRow } from '../rows';
import { awaitSearchRefresh, writeNodes, writeRelationships } from '../writer';
import { DATABASE, startChecked } from './target';

// The finishing Neo4j: more page cache and heap than the development default, as every node is
// read and rewritten once; one statement (the degree walk) runs for minutes on a large graph.
const SETTINGS = { 'server.memory.pagecache.size': '2g', 'db.transaction.timeout': '2h', 'dbms.memory.transaction.total.max': '1g' };
const HEAP = '2g';
const INDEX_WAIT_SECONDS = 7200;

// Auto-commit, in transactions of 10,000: `COUNT { (n)--() }` reads the node's relationship
// counts, so a hub costs no more than a leaf.
const SET_DEGREES = `
MATCH (n:Entity)
CALL (n) { SET n.degree = COUNT { (n)--() } } IN TRANSACTIONS OF 10000 ROWS`;

const MARK_COMPLETE = `
UNWIND $files AS file
MATCH (f:ImportedFile {sha256: file.sha256})
SET f.status = 'complete', f.completedAt = datetime(), f.phase = null, f.line = null, f.after = null,
    f.lines = file.lines, f.datasets = file.datasets, f.documents = file.documents, f.entities = file.entities,
    f.relationships = file.relationships`;

export interface CompletedFile {
  sha256: string;
  lines: number;
  datasets: number;
  documents: number;
  entities: number;
  relationships: number;
}

export interface FinishOptions {
  dataDir: string;
  files: CompletedFile[];
  redefinedNodes: NodeRow[];
  repeatedRelationships: RelationshipRow[];
  log: Log;
}

export interface FinishFigures {
  startSeconds: number;
  degreeSeconds: number;
  indexSeconds: number;
  rewriteSeconds: number;
}

export async function finishImport(opts: FinishOptions): Promise<FinishFigures> {
  const { log } = opts;
  let at = Date.now();
  const lap = () => {
    const seconds = (Date.now() - at) / 1000;
    at = Date.now();
    return seconds;
  };
  const neo4j = await startChecked(opts.dataDir, SETTINGS, HEAP, log);
  const db = new Database({ uri: neo4j.uri, ...neo4j.credentials, database: DATABASE, transactionTimeoutMs: 2 * 3600_000 });
  const session = db.session();
  try {
    const startSeconds = lap();
    log('setting degrees');
    await autoCommit(db, 'import.offline.degrees', SET_DEGREES);
    const degreeSeconds = lap();
    log(`degrees set in ${degreeSeconds.toFixed(1)} s; creating indexes and constraints`);
    await migrate(session, INDEX_WAIT_SECONDS, log);
    const indexSeconds = lap();
    log(`indexes online in ${indexSeconds.toFixed(1)} s`);
    await rewrite(session, opts, log);
    await session.transaction('import.search', awaitSearchRefresh);
    await session.write('import.record', MARK_COMPLETE, { files: opts.files });
    return { startSeconds, degreeSeconds, indexSeconds, rewriteSeconds: lap() };
  } finally {
    await session.close();
    await db.close();
    await neo4j.stop();
  }
}

/** What MERGE would have folded: the last definition of a redefined node, the last of a repeated relationship. */
async function rewrite(session: DbSession, opts: FinishOptions, log: Log): Promise<void> {
  const { redefinedNodes: nodes, repeatedRelationships: relationships } = opts;
  if (nodes.length + relationships.length === 0) return;
  log(`writing ${fmt(nodes.length)} redefined nodes and ${fmt(relationships.length)} repeated relationships through the writer`);
  for (let i = 0; i < nodes.length; i += NODE_BATCH) {
    await session.transaction('import.nodes', (tx) => writeNodes(tx, nodes.slice(i, i + NODE_BATCH), 'import'));
  }
  for (let i = 0; i < relationships.length; i += RELATIONSHIP_BATCH) {
    await session.transaction('import.relationships', (tx) => writeRelationships(tx, relationships.slice(i, i + RELATIONSHIP_BATCH), 'import'));
  }
}

/** CALL ... IN TRANSACTIONS needs an auto-commit transaction, which managed sessions do not run. */
async function autoCommit(db: Database, operation: string, cypher: string): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(cypher, {}, { metadata: { app: 'kg-server', operation } });
  } finally {
    await session.close();
  }
}
