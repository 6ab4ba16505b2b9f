// A counting gate: at most `limit` pieces of work run at once; the rest wait in arrival order,
// each for at most its own deadline. The database layer puts the reads whose memory grows with
// a hub's degree behind one, so a burst of them queues here instead of exhausting Neo4j's
// transaction memory pool for every other request.

/** Raised when work waited its whole deadline without a turn; format-error reports DATABASE_BUSY. */
export class GateTimeoutError extends Error {
  readonly code = 'Gate.WaitTimedOut';
  constructor(readonly waitedMs: number) {
    super(`waited ${waitedMs} ms for a turn among the heavy reads`);
  }
}

export class Gate {
  /** Pieces of work running now. */
  active = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];
  /** The most pieces of work that ever ran at once (tests and benchmarks read it). */
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a gate's limit is a whole number of at least 1, got ${limit}`);
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>, maxWaitMs: number): Promise<T> {
    await this.enter(maxWaitMs);
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Waits for a turn and returns what gives it back (calling that again does nothing). */
  async acquire(maxWaitMs: number): Promise<() => void> {
    await this.enter(maxWaitMs);
    let held = true;
    return () => {
      if (held) this.leave();
      held = false;
    };
  }

  private enter(maxWaitMs: number): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      this.peak = Math.max(this.peak, this.active);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        // The leaving work hands its turn over: `active` stays as it is.
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new GateTimeoutError(maxWaitMs));
        }, maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.active--;
  }
}
