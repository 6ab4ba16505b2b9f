// The Cypher of a top-level list, one text per list shape (type, which criteria are given, order,
// first or later page, with or without a total), assembled from the constant fragments below
// and cached. A shape with an anchor (an entity a criterion names) starts from that entity and
// walks to the candidates; one without reads the type's label index in sort order and stops
// after the page. Values reach Cypher only as parameters (`key`, `f`, `$limit`).
import { UNDATED_SORT_KEY } from '../../import/stored';
import type { NodeType } from '../../shared/global-id';
import { keysetPredicate } from '../../shared/pagination';
import { entityProjection } from './model';
import type { ListFilter, ListOrder } from './filters';

/** Longest PART_OF chain followed (units of units ...); documented in the SDL and README. */
export const MAX_PART_OF_DEPTH = 8;
/**
 * Deepest place within a place that filters follow (city in district in region in country ...):
 * `places(within:)` lists places up to this many LOCATED_IN steps down; an organisation or event
 * is found when its seat is such a place (one more step, its own).
 */
export const MAX_LOCATED_IN_DEPTH = 6;

const UNITS = `[:PART_OF*0..${MAX_PART_OF_DEPTH}]`;
/** From an entity up to a place that contains it: a place's own chain, or a seat and then a place's chain. */
const seatedIn = (label: string) => `[:LOCATED_IN*1..${label === 'Place' ? MAX_LOCATED_IN_DEPTH : MAX_LOCATED_IN_DEPTH + 1}]`;

// Bound to an anchor, each finds candidate `n` from the entity the criterion names. The hint
// makes the plan start at the anchor whatever the statistics say (on a small graph the planner
// may otherwise start from a date index and test every candidate).
const FROM_ANCHOR = 'USING INDEX anchor:Entity(id)';
const ANCHORS = {
  participant: (label: string) => `MATCH (anchor:Entity {id: f.participant})-[:PARTICIPATED_IN]->(n:${label}) ${FROM_ANCHOR}`,
  party: (label: string) => `MATCH (anchor:Entity {id: f.party})-[:${label === 'Agreement' ? 'PARTY_TO' : 'INVOLVED_IN|GOVERNS'}]->(n:${label}) ${FROM_ANCHOR}`,
  parent: (label: string) => `MATCH (anchor:Entity {id: f.parent})<-[:PART_OF*1..${MAX_PART_OF_DEPTH}]-(n:${label}) ${FROM_ANCHOR}`,
  postOrganisation: (label: string) => `MATCH (anchor:Entity {id: f.post.organisation})<-${UNITS}-(o:Organisation)<-[p:HOLDS_POST]-(n:${label}) ${FROM_ANCHOR}`,
  postPlace: (label: string) => `MATCH (anchor:Entity {id: f.post.place})<-${seatedIn('Organisation')}-(:Entity)<-${UNITS}-(o:Organisation)<-[p:HOLDS_POST]-(n:${label}) ${FROM_ANCHOR}`,
  postTitle: (label: string) => `MATCH (n:${label})-[p:HOLDS_POST]->(o:Organisation) WHERE p.titleSearch CONTAINS toLower(f.post.title)`,
  place: (label: string) => `MATCH (anchor:Entity {id: f.place})<-${seatedIn(label)}-(:Entity)<-${UNITS}-(n:${label}) ${FROM_ANCHOR}`,
} as const;
type Anchor = keyof typeof ANCHORS;

// The same criteria as predicates on a candidate, when another criterion is the anchor.
const PREDICATES = {
  kinds: 'n.kind IN f.kinds',
  participant: 'EXISTS { (:Entity {id: f.participant})-[:PARTICIPATED_IN]->(n) }',
  party: (label: string) => `EXISTS { (:Entity {id: f.party})-[:${label === 'Agreement' ? 'PARTY_TO' : 'INVOLVED_IN|GOVERNS'}]->(n) }`,
  parent: `EXISTS { (n)-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(:Entity {id: f.parent}) }`,
  place: (label: string) => `EXISTS { (n)-${UNITS}->(:Entity)-${seatedIn(label)}->(:Entity {id: f.place}) }`,
  postTitle: 'any(t IN p.titleValues WHERE toLower(t) CONTAINS toLower(f.post.title))',
  postOrganisation: `EXISTS { (o)-${UNITS}->(:Entity {id: f.post.organisation}) }`,
  postPlace: `EXISTS { (o)-${UNITS}->(:Entity)-${seatedIn('Organisation')}->(:Entity {id: f.post.place}) }`,
} as const;

