// The fixed query mix: for each question, this project's GraphQL (a), the peer's GraphQL (b),
// the floor's question (c), and how each answer becomes one comparable JSON (same fields, same
// order). Built from the entities picked at setup.
import { toGlobalId, type NodeType } from '../../src/shared/global-id';
import { datePlacement, keyOfId, roundScore, zipNames, zipTitles } from './normalise';
import type { EntityRef, Picks } from './picks';
import type { RawQuestion } from './raw-queries';

export const SIDES = ['project', 'peer', 'raw'] as const;
export type Side = (typeof SIDES)[number];

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchCase {
  id: string;
  title: string;
  /** A page of a list (target: p50 <= 20 ms). */
  page: boolean;
  project: GraphQLRequest;
  peer: GraphQLRequest;
  raw: { question: RawQuestion; params: Record<string, unknown> };
  /** `data` of each side's answer to the comparable form. */
  normalise: Record<Side, (data: any) => unknown>;
  /** Said next to the comparison's result. */
  note?: string;
}

const PEER_ROOT: Record<string, string> = {
  Person: 'people', Organisation: 'organisations', Event: 'events', Agreement: 'agreements',
  Project: 'projects', Place: 'places', Document: 'documents',
};
const KINDED = ['Organisation', 'Event', 'Agreement', 'Project', 'Place'];
const DATED = ['Event', 'Agreement', 'Project', 'Document'];
const gid = (e: EntityRef) => toGlobalId(e.type as NodeType, e.key);
const byNameThenId = '[{name: ASC}, {id: ASC}]';
const edgesByNode = '[{node: {name: ASC}}, {node: {id: ASC}}, {edge: {id: ASC}}]';

const entityForm = (e: any) => e && { key: e.key, type: e.type, name: e.name, kind: e.kind ?? null, names: e.names, notes: e.notes ?? [] };
const peerEntityForm = (n: any) =>
  n && entityForm({ ...n, key: n.id, type: n.__typename, names: zipNames(n.nameValues, n.nameLangs, n.nameKinds) });
const subgraphForm = (g: any) => g && { reachable: g.reachable, truncated: g.truncated, nodes: g.nodes, edges: g.edges };
const timelineForm = (m: any) => ({ key: m.key, type: m.type, name: m.name, ...datePlacement(m.year ?? null, m.month ?? null, m.day ?? null) });
// The API does not order the counts: compared sorted by type.
const byType = (rows: any[]) => rows.map((r) => ({ type: String(r.type).toUpperCase(), count: r.count })).sort((a, b) => a.type.localeCompare(b.type));
const statsForm = (s: any) => ({
  totalEntities: s.totalEntities,
  totalRelationships: s.totalRelationships,
  entities: byType(s.entities),
  relationships: byType(s.relationships),
});

