// Schema migrations: idempotent (IF NOT EXISTS), applied at every start. Every entity carries the
// :Entity label, so one constraint guarantees unique ids across all types.
import type { DbSession } from './database';
import { DATED_TYPES } from '../import/stored';
import { backfillEndpoints, ENDPOINT_INDEXES } from '../import/endpoints';
import { NODE_LABELS } from '../import/writer';
import { KINDS, RELATIONSHIP_TYPES } from '../seed/shape';

const snake = (label: string) => label.toLowerCase();
const HAS_KIND = NODE_LABELS.filter((l) => l !== 'Document' && KINDS[l].length > 0);

/** The name search indexes (queried by graph/search/loaders.ts). */
export const FULLTEXT_INDEXES = [
  { name: 'entity_names_latin', property: 'searchLatin', analyzer: 'standard-no-stop-words' },
  { name: 'entity_names_cjk', property: 'searchCjk', analyzer: 'cjk' },
] as const;

export const MIGRATIONS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_origin IF NOT EXISTS FOR (n:Entity) ON (n.origin)',
  // Lists read their order from an index on their type's label (name; the date sort keys for
  // dated types; kind then name where a type has kinds) and stop after the page.
  ...NODE_LABELS.map((l) => `CREATE INDEX ${snake(l)}_name IF NOT EXISTS FOR (n:${l}) ON (n.name)`),
  ...HAS_KIND.map((l) => `CREATE INDEX ${snake(l)}_kind_name IF NOT EXISTS FOR (n:${l}) ON (n.kind, n.name)`),
  ...DATED_TYPES.flatMap((l) => [
    `CREATE INDEX ${snake(l)}_date_asc IF NOT EXISTS FOR (n:${l}) ON (n.dateAsc)`,
    `CREATE INDEX ${snake(l)}_date_desc IF NOT EXISTS FOR (n:${l}) ON (n.dateDesc)`,
  ]),
  'CREATE INDEX timeline_date_asc IF NOT EXISTS FOR (n:Timeline) ON (n.dateAsc)',
  // Rankings: the degree the writer keeps, per label and across all entities.
  'CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree)',
  ...NODE_LABELS.map((l) => `CREATE INDEX ${snake(l)}_degree IF NOT EXISTS FOR (n:${l}) ON (n.degree)`),
  // Post titles, lower-cased, for the people filter's substring match.
  'CREATE TEXT INDEX holds_post_title IF NOT EXISTS FOR ()-[r:HOLDS_POST]-() ON (r.titleSearch)',
  // Replaced by the per-label indexes above.
  'DROP INDEX entity_name IF EXISTS',
  'DROP INDEX entity_type IF EXISTS',
  'DROP INDEX entity_date IF EXISTS',
  // Latin names: standard-no-stop-words lower-cases, so "leong" finds "Leong"; no stop words so
  // short names survive. Chinese names: the cjk analyzer indexes bi-grams, so "麦重乙" matches.
  // Eventually consistent: a commit does not wait for Lucene (synchronous, it cost ~70% of bulk
  // write time, as every degree update re-indexes the node); writers await the refresh instead.
  ...FULLTEXT_INDEXES.map(({ name, property, analyzer }) =>
    `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:Entity) ON EACH [n.${property}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}', \`fulltext.eventually_consistent\`: true}}`),
  // Import bookkeeping: datasets that citations name, and the files fully (or partly) imported.
  'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT imported_file_sha256 IF NOT EXISTS FOR (f:ImportedFile) REQUIRE f.sha256 IS UNIQUE',
  // Relationship ids make the seed's MERGE and edge lookups index-backed.
  ...RELATIONSHIP_TYPES.map((t) => `CREATE INDEX rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.id)`),
];

// Full-text indexes created before they were eventually consistent are replaced (their options
// cannot be altered in place); they are rebuilt from the stored search fields.
const SYNCHRONOUS_FULLTEXT = `
SHOW FULLTEXT INDEXES YIELD name, options
WHERE name IN $names AND options.indexConfig.\`fulltext.eventually_consistent\` <> true
RETURN name`;

/**
 * Applies the migrations and waits until every index is online (search and ordered lists need
 * them). On a graph of millions of nodes a new or replaced index takes minutes to populate.
 */
export async function migrate(session: DbSession, indexWaitSeconds = 600, log: (line: string) => void = () => {}): Promise<void> {
  const outdated = await session.read<{ name: string }>('migrate', SYNCHRONOUS_FULLTEXT, { names: FULLTEXT_INDEXES.map((i) => i.name) });
  for (const { name } of outdated) await session.write('migrate', `DROP INDEX ${FULLTEXT_INDEXES.find((i) => i.name === name)!.name}`);
  for (const statement of MIGRATIONS) await session.write('migrate', statement);
  // Filled in before their indexes exist, so each index is built once.
  await backfillEndpoints(session, log);
  for (const statement of ENDPOINT_INDEXES) await session.write('migrate', statement);
  await session.write('migrate', 'CALL db.awaitIndexes($seconds)', { seconds: indexWaitSeconds });
}
