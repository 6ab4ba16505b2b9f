// Whether Neo4j can be reached, kept by a background probe (one `RETURN 1` a second), so /ready
// answers from memory and queries fail at once while the database is down instead of each
// waiting out the driver's connection retries. Only an unreachable database counts as down: a
// probe that is merely slow under load changes nothing (that would turn load into an outage).

export const PROBE_INTERVAL_MS = 1_000;

export class DatabaseHealth {
  private up = true;
  private since = Date.now();
  private probing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly log: (line: string) => void = () => {},
    private readonly intervalMs = PROBE_INTERVAL_MS,
  ) {}

  get isUp(): boolean {
    return this.up;
  }

  /** Started: isUp follows the probe (else it stays true and callers ask the database). */
  get watching(): boolean {
    return this.timer !== undefined;
  }

  /** Probes now and then every interval, until stop(). */
  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A query saw the database unreachable: no need to wait for the next probe. */
  markDown(): void {
    this.set(false);
  }

  private async check(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.probe();
      this.set(true);
    } catch (e) {
      if (isUnreachable(e)) this.set(false);
    } finally {
      this.probing = false;
    }
  }

  private set(up: boolean): void {
    if (up === this.up) return;
    const after = ((Date.now() - this.since) / 1000).toFixed(1);
    this.up = up;
    this.since = Date.now();
    this.log(up ? `database reachable again (after ${after} s down)` : `database unreachable (after ${after} s up); queries fail with SERVICE_UNAVAILABLE`);
  }
}

const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** The driver's codes for a database it cannot reach (refused, reset, gone during discovery). */
export function isUnreachable(e: unknown): boolean {
  return UNREACHABLE.has(String((e as { code?: unknown })?.code));
}
