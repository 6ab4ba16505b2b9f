// The one way to reach Neo4j: managed transactions (executeRead / executeWrite, so a routed
// cluster sends reads to followers and retries on leader switches), each with a timeout and
// metadata naming the operation. Every round trip is reported to listeners (tests count them).
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { Gate } from './gate';
import { DatabaseHealth, isUnreachable } from './health';

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
  /** How many heavy reads (see DbSession.read) this process runs at once; the rest queue. */
  heavyReadConcurrency?: number;
  /** Where the health probe says the database went down or came back. */
  log?: (line: string) => void;
}

export const DEFAULT_HEAVY_READ_CONCURRENCY = 4;
/** The driver's default connection pool size, stated so /metrics can report it. */
const POOL_SIZE = 100;

export interface QueryEvent {
  operation: string;
  /** Transaction metadata as sent to Neo4j. */
  metadata: Record<string, string>;
  mode: 'READ' | 'WRITE';
  cypher: string;
  params: Params;
}

export type QueryListener = (event: QueryEvent) => void;

/** A round trip's end: how long it took and whether it succeeded. */
export type QueryDoneListener = (event: { operation: string; ms: number; ok: boolean }) => void;

export class Database {
  readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();
  private readonly doneListeners = new Set<QueryDoneListener>();
  // Shared by every session of this process: a read after a write (seed, then serve) sees it,
  // even when a cluster routes them to different members.
  private readonly bookmarks = neo4j.bookmarkManager();
  /** Queues the heavy reads of every session of this process. */
  readonly heavyReads: Gate;
  /** Up or down, from a background probe once started (the server starts it; tools need not). */
  readonly health: DatabaseHealth;
  /** Transactions running now, each holding one connection of the driver's pool. */
  transactionsOpen = 0;
  /** The driver's pool size: transactions past it wait for a connection. */
  readonly poolSize = POOL_SIZE;

  constructor(private readonly options: DatabaseOptions) {
    this.heavyReads = new Gate(options.heavyReadConcurrency ?? DEFAULT_HEAVY_READ_CONCURRENCY);
    this.health = new DatabaseHealth(() => this.ping(), options.log);
    // No username: the server runs without auth (the local Neo4j binds to 127.0.0.1 only).
    const auth = options.username ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      // Counts and offsets here are small; plain numbers keep driver types out of the models.
      disableLosslessIntegers: true,
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 5_000,
      connectionAcquisitionTimeout: options.maxRetryTimeMs ?? 5_000,
      maxConnectionPoolSize: POOL_SIZE,
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

  /** One auto-commit `RETURN 1` (no retries): the health probe. */
  private async ping(): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  }

