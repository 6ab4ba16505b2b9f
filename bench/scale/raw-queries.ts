// The floor's Cypher: one idiomatic, parameterised query per question, one row whose `data` is the
// answer's JSON. Labels and types from the seed shape's allowlists; hop bounds are literals (one
// text per bound). `name IS NOT NULL` lets the planner read a list's order from the name index.
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../../src/seed/shape';

const names = (v: string) => `[i IN range(0, size(coalesce(${v}.nameValues, [])) - 1) | {
    value: ${v}.nameValues[i],
    language: CASE ${v}.nameLangs[i] WHEN 'zh' THEN 'ZH' ELSE 'EN' END,
    kind: CASE ${v}.nameKinds[i] WHEN 'alias' THEN 'ALIAS' ELSE 'PRIMARY' END}]`;

const titles = (v: string) => `[i IN range(0, size(coalesce(${v}.titleValues, [])) - 1) | {
    value: ${v}.titleValues[i], language: CASE ${v}.titleLangs[i] WHEN 'zh' THEN 'ZH' ELSE 'EN' END}]`;

const ENTITY = `
MATCH (n:Entity {id: $key})
RETURN {key: n.id, type: n.type, name: n.name, kind: n.kind, names: ${names('n')}, notes: coalesce(n.notes, [])} AS data`;

const PEOPLE_POSTS_PARENTS = `
MATCH (p:Person) WHERE p.name IS NOT NULL
WITH p ORDER BY p.name, p.id LIMIT $first
RETURN collect({key: p.id, name: p.name, posts: COLLECT {
  MATCH (p)-[r:HOLDS_POST]->(o:Entity)
  WITH r, o ORDER BY o.name, o.id, r.id LIMIT 20
  RETURN {titles: ${titles('r')}, organisation: {key: o.id, name: o.name, parents: COLLECT {
    MATCH (o)-[:PART_OF]->(parent:Organisation)
    WITH parent ORDER BY parent.name, parent.id LIMIT 20
    RETURN {key: parent.id, name: parent.name}
  }}}
}}) AS data`;

const ORGANISATIONS_OF_KIND = `
CALL () { MATCH (o:Organisation) WHERE o.kind = $kind AND o.name IS NOT NULL RETURN count(o) AS total }
CALL () {
  MATCH (o:Organisation) WHERE o.kind = $kind AND o.name IS NOT NULL
  WITH o ORDER BY o.name, o.id LIMIT $first
  RETURN collect({key: o.id, name: o.name, kind: o.kind}) AS items
}
RETURN {totalCount: total, items: items} AS data`;

const PEOPLE_PAGE = `
MATCH (p:Person) WHERE p.name IS NOT NULL
WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $first
RETURN {items: collect({key: p.id, name: p.name})} AS data`;

// Every hit counts towards the total; only the page is sorted out of them (a top-k sort).
const SEARCH_PEOPLE = `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names_latin', $lucene) YIELD node
  WHERE node:Person
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names_latin', $lucene) YIELD node, score
  WHERE node:Person
  WITH node, score ORDER BY score DESC, node.name, node.id LIMIT $first
  RETURN collect({key: node.id, name: node.name, score: score}) AS items
}
RETURN {totalCount: total, items: items} AS data`;

const neighbourhood = (hops: number) => `
MATCH (c:Entity {id: $key})
CALL (c) {
  MATCH p = SHORTEST 1 (c)(()--()){1,${hops}}(m:Entity) WHERE m <> c
  WITH m, length(p) AS distance ORDER BY distance, m.name, m.id
  RETURN collect({m: m, distance: distance}) AS reached
}
WITH c, size(reached) AS reachable, reached[0..$limit] AS kept
WITH c, reachable, kept, [c] + [x IN kept | x.m] AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b) WHERE b IN members
  WITH r, a, b ORDER BY r.id
  RETURN collect({id: r.id, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN {
  reachable: reachable, truncated: reachable > size(kept),
  nodes: [{key: c.id, distance: 0}] + [x IN kept | {key: x.m.id, distance: x.distance}],
  edges: edges
} AS data`;

