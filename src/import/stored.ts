// How facts are stored on nodes and relationships: names as parallel lists plus one search field
// per full-text analyzer, citations as parallel lists (Neo4j properties cannot hold maps), and
// the sort keys that let lists and timelines read their order from an index.
import { isPassage, type CitationRow } from './rows';

export interface StoredName {
  value: string;
  lang: string;
  kind: string;
}

/** Sort key of items with no known year: after every dated item in either direction. */
export const UNDATED_SORT_KEY = 99_999_999;

/** The types whose entities carry a date (and so the date sort keys). */
export const DATED_TYPES: readonly string[] = ['Event', 'Agreement', 'Project', 'Document'];

export function nameProps(names: StoredName[]): Record<string, unknown> {
  const primary = (lang: string) => names.find((n) => n.kind === 'primary' && n.lang === lang)?.value;
  return {
    name: primary('en') ?? primary('zh') ?? names[0].value,
    nameValues: names.map((n) => n.value),
    nameLangs: names.map((n) => n.lang),
    nameKinds: names.map((n) => n.kind),
    // Two search fields, one per full-text analyzer: Latin script and CJK bi-grams.
    searchLatin: names.filter((n) => n.lang !== 'zh').map((n) => n.value).join(' | '),
    searchCjk: names.filter((n) => n.lang === 'zh').map((n) => n.value).join(' | '),
  };
}

export function dateProps(d: { year?: number; month?: number; day?: number } | undefined | null): Record<string, number | null> {
  return { dateYear: d?.year ?? null, dateMonth: d?.month ?? null, dateDay: d?.day ?? null };
}

/**
 * Index-ordered date sorts: `dateAsc` is the first day of the item's period (yyyymmdd; "2019" is
 * 20190101), `dateDesc` its mirror, so both orders read an index forwards with undated items last
 * in each. Matches shared/date-range.ts, where a period starts on its first day.
 */
export function dateSortProps(type: string, props: Record<string, unknown>): Record<string, number> {
  if (!DATED_TYPES.includes(type)) return {};
  const year = props.dateYear;
  if (typeof year !== 'number') return { dateAsc: UNDATED_SORT_KEY, dateDesc: UNDATED_SORT_KEY };
  const month = typeof props.dateMonth === 'number' ? props.dateMonth : 1;
  const day = typeof props.dateDay === 'number' ? props.dateDay : 1;
  const start = year * 10000 + month * 100 + day;
  return { dateAsc: start, dateDesc: UNDATED_SORT_KEY - start };
}

/** On the timeline: events, agreements and documents always (undated last), projects once dated. */
export function onTimeline(type: string, props: Record<string, unknown>): boolean {
  return type === 'Event' || type === 'Agreement' || type === 'Document' || (type === 'Project' && typeof props.dateYear === 'number');
}

/** Citations as parallel lists, passages and dataset records apart; a kind with none is left out. */
export function citationProps(citations: CitationRow[]): Record<string, unknown[]> {
  const passages = citations.filter(isPassage);
  const records = citations.filter((c) => !isPassage(c)) as Extract<CitationRow, { dataset: string }>[];
  return {
    ...(passages.length > 0 && {
      citeField: passages.map((c) => c.field),
      citeDoc: passages.map((c) => c.doc),
      citeStart: passages.map((c) => c.start),
      citeEnd: passages.map((c) => c.end),
    }),
    ...(records.length > 0 && {
      srcField: records.map((c) => c.field),
      srcDataset: records.map((c) => c.dataset),
      srcRecord: records.map((c) => c.record),
    }),
  };
}

/** A post's titles in one lower-cased string, for a text index (substring search on titles). */
export function titleSearchProps(props: Record<string, unknown>): Record<string, string> {
  const titles = Array.isArray(props.titleValues) ? (props.titleValues as string[]) : [];
  return titles.length > 0 ? { titleSearch: titles.map((t) => t.toLowerCase()).join(' | ') } : {};
}

/**
 * Bumped whenever the stored form changes (derived properties, labels): a seed loaded by an
 * older version is then written again at start-up.
 */
export const STORAGE_VERSION = 2;
