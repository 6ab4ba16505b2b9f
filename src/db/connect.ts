// Opens the configured Neo4j: the given server when NEO4J_URI is set, otherwise the project's
// own local one. From the driver on, both paths are the same code.
import type { Config } from '../config';
import { printableUri, StartupError } from '../preflight';
import { Database } from './database';
import { startLocalNeo4j } from './local-neo4j';
import { supervise, type SupervisedNeo4j } from './supervisor';

export interface Connection {
  db: Database;
  /** The local Neo4j, restarted if it dies (unset when NEO4J_URI names a server). */
  local?: SupervisedNeo4j;
  close(): Promise<void>;
}

/** How long a configured server gets to answer at start-up. */
const REMOTE_VERIFY_MS = 10_000;

/** A local single instance has no leader to wait for: retrying a refused connection longer only delays the error. */
const LOCAL_MAX_RETRY_MS = 1_000;

export async function connect(config: Config, log: (line: string) => void): Promise<Connection> {
  let local: SupervisedNeo4j | undefined;
  let uri = config.neo4jRemote?.uri;
  let credentials: { username?: string; password?: string } | undefined = config.neo4jRemote;
  if (!uri) {
    log(`starting local Neo4j (data in ${config.localNeo4jDataDir})`);
    const start = (port: number) => startLocalNeo4j({
      dataDir: config.localNeo4jDataDir,
      port,
      heap: config.localNeo4jHeap,
      settings: {
        'db.transaction.timeout': `${Math.ceil(config.transactionTimeoutMs / 1000) * 3}s`,
        // One request cannot take the memory every other request shares; it gets TOO_BIG_FOR_DATABASE.
        'db.memory.transaction.max': config.localNeo4jTransactionMemory,
      },
      log,
    });
    local = supervise(await start(config.localNeo4jPort), start, log);
    uri = local.current.uri;
    credentials = local.current.credentials;
  }
  const db = new Database({
    uri,
    username: credentials?.username,
    password: credentials?.password,
    database: config.neo4jDatabase,
    transactionTimeoutMs: config.transactionTimeoutMs,
    heavyReadConcurrency: config.heavyReadConcurrency,
    maxRetryTimeMs: local ? LOCAL_MAX_RETRY_MS : undefined,
    log,
  });
  try {
    await db.verify(local ? 30_000 : REMOTE_VERIFY_MS);
  } catch (e) {
    await db.close();
    await local?.stop();
    if (local) throw e;
    const cause = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new StartupError(`could not reach Neo4j at ${printableUri(uri)} within ${REMOTE_VERIFY_MS / 1000} s (${cause}); check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to run the local Neo4j`);
  }
  return {
    db,
    local,
    close: async () => {
      await db.close();
      await local?.stop();
    },
  };
}