const POSTS_IN = `
MATCH (o:Entity {id: $key})
CALL (o) {
  MATCH (o)<-[r:HOLDS_POST]-(p:Entity)
  WITH r, p ORDER BY p.name, p.id, r.id LIMIT $first
  RETURN collect({titles: ${titles('r')}, person: {key: p.id, name: p.name}}) AS items
}
RETURN {totalCount: COUNT { (o)<-[:HOLDS_POST]-() }, items: items} AS data`;

const paths = (maxHops: number) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
WITH p ORDER BY reduce(s = '', n IN nodes(p) | s + n.id + '|') LIMIT $first
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN collect({length: size(rs), steps: [i IN range(0, size(rs) - 1) | {
  from: ns[i].id, to: ns[i + 1].id, relationship: rs[i].id, type: type(rs[i]),
  direction: CASE WHEN startNode(rs[i]) = ns[i] THEN 'FORWARD' ELSE 'BACKWARD' END
}]}) AS data`;

// The stored model's sort keys: the :Timeline label marks what belongs on a timeline, `dateAsc`
// is the start of an item's period (undated items last), `degree` the entity's relationship count.
const TIMELINE = `
MATCH (m:Timeline) WHERE m.dateAsc IS NOT NULL
WITH m ORDER BY m.dateAsc, m.name, m.id LIMIT $first
RETURN collect({key: m.id, type: m.type, name: m.name, year: m.dateYear, month: m.dateMonth, day: m.dateDay}) AS data`;

const MOST_CONNECTED = `
MATCH (n:Entity) WHERE n.degree IS NOT NULL
WITH n ORDER BY n.degree DESC, n.name, n.id LIMIT $first
RETURN collect({key: n.id, name: n.name, degree: n.degree}) AS data`;

// Counts from the count store, one per label and relationship type of the allowlists (the peer's
// stats field runs the same statement).
export const STATS_COUNTS = `
WITH [${[...ENTITY_TYPES, 'Document'].sort().map((l) => `{type: '${l}', count: COUNT { (:${l}) }}`).join(', ')}] AS entities,
     [${[...RELATIONSHIP_TYPES].sort().map((t) => `{type: '${t}', count: COUNT { ()-[:${t}]->() }}`).join(', ')}] AS relationships
WITH [e IN entities WHERE e.count > 0] AS entities, [r IN relationships WHERE r.count > 0] AS relationships
WITH entities, relationships, reduce(s = 0, e IN entities | s + e.count) AS totalEntities,
  reduce(s = 0, r IN relationships | s + r.count) AS totalRelationships`;

const STATS = `${STATS_COUNTS}
RETURN {totalEntities: totalEntities, totalRelationships: totalRelationships, entities: entities, relationships: relationships} AS data`;

export const RAW_QUESTIONS = {
  entity: () => ENTITY,
  peoplePostsParents: () => PEOPLE_POSTS_PARENTS,
  organisationsOfKind: () => ORGANISATIONS_OF_KIND,
  peoplePage: () => PEOPLE_PAGE,
  searchPeople: () => SEARCH_PEOPLE,
  neighbourhood: (p: { hops: number }) => neighbourhood(bounded(p.hops, 3)),
  postsIn: () => POSTS_IN,
  paths: (p: { maxHops: number }) => paths(bounded(p.maxHops, 6)),
  timeline: () => TIMELINE,
  mostConnected: () => MOST_CONNECTED,
  stats: () => STATS,
} satisfies Record<string, (params: never) => string>;

export type RawQuestion = keyof typeof RAW_QUESTIONS;

function bounded(n: number, max: number): number {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`bound must be 1..${max}, got ${n}`);
  return n;
}
