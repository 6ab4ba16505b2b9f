// Each relationship carries its endpoints' keys and names (fromId, toId, fromName, toName), kept
// equal to the entities' by the writer, so a neighbour page ordered by the other entity's name
// reads its page from a relationship index in order and stops after it: page 1 and page 5,000 of
// a hub with thousands of relationships cost what a leaf's page costs, instead of sorting every
// relationship of the hub. One index per relationship type and direction:
//   out: (fromId, toName, toId, id) serves (n)-[r]->(m) ordered by m.name, m.id, r.id;
//   in:  (toId, fromName, fromId, id) serves (n)<-[r]-(m) likewise.
// Stores written before this carry none of them: migrate() fills them in once (an index-ordered
// walk per type, in batches) before it creates the indexes.
import type { DbSession } from '../db/database';
import { RELATIONSHIP_TYPES } from '../seed/shape';

export type EndpointDirection = 'OUT' | 'IN';

/** The properties a page in `direction` seeks (anchor), orders by (name, key) and returns. */
export const ENDPOINT_FIELDS: Record<EndpointDirection, { anchor: string; name: string; key: string; other: string }> = {
  OUT: { anchor: 'fromId', name: 'toName', key: 'toId', other: 'endNode' },
  IN: { anchor: 'toId', name: 'fromName', key: 'fromId', other: 'startNode' },
};

const INDEXES = RELATIONSHIP_TYPES.flatMap((t) =>
  (['OUT', 'IN'] as const).map((d) => {
    const f = ENDPOINT_FIELDS[d];
    const name = `rel_${t.toLowerCase()}_${d.toLowerCase()}`;
    return { name, statement: `CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.${f.anchor}, r.${f.name}, r.${f.key}, r.id)` };
  }));

export const ENDPOINT_INDEXES: readonly string[] = INDEXES.map((i) => i.statement);

/** Set on a relationship as it is written, from the entities it joins (`a`, `b`). */
export const SET_ENDPOINTS = 'r.fromId = a.id, r.toId = b.id, r.fromName = a.name, r.toName = b.name';

/**
 * After an entity `n` is written, when its name is not `before` (a re-import that renames it):
 * its relationships take the new name. An entity written again unchanged reads none of them, so
 * rewriting a hub costs no walk over its thousands of relationships.
 */
export const SYNC_ENDPOINT_NAMES = `
WHERE NOT coalesce(before = n.name, false)
CALL (n) {
  MATCH (n)-[r]->()
  WHERE NOT coalesce(r.fromName = n.name, false)
  SET r.fromName = n.name
}
CALL (n) {
  MATCH (n)<-[r]-()
  WHERE NOT coalesce(r.toName = n.name, false)
  SET r.toName = n.name
}`;

const BATCH = 10_000;

const backfillStep = (type: string) => `
MATCH (a)-[r:${type}]->(b) WHERE r.id > $after
WITH a, r, b ORDER BY r.id LIMIT ${BATCH}
SET ${SET_ENDPOINTS}
RETURN max(r.id) AS last, count(r) AS written`;

/**
 * Fills in the endpoint properties of every relationship, once per store: the indexes are created
 * only after it (migrations.ts), so their presence says it was done.
 */
export async function backfillEndpoints(session: DbSession, log: (line: string) => void = () => {}): Promise<void> {
  const [{ present }] = await session.read<{ present: number }>('migrate', 'SHOW INDEXES YIELD name WHERE name IN $names RETURN count(*) AS present', { names: INDEXES.map((i) => i.name) });
  if (present === INDEXES.length) return;
  const started = Date.now();
  let total = 0;
  let reported = started;
  for (const type of RELATIONSHIP_TYPES) {
    for (let after = ''; ;) {
      const [{ last, written }] = await session.write<{ last: string | null; written: number }>('migrate.endpoints', backfillStep(type), { after });
      total += written;
      if (Date.now() - reported > 10_000) {
        reported = Date.now();
        log(`storing relationship endpoints (a one-time step for this store): ${total.toLocaleString('en')} relationships so far, now ${type}`);
      }
      if (last === null || written < BATCH) break;
      after = last;
    }
  }
  if (total > 0) log(`relationship endpoints stored on ${total.toLocaleString('en')} relationships in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
