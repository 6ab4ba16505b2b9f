// What every side reports to the bench besides its answers: how many Cypher round trips it has
// made, and the Cypher and parameters of the recent ones (so the bench can PROFILE exactly what a
// side sent). Served as JSON at GET /bench/stats?since=<seq>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';

export interface RecordedQuery {
  seq: number;
  cypher: string;
  params: unknown;
}

export interface BenchStats {
  queries: number;
  recent: RecordedQuery[];
}

const KEEP = 200;

export class QueryRecorder {
  private count = 0;
  private readonly recent: RecordedQuery[] = [];

  record(cypher: string, params: unknown): void {
    this.count++;
    this.recent.push({ seq: this.count, cypher, params: encodeParams(params) });
    if (this.recent.length > KEEP) this.recent.shift();
  }

  /** Answers GET /bench/stats; false when the request is for something else. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/bench/stats') return false;
    const since = Number(url.searchParams.get('since') ?? this.count);
    const stats: BenchStats = { queries: this.count, recent: this.recent.filter((q) => q.seq > since) };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return true;
  }
}

// Driver Integers (the peer sends LIMITs as Integers) survive JSON as {$int: "20"}: replayed as
// plain numbers they would be sent as floats, which LIMIT refuses.
export function encodeParams(value: unknown): unknown {
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encodeParams);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeParams(v)]));
  return value;
}

export function decodeParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeParams);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === '$int') return neo4j.int(String(entries[0][1]));
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeParams(v)]));
  }
  return value;
}

/** Prints the line the bench waits for: the side's GraphQL (or question) URL and its stats URL. */
export function announceReady(url: string, statsUrl: string): void {
  process.stdout.write(`BENCH_READY ${JSON.stringify({ url, statsUrl })}\n`);
}

/** Ends the process cleanly on SIGTERM/SIGINT (the bench stops sides with SIGTERM). */
export function onStop(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  // The bench died without stopping us: stdin (a pipe from the bench) closes.
  process.stdin.on('end', handler);
  process.stdin.resume();
}
