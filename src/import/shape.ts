// The shape of one NDJSON import line: a dataset, a document, an entity or a relationship, with
// the seed files' vocabulary and rules (src/seed/shape.ts) and a citation of either kind in place
// of the seed's quotes. Checked per line here; references between lines are checked in validate.ts.
import { z } from 'zod';
import {
  DOCUMENT_ID, ENTITY_ID, ENTITY_TYPES, KINDS, RELATIONSHIP_TYPES, ROLES, dateParts, lang, localized, withDateRules,
} from '../seed/shape';
import { ENTITY_OWN_SOURCES, LIST_BOUNDS } from '../shared/list-bounds';

export const DATASET_ID = /^dataset-[a-z0-9-]+$/;
const ISO_PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const datasetCitation = z.strictObject({ dataset: z.string().regex(DATASET_ID), record: z.string().min(1).max(200) });
const rangeCitation = z.strictObject({ document: z.string().regex(DOCUMENT_ID), start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((c) => c.end > c.start, { message: 'end must be after start', path: ['end'] });
const quoteCitation = z.strictObject({ document: z.string().regex(DOCUMENT_ID), quote: z.string().min(1), occurrence: z.number().int().min(1).optional() });

/** A citation: a record of a dataset, or a passage of a document (by range or by quote). */
export const citation = z.union([datasetCitation, rangeCitation, quoteCitation]);
export type Citation = z.infer<typeof citation>;

const sources = z.array(citation).max(LIST_BOUNDS.sources);
const notes = z.array(z.string().min(1)).max(LIST_BOUNDS.notes);
const source = citation.optional();

export const datasetLine = z
  .strictObject({
    id: z.string().regex(DATASET_ID),
    name: z.string().min(1).max(200),
    version: z.string().min(1).max(100).optional(),
    date: z.string().regex(ISO_PARTIAL_DATE, 'a date of the form 2026, 2026-11 or 2026-11-23').optional(),
    licence: z.string().min(1).max(200),
    url: z.string().url().optional(),
  })
  .refine((d) => d.version !== undefined || d.date !== undefined, 'a dataset needs a version or a date');

export const documentLine = z.strictObject({
  id: z.string().regex(DOCUMENT_ID),
  languages: z.array(lang).min(1).max(LIST_BOUNDS.languages),
  titles: z.array(localized).min(1).max(LIST_BOUNDS.titles),
  published: withDateRules(z.strictObject(dateParts)).optional(),
  text: z.string().min(1),
  notes: notes.optional(),
  sources: sources.min(1),
});

export const entityLine = z.strictObject({
  id: z.string().regex(ENTITY_ID),
  type: z.enum(ENTITY_TYPES),
  kind: z.string().optional(),
  names: z.array(z.strictObject({ value: z.string().min(1), lang, kind: z.enum(['primary', 'alias']), source })).min(1).max(LIST_BOUNDS.names),
  description: localized.extend({ source }).optional(),
  date: withDateRules(z.strictObject({ ...dateParts, source })).optional(),
  count: z.strictObject({ value: z.number().int().min(0), qualifier: z.enum(['EXACT', 'MORE_THAN']), source }).optional(),
  notes: notes.optional(),
  sources: sources.max(ENTITY_OWN_SOURCES).optional(),
});

export const relationshipLine = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES),
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  title: z.array(localized).max(LIST_BOUNDS.titles).optional(),
  role: z.enum(ROLES).optional(),
  mode: z.enum(['IN_PERSON', 'VIDEO']).optional(),
  position: z.string().min(1).optional(),
  notes: notes.optional(),
  sources: sources.min(1),
});

export type DatasetLine = z.infer<typeof datasetLine>;
export type DocumentLine = z.infer<typeof documentLine>;
export type EntityLine = z.infer<typeof entityLine>;
export type RelationshipLine = z.infer<typeof relationshipLine>;

export type ImportLine =
  | { kind: 'dataset'; value: DatasetLine }
  | { kind: 'document'; value: DocumentLine }
  | { kind: 'entity'; value: EntityLine }
  | { kind: 'relationship'; value: RelationshipLine };

const SHAPES = { dataset: datasetLine, document: documentLine, entity: entityLine, relationship: relationshipLine } as const;
type LineKind = keyof typeof SHAPES;

export interface LineProblem {
  field: string;
  message: string;
}

/**
 * Parses one line: JSON, exactly one known top-level key, its shape, and the rules within one
 * record (kinds per type, one primary name per language, provenance for every stated field).
 */
export function parseLine(text: string): { line: ImportLine } | { problems: LineProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [{ field: '', message: `not valid JSON (${(e as Error).message})` }] };
  }
  const keys = json !== null && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json) : [];
  if (keys.length !== 1 || !(keys[0] in SHAPES)) {
    return { problems: [{ field: '', message: `a line is an object with exactly one key: dataset, document, entity or relationship (got ${keys.length === 0 ? 'none' : keys.slice(0, 5).join(', ')})` }] };
  }
  const kind = keys[0] as LineKind;
  const parsed = SHAPES[kind].safeParse((json as Record<string, unknown>)[kind]);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ field: [kind, ...i.path].join('.'), message: i.message })) };
  }
  const line = { kind, value: parsed.data } as ImportLine;
  const problems = recordRules(line);
  return problems.length > 0 ? { problems } : { line };
}

function recordRules(line: ImportLine): LineProblem[] {
  const problems: LineProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `${line.kind}.${field}`, message });
  if (line.kind === 'entity') {
    const e = line.value;
    const kinds = KINDS[e.type];
    if (kinds.length === 0 && e.kind !== undefined) problem('kind', `${e.type} has no kind`);
    if (kinds.length > 0 && !kinds.includes(e.kind ?? '')) problem('kind', `must be one of ${kinds.join(', ')} for ${e.type}`);
    onePrimaryPerLanguage(e.names, (i, msg) => problem(`names.${i}`, msg));
    const unbacked = [...e.names, e.description, e.date, e.count].some((f) => f && !f.source);
    if (unbacked && !e.sources?.length) problem('sources', 'every name, description, date and count needs a source: give its own `source` or the record\'s `sources`');
  } else if (line.kind === 'document') {
    onePrimaryPerLanguage(line.value.titles.map((t) => ({ ...t, kind: 'primary' })), (i, msg) => problem(`titles.${i}`, msg));
  }
  return problems;
}

function onePrimaryPerLanguage(names: { value: string; lang: string; kind: string }[], problem: (i: number, msg: string) => void): void {
  names.forEach((n, i) => {
    const earlier = names.slice(0, i);
    if (earlier.some((m) => m.value === n.value && m.lang === n.lang)) problem(i, `the name ${JSON.stringify(n.value)} (${n.lang}) is given twice`);
    else if (n.kind === 'primary' && earlier.some((m) => m.kind === 'primary' && m.lang === n.lang)) problem(i, `a second primary ${n.lang} name`);
  });
}
