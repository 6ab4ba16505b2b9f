// Paging arguments are bounded; keyset cursors carry sort values and belong to one list;
// connections say whether more pages follow without counting the list.
import { encodeCursor, keysetConnection, keysetPredicate, listScope, MAX_PAGE_SIZE, offsetConnection, toKeysetPage, toOffsetPage } from '../../src/shared/pagination';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });
const scope = listScope('people', { kinds: [] }, 'NAME');

test('first defaults to 20 and after continues from the cursor’s sort values', () => {
  expect(toKeysetPage({}, scope, ['string', 'string'])).toEqual({ limit: 20, after: null, scope });
  const after = encodeCursor(scope, ['Ian Mak', 'person-ian-mak']);
  expect(toKeysetPage({ first: 5, after }, scope, ['string', 'string'])).toEqual({ limit: 5, after: ['Ian Mak', 'person-ian-mak'], scope });
});

test.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('first = %p is rejected', (first) => {
  expect(() => toKeysetPage({ first }, scope, ['string', 'string'])).toThrow(badInput);
});

test.each(['', 'abc', '!!!', encodeCursor(scope, ['only one']), encodeCursor(scope, [3, 'person-x']), Buffer.from('[1,2]').toString('base64url')])(
  'cursor %p is rejected as malformed', (after) => {
    expect(() => toKeysetPage({ after }, scope, ['string', 'string'])).toThrow(badInput);
  });

test('a cursor from another list (other filter or order) is refused, saying so', () => {
  const other = encodeCursor(listScope('people', { kinds: [] }, 'NAME DESC'), ['Ian Mak', 'person-ian-mak']);
  expect(() => toKeysetPage({ after: other }, scope, ['string', 'string'])).toThrow(/belongs to another list/);
});

test('a keyset connection knows a next page exists from one extra item, and never invents a total', () => {
  const page = toKeysetPage({ first: 2 }, scope, ['string', 'string']);
  const c = keysetConnection([{ k: 'a' }, { k: 'b' }, { k: 'c' }], page, (x) => [x.k, x.k], null);
  expect(c.edges.map((e) => e.k)).toEqual(['a', 'b']);
  expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(scope, ['b', 'b']) });
  expect(() => c.totalCount).toThrow(/not computed/);
  expect(keysetConnection([], page, () => [], 0).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
});

test('offset pages (search) continue after the cursor’s position', () => {
  const first = toOffsetPage({ first: 2 }, scope);
  const c = offsetConnection([{ n: 1 }, { n: 2 }, { n: 3 }], first, 7);
  expect(c.totalCount).toBe(7);
  expect(toOffsetPage({ after: c.pageInfo.endCursor }, scope)).toEqual({ limit: 20, offset: 2, scope });
});

test('the keyset predicate is lexicographic, with the leading key as a range and the tie-breaks out of the planner\'s reach', () => {
  expect(keysetPredicate(['n.name', 'n.id'], false)).toBe(
    'n.name >= key.after[0] AND CASE WHEN n.name > key.after[0] THEN true WHEN n.id > key.after[1] THEN true ELSE false END');
  expect(keysetPredicate(['n.degree', 'n.name', 'n.id'], true)).toBe(
    'n.degree <= key.after[0] AND CASE WHEN n.degree < key.after[0] THEN true WHEN n.name > key.after[1] THEN true'
      + ' WHEN n.name = key.after[1] AND n.id > key.after[2] THEN true ELSE false END');
});
