// Walking Relay connections page by page.

/** The part of a Relay connection the pager needs. */
export interface ConnectionPage<TNode> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ReadonlyArray<{ node: TNode }>;
}

/**
 * Yields every node of a connection, fetching page after page: `fetchPage(after)` is called
 * with `null` first, then with each page's `pageInfo.endCursor` while `hasNextPage` is true.
 *
 * ```ts
 * for await (const person of pages((after) => client.people({ first: 50, after }))) { ... }
 * ```
 */
export async function* pages<TNode>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<TNode>>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: ConnectionPage<TNode> = await fetchPage(after);
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor;
    if (next === null || next === after) {
      throw new Error('pagination stalled: hasNextPage is true but endCursor did not advance');
    }
    after = next;
  }
}
