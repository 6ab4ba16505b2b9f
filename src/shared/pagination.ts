// Cursor paging for every connection: bounded `first`, opaque `after` cursors. Cursors encode
// an offset into a list with a total order (ties broken by key), so they stay valid page to page.
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  offset: number;
  limit: number;
}

export interface Connection<T> {
  edges: (T & { cursor: string })[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export function toPage(args: PageArgs): Page {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { offset: args.after == null ? 0 : decodeCursor(args.after) + 1, limit: first };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) throw badInput(`malformed cursor ${JSON.stringify(cursor)}`, 'after');
  return Number(match[1]);
}

/** Builds a connection from one page of items and the total size of the list. */
export function toConnection<T extends object>(items: T[], total: number, page: Page): Connection<T> {
  const edges = items.map((item, i) => ({ ...item, cursor: encodeCursor(page.offset + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + items.length < total,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: total,
  };
}
