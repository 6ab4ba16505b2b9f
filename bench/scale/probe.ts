// One request of a case to one side, alone: its answer, and the Cypher (with parameters) the side
// sent to Neo4j for it, read from the side's round-trip recorder before and after.
import type { BenchCase, Side } from './cases';
import type { SideProcess } from './processes';
import type { BenchStats, RecordedQuery } from './recorder';

export interface HttpRequest {
  url: string;
  body: string;
}

export interface Probe {
  status: number;
  body: unknown;
  /** GraphQL `errors`, or the floor's error. */
  errors: unknown[] | null;
  ms: number;
  queries: RecordedQuery[];
}

export function requestFor(c: BenchCase, side: Side, process: SideProcess): HttpRequest {
  if (side === 'raw') return { url: `${process.url}/${c.raw.question}`, body: JSON.stringify(c.raw.params) };
  return { url: process.url, body: JSON.stringify(side === 'project' ? c.project : c.peer) };
}

export async function readStats(process: SideProcess, since?: number): Promise<BenchStats> {
  const res = await fetch(since === undefined ? process.statsUrl : `${process.statsUrl}?since=${since}`);
  return (await res.json()) as BenchStats;
}

/** The second of two requests: the first may carry a side's one-off work (the peer asks Neo4j its version). */
export async function probe(c: BenchCase, side: Side, process: SideProcess): Promise<Probe> {
  await send(c, side, process);
  const before = await readStats(process);
  const started = performance.now();
  const { status, text } = await send(c, side, process);
  const ms = performance.now() - started;
  const after = await readStats(process, before.queries);
  let parsed: { data?: unknown; errors?: unknown[]; error?: unknown } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { error: text.slice(0, 300) };
  }
  const errors = parsed.errors ?? (parsed.error !== undefined ? [parsed.error] : null);
  return { status, body: parsed.data ?? null, errors, ms, queries: after.recent };
}

async function send(c: BenchCase, side: Side, process: SideProcess): Promise<{ status: number; text: string }> {
  const { url, body } = requestFor(c, side, process);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, text: await res.text() };
}
