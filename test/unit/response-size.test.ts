// The byte count walked on a result tree matches the JSON Apollo would send, and stops early.
import { cappedStringify, jsonBytes } from '../../src/api/response-size';

const samples: unknown[] = [
  { data: { a: 1, b: 'plain', c: null, d: [true, false, 2.5, -3], e: { f: '梁振英', g: 'tab\there "quoted" back\\slash\nnew line\u0001' } } },
  { errors: [{ message: 'x', path: ['a', 0, 'b'], extensions: { code: 'BAD_USER_INPUT' } }], data: null },
  { data: { skipped: undefined, list: [], empty: {}, emoji: '😀 é' } },
  [],
  'string',
];

test.each(samples.map((s, i) => [i, s]))('sample %i: the walk counts exactly the bytes of JSON.stringify', (_, sample) => {
  expect(jsonBytes(sample, Infinity)).toBe(Buffer.byteLength(JSON.stringify(sample), 'utf8'));
});

test('the walk stops once past the budget (a shared string repeated a million times is not all counted)', () => {
  const text = 'a'.repeat(10_000);
  const tree = { data: { list: Array(1_000_000).fill(text) } };
  const size = jsonBytes(tree, 1_000_000);
  // Counting stopped a string or two past the budget, not at the 10 GB the whole tree is.
  expect(size).toBeGreaterThan(1_000_000);
  expect(size).toBeLessThan(1_100_000);
});

test('under the cap the JSON is sent; over it, RESPONSE_TOO_LARGE in its place', () => {
  const stringify = cappedStringify(100);
  expect(stringify({ data: { a: 'short' } })).toBe('{"data":{"a":"short"}}\n');
  const refused = JSON.parse(stringify({ data: { a: 'x'.repeat(200) } }));
  expect(refused).toEqual({ errors: [{ message: expect.stringContaining('MAX_RESPONSE_BYTES'), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 100 } }], data: null });
});
