// Between two measurements the database must be idle: when autocannon stops, the requests it
// abandoned are still being answered, and their queries would weigh on the next side's figures.
// Nobody waits for those answers, so their transactions are terminated until none is left.
import type { Driver } from 'neo4j-driver';
import type { SideProcess } from './processes';
import { readStats } from './probe';

// Our own SHOW and TERMINATE statements are left out (by their text, so no newline before SHOW).
const RUNNING = `SHOW TRANSACTIONS YIELD transactionId, currentQuery
WHERE NOT trim(currentQuery) STARTS WITH 'SHOW TRANSACTIONS' AND NOT trim(currentQuery) STARTS WITH 'TERMINATE TRANSACTIONS'
RETURN collect(transactionId) AS ids`;

/**
 * Terminates running transactions until Neo4j runs none and no side starts a query, twice in a
 * row (at most `maxMs`): how many were terminated, and whether the database did go idle. A
 * terminated transaction is listed, and holds its memory, until it notices; a long shortest-path
 * search can take tens of seconds to, and the next run would meet a full memory pool.
 */
export async function settle(driver: Driver, sides: SideProcess[], maxMs = 300_000): Promise<{ terminated: number; idle: boolean }> {
  const started = Date.now();
  let quiet = 0;
  let last = -1;
  let terminated = 0;
  while (quiet < 2 && Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 200));
    const { records } = await driver.executeQuery(RUNNING, {}, { database: 'neo4j' });
    const ids = records[0].get('ids') as string[];
    if (ids.length > 0) {
      await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database: 'neo4j' });
      terminated += ids.length;
    }
    const queries = (await Promise.all(sides.map((s) => readStats(s).then((st) => st.queries)))).reduce((a, b) => a + b, 0);
    quiet = ids.length === 0 && queries === last ? quiet + 1 : 0;
    last = queries;
  }
  return { terminated, idle: quiet >= 2 };
}
