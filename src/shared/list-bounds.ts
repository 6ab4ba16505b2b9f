// The most items an unpaged list field can hold (names, notes, titles, sources, languages). Seed
// and import refuse records with more, so the cost estimate can multiply by these bounds and a
// client cannot make one entity's lists grow a response without limit. Curated and generated
// records stay far below them (the 100k generated graph: 4 names, 3 sources, 2 titles at most).
export const LIST_BOUNDS = {
  /** Names of an entity (each cites at most one source). */
  names: 10,
  notes: 10,
  /** Titles of a document or of a post. */
  titles: 10,
  /** Citations an entity, relationship or document may carry in all. */
  sources: 20,
  languages: 2,
} as const;

/**
 * An entity's own `sources` beside those of its names, description, date and count, so the
 * entity's citations stay within LIST_BOUNDS.sources.
 */
export const ENTITY_OWN_SOURCES = LIST_BOUNDS.sources - LIST_BOUNDS.names - 3;
