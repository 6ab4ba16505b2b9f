// The peer's type definitions (@neo4j/graphql 7) over this project's stored graph: @node per label,
// @relationship with property types, @fulltext on the name indexes, and @cypher for what the
// library cannot express (neighbourhoods, paths, timeline, stats, ranking).
import { STATS_COUNTS } from './raw-queries';

const ENTITY_FIELDS = `
  id: ID!
  type: String!
  name: String!
  nameValues: [String!]
  nameLangs: [String!]
  nameKinds: [String!]
  notes: [String!]`;
const DATE_FIELDS = `
  dateYear: Int
  dateMonth: Int
  dateDay: Int`;

const node = (type: string, extra: string, relationships: string, directives = '') => `
type ${type} implements Entity @node(labels: ["${type}", "Entity"])${directives} {${ENTITY_FIELDS}${extra}
${relationships}
}`;

const rel = (field: string, type: string, direction: 'IN' | 'OUT', target: string, properties = 'Link') =>
  `  ${field}: [${target}!]! @relationship(type: "${type}", direction: ${direction}, properties: "${properties}")`;

// One UNION branch per bound: a quantifier cannot be a parameter, and a guard on the parameter
// makes the planner skip the branches that do not apply.
const perBound = (max: number, branch: (n: number) => string) =>
  Array.from({ length: max }, (_, i) => branch(i + 1)).join('\n    UNION\n');

const summary = (v: string) => `{id: ${v}.id, type: ${v}.type, name: ${v}.name}`;

const NEIGHBOURHOOD = `
MATCH (c:Entity {id: $id})
CALL (c) {
${perBound(3, (n) => `    WITH c WHERE $hops = ${n}
    MATCH p = SHORTEST 1 (c)(()--()){1,${n}}(m:Entity) WHERE m <> c
    RETURN m, length(p) AS distance`)}
}
WITH c, m, distance ORDER BY distance, m.name, m.id
WITH c, collect({m: m, distance: distance}) AS reached
WITH c, size(reached) AS reachable, reached[0..$limit] AS kept
CALL (c, kept) {
  UNWIND [c] + [x IN kept | x.m] AS a
  MATCH (a)-[r]->(b) WHERE b = c OR b IN [x IN kept | x.m]
  WITH r, a, b ORDER BY r.id
  RETURN collect({id: r.id, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN {
  reachable: reachable,
  truncated: reachable > size(kept),
  nodes: [{distance: 0, entity: ${summary('c')}}] + [x IN kept | {distance: x.distance, entity: ${summary('x.m')}}],
  edges: edges
} AS subgraph`;

const PATHS = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) WHERE a <> b
CALL (a, b) {
${perBound(6, (n) => `    WITH a, b WHERE $maxHops = ${n}
    MATCH p = allShortestPaths((a)-[*..${n}]-(b)) RETURN p`)}
}
WITH p ORDER BY reduce(s = '', n IN nodes(p) | s + n.id + '|') LIMIT $first
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN {
  length: size(rs),
  steps: [i IN range(0, size(rs) - 1) | {
    from: ${summary('ns[i]')}, to: ${summary('ns[i + 1]')},
    direction: CASE WHEN startNode(rs[i]) = ns[i] THEN 'FORWARD' ELSE 'BACKWARD' END,
    relationship: {id: rs[i].id, type: type(rs[i])}
  }]
} AS path`;

// Timeline, ranking and counts: the same Cypher as the floor's (raw-queries.ts), returning nodes
// or maps where the floor returns its answer.
const TIMELINE = `
MATCH (m:Timeline) WHERE m.dateAsc IS NOT NULL
WITH m ORDER BY m.dateAsc, m.name, m.id LIMIT $first
RETURN m`;

const MOST_CONNECTED = `
MATCH (n:Entity) WHERE n.degree IS NOT NULL
WITH n ORDER BY n.degree DESC, n.name, n.id LIMIT $first
RETURN {degree: n.degree, entity: ${summary('n')}} AS ranked`;

const STATS = `${STATS_COUNTS}
RETURN {totalEntities: totalEntities, totalRelationships: totalRelationships, entities: entities, relationships: relationships} AS stats`;

const cypher = (statement: string, column: string) => `@cypher(statement: """${statement}""", columnName: "${column}")`;

export const PEER_TYPE_DEFS = `
interface Entity {${ENTITY_FIELDS}
}

type Post @relationshipProperties {
  id: ID!
  titleValues: [String!]
  titleLangs: [String!]
  notes: [String!]
}

type Participation @relationshipProperties {
  id: ID!
  role: String
  mode: String
  position: String
  notes: [String!]
}

