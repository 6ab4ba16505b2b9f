// Provenance, stored the same way on every node and relationship (see import/stored.ts): passages
// as parallel lists citeField, citeDoc, citeStart, citeEnd; dataset records as srcField,
// srcDataset, srcRecord. Read back into models here.

interface CitationBase {
  /** The property the citation supports; null when it supports the whole record. */
  field: string | null;
}

export interface PassageCitationModel extends CitationBase {
  kind: 'PASSAGE';
  documentKey: string;
  start: number;
  end: number;
}

export interface RecordCitationModel extends CitationBase {
  kind: 'DATASET_RECORD';
  datasetKey: string;
  record: string;
}

export type CitationModel = PassageCitationModel | RecordCitationModel;

export function readCitations(props: Record<string, unknown>): CitationModel[] {
  const fields = list<string>(props.citeField);
  const starts = list<number>(props.citeStart);
  const ends = list<number>(props.citeEnd);
  const passages = list<string>(props.citeDoc).map((documentKey, i): CitationModel => ({
    kind: 'PASSAGE', field: fields[i] || null, documentKey, start: starts[i], end: ends[i],
  }));
  const recordFields = list<string>(props.srcField);
  const records = list<string>(props.srcRecord);
  return passages.concat(list<string>(props.srcDataset).map((datasetKey, i): CitationModel => ({
    kind: 'DATASET_RECORD', field: recordFields[i] || null, datasetKey, record: records[i],
  })));
}

/** Citations backing `field`: those naming it, and those backing the whole record. */
export function citationsFor(citations: CitationModel[], field: string): CitationModel[] {
  return citations.filter((c) => c.field === field || c.field === null);
}

export function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