// Dates: an item's period is [first, last] in yyyymmdd (a month ends on "day 31", as in
// shared/date-range.ts); `dateAsc` holds `first`, or UNDATED_SORT_KEY without a known year.
// A period is at most a year long, so items meeting a range start at most a year before it.
const DATE_CANDIDATES = {
  dated: `(n.dateAsc >= f.date.start - 10000 AND n.dateAsc <= f.date.end)`,
  datedOrUndated: `((n.dateAsc >= f.date.start - 10000 AND n.dateAsc <= f.date.end) OR n.dateAsc = ${UNDATED_SORT_KEY})`,
  undated: `n.dateAsc = ${UNDATED_SORT_KEY}`,
};
const DATE_MATCH = `
  WITH n, CASE WHEN n.dateAsc = ${UNDATED_SORT_KEY} THEN 'UNDATED'
      WHEN n.dateAsc >= f.date.start AND n.dateYear * 10000 + coalesce(n.dateMonth, 12) * 100 + coalesce(n.dateDay, 31) <= f.date.end THEN 'WITHIN'
      ELSE 'OVERLAPS' END AS dateMatch
  WHERE dateMatch IN f.date.accept AND (dateMatch = 'UNDATED' OR (n.dateAsc <= f.date.end
      AND n.dateYear * 10000 + coalesce(n.dateMonth, 12) * 100 + coalesce(n.dateDay, 31) >= f.date.start))`;

/** Sort keys per order: the stored properties (index-backed), then name and key to break ties. */
export function sortKeys(order: ListOrder): { props: string[]; descending: boolean } {
  if (order.field === 'DATE') return { props: [order.descending ? 'n.dateDesc' : 'n.dateAsc', 'n.name', 'n.id'], descending: false };
  return { props: ['n.name', 'n.id'], descending: order.descending };
}

export interface ListShape {
  type: NodeType;
  anchor: Anchor | 'date' | null;
  predicates: string[];
  date: 'dated' | 'datedOrUndated' | 'undated' | null;
  /**
   * No anchor, kinds given: the total counts each kind's (kind, name) index range, and a page by
   * name reads the first page of each range in order and merges them.
   */
  perKind: boolean;
  order: ListOrder;
  after: boolean;
  count: boolean;
}

export function listShape(type: NodeType, f: ListFilter, order: ListOrder, hasAfter: boolean, count: boolean): ListShape {
  const post = f.post;
  const given: Anchor[] = [
    ...(f.participant ? ['participant' as const] : []),
    ...(f.party ? ['party' as const] : []),
    ...(f.parent ? ['parent' as const] : []),
    ...(post?.organisation ? ['postOrganisation' as const] : []),
    ...(post?.place ? ['postPlace' as const] : []),
    ...(post?.title ? ['postTitle' as const] : []),
    ...(f.place ? ['place' as const] : []),
  ];
  const date = f.date === null ? null : f.date.accept.length === 1 && f.date.accept[0] === 'UNDATED' ? 'undated' : f.date.accept.includes('UNDATED') ? 'datedOrUndated' : 'dated';
  const anchor = given[0] ?? (date ? 'date' : null);
  const perKind = anchor === null && f.kinds.length > 0;
  // Post criteria come only together (people) and all bind the anchor's post `p` and its `o`.
  const predicates = given.slice(1).map((c) => (c === 'party' || c === 'place' ? PREDICATES[c](type) : PREDICATES[c]));
  if (f.kinds.length > 0 && !(perKind && order.field === 'NAME')) predicates.push(PREDICATES.kinds);
  return { type, anchor, predicates, date, perKind, order, after: hasAfter, count };
}

const anchored = (s: ListShape): boolean => s.anchor !== null && s.anchor !== 'date';