type Link @relationshipProperties {
  id: ID!
  role: String
  notes: [String!]
}
${node('Person', '\n  searchLatin: String\n  searchCjk: String', [
  rel('posts', 'HOLDS_POST', 'OUT', 'Organisation', 'Post'),
  rel('participations', 'PARTICIPATED_IN', 'OUT', 'Event', 'Participation'),
  rel('authored', 'AUTHORED', 'OUT', 'Document'),
].join('\n'), ` @fulltext(indexes: [
    {indexName: "entity_names_latin", queryName: "searchPeopleLatin", fields: ["searchLatin"]},
    {indexName: "entity_names_cjk", queryName: "searchPeopleCjk", fields: ["searchCjk"]}
  ])`)}
${node('Organisation', '\n  kind: String', [
  rel('parents', 'PART_OF', 'OUT', 'Organisation'),
  rel('units', 'PART_OF', 'IN', 'Organisation'),
  rel('holders', 'HOLDS_POST', 'IN', 'Person', 'Post'),
  rel('places', 'LOCATED_IN', 'OUT', 'Place'),
  rel('participations', 'PARTICIPATED_IN', 'OUT', 'Event', 'Participation'),
  rel('organised', 'ORGANISED', 'OUT', 'Event'),
  rel('agreements', 'PARTY_TO', 'OUT', 'Agreement'),
  rel('projects', 'INVOLVED_IN', 'OUT', 'Project'),
  rel('governs', 'GOVERNS', 'OUT', 'Project'),
  rel('partners', 'COOPERATES_WITH', 'OUT', 'Entity'),
  rel('published', 'PUBLISHED', 'OUT', 'Document'),
].join('\n'))}
${node('Event', `\n  kind: String${DATE_FIELDS}`, [
  rel('partOf', 'PART_OF', 'OUT', 'Event'),
  rel('parts', 'PART_OF', 'IN', 'Event'),
  rel('places', 'LOCATED_IN', 'OUT', 'Place'),
  rel('participants', 'PARTICIPATED_IN', 'IN', 'Entity', 'Participation'),
  rel('organisers', 'ORGANISED', 'IN', 'Organisation'),
  rel('agreements', 'SIGNED_AT', 'IN', 'Agreement'),
  rel('projects', 'LAUNCHED_AT', 'IN', 'Project'),
].join('\n'))}
${node('Agreement', `\n  kind: String${DATE_FIELDS}`, [
  rel('parties', 'PARTY_TO', 'IN', 'Entity'),
  rel('signedAt', 'SIGNED_AT', 'OUT', 'Event'),
].join('\n'))}
${node('Project', `\n  kind: String${DATE_FIELDS}`, [
  rel('partOf', 'PART_OF', 'OUT', 'Project'),
  rel('components', 'PART_OF', 'IN', 'Project'),
  rel('involved', 'INVOLVED_IN', 'IN', 'Entity'),
  rel('governedBy', 'GOVERNS', 'IN', 'Organisation'),
  rel('launchedAt', 'LAUNCHED_AT', 'OUT', 'Event'),
].join('\n'))}
${node('Place', '\n  kind: String', [
  rel('within', 'LOCATED_IN', 'OUT', 'Place'),
  rel('contains', 'LOCATED_IN', 'IN', 'Entity'),
].join('\n'))}
${node('Document', DATE_FIELDS, [
  rel('publishers', 'PUBLISHED', 'IN', 'Organisation'),
  rel('authors', 'AUTHORED', 'IN', 'Person'),
  rel('dateline', 'DATELINED', 'OUT', 'Place'),
].join('\n'))}

"An entity in a @cypher result: maps, since the library projects nodes only at the top level."
type EntitySummary {
  id: ID!
  type: String!
  name: String!
}

type SubgraphNode {
  distance: Int!
  entity: EntitySummary!
}

type SubgraphEdge {
  id: ID!
  type: String!
  source: ID!
  target: ID!
}

type Subgraph {
  reachable: Int!
  truncated: Boolean!
  nodes: [SubgraphNode!]!
  edges: [SubgraphEdge!]!
}

type RelationshipSummary {
  id: ID!
  type: String!
}

type PathStep {
  from: EntitySummary!
  to: EntitySummary!
  direction: String!
  relationship: RelationshipSummary!
}

type Path {
  length: Int!
  steps: [PathStep!]!
}

type RankedEntity {
  degree: Int!
  entity: EntitySummary!
}

type TypeCount {
  type: String!
  count: Int!
}

type GraphStats {
  totalEntities: Int!
  totalRelationships: Int!
  entities: [TypeCount!]!
  relationships: [TypeCount!]!
}

type Query {
  neighborhood(id: ID!, hops: Int! = 1, limit: Int! = 50): Subgraph ${cypher(NEIGHBOURHOOD, 'subgraph')}
  paths(from: ID!, to: ID!, maxHops: Int! = 4, first: Int! = 5): [Path!]! ${cypher(PATHS, 'path')}
  timeline(first: Int! = 20): [Entity!]! ${cypher(TIMELINE, 'm')}
  mostConnected(first: Int! = 10): [RankedEntity!]! ${cypher(MOST_CONNECTED, 'ranked')}
  stats: GraphStats! ${cypher(STATS, 'stats')}
}

extend schema @mutation(operations: [])
`;
