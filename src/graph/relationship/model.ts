// Relationship models: a Neo4j relationship with its endpoints' keys, properties and sources.
import { list, readCitations, type CitationModel } from '../../shared/citations';
import type { Language } from '../entity/model';

export interface RelationshipModel {
  id: string;
  type: string;
  fromKey: string;
  toKey: string;
  role: string | null;
  mode: string | null;
  position: string | null;
  titles: { value: string; language: Language }[];
  notes: string[];
  citations: CitationModel[];
}

export function toRelationshipModel(rel: { type: string; properties: Record<string, unknown> }, fromKey: string, toKey: string): RelationshipModel {
  const p = rel.properties;
  const langs = list<string>(p.titleLangs);
  return {
    id: String(p.id),
    type: rel.type,
    fromKey,
    toKey,
    role: typeof p.role === 'string' ? p.role : null,
    mode: typeof p.mode === 'string' ? p.mode : null,
    position: typeof p.position === 'string' ? p.position : null,
    titles: list<string>(p.titleValues).map((value, i) => ({ value, language: langs[i] === 'zh' ? 'ZH' : 'EN' })),
    notes: list<string>(p.notes),
    citations: readCitations(p),
  };
}
