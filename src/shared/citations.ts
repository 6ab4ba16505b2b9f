// Provenance, stored the same way on every node and relationship: parallel lists citeField,
// citeDoc, citeStart, citeEnd (Neo4j properties cannot hold maps). Read back into models here.

export interface CitationModel {
  /** The property the passage supports; null when it supports the whole relationship. */
  field: string | null;
  documentKey: string;
  start: number;
  end: number;
}

export function readCitations(props: Record<string, unknown>): CitationModel[] {
  const fields = list<string>(props.citeField);
  const docs = list<string>(props.citeDoc);
  const starts = list<number>(props.citeStart);
  const ends = list<number>(props.citeEnd);
  return docs.map((documentKey, i) => ({
    field: fields[i] ? fields[i] : null,
    documentKey,
    start: starts[i],
    end: ends[i],
  }));
}

export function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