  onQueryDone(listener: QueryDoneListener): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  async verify(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      try {
        // One attempt may hang (an address that drops packets): it gets what is left of the time.
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), Math.max(0, deadline - Date.now()))));
        await Promise.race([this.driver.getServerInfo({ database: this.options.database }), late]);
        return;
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await new Promise((r) => setTimeout(r, 250));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /**
   * A session for one unit of work (one GraphQL request, one seed run); close it when done. Its
   * transactions time out after the configured time unless `timeoutMs` says otherwise.
   */
  session(timeoutMs = this.options.transactionTimeoutMs): DbSession {
    return new DbSession(
      () => this.driver.session({ database: this.options.database, bookmarkManager: this.bookmarks }),
      timeoutMs,
      (e) => this.listeners.forEach((l) => l(e)),
      this.heavyReads,
      this.health,
      () => this.transactionsOpen++,
      (e) => {
        this.transactionsOpen--;
        this.doneListeners.forEach((l) => l(e));
      },
    );
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** What a multi-statement write transaction offers its work function. */
export interface WriteTransaction {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/**
 * One unit of work (a GraphQL request, a seed or import run). Every round trip opens its own
 * driver session from the pool, so the DataLoader batches of one request run concurrently;
 * the process-wide bookmark manager still orders a read after this process's writes.
 */
export class DbSession {
  /** The GraphQL operation this session serves, added to every transaction's metadata. */
  graphqlOperation: string | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly open: () => Session,
    private readonly timeoutMs: number,
    private readonly report: (e: QueryEvent) => void,
    private readonly heavyReads: Gate,
    private readonly health: DatabaseHealth,
    private readonly begun: () => void = () => {},
    private readonly finished: QueryDoneListener = () => {},
  ) {}

  /** Transactions this session has run (the access log's round trips). */
  roundTrips = 0;

  /**
   * Runs a read transaction; `T` is the row shape the caller's Cypher returns. A `heavy` read
   * (its memory grows with a hub's degree: neighbourhoods, paths) waits for a turn among the
   * process's heavy reads, at most as long as a transaction may run.
   */
  read<T = Row>(operation: string, cypher: string, params: Params = {}, options: { heavy?: boolean } = {}): Promise<T[]> {
    const read = () => this.run('READ', operation, (tx) => tx.run<T>(cypher, params));
    return this.track(options.heavy ? this.heavyReads.run(read, this.timeoutMs) : read());
  }

  write<T = Row>(operation: string, cypher: string, params: Params = {}): Promise<T[]> {
    return this.track(this.run('WRITE', operation, (tx) => tx.run<T>(cypher, params)));
  }

  /** Several statements in one write transaction, all or nothing (an import batch and its progress). */
  transaction<T>(operation: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.track(this.run('WRITE', operation, work));
  }

  /** Waits for the round trips still running (sessions close as each one ends). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async run<T>(mode: 'READ' | 'WRITE', operation: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const metadata = { app: 'kg-server', operation, ...(this.graphqlOperation ? { graphqlOperation: this.graphqlOperation } : {}) };
    // Down (per the probe): fail now rather than wait out the driver's connection retries.
    if (!this.health.isUp) throw new DatabaseUnavailableError();
    this.roundTrips++;
    const started = Date.now();
    let ok = false;
    const session = this.open();
    this.begun();
    const config = { timeout: this.timeoutMs, metadata };
    // A memory error means the database is full or the request too big for it: retrying (the
    // driver would, for up to maxTransactionRetryTime) only adds load. Wrapped, it is not retried.
    const once = async (tx: ManagedTransaction) => {
      const run = <R>(cypher: string, params: Params = {}) => {
        this.report({ operation, mode, cypher, params, metadata });
        return runRows<R>(tx, cypher, params);
      };
      try {
        return await work({ run });
      } catch (e) {
        throw isMemoryError(e) ? new DatabaseMemoryError(e as Error & { code: string }) : e;
      }
    };
    try {
      const result = mode === 'READ' ? await session.executeRead(once, config) : await session.executeWrite(once, config);
      ok = true;
      return result;
    } catch (e) {
      if (isUnreachable(e)) this.health.markDown();
      throw e;
    } finally {
      await session.close();
      this.finished({ operation, ms: Date.now() - started, ok });
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }
}

async function runRows<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
  return (await withoutCallSite(() => tx.run(cypher, params))).records.map((r) => r.toObject() as T);
}

/**
 * The driver captures and formats a stack trace for every result it creates (to put the caller's
 * stack on a later error). Here that stack is always this module's runRows, and formatting it
 * (through source maps under tsx) took a sixth of the API's CPU on small queries. Errors from
 * Neo4j still carry their code and message; only that fixed call site is left out.
 */
function withoutCallSite<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The health probe last found the database down; api/format-error.ts reports SERVICE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'ServiceUnavailable';
  constructor() {
    super('the database did not answer its last health probe');
  }
}

const MEMORY_ERRORS = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);

function isMemoryError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && MEMORY_ERRORS.has((e as { code: string }).code);
}

/**
 * Neo4j refused a transaction for memory (its code says whether the shared pool or this one
 * transaction's limit; api/format-error.ts tells clients which). Not a Neo4jError, so the driver
 * does not retry it.
 */
export class DatabaseMemoryError extends Error {
  readonly code: string;
  constructor(cause: Error & { code: string }) {
    super(cause.message, { cause });
    this.code = cause.code;
  }
}
