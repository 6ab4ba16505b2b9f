// Keeps the local Neo4j running: when it exits without being asked to (killed, crashed), it is
// started again on the same port and data folder, after 1 s, then 2, 4, ... up to 30 s between
// attempts; the backoff starts over once an instance has stayed up for a minute. The driver
// reconnects by itself, so the API recovers without a restart of its own.
import type { LocalNeo4j } from './local-neo4j';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const STABLE_MS = 60_000;

export interface SupervisedNeo4j {
  /** The instance running now (replaced on each restart). */
  readonly current: LocalNeo4j;
  /** Restarts so far. */
  readonly restarts: number;
  stop(): Promise<void>;
}

export function supervise(first: LocalNeo4j, restart: (port: number) => Promise<LocalNeo4j>, log: (line: string) => void): SupervisedNeo4j {
  let current = first;
  let restarts = 0;
  let stopping = false;
  let delay = FIRST_DELAY_MS;
  let wake: (() => void) | undefined;

  const watch = (instance: LocalNeo4j, startedAt: number) => {
    void instance.exited.then(async (code) => {
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_MS) delay = FIRST_DELAY_MS;
      for (;;) {
        log(`local Neo4j exited unexpectedly (code ${code}); restarting in ${delay / 1000} s`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => (clearTimeout(timer), resolve());
        });
        if (stopping) return;
        delay = Math.min(delay * 2, MAX_DELAY_MS);
        try {
          const started = await restart(instance.port);
          // Stopped while it was starting: it is not wanted any more.
          if (stopping) return void (await started.stop());
          current = started;
          restarts++;
          log(`local Neo4j restarted (restart ${restarts}, ${current.startupMs} ms)`);
          watch(current, Date.now());
          return;
        } catch (e) {
          log(`local Neo4j did not restart: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        }
      }
    });
  };
  watch(first, Date.now());

  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      wake?.();
      await current.stop();
    },
  };
}
