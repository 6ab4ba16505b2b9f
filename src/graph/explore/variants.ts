// Some bounds (path lengths) must be Cypher literals, so a loader keeps one constant query per
// allowed value. A batch then runs one query per distinct value among its keys (normally one),
// and the results go back in key order.

export async function byVariant<K, V>(
  keys: readonly K[],
  variant: (key: K) => number,
  run: (variant: number, keys: K[]) => Promise<(V | Error)[]>,
): Promise<(V | Error)[]> {
  const results: (V | Error)[] = new Array(keys.length);
  for (const value of new Set(keys.map(variant))) {
    const indexes = keys.flatMap((key, i) => (variant(key) === value ? [i] : []));
    const values = await run(value, indexes.map((i) => keys[i]));
    indexes.forEach((keyIndex, j) => (results[keyIndex] = values[j]));
  }
  return results;
}

/** One query text per allowed value 1..max. */
export function perBound(max: number, build: (bound: number) => string): Record<number, string> {
  return Object.fromEntries(Array.from({ length: max }, (_, n) => [n + 1, build(n + 1)]));
}
