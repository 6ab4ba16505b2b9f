// Where an offline import may write: the project's local Neo4j data folder only, while no Neo4j
// runs on it, and only into an empty or absent `neo4j` database (Neo4j's bulk importer builds a
// store from nothing; it cannot add to one).
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j';
import { fmt, type Log } from '../progress';

/** The database the local launcher opens. */
export const DATABASE = 'neo4j';

/** The offline import will not run here; nothing was written. */
export class RefusedError extends Error {}

export class NeoRunningError extends RefusedError {
  constructor(dataDir: string, pid?: number) {
    super(`a Neo4j is running on ${dataDir} (${pid ? `process ${pid} holds` : 'something holds'} its store lock): stop ` +
      '`npm start` or `npm run neo4j` first; the offline import writes the store files directly');
  }
}

/** The embedded DBMS's store of the `neo4j` database under its home folder. */
export function storeOf(dataDir: string): { database: string; transactions: string } {
  return { database: join(dataDir, 'data', 'databases', DATABASE), transactions: join(dataDir, 'data', 'transactions', DATABASE) };
}

/** Removes what a failed bulk import left of the database; the folder is then as if it never had one. */
export function removeStore(dataDir: string): void {
  const store = storeOf(dataDir);
  rmSync(store.database, { recursive: true, force: true });
  rmSync(store.transactions, { recursive: true, force: true });
}

/** Refuses unless the target can be filled; says whether the (empty) database already exists. */
export async function checkTarget(dataDir: string, log: Log): Promise<{ exists: boolean }> {
  const holder = lockHolder(dataDir);
  if (holder !== null) throw new NeoRunningError(dataDir, holder);
  if (!existsSync(storeOf(dataDir).database)) return { exists: false };
  // Only Neo4j itself can say whether its store is empty; starting it also finds a running one.
  log(`${dataDir}: a neo4j database is there; starting Neo4j to check that it is empty`);
  const neo4j = await startChecked(dataDir);
  const db = new Database({ uri: neo4j.uri, ...neo4j.credentials, database: DATABASE, transactionTimeoutMs: 60_000 });
  try {
    const session = db.session();
    const [{ nodes }] = await session.read<{ nodes: number }>('import.offline.check', 'MATCH (n) RETURN count(n) AS nodes');
    if (nodes > 0) {
      throw new RefusedError(`the neo4j database in ${dataDir} is not empty (${fmt(nodes)} nodes), and the offline import only ` +
        'fills an empty one: add to it with `npm run import`, or give another folder (--data-dir)');
    }
    return { exists: true };
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

/** Starts the local Neo4j on the folder, telling a locked store (another Neo4j on it) apart. */
export async function startChecked(dataDir: string, settings: Record<string, string> = {}, heap?: string, log?: Log): Promise<LocalNeo4j> {
  try {
    return await startLocalNeo4j({ dataDir, settings, heap, log });
  } catch (e) {
    if (/FileLockException|locked by another process/.test((e as Error).message)) throw new NeoRunningError(dataDir);
    throw e;
  }
}

/**
 * The process holding the DBMS's store lock on the folder, read from Linux's /proc/locks (Neo4j
 * locks data/databases/store_lock with a POSIX lock); null when none holds it or /proc cannot say.
 */
function lockHolder(dataDir: string): number | null {
  try {
    const { dev, ino } = statSync(join(dataDir, 'data', 'databases', 'store_lock'));
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    // Linux's dev_t: the major number in bits 8-19, the minor in bits 0-7 and 20-31.
    const id = `${hex((dev >> 8) & 0xfff)}:${hex((dev & 0xff) | ((dev >> 12) & 0xfff00))}:${ino}`;
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      const at = fields.indexOf(id);
      if (at > 0) return Number(fields[at - 1]);
    }
    return null;
  } catch {
    return null;
  }
}
