// What the server says about itself: one JSON log line per request (pino: request id, operation,
// status, duration, error codes, database round trips) and Prometheus metrics at /metrics
// (prom-client). Metric labels come from the schema (the operation's first root field), never
// from free client text, so a client cannot grow the label set.
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database';
import type { Gate } from '../db/gate';
import { ErrorCode } from '../shared/errors';

/** What one request did, filled in as it runs (see http.ts and the plugin in server.ts). */
export interface RequestRecord {
  id: string;
  /** The operation's name as the client gave it (logs only). */
  operation: string | null;
  /** The operation's first root field, or null before one resolved (the metrics label). */
  field: string | null;
  errorCodes: string[];
  /** The operation's estimated cost, once estimated. */
  cost?: number;
}

// Codes of requests refused by a limit before or while they ran.
const LIMIT_CODES = new Set<string>([ErrorCode.QUERY_TOO_COSTLY, ErrorCode.QUERY_TOO_DEEP, ErrorCode.RESPONSE_TOO_LARGE, ErrorCode.DATABASE_BUSY, ErrorCode.SERVER_BUSY, ErrorCode.TOO_BIG_FOR_DATABASE]);
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** A fresh record; a client's own x-request-id is kept when it is a plain token. */
export function startRequest(header: string | string[] | undefined): RequestRecord {
  const given = Array.isArray(header) ? header[0] : header;
  return { id: given && REQUEST_ID.test(given) ? given : randomUUID(), operation: null, field: null, errorCodes: [] };
}

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

export class Telemetry {
  readonly registry = new Registry();
  private readonly duration: Histogram<'field' | 'status'>;
  private readonly errors: Counter<'code'>;
  private readonly rejections: Counter<'code'>;
  private readonly dbRoundTrips: Counter<'operation' | 'outcome'>;
  private readonly dbDuration: Histogram<'operation'>;

  constructor(readonly logger: Logger, db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds', help: 'GraphQL requests by first root field and HTTP status',
      labelNames: ['field', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers,
    });
    this.errors = new Counter({ name: 'graphql_errors_total', help: 'Errors returned to clients, by extensions.code', labelNames: ['code'], registers });
    this.rejections = new Counter({ name: 'graphql_limit_rejections_total', help: 'Requests refused by a limit (cost, depth, response size, database memory)', labelNames: ['code'], registers });
    this.dbRoundTrips = new Counter({ name: 'neo4j_round_trips_total', help: 'Database transactions run, by loader operation and outcome', labelNames: ['operation', 'outcome'], registers });
    this.dbDuration = new Histogram({
      name: 'neo4j_round_trip_duration_seconds', help: 'Database transaction time, by loader operation', labelNames: ['operation'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30], registers,
    });
    new Gauge({ name: 'neo4j_up', help: '1 when the last health probe reached Neo4j', registers, collect() { this.set(db.health.isUp ? 1 : 0); } });
    new Gauge({ name: 'heavy_reads_running', help: 'Neighbourhoods and paths running now', registers, collect() { this.set(db.heavyReads.active); } });
    new Gauge({ name: 'heavy_reads_queued', help: 'Neighbourhoods and paths waiting for a turn', registers, collect() { this.set(db.heavyReads.queued); } });
    new Gauge({ name: 'neo4j_transactions_open', help: 'Transactions running now, each holding a connection of the driver pool', registers, collect() { this.set(db.transactionsOpen); } });
    new Gauge({ name: 'neo4j_pool_size', help: 'Connections the driver pool may hold', registers, collect() { this.set(db.poolSize); } });
    db.onQueryDone((e) => {
      this.dbRoundTrips.inc({ operation: e.operation, outcome: e.ok ? 'ok' : 'error' });
      this.dbDuration.observe({ operation: e.operation }, e.ms / 1000);
    });
  }

  /** Gauges of the turns costly operations take (admission.ts). */
  watchCostlyQueries(gate: Gate): void {
    const registers = [this.registry];
    new Gauge({ name: 'costly_queries_running', help: 'Operations at or above COSTLY_QUERY_COST running now', registers, collect() { this.set(gate.active); } });
    new Gauge({ name: 'costly_queries_queued', help: 'Operations at or above COSTLY_QUERY_COST waiting for a turn', registers, collect() { this.set(gate.queued); } });
  }

  finishRequest(record: RequestRecord, line: { method: string; path: string; status: number; ms: number; roundTrips: number }): void {
    this.duration.observe({ field: record.field ?? 'none', status: String(line.status) }, line.ms / 1000);
    for (const code of record.errorCodes) {
      this.errors.inc({ code });
      if (LIMIT_CODES.has(code)) this.rejections.inc({ code });
    }
    const entry = { reqId: record.id, ...line, operation: record.operation, field: record.field, cost: record.cost, ...(record.errorCodes.length ? { errors: record.errorCodes } : {}) };
    if (line.status >= 500) this.logger.error(entry, 'request');
    else this.logger.info(entry, 'request');
  }
}
