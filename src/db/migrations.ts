// Schema migrations: idempotent (IF NOT EXISTS), applied at every start. Every entity carries the
// :Entity label, so one constraint guarantees unique ids across all types.
import type { DbSession } from './database';
import { RELATIONSHIP_TYPES } from '../seed/shape';

export const MIGRATIONS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type, n.name)',
  'CREATE INDEX entity_date IF NOT EXISTS FOR (n:Entity) ON (n.dateYear, n.dateMonth, n.dateDay)',
  'CREATE INDEX entity_origin IF NOT EXISTS FOR (n:Entity) ON (n.origin)',
  // Latin names: standard-no-stop-words lower-cases, so "leong" finds "Leong"; no stop words so
  // short names survive. Chinese names: the cjk analyzer indexes bi-grams, so "麦重乙" matches.
  "CREATE FULLTEXT INDEX entity_names_latin IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchLatin] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}",
  "CREATE FULLTEXT INDEX entity_names_cjk IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchCjk] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  // Import bookkeeping: datasets that citations name, and the files fully (or partly) imported.
  'CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT imported_file_sha256 IF NOT EXISTS FOR (f:ImportedFile) REQUIRE f.sha256 IS UNIQUE',
  // Relationship ids make the seed's MERGE and edge lookups index-backed.
  ...RELATIONSHIP_TYPES.map((t) => `CREATE INDEX rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.id)`),
];

export async function migrate(session: DbSession): Promise<void> {
  for (const statement of MIGRATIONS) await session.write('migrate', statement);
  await session.write('migrate', 'CALL db.awaitIndexes(60)');
}
