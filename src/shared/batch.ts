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
