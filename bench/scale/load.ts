// Load on one side for one case: autocannon, fixed connections and duration, the case's POST
// body. A response with GraphQL `errors` (or the floor's error) counts as failed even with 200.
import autocannon from 'autocannon';
import type { HttpRequest } from './probe';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Answers received (any status). */
  requests: number;
  /** Good answers (2xx without errors) per second: failures are not throughput. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx answers that carry errors. */
  answerErrors: number;
}

export async function runLoad(request: HttpRequest, options: LoadOptions): Promise<LoadResult> {
  let answerErrors = 0;
  const result = await autocannon({
    url: request.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
        // Non-2xx answers are counted by autocannon; a 2xx one may still carry errors.
        onResponse: (status: number, body: string) => {
          if (status >= 200 && status < 300 && (body.includes('"errors":') || body.startsWith('{"error"'))) answerErrors++;
        },
      },
    ],
  });
  const completed = (['1xx', '2xx', '3xx', '4xx', '5xx'] as const).reduce((n, k) => n + (result[k] ?? 0), 0);
  return {
    requests: completed,
    rps: (result['2xx'] - answerErrors) / result.duration,
    // No answer within the duration (every connection still waiting): no latency to speak of.
    p50: completed > 0 ? result.latency.p50 : NaN,
    p99: completed > 0 ? result.latency.p99 : NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    answerErrors,
  };
}