export function buildCases(p: Picks): BenchCase[] {
  // Only the picked entity's own type: the kind enums differ per type, so fragments would clash.
  const kindFragment = KINDED.includes(p.person.type) ? `... on ${p.person.type} { kind }` : '';
  const peerDates = DATED.map((t) => `... on ${t} { dateYear dateMonth dateDay }`).join(' ');
  const neighbourhood = (id: string, title: string, centre: EntityRef, hops: number): BenchCase => ({
    id,
    title,
    page: false,
    project: {
      query: `query Hood($id: ID!, $hops: Int!) { neighborhood(id: $id, hops: $hops, limit: 50) { reachable truncated nodes { id distance } edges { id type source target } } }`,
      variables: { id: gid(centre), hops },
    },
    peer: {
      query: `query Hood($id: ID!, $hops: Int!) { neighborhood(id: $id, hops: $hops, limit: 50) { reachable truncated nodes { distance entity { id } } edges { id type source target } } }`,
      variables: { id: centre.key, hops },
    },
    raw: { question: 'neighbourhood', params: { key: centre.key, hops, limit: 50 } },
    normalise: {
      project: (d) => d.neighborhood && subgraphForm({
        ...d.neighborhood,
        nodes: d.neighborhood.nodes.map((n: any) => ({ key: keyOfId(n.id), distance: n.distance })),
        edges: d.neighborhood.edges.map((e: any) => ({ id: e.id, type: e.type, source: keyOfId(e.source), target: keyOfId(e.target) })),
      }),
      peer: (d) => d.neighborhood && subgraphForm({ ...d.neighborhood, nodes: d.neighborhood.nodes.map((n: any) => ({ key: n.entity.id, distance: n.distance })) }),
      raw: subgraphForm,
    },
  });

  return [
    {
      id: 'entity',
      title: 'entity by key',
      page: false,
      project: {
        query: `query Entity($key: String!) { entity(key: $key) { __typename key name names { value language kind } notes ${kindFragment} } }`,
        variables: { key: p.person.key },
      },
      peer: {
        query: `query Entity($key: ID!) { ${PEER_ROOT[p.person.type]}(where: {id: {eq: $key}}) { __typename id name nameValues nameLangs nameKinds notes${KINDED.includes(p.person.type) ? ' kind' : ''} } }`,
        variables: { key: p.person.key },
      },
      raw: { question: 'entity', params: { key: p.person.key } },
      normalise: {
        project: (d) => entityForm(d.entity && { ...d.entity, type: d.entity.__typename }),
        peer: (d) => peerEntityForm(d[PEER_ROOT[p.person.type]][0]),
        raw: entityForm,
      },
    },
    {
      id: 'nested',
      title: 'people 20 > posts > org > parents',
      page: true,
      project: {
        query: `{ people(first: 20) { edges { node { key name posts(first: 20) { edges { node { titles { value language }
          organisation { key name parents(first: 20) { edges { node { key name } } } } } } } } } } }`,
      },
      peer: {
        query: `{ people(limit: 20, sort: ${byNameThenId}) { id name postsConnection(first: 20, sort: ${edgesByNode}) { edges {
          properties { titleValues titleLangs } node { id name parents(limit: 20, sort: ${byNameThenId}) { id name } } } } } }`,
      },
      raw: { question: 'peoplePostsParents', params: { first: 20 } },
      normalise: {
        project: (d) => d.people.edges.map(({ node: n }: any) => ({
          key: n.key,
          name: n.name,
          posts: n.posts.edges.map(({ node: post }: any) => ({
            titles: post.titles,
            organisation: { key: post.organisation.key, name: post.organisation.name, parents: post.organisation.parents.edges.map((e: any) => e.node) },
          })),
        })),
        peer: (d) => d.people.map((n: any) => ({
          key: n.id,
          name: n.name,
          posts: n.postsConnection.edges.map((e: any) => ({
            titles: zipTitles(e.properties.titleValues, e.properties.titleLangs),
            organisation: { key: e.node.id, name: e.node.name, parents: e.node.parents.map((o: any) => ({ key: o.id, name: o.name })) },
          })),
        })),
        raw: (d) => d,
      },
    },
    {
      id: 'orgsByKind',
      title: `organisations ${p.organisationKind}, 20 + total`,
      page: true,
      project: {
        query: `query Orgs($kind: OrganisationKind!) { organisations(filter: {kinds: [$kind]}, first: 20) { totalCount edges { node { key name kind } } } }`,
        variables: { kind: p.organisationKind },
      },
      peer: {
        query: `query Orgs($kind: String!) { organisationsConnection(where: {kind: {eq: $kind}}, first: 20, sort: ${byNameThenId}) { totalCount edges { node { id name kind } } } }`,
        variables: { kind: p.organisationKind },
      },
      raw: { question: 'organisationsOfKind', params: { kind: p.organisationKind, first: 20 } },
      normalise: {
        project: (d) => ({ totalCount: d.organisations.totalCount, items: d.organisations.edges.map((e: any) => e.node) }),
        peer: (d) => ({
          totalCount: d.organisationsConnection.totalCount,
          items: d.organisationsConnection.edges.map(({ node: n }: any) => ({ key: n.id, name: n.name, kind: n.kind })),
        }),
        raw: (d) => d,
      },
    },
    {
      id: 'deepPage',
      title: `people page after item ${p.deepOffset}`,
      page: true,
      project: {
        query: `query Deep($after: String) { people(first: 20, after: $after) { edges { node { key name } } } }`,
        variables: { after: p.deepCursor },
      },
      peer: {
        query: `query Deep($offset: Int!) { people(offset: $offset, limit: 20, sort: ${byNameThenId}) { id name } }`,
        variables: { offset: p.deepOffset },
      },
      raw: { question: 'peoplePage', params: { offset: p.deepOffset, first: 20 } },
      normalise: {
        project: (d) => d.people.edges.map((e: any) => e.node),
        peer: (d) => d.people.map((n: any) => ({ key: n.id, name: n.name })),
        raw: (d) => d.items,
      },
    },
    {
      id: 'search',
      title: `search "${p.searchText}" (people) + total`,
      page: true,
      project: {
        query: `query Search($text: String!) { search(query: $text, types: [PERSON], first: 20) { totalCount edges { score node { key name } } } }`,
        variables: { text: p.searchText },
      },
      peer: {
        query: `query Search($phrase: String!) { searchPeopleLatin(phrase: $phrase, first: 20, sort: [{score: DESC}, {node: {name: ASC}}, {node: {id: ASC}}]) {
          totalCount edges { score node { id name } } } }`,
        variables: { phrase: p.lucene },
      },
      raw: { question: 'searchPeople', params: { lucene: p.lucene, first: 20 } },
      normalise: {
        project: (d) => ({ totalCount: d.search.totalCount, items: d.search.edges.map((e: any) => ({ ...e.node, score: roundScore(e.score) })) }),
        peer: (d) => ({
          totalCount: d.searchPeopleLatin.totalCount,
          items: d.searchPeopleLatin.edges.map((e: any) => ({ key: e.node.id, name: e.node.name, score: roundScore(e.score) })),
        }),
        raw: (d) => ({ totalCount: d.totalCount, items: d.items.map((i: any) => ({ ...i, score: roundScore(i.score) })) }),
      },
      note: `the peer and the floor are given the Lucene query this project makes of the text: "${p.lucene}"`,
    },
    neighbourhood('hood1', `1-hop neighbourhood of ${p.hub.key}`, p.hub, 1),
    {
      id: 'hubPosts',
      title: `posts in ${p.hubOrganisation.key}, 20 + total`,
      page: true,
      project: {
        query: `query Posts($key: String!) { entity(key: $key) { ... on Organisation { posts(first: 20) { totalCount edges { node { titles { value language } person { key name } } } } } } }`,
        variables: { key: p.hubOrganisation.key },
      },
      peer: {
        query: `query Posts($key: ID!) { organisations(where: {id: {eq: $key}}) { holdersConnection(first: 20, sort: ${edgesByNode}) {
          totalCount edges { properties { titleValues titleLangs } node { id name } } } } }`,
        variables: { key: p.hubOrganisation.key },
      },
      raw: { question: 'postsIn', params: { key: p.hubOrganisation.key, first: 20 } },
      normalise: {
        project: (d) => ({ totalCount: d.entity.posts.totalCount, items: d.entity.posts.edges.map((e: any) => e.node) }),
        peer: (d) => {
          const c = d.organisations[0].holdersConnection;
          return {
            totalCount: c.totalCount,
            items: c.edges.map((e: any) => ({ titles: zipTitles(e.properties.titleValues, e.properties.titleLangs), person: { key: e.node.id, name: e.node.name } })),
          };
        },
        raw: (d) => d,
      },
    },
    neighbourhood('hood2', `2-hop neighbourhood of ${p.person.key}`, p.person, 2),
    {
      id: 'paths',
      title: `paths ${p.pathLength} hops (maxHops 4)`,
      page: false,
      project: {
        query: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4) { length steps { from { key } to { key } direction relationship { id type } } } }`,
        variables: { from: gid(p.pathFrom), to: gid(p.pathTo) },
      },
      peer: {
        query: `query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4) { length steps { from { id } to { id } direction relationship { id type } } } }`,
        variables: { from: p.pathFrom.key, to: p.pathTo.key },
      },
      raw: { question: 'paths', params: { from: p.pathFrom.key, to: p.pathTo.key, maxHops: 4, first: 5 } },
      normalise: {
        project: (d) => d.paths.map((path: any) => ({
          length: path.length,
          steps: path.steps.map((s: any) => ({ from: s.from.key, to: s.to.key, relationship: s.relationship.id, type: s.relationship.type, direction: s.direction })),
        })),
        peer: (d) => d.paths.map((path: any) => ({
          length: path.length,
          steps: path.steps.map((s: any) => ({ from: s.from.id, to: s.to.id, relationship: s.relationship.id, type: s.relationship.type, direction: s.direction })),
        })),
        raw: (d) => d,
      },
    },
    {
      id: 'timeline',
      title: 'timeline of the graph, 20',
      page: true,
      project: { query: `{ timeline(first: 20) { edges { placement date { iso } node { __typename key name } } } }` },
      peer: { query: `{ timeline(first: 20) { __typename id name ${peerDates} } }` },
      raw: { question: 'timeline', params: { first: 20 } },
      normalise: {
        project: (d) => d.timeline.edges.map((e: any) => ({
          key: e.node.key, type: e.node.__typename, name: e.node.name, iso: e.date?.iso ?? null, placement: e.placement,
        })),
        peer: (d) => d.timeline.map((n: any) => timelineForm({ key: n.id, type: n.__typename, name: n.name, year: n.dateYear, month: n.dateMonth, day: n.dateDay })),
        raw: (d) => d.map(timelineForm),
      },
    },
    {
      id: 'mostConnected',
      title: 'mostConnected, 10',
      page: false,
      project: { query: `{ mostConnected(first: 10) { edges { degree node { key name } } } }` },
      peer: { query: `{ mostConnected(first: 10) { degree entity { id name } } }` },
      raw: { question: 'mostConnected', params: { first: 10 } },
      normalise: {
        project: (d) => d.mostConnected.edges.map((e: any) => ({ key: e.node.key, name: e.node.name, degree: e.degree })),
        peer: (d) => d.mostConnected.map((r: any) => ({ key: r.entity.id, name: r.entity.name, degree: r.degree })),
        raw: (d) => d,
      },
    },
    {
      id: 'stats',
      title: 'stats',
      page: false,
      project: { query: `{ stats { totalEntities totalRelationships entities { type count } relationships { type count } } }` },
      peer: { query: `{ stats { totalEntities totalRelationships entities { type count } relationships { type count } } }` },
      raw: { question: 'stats', params: {} },
      normalise: { project: (d) => statsForm(d.stats), peer: (d) => statsForm(d.stats), raw: statsForm },
    },
  ];
}
