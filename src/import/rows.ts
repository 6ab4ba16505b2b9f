// The rows the graph writer takes, whatever produced them (the seed compiler or the NDJSON
// importer): an entity or relationship with its properties and the citations behind them.
import type { SeedEntityType } from '../seed/shape';

/** A passage of a document backing one field ('' = the whole fact). */
export interface PassageCitationRow {
  field: string;
  doc: string;
  start: number;
  end: number;
}

/** A record of an imported dataset backing one field ('' = the whole fact). */
export interface RecordCitationRow {
  field: string;
  dataset: string;
  record: string;
}

export type CitationRow = PassageCitationRow | RecordCitationRow;

export interface NodeRow {
  id: string;
  label: SeedEntityType | 'Document';
  props: Record<string, unknown>;
  citations: CitationRow[];
}

export interface RelationshipRow {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  citations: CitationRow[];
}

export interface DatasetRow {
  id: string;
  name: string;
  version: string | null;
  date: string | null;
  licence: string;
  url: string | null;
}

export const isPassage = (c: CitationRow): c is PassageCitationRow => 'doc' in c;

/** Stable across runs, documents and files: the same (type, from, to, role) is one relationship. */
export function relationshipId(type: string, from: string, to: string, role?: string | null): string {
  return `${type}:${from}:${to}${role ? `:${role}` : ''}`;
}
