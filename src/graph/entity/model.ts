// Entity models: what a Neo4j node becomes once it leaves the data layer. Plain objects, no
// driver types. Queries project only what a page needs: the base fields always, the detail
// (names, notes, citations) when the operation selected it, a document's text never (it has its
// own loader). A model without detail gets it from the detail loader when a resolver asks.
import { list, readCitations, citationsFor, type CitationModel } from '../../shared/citations';
import { NODE_TYPES, type NodeType } from '../../shared/global-id';
import { toPartialDate, type PartialDate } from '../../shared/partial-date';

export type Language = 'EN' | 'ZH';

export interface NameModel {
  value: string;
  language: Language;
  kind: 'PRIMARY' | 'ALIAS';
  sources: CitationModel[];
}

export interface EntityDetail {
  names: NameModel[];
  notes: string[];
  citations: CitationModel[];
}

export interface EntityModel {
  type: NodeType;
  key: string;
  name: string;
  kind: string | null;
  date: PartialDate | null;
  count: { value: number; qualifier: 'EXACT' | 'MORE_THAN' } | null;
  description: { value: string; language: Language } | null;
  /** Documents only (the text is loaded apart). */
  document: { sha256: string; languages: Language[] } | null;
  /** Null when the query that produced the model did not select names, notes or sources. */
  detail: EntityDetail | null;
}

/** The entity fields that need the detail projection. */
export const DETAIL_FIELDS = ['names', 'notes', 'sources'] as const;

const BASE = '.id, .type, .name, .kind, .dateYear, .dateMonth, .dateDay, .countValue, .countQualifier, .description, .descriptionLang, .sha256, .languages';
const DETAIL = '.nameValues, .nameLangs, .nameKinds, .notes, .citeField, .citeDoc, .citeStart, .citeEnd, .srcField, .srcDataset, .srcRecord';

/** Cypher map projection of node `v`, with the detail when the Cypher expression `detail` holds. */
export function entityProjection(v: string, detail: string | boolean = false): string {
  if (detail === false) return `${v} {${BASE}}`;
  if (detail === true) return `${v} {${BASE}, ${DETAIL}}`;
  return `CASE WHEN ${detail} THEN ${v} {${BASE}, ${DETAIL}} ELSE ${v} {${BASE}} END`;
}

/** A projected node, as the queries above return it. */
export type EntityRecord = Record<string, unknown>;

export function toEntityModel(p: EntityRecord): EntityModel {
  const type = p.type as NodeType;
  if (!NODE_TYPES.includes(type)) throw new Error(`node ${String(p.id)} has unknown type ${String(p.type)}`);
  return {
    type,
    key: String(p.id),
    name: String(p.name),
    kind: typeof p.kind === 'string' ? p.kind : null,
    date: toPartialDate(p.dateYear, p.dateMonth, p.dateDay),
    count: typeof p.countValue === 'number' ? { value: p.countValue, qualifier: p.countQualifier as 'EXACT' | 'MORE_THAN' } : null,
    description: typeof p.description === 'string' ? { value: p.description, language: toLanguage(p.descriptionLang) } : null,
    document: type === 'Document' ? { sha256: String(p.sha256), languages: list<string>(p.languages).map(toLanguage) } : null,
    detail: 'nameValues' in p ? toEntityDetail(p) : null,
  };
}

export function toEntityDetail(p: EntityRecord): EntityDetail {
  const citations = readCitations(p);
  const kinds = list<string>(p.nameKinds);
  const langs = list<string>(p.nameLangs);
  return {
    names: list<string>(p.nameValues).map((value, i) => ({
      value,
      language: toLanguage(langs[i]),
      kind: kinds[i] === 'alias' ? ('ALIAS' as const) : ('PRIMARY' as const),
      sources: citationsFor(citations, `name:${value}`),
    })),
    notes: list<string>(p.notes),
    citations,
  };
}

export function toLanguage(lang: unknown): Language {
  return lang === 'zh' ? 'ZH' : 'EN';
}
