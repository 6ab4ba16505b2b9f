// Are the three answers the same? Each side's answer normalised (cases.ts), compared as JSON with
// object keys in one order; a difference is reported with the first path where the sides part.
import { SIDES, type BenchCase, type Side } from './cases';
import type { Probe } from './probe';

export interface Comparison {
  case: string;
  /** 'match', or 'mismatch' / 'error' with what differs. */
  result: 'match' | 'mismatch' | 'error';
  details: string[];
  note?: string;
}

/** JSON with object keys sorted, so key order never counts as a difference. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The first path at which two values differ, with both values shortened. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (canonical(a) === canonical(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path}: length ${a.length} vs ${b.length}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  const short = (v: unknown) => {
    const s = canonical(v) ?? 'undefined';
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
  };
  return `${path}: ${short(a)} vs ${short(b)}`;
}

export function compareAnswers(c: BenchCase, probes: Record<Side, Probe>): { comparison: Comparison; normalised: Partial<Record<Side, unknown>> } {
  const details: string[] = [];
  const normalised: Partial<Record<Side, unknown>> = {};
  for (const side of SIDES) {
    const p = probes[side];
    if (p.errors || p.status !== 200) {
      details.push(`${side}: HTTP ${p.status} ${canonical(p.errors).slice(0, 200)}`);
      continue;
    }
    try {
      normalised[side] = c.normalise[side](p.body);
    } catch (e) {
      details.push(`${side}: answer not in the expected shape (${(e as Error).message})`);
    }
  }
  if (details.length > 0) return { comparison: { case: c.id, result: 'error', details, note: c.note }, normalised };
  for (const side of ['peer', 'raw'] as const) {
    const d = firstDifference(normalised.project, normalised[side]);
    if (d) details.push(`project vs ${side}: ${d}`);
  }
  return { comparison: { case: c.id, result: details.length ? 'mismatch' : 'match', details, note: c.note }, normalised };
}
