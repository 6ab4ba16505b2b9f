// Entity models: what a Neo4j node becomes once it leaves the data layer. Plain objects, no
// driver types; every entity type shares this shape and fills the fields that apply to it.
import { list, readCitations, type CitationModel } from '../../shared/citations';
import { NODE_TYPES, type NodeType } from '../../shared/global-id';
import { toPartialDate, type PartialDate } from '../../shared/partial-date';

export type Language = 'EN' | 'ZH';

export interface NameModel {
  value: string;
  language: Language;
  kind: 'PRIMARY' | 'ALIAS';
  sources: CitationModel[];
}

export interface EntityModel {
  type: NodeType;
  key: string;
  name: string;
  kind: string | null;
  names: NameModel[];
  notes: string[];
  citations: CitationModel[];
  date: PartialDate | null;
  count: { value: number; qualifier: 'EXACT' | 'MORE_THAN' } | null;
  description: { value: string; language: Language } | null;
  /** Documents only. */
  document: { text: string; sha256: string; languages: Language[] } | null;
}

/** The part of a driver Node this mapper reads. */
export interface NodeRecord {
  properties: Record<string, unknown>;
}

export function toEntityModel(node: NodeRecord): EntityModel {
  const p = node.properties;
  const type = p.type as NodeType;
  if (!NODE_TYPES.includes(type)) throw new Error(`node ${String(p.id)} has unknown type ${String(p.type)}`);
  const citations = readCitations(p);
  const kinds = list<string>(p.nameKinds);
  const langs = list<string>(p.nameLangs);
  const names = list<string>(p.nameValues).map((value, i) => ({
    value,
    language: toLanguage(langs[i]),
    kind: kinds[i] === 'alias' ? ('ALIAS' as const) : ('PRIMARY' as const),
    sources: citations.filter((c) => c.field === `name:${value}`),
  }));
  return {
    type,
    key: String(p.id),
    name: String(p.name),
    kind: typeof p.kind === 'string' ? p.kind : null,
    names,
    notes: list<string>(p.notes),
    citations,
    date: toPartialDate(p.dateYear, p.dateMonth, p.dateDay),
    count: typeof p.countValue === 'number' ? { value: p.countValue, qualifier: p.countQualifier as 'EXACT' | 'MORE_THAN' } : null,
    description: typeof p.description === 'string' ? { value: p.description, language: toLanguage(p.descriptionLang) } : null,
    document:
      type === 'Document'
        ? { text: String(p.text), sha256: String(p.sha256), languages: list<string>(p.languages).map(toLanguage) }
        : null,
  };
}

function toLanguage(lang: unknown): Language {
  return lang === 'zh' ? 'ZH' : 'EN';
}
