// A hard cap on the bytes of one response (MAX_RESPONSE_BYTES). The result tree is bounded by the
// cost limit, but its strings are shared: one document's text aliased under every citation is a
// small tree and an enormous JSON. So the JSON's size is measured on the tree first, stopping as
// soon as it passes the cap, and only a response under the cap is serialised.
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../shared/errors';

export const DEFAULT_MAX_RESPONSE_BYTES = 10_000_000;

/**
 * The UTF-8 size of `JSON.stringify(value)`, or some number above `budget` once it passes it
 * (the walk stops there). Escapes (quotes, backslashes, control characters) are counted too.
 */
export function jsonBytes(value: unknown, budget: number): number {
  let size = 0;
  const visit = (v: unknown): void => {
    if (size > budget) return;
    if (typeof v === 'string') size += stringBytes(v);
    else if (typeof v === 'number' || typeof v === 'boolean') size += String(v).length;
    else if (v === null || v === undefined || typeof v !== 'object') size += 4;
    else if (Array.isArray(v)) {
      size += 2 + Math.max(0, v.length - 1);
      for (const item of v) visit(item);
    } else {
      // Braces, and per key (undefined ones are left out) its quoted name, a colon and a comma.
      let keys = 0;
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined) continue;
        keys++;
        size += stringBytes(key) + 2;
        visit(item);
      }
      size += keys === 0 ? 2 : 1;
    }
  };
  visit(value);
  return size;
}

// Characters JSON escapes: " \ and \b \f \n \r \t take 2 bytes, other control characters 6 (\u0001).
const ESCAPED = /["\\\u0000-\u001f]/g;
const SHORT_ESCAPES = new Set(['"', '\\', '\b', '\f', '\n', '\r', '\t']);

function stringBytes(s: string): number {
  let extra = 0;
  for (const [c] of s.matchAll(ESCAPED)) extra += SHORT_ESCAPES.has(c) ? 1 : 5;
  return Buffer.byteLength(s, 'utf8') + 2 + extra;
}

/**
 * Apollo's `stringifyResult`: the JSON of a result under `maxBytes`, else an error in its place
 * (RESPONSE_TOO_LARGE), so an oversized response is never built.
 */
export function cappedStringify(maxBytes: number) {
  return (result: FormattedExecutionResult): string => {
    const size = jsonBytes(result, maxBytes);
    if (size <= maxBytes) return `${JSON.stringify(result)}\n`;
    const refusal: FormattedExecutionResult = {
      errors: [{
        message: `The response would be larger than ${maxBytes} bytes (MAX_RESPONSE_BYTES); select fewer fields, fewer aliases or smaller pages.`,
        extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes },
      }],
      data: null,
    };
    return `${JSON.stringify(refusal)}\n`;
  };
}