/**
 * Without an anchor, the index a list reads: its date range, else its leading sort key. A hint,
 * so the plan does not depend on statistics (a small graph would otherwise be scanned and sorted,
 * and a keyset predicate's OR can tempt the planner into a union of seeks that reads far more).
 */
function indexHint(s: ListShape): string {
  const prop = s.anchor === 'date' ? 'dateAsc' : sortKeys(s.order).props[0].slice('n.'.length);
  return `USING INDEX n:${s.type}(${prop})`;
}

/**
 * The candidates and criteria of a shape, without order or page: shared by the page and the
 * total. `leading` (the page's bound on the first sort key) joins the MATCH's own WHERE when
 * nothing anchors the list, which is what lets the planner read the sort index in order and
 * stop after the page; a WHERE after a projection would make it sort the whole label.
 */
function candidates(s: ListShape, leading: string | null): string {
  const hint = s.anchor === 'date' || leading ? ` ${indexHint(s)}` : '';
  const match = anchored(s) ? ANCHORS[s.anchor as Anchor](s.type) : `MATCH (n:${s.type})${hint}`;
  const where = [...s.predicates, ...(s.date ? [DATE_CANDIDATES[s.date]] : []), ...(leading && !anchored(s) ? [leading] : [])];
  const glue = match.includes(' WHERE ') ? ' AND ' : ' WHERE ';
  // Several paths (posts, roles, chains) may lead to one candidate.
  const distinct = anchored(s) ? `\n  WITH DISTINCT n${leading ? ` WHERE ${leading}` : ''}` : '';
  return `${match}${where.length ? `${glue}${where.join(' AND ')}` : ''}${distinct}${s.date ? DATE_MATCH : ''}`;
}

/** Per kind, the first page of its (kind, name) index range; the merged page is the first of those. */
function perKindCandidates(s: ListShape, leading: string, orderBy: string, descending: boolean): string {
  return `UNWIND f.kinds AS kind
  CALL (key, kind) {
    MATCH (n:${s.type}) USING INDEX n:${s.type}(kind, name) WHERE n.kind = kind AND ${leading}
    WITH n ORDER BY n.kind${descending ? ' DESC' : ''}, ${orderBy} LIMIT toInteger($limit)
    RETURN n
  }`;
}

function total(s: ListShape): string {
  if (s.perKind) {
    return `
CALL (f) {
  UNWIND f.kinds AS kind
  CALL (kind) {
    MATCH (n:${s.type}) USING INDEX n:${s.type}(kind, name) WHERE n.kind = kind AND n.name IS NOT NULL
    RETURN count(n) AS perKind
  }
  RETURN sum(perKind) AS total
}`;
  }
  return `
CALL (f) {
  ${candidates(s, null)}
  RETURN count(n) AS total
}`;
}

const cache = new Map<string, string>();

export function listCypher(s: ListShape): string {
  const id = JSON.stringify(s);
  let text = cache.get(id);
  if (text) return text;
  const { props, descending } = sortKeys(s.order);
  const orderBy = props.map((p, i) => (i === 0 && descending ? `${p} DESC` : p)).join(', ');
  const dateMatch = s.date ? 'dateMatch' : 'null AS dateMatch';
  // Without a cursor, the leading sort key's IS NOT NULL still lets the planner read its index in order.
  const leading = s.after ? keysetPredicate(props, descending) : `${props[0]} IS NOT NULL`;
  const page = `
CALL (key, f) {
  ${s.perKind && s.order.field === 'NAME' ? perKindCandidates(s, leading, orderBy, descending) : candidates(s, leading)}
  WITH n, ${dateMatch} ORDER BY ${orderBy} LIMIT toInteger($limit)
  RETURN collect({n: ${entityProjection('n', { attributes: 'key.attributes', detail: 'key.detail' })}, dateMatch: dateMatch, sort: [${props.join(', ')}]}) AS page
}`;
  text = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key, $keys[i].filter AS f${page}${s.count ? total(s) : ''}
RETURN i, page, ${s.count ? 'total' : 'null AS total'}`;
  cache.set(id, text);
  return text;
}
