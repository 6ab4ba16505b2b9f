// Cursor paging for every connection. Keyset cursors carry the sort values of the last item seen
// (ending with its key), so a page's query starts where the last one ended and page 5,000 costs
// what page 1 costs. Every cursor also carries a fingerprint of its list (which field, filter and
// order), so a cursor from another list is refused instead of silently paging the wrong thing.
// Search alone pages by offset: Lucene ranks by score, which has no stable keyset.
import { createHash } from 'node:crypto';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The sort values of one item, in order; the last one is always its key. */
export type SortValues = (string | number | null)[];
export type SortValueKind = 'string' | 'number' | 'nullableNumber';

export interface KeysetPage {
  limit: number;
  /** Sort values to continue after; null on the first page. */
  after: SortValues | null;
  scope: string;
}

export interface OffsetPage {
  limit: number;
  offset: number;
  scope: string;
}

export interface Connection<T> {
  edges: (T & { cursor: string })[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

function pageSize(args: PageArgs): number {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

/** A short fingerprint of a list's identity (field, filter, order), stable across processes. */
export function listScope(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

export function encodeCursor(scope: string, values: SortValues): string {
  return Buffer.from(JSON.stringify([scope, ...values]), 'utf8').toString('base64url');
}

function decode(cursor: string, scope: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw badInput('malformed cursor', 'after');
  if (parsed[0] !== scope) {
    throw badInput('this cursor belongs to another list (a different field, filter or order); start again without `after`', 'after');
  }
  return parsed.slice(1);
}

const FITS: Record<SortValueKind, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  nullableNumber: (v) => v === null || (typeof v === 'number' && Number.isFinite(v)),
};

/**
 * Cypher for "after the cursor" over sort keys `props` (Cypher expressions, the item's key last),
 * the first one descending when `descending`: lexicographically greater than `cursor[0..]`, with
 * the leading key as a range so an index on it is sought from the cursor on. The tie-breaks sit
 * in a CASE: written as an OR, the planner may split them into a union of index seeks on the
 * other keys, each reading from the cursor to the end of the list.
 */
export function keysetPredicate(props: string[], descending: boolean, cursor = 'key.after'): string {
  const [first, ...rest] = props;
  const value = (i: number) => `${cursor}[${i}]`;
  const tail = rest.map((p, j) => [...rest.slice(0, j).map((q, k) => `${q} = ${value(k + 1)}`), `${p} > ${value(j + 1)}`].join(' AND '));
  const beyond = `${first} ${descending ? '<' : '>'} ${value(0)}`;
  return `${first} ${descending ? '<=' : '>='} ${value(0)} AND CASE WHEN ${[beyond, ...tail].join(' THEN true WHEN ')} THEN true ELSE false END`;
}

/** A keyset page; `kinds` are the types of the list's sort values (the key last). */
export function toKeysetPage(args: PageArgs, scope: string, kinds: SortValueKind[]): KeysetPage {
  const limit = pageSize(args);
  if (args.after == null) return { limit, after: null, scope };
  const values = decode(args.after, scope);
  if (values.length !== kinds.length || !values.every((v, i) => FITS[kinds[i]](v))) throw badInput('malformed cursor', 'after');
  return { limit, after: values as SortValues, scope };
}

export function toOffsetPage(args: PageArgs, scope: string): OffsetPage {
  const limit = pageSize(args);
  if (args.after == null) return { limit, offset: 0, scope };
  const [offset, ...rest] = decode(args.after, scope);
  if (rest.length > 0 || !Number.isInteger(offset) || (offset as number) < 0) throw badInput('malformed cursor', 'after');
  return { limit, offset: (offset as number) + 1, scope };
}

/**
 * A connection from up to `limit + 1` items (the extra one only says that a next page exists).
 * `total` is null when the client did not select totalCount, which is then never computed.
 */
export function keysetConnection<T extends object>(
  items: T[], page: KeysetPage, sortValuesOf: (item: T) => SortValues, total: number | null,
): Connection<T> {
  const shown = items.slice(0, page.limit);
  return connection(shown.map((item) => withCursor(item, () => encodeCursor(page.scope, sortValuesOf(item)))), items.length > page.limit, page.after !== null, total);
}

export function offsetConnection<T extends object>(items: T[], page: OffsetPage, total: number | null): Connection<T> {
  const shown = items.slice(0, page.limit);
  const edges = shown.map((item, i) => withCursor(item, () => encodeCursor(page.scope, [page.offset + i])));
  return connection(edges, items.length > page.limit, page.offset > 0, total);
}

/** The edge with its cursor, encoded only if read (most pages never select cursors). */
function withCursor<T extends object>(item: T, encode: () => string): T & { cursor: string } {
  return Object.defineProperty({ ...item }, 'cursor', { enumerable: true, get: encode }) as T & { cursor: string };
}

function connection<T>(edges: (T & { cursor: string })[], hasNextPage: boolean, hasPreviousPage: boolean, total: number | null): Connection<T> {
  const result = {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
  } as Connection<T>;
  return withCount(result, 'totalCount', total);
}

/**
 * Adds a count that is computed only when selected. Never silently 0: reading one that was not
 * computed (selection analysis said unselected) fails loudly.
 */
export function withCount<T extends object, K extends string>(target: T, name: K, count: number | null): T & Record<K, number> {
  return Object.defineProperty(target, name, {
    enumerable: true,
    get: () => {
      if (count === null) throw new Error(`${name} was not computed here`);
      return count;
    },
  }) as T & Record<K, number>;
}
