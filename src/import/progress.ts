// Progress of a long import on stderr: phase, percent, records per second and time left, at most
// every two seconds, plus one closing line per phase.

export type Log = (line: string) => void;

export class Progress {
  private readonly started = Date.now();
  private lastPrint = Date.now();

  constructor(
    private readonly phase: string,
    private readonly total: number,
    private readonly unit: string,
    private readonly log: Log,
  ) {}

  /** `done` is how far the phase has come, in the same unit as `total`. */
  update(done: number): void {
    const now = Date.now();
    if (now - this.lastPrint < 2000) return;
    this.lastPrint = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / seconds;
    const left = rate > 0 ? (this.total - done) / rate : 0;
    const pct = this.total > 0 ? Math.min(100, (100 * done) / this.total) : 100;
    this.log(`${this.phase}: ${pct.toFixed(1)}% (${fmt(done)}/${fmt(this.total)} ${this.unit}, ${fmt(rate)}/s, ${left.toFixed(0)} s left)`);
  }

  finish(done: number): { seconds: number; rate: number } {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : done;
    this.log(`${this.phase}: done, ${fmt(done)} ${this.unit} in ${seconds.toFixed(1)} s (${fmt(rate)}/s)`);
    return { seconds, rate };
  }
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
