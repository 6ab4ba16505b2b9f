// Database work per request: the Cypher each side sent for one request of a case, replayed once
// with PROFILE, its plan's db hits summed (over every operator, over every query of the request).
import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { decodeParams, type RecordedQuery } from './recorder';

export interface ProfileResult {
  queries: number;
  dbHits: number | null;
  /** Why there is no figure (a query that failed under PROFILE). */
  error?: string;
}

/** PROFILE goes after any `CYPHER ...` option lines (the peer prefixes `CYPHER 5`). */
export function profiled(cypher: string): string {
  const prefix = /^(\s*CYPHER\b[^\n]*\n)*/i.exec(cypher)?.[0] ?? '';
  return `${prefix}PROFILE ${cypher.slice(prefix.length)}`;
}

function sumDbHits(plan: ProfiledPlan | false | undefined): number {
  if (!plan) return 0;
  return Number(plan.dbHits ?? 0) + plan.children.reduce((n, child) => n + sumDbHits(child), 0);
}

export async function profileQueries(driver: Driver, queries: RecordedQuery[]): Promise<ProfileResult> {
  let dbHits = 0;
  for (const q of queries) {
    try {
      const result = await driver.executeQuery(profiled(q.cypher), decodeParams(q.params) as Record<string, unknown>, { database: 'neo4j' });
      dbHits += sumDbHits(result.summary.profile);
    } catch (e) {
      return { queries: queries.length, dbHits: null, error: (e as Error).message.split('\n')[0].slice(0, 200) };
    }
  }
  return { queries: queries.length, dbHits };
}
