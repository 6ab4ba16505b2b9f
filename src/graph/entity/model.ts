// Entity models: what a Neo4j node becomes once it leaves the data layer. Plain objects, no
// driver types. Queries project only what a page needs: the identity (id, type, name) always,
// the attributes (kind, date, count, ...) and the detail (names, notes, citations) when the
// operation selected them, a document's text never (it has its own loader). A model without
// attributes or detail gets them from their loaders when a resolver asks.
import { list, readCitations, citationsFor, type CitationModel } from '../../shared/citations';
import { NODE_TYPES, type NodeType } from '../../shared/global-id';
import { toPartialDate, type PartialDate } from '../../shared/partial-date';
import { selectsAny, type SelectionInfo } from '../../shared/selection';

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

/** What an entity says beyond its name: read when the operation selected one of these fields. */
export interface EntityAttributes {
  kind: string | null;
  date: PartialDate | null;
  count: { value: number; qualifier: 'EXACT' | 'MORE_THAN' } | null;
  description: { value: string; language: Language } | null;
  /** Documents only (the text is loaded apart). */
  document: { sha256: string; languages: Language[] } | null;
}

export interface EntityModel {
  type: NodeType;
  key: string;
  name: string;
  /** Null when the query that produced the model did not select kind, date, count, ... */
  attributes: EntityAttributes | null;
  /** Null when the query that produced the model did not select names, notes or sources. */
  detail: EntityDetail | null;
}

/** The entity fields that need the detail projection. */
export const DETAIL_FIELDS = ['names', 'notes', 'sources'] as const;

/** The entity fields that need the attributes (on any entity type; Organisation's `published` is a page, counted anyway). */
export const ATTRIBUTE_FIELDS = ['kind', 'date', 'count', 'description', 'published', 'languages', 'sha256'] as const;

const BASE = '.id, .type, .name';
const ATTRIBUTES = '.kind, .dateYear, .dateMonth, .dateDay, .countValue, .countQualifier, .description, .descriptionLang, .sha256, .languages';
const DETAIL = '.nameValues, .nameLangs, .nameKinds, .notes, .citeField, .citeDoc, .citeStart, .citeEnd, .srcField, .srcDataset, .srcRecord';

/** What a projection reads besides the identity: each part always, never, or when a Cypher expression holds. */
export interface ProjectionParts {
  attributes?: string | boolean;
  detail?: string | boolean;
}

/**
 * Cypher map projection of node `v`: its identity (id, type, name), plus the attributes and the
 * detail as `parts` says. A row reads one property per projected key, so a page that shows names
 * only reads three per entity, not thirteen.
 */
export function entityProjection(v: string, parts: ProjectionParts = {}): string {
  const map = (attributes: boolean, detail: boolean) => `${v} {${[BASE, ...(attributes ? [ATTRIBUTES] : []), ...(detail ? [DETAIL] : [])].join(', ')}}`;
  const flag = (p: string | boolean | undefined): string | boolean => p ?? false;
  const [a, d] = [flag(parts.attributes), flag(parts.detail)];
  if (typeof a === 'boolean' && typeof d === 'boolean') return map(a, d);
  if (typeof a === 'boolean') return `CASE WHEN ${d as string} THEN ${map(a, true)} ELSE ${map(a, false)} END`;
  if (typeof d === 'boolean') return `CASE WHEN ${a} THEN ${map(true, d)} ELSE ${map(false, d)} END`;
  return `CASE WHEN ${a} AND ${d} THEN ${map(true, true)} WHEN ${a} THEN ${map(true, false)} WHEN ${d} THEN ${map(false, true)} ELSE ${map(false, false)} END`;
}

/** Which parts the operation selected on the entities at `paths` below the resolver's field. */
export function selectedParts(info: SelectionInfo, paths: string[][]): { attributes: boolean; detail: boolean } {
  return {
    attributes: paths.some((path) => selectsAny(info, path, ATTRIBUTE_FIELDS)),
    detail: paths.some((path) => selectsAny(info, path, DETAIL_FIELDS)),
  };
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
    attributes: 'dateYear' in p ? toEntityAttributes(type, p) : null,
    detail: 'nameValues' in p ? toEntityDetail(p) : null,
  };
}

export function toEntityAttributes(type: NodeType, p: EntityRecord): EntityAttributes {
  return {
    kind: typeof p.kind === 'string' ? p.kind : null,
    date: toPartialDate(p.dateYear, p.dateMonth, p.dateDay),
    count: typeof p.countValue === 'number' ? { value: p.countValue, qualifier: p.countQualifier as 'EXACT' | 'MORE_THAN' } : null,
    description: typeof p.description === 'string' ? { value: p.description, language: toLanguage(p.descriptionLang) } : null,
    document: type === 'Document' ? { sha256: String(p.sha256), languages: list<string>(p.languages).map(toLanguage) } : null,
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
