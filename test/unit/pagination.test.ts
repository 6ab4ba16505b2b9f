// Paging arguments are bounded; cursors are opaque offsets; connections report their edges.
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, toConnection, toPage } from '../../src/shared/pagination';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

test('first defaults to 20 and after moves past the cursor', () => {
  expect(toPage({})).toEqual({ offset: 0, limit: 20 });
  expect(toPage({ first: 5, after: encodeCursor(9) })).toEqual({ offset: 10, limit: 5 });
});

test.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('first = %p is rejected', (first) => {
  expect(() => toPage({ first })).toThrow(badInput);
});

test.each(['', 'abc', encodeCursor(3) + 'x', Buffer.from('o:-1').toString('base64url')])('cursor %p is rejected', (after) => {
  expect(() => decodeCursor(after)).toThrow(badInput);
});

test('a connection knows whether more pages follow', () => {
  const page = toPage({ first: 2, after: encodeCursor(1) });
  const c = toConnection([{ node: 'c' }, { node: 'd' }], 5, page);
  expect(c.edges.map((e) => [e.node, decodeCursor(e.cursor)])).toEqual([['c', 2], ['d', 3]]);
  expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(2), endCursor: encodeCursor(3) });
  expect(c.totalCount).toBe(5);
});

test('an empty page has null cursors', () => {
  const c = toConnection([], 0, toPage({}));
  expect(c.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
});
