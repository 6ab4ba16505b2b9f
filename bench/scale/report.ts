// Figures in, readable table and targets out: per case and side the median throughput over the
// rounds (with min-max), latency, failures, round trips, db hits; this project's throughput over
// the peer's and the floor's, round by round; memory; and which targets are met.
import { SIDES, type BenchCase, type Side } from './cases';
import type { Comparison } from './compare';
import type { LoadResult } from './load';
import type { ProfileResult } from './profile';

export interface RunRecord {
  round: number;
  case: string;
  side: Side;
  load: LoadResult;
  /** Transactions of abandoned requests terminated after the run. */
  terminated: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface SideSummary {
  rps: Spread;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  roundTrips: number;
  dbHits: number | null;
}

export interface CaseSummary {
  case: string;
  title: string;
  page: boolean;
  comparison: Comparison['result'];
  sides: Record<Side, SideSummary>;
  /** This project's req/s over the peer's and over the floor's, per round. */
  overPeer: Spread;
  overFloor: Spread;
}

export interface Target {
  target: string;
  met: boolean;
  detail: string;
}

export const SIDE_NAMES: Record<Side, string> = { project: 'a project', peer: 'b peer', raw: 'c floor' };

/** Median, min and max of the values that exist (NaN: a round with no answers to divide by). */
export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

export function summarise(
  cases: BenchCase[],
  runs: RunRecord[],
  comparisons: Comparison[],
  roundTrips: Record<string, Record<Side, number>>,
  profiles: Record<string, Record<Side, ProfileResult>>,
): CaseSummary[] {
  return cases.map((c) => {
    const of = (side: Side) => runs.filter((r) => r.case === c.id && r.side === side);
    const sides = Object.fromEntries(
      SIDES.map((side) => {
        const rs = of(side).map((r) => r.load);
        const summary: SideSummary = {
          rps: spread(rs.map((l) => l.rps)),
          p50: spread(rs.map((l) => l.p50)).median,
          p99: spread(rs.map((l) => l.p99)).median,
          requests: rs.reduce((n, l) => n + l.requests, 0),
          failed: rs.reduce((n, l) => n + l.non2xx + l.errors + l.answerErrors, 0),
          roundTrips: roundTrips[c.id]?.[side] ?? NaN,
          dbHits: profiles[c.id]?.[side]?.dbHits ?? null,
        };
        return [side, summary];
      }),
    ) as Record<Side, SideSummary>;
    const ratio = (other: Side) => {
      const mine = of('project');
      return spread(mine.map((m) => m.load.rps / (of(other).find((o) => o.round === m.round)?.load.rps ?? NaN)));
    };
    return {
      case: c.id,
      title: c.title,
      page: c.page,
      comparison: comparisons.find((x) => x.case === c.id)?.result ?? 'error',
      sides,
      overPeer: ratio('peer'),
      overFloor: ratio('raw'),
    };
  });
}

export function checkTargets(summaries: CaseSummary[], rss: Record<Side, number>): Target[] {
  const targets: Target[] = [];
  // A case where neither side answered anything has no ratio: it counts as missed, and says so.
  const slow = summaries.filter((s) => !(s.overPeer.median >= 1.5));
  targets.push({
    target: 'every case >= 1.5x the peer\'s throughput',
    met: slow.length === 0,
    detail: slow.length ? `below: ${slow.map((s) => `${s.case} ${Number.isNaN(s.overPeer.median) ? 'no answers' : `${fmt(s.overPeer.median, 2)}x`}`).join(', ')}` : 'all cases',
  });
  const entity = summaries.find((s) => s.case === 'entity');
  if (entity) {
    targets.push({ target: 'entity by key >= 0.8x the floor', met: entity.overFloor.median >= 0.8, detail: `${fmt(entity.overFloor.median, 2)}x` });
  }
  const p50Target = (name: string, picked: CaseSummary[]) => {
    const over = picked.filter((s) => !(s.sides.project.p50 <= 20));
    targets.push({
      target: name,
      met: over.length === 0,
      detail: picked.map((s) => `${s.case} ${fmt(s.sides.project.p50, 1)} ms`).join(', '),
    });
  };
  p50Target('any page p50 <= 20 ms', summaries.filter((s) => s.page));
  p50Target('stats and mostConnected p50 <= 20 ms', summaries.filter((s) => s.case === 'stats' || s.case === 'mostConnected'));
  targets.push({ target: 'this project\'s API RSS <= 250 MB', met: rss.project <= 250, detail: `max ${fmt(rss.project, 0)} MiB` });
  const failed = summaries.reduce((n, s) => n + s.sides.project.failed, 0);
  targets.push({ target: '0 failed requests at the bench concurrency', met: failed === 0, detail: `${failed} failed (this project)` });
  return targets;
}

function fmt(n: number | null | undefined, digits: number): string {
  if (n === Infinity) return 'inf';
  return n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);
}

// A ratio with no answers on one side (0/0) has no value: shown as '-', not '-x'.
const times = (n: number) => (Number.isNaN(n) ? '-' : `${fmt(n, 2)}x`);
const range = (s: Spread) => (Number.isNaN(s.min) || Number.isNaN(s.max) ? '-' : `${fmt(s.min, 2)}-${fmt(s.max, 2)}`);

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < rightFrom ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderReport(summaries: CaseSummary[], rss: Record<Side, number>, targets: Target[]): string {
  const rows: string[][] = [];
  for (const s of summaries) {
    SIDES.forEach((side, i) => {
      const x = s.sides[side];
      rows.push([
        i === 0 ? `${s.case}${s.comparison === 'match' ? '' : ` (${s.comparison.toUpperCase()})`}` : '',
        SIDE_NAMES[side],
        fmt(x.rps.median, 0),
        `${fmt(x.rps.min, 0)}-${fmt(x.rps.max, 0)}`,
        fmt(x.p50, 1),
        fmt(x.p99, 1),
        `${x.failed}/${x.requests}`,
        fmt(x.roundTrips, 0),
        x.dbHits === null ? '-' : String(x.dbHits),
      ]);
    });
  }
  const perCase = table(['case', 'side', 'req/s', 'min-max', 'p50 ms', 'p99 ms', 'failed', 'trips', 'db hits'], rows, 2);
  const ratios = table(
    ['case', 'a/b (peer)', 'min-max', 'a/c (floor)', 'min-max'],
    summaries.map((s) => [
      s.case,
      times(s.overPeer.median),
      range(s.overPeer),
      times(s.overFloor.median),
      range(s.overFloor),
    ]),
  );
  const memory = SIDES.map((side) => `${SIDE_NAMES[side]} ${fmt(rss[side], 0)} MiB`).join(', ');
  const goals = targets.map((t) => `  [${t.met ? 'met' : 'MISSED'}] ${t.target}: ${t.detail}`).join('\n');
  return `${perCase}\n\nthis project's throughput over the others' (per round; median, min-max):\n${ratios}\n\nmax RSS during the load: ${memory}\n\ntargets:\n${goals}`;
}
