// Relationship models: a Neo4j relationship with its endpoints' keys, properties and, when the
// query selected them, its notes and sources (else the detail loader fetches them by id).
import { list, readCitations, type CitationModel } from '../../shared/citations';
import { RELATIONSHIP_TYPES } from '../../seed/shape';
import { toLanguage, type Language } from '../entity/model';

export interface RelationshipDetail {
  notes: string[];
  citations: CitationModel[];
}

export interface RelationshipModel {
  id: string;
  type: string;
  fromKey: string;
  toKey: string;
  role: string | null;
  mode: string | null;
  position: string | null;
  titles: { value: string; language: Language }[];
  detail: RelationshipDetail | null;
}

/** The relationship fields that need the detail projection. */
export const RELATIONSHIP_DETAIL_FIELDS = ['sources', 'notes'] as const;

const BASE = '.id, .role, .mode, .position, .titleValues, .titleLangs';
const DETAIL = '.notes, .citeField, .citeDoc, .citeStart, .citeEnd, .srcField, .srcDataset, .srcRecord';

/** How Cypher returns a relationship: its projected properties, type and endpoints' keys. */
export interface RelationshipRecord {
  p: Record<string, unknown>;
  type: string;
  from: string;
  to: string;
}

/** Cypher for a RelationshipRecord of `r`, with the detail when the expression `detail` holds. */
/**
 * The type part of a relationship pattern (`:A|B`, or '' for every type). Types cannot be Cypher
 * parameters, so each is checked against the schema's list before it enters a query text.
 */
export function typeExpression(types: readonly string[]): string {
  for (const t of types) if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`unknown relationship type ${t}`);
  return types.length ? `:${[...new Set(types)].sort().join('|')}` : '';
}

export function relationshipProjection(r: string, detail: string | boolean = false): string {
  const props = detail === false ? `${r} {${BASE}}` : detail === true ? `${r} {${BASE}, ${DETAIL}}` : `CASE WHEN ${detail} THEN ${r} {${BASE}, ${DETAIL}} ELSE ${r} {${BASE}} END`;
  return `{p: ${props}, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;
}

export function toRelationshipModel(rec: RelationshipRecord): RelationshipModel {
  const p = rec.p;
  const langs = list<string>(p.titleLangs);
  return {
    id: String(p.id),
    type: rec.type,
    fromKey: rec.from,
    toKey: rec.to,
    role: typeof p.role === 'string' ? p.role : null,
    mode: typeof p.mode === 'string' ? p.mode : null,
    position: typeof p.position === 'string' ? p.position : null,
    titles: list<string>(p.titleValues).map((value, i) => ({ value, language: toLanguage(langs[i]) })),
    detail: 'citeField' in p ? toRelationshipDetail(p) : null,
  };
}

export function toRelationshipDetail(p: Record<string, unknown>): RelationshipDetail {
  return { notes: list<string>(p.notes), citations: readCitations(p) };
}
