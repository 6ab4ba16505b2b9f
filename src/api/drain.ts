// Graceful stop of the HTTP server: readiness turns 503 at once, no new connections are taken,
// requests in flight finish (their keep-alive connections close after the response), and at the
// deadline whatever is left (a slow client, a half-sent body) is cut.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Default drain deadline (SHUTDOWN_DRAIN_MS). */
export const DEFAULT_DRAIN_MS = 10_000;

export interface DrainResult {
  /** Requests that were still running or arriving when the deadline cut their connections. */
  cut: number;
  ms: number;
}

export class Drain {
  private stopping = false;
  private readonly inFlight = new Set<ServerResponse>();

  /** True once stop() has begun: /ready answers 503. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Counts a request from its arrival to its response's end. */
  track(req: IncomingMessage, res: ServerResponse): void {
    this.inFlight.add(res);
    if (this.stopping) res.setHeader('connection', 'close');
    const done = () => this.inFlight.delete(res);
    res.once('finish', done);
    res.once('close', done);
    req.once('error', done);
  }

  async stop(server: Server, deadlineMs: number): Promise<DrainResult> {
    const started = Date.now();
    this.stopping = true;
    // Responses still to be written tell their clients the connection ends with them.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
    const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
    clearInterval(idle);
    clearTimeout(timer);
    let cut = 0;
    if (outcome === 'deadline') {
      cut = this.inFlight.size;
      server.closeAllConnections();
      await closed;
    }
    return { cut, ms: Date.now() - started };
  }
}
