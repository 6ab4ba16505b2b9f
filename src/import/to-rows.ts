// Turns a validated import line into the rows the graph writer takes: the stored form of names
// and dates (stored.ts), and citations resolved to document ranges or dataset records. A field
// with its own `source` cites it; the record's `sources` back the whole record (field '').
import { createHash } from 'node:crypto';
import { locateQuote } from '../seed/quotes';
import { relationshipId, type CitationRow, type DatasetRow, type NodeRow, type RelationshipRow } from './rows';
import type { Citation, DatasetLine, DocumentLine, EntityLine, RelationshipLine } from './shape';
import { dateProps, nameProps } from './stored';

/** The texts of the documents that quotes point into (from the file or the graph). */
export type DocumentTexts = (key: string) => string | undefined;

export function toCitationRow(field: string, c: Citation, texts: DocumentTexts): CitationRow {
  if ('dataset' in c) return { field, dataset: c.dataset, record: c.record };
  if ('start' in c) return { field, doc: c.document, start: c.start, end: c.end };
  const text = texts(c.document);
  if (text === undefined) throw new Error(`document ${c.document} is not known`);
  return { field, doc: c.document, ...locateQuote(text, c.quote, c.occurrence) };
}

export function datasetRow(d: DatasetLine): DatasetRow {
  return { id: d.id, name: d.name, version: d.version ?? null, date: d.date ?? null, licence: d.licence, url: d.url ?? null };
}

export function entityRow(e: EntityLine, texts: DocumentTexts): NodeRow {
  const citations: CitationRow[] = [];
  const own = (field: string, c: Citation | undefined) => c && citations.push(toCitationRow(field, c, texts));
  e.names.forEach((n) => own(`name:${n.value}`, n.source));
  own('description', e.description?.source);
  own('date', e.date?.source);
  own('count', e.count?.source);
  for (const c of e.sources ?? []) citations.push(toCitationRow('', c, texts));
  return {
    id: e.id,
    label: e.type,
    props: {
      kind: e.kind ?? null,
      notes: e.notes ?? [],
      ...nameProps(e.names),
      ...dateProps(e.date),
      ...(e.description && { description: e.description.value, descriptionLang: e.description.lang }),
      ...(e.count && { countValue: e.count.value, countQualifier: e.count.qualifier }),
    },
    citations,
  };
}

export function documentRow(d: DocumentLine, texts: DocumentTexts): NodeRow {
  return {
    id: d.id,
    label: 'Document',
    props: {
      kind: null,
      text: d.text,
      sha256: createHash('sha256').update(d.text, 'utf8').digest('hex'),
      languages: d.languages,
      notes: d.notes ?? [],
      ...nameProps(d.titles.map((t) => ({ ...t, kind: 'primary' }))),
      ...dateProps(d.published),
    },
    citations: d.sources.map((c) => toCitationRow('', c, texts)),
  };
}

export function relationshipRow(r: RelationshipLine, texts: DocumentTexts): RelationshipRow {
  return {
    id: relationshipId(r.type, r.from, r.to, r.role),
    type: r.type,
    from: r.from,
    to: r.to,
    props: {
      role: r.role ?? null,
      mode: r.mode ?? null,
      position: r.position ?? null,
      titleValues: r.title?.map((t) => t.value) ?? [],
      titleLangs: r.title?.map((t) => t.lang) ?? [],
      notes: r.notes ?? [],
    },
    citations: r.sources.map((c) => toCitationRow('', c, texts)),
  };
}
