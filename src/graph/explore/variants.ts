// Some bounds (path lengths) must be Cypher literals, so a loader keeps one constant query per
// allowed value; shared/batch.ts's byVariant runs a batch as one query per value among its keys.

/** One query text per allowed value 1..max. */
export function perBound(max: number, build: (bound: number) => string): Record<number, string> {
  return Object.fromEntries(Array.from({ length: max }, (_, n) => [n + 1, build(n + 1)]));
}
