// The one way to reach Neo4j: managed transactions (executeRead / executeWrite, so a routed
// cluster sends reads to followers and retries on leader switches), each with a timeout and
// metadata naming the operation. Every round trip is reported to listeners (tests count them).
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  username?: string;
  password?: string;
  database: string;
  transactionTimeoutMs: number;
  /** How long managed transactions retry transient failures (leader switch, restart). */
  maxRetryTimeMs?: number;
}

export interface QueryEvent {
  operation: string;
  /** Transaction metadata as sent to Neo4j. */
  metadata: Record<string, string>;
  mode: 'READ' | 'WRITE';
  cypher: string;
}

export type QueryListener = (event: QueryEvent) => void;

export class Database {
  readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();
  // Shared by every session of this process: a read after a write (seed, then serve) sees it,
  // even when a cluster routes them to different members.
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(private readonly options: DatabaseOptions) {
    // No username: the server runs without auth (the local Neo4j binds to 127.0.0.1 only).
    const auth = options.username ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      // Counts and offsets here are small; plain numbers keep driver types out of the models.
      disableLosslessIntegers: true,
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 5_000,
      connectionAcquisitionTimeout: options.maxRetryTimeMs ?? 5_000,
      userAgent: 'kg-server/0.1',
    });
  }

  get name(): string {
    return this.options.database;
  }

  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async verify(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.getServerInfo({ database: this.options.database });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** A session for one unit of work (one GraphQL request, one seed run); close it when done. */
  session(): DbSession {
    return new DbSession(
      this.driver.session({ database: this.options.database, bookmarkManager: this.bookmarks }),
      this.options.transactionTimeoutMs,
      (e) => this.listeners.forEach((l) => l(e)),
    );
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * A Neo4j session runs one transaction at a time, while DataLoaders of one request dispatch
 * concurrently; so transactions on a DbSession are queued, one after the other.
 */
export class DbSession {
  private queue: Promise<unknown> = Promise.resolve();
  /** The GraphQL operation this session serves, added to every transaction's metadata. */
  graphqlOperation: string | null = null;

  constructor(
    private readonly session: Session,
    private readonly timeoutMs: number,
    private readonly report: (e: QueryEvent) => void,
  ) {}

  /** Runs a read transaction; `T` is the row shape the caller's Cypher returns. */
  read<T = Row>(operation: string, cypher: string, params: Params = {}): Promise<T[]> {
    return this.enqueue('READ', operation, cypher, params) as Promise<T[]>;
  }

  write<T = Row>(operation: string, cypher: string, params: Params = {}): Promise<T[]> {
    return this.enqueue('WRITE', operation, cypher, params) as Promise<T[]>;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.session.close();
  }

  private enqueue(mode: 'READ' | 'WRITE', operation: string, cypher: string, params: Params): Promise<Row[]> {
    const run = async (): Promise<Row[]> => {
      const metadata = { app: 'kg-server', operation, ...(this.graphqlOperation ? { graphqlOperation: this.graphqlOperation } : {}) };
      this.report({ operation, mode, cypher, metadata });
      const work = async (tx: ManagedTransaction) => (await tx.run(cypher, params)).records.map((r) => r.toObject());
      const config = { timeout: this.timeoutMs, metadata };
      return mode === 'READ' ? this.session.executeRead(work, config) : this.session.executeWrite(work, config);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
