// The DataLoader contract in one place: one result (value, null or Error) per key, in key order.
// Loader queries return rows tagged with the index of their key; this puts them back in order.

/** Orders rows by their `i` (key index); keys with no row get `missing(key)`. */
export function byKeyIndex<K, R extends { i: number }, V>(
  keys: readonly K[],
  rows: readonly R[],
  toValue: (row: R, key: K) => V,
  missing: (key: K) => V | Error,
): (V | Error)[] {
  const out: (V | Error | undefined)[] = new Array(keys.length);
  for (const row of rows) {
    if (!Number.isInteger(row.i) || row.i < 0 || row.i >= keys.length) {
      throw new Error(`loader row for key index ${row.i} but ${keys.length} keys`);
    }
    out[row.i] = toValue(row, keys[row.i]);
  }
  // Array.from, not out.map: map skips the holes that missing keys leave.
  return Array.from(out, (v, i) => (v === undefined ? missing(keys[i]) : v));
}

/** Stable cache key for object-shaped loader keys. */
export function keyOf(key: unknown): string {
  return JSON.stringify(key);
}

/**
 * Runs a batch whose keys need different query texts (or bounds that must be literals): one
 * query per distinct variant among the keys, concurrently, results back in key order.
 */
export async function byVariant<K, V, T extends string | number>(
  keys: readonly K[],
  variant: (key: K) => T,
  run: (variant: T, keys: K[]) => Promise<(V | Error)[]>,
): Promise<(V | Error)[]> {
  const groups = new Map<T, number[]>();
  keys.forEach((key, i) => {
    const v = variant(key);
    const group = groups.get(v);
    if (group) group.push(i);
    else groups.set(v, [i]);
  });
  const results: (V | Error)[] = new Array(keys.length);
  await Promise.all(
    [...groups].map(async ([value, indexes]) => {
      const values = await run(value, indexes.map((i) => keys[i]));
      indexes.forEach((keyIndex, j) => (results[keyIndex] = values[j]));
    }),
  );
  return results;
}
