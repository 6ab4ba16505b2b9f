// The DataLoader contract: one result per key, in key order, a fallback for keys with no row.
import { byKeyIndex } from '../../src/shared/batch';

test('rows are put back in key order and missing keys get the fallback', () => {
  const keys = ['a', 'b', 'c'];
  const rows = [{ i: 2, v: 'C' }, { i: 0, v: 'A' }];
  expect(byKeyIndex(keys, rows, (r) => r.v, (k) => `no ${k}`)).toEqual(['A', 'no b', 'C']);
});

test('a row for a key that was not asked is a bug, not silently dropped', () => {
  expect(() => byKeyIndex(['a'], [{ i: 1 }], () => 1, () => 0)).toThrow(/key index 1 but 1 keys/);
});
