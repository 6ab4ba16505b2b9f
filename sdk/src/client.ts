// The client: one typed method per query of the API, a pager per connection, typed errors.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { GraphQLRequestError, type GraphQLErrorEntry } from './errors.js';
import { pages } from './pages.js';
import * as ops from './generated/graphql.js';

type HeadersLike = Record<string, string> | [string, string][] | Headers;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** Extra request headers, or a function returning them (called for every request). */
  headers?: HeadersLike | (() => HeadersLike | Promise<HeadersLike>);
  /** A `fetch` implementation; the global `fetch` by default (Node 20+, browsers). */
  fetch?: typeof globalThis.fetch;
}

/** A typed document as generated from sdk/operations/*.graphql. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** Variables may be left out when none is required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** A method running one query and returning its root field. */
export type QueryMethod<V, R> = (...args: VariablesArg<V>) => Promise<R>;

/** A method yielding every node of a connection, page by page (`after` is managed for you). */
export type PaginateMethod<V, TNode> = (...args: VariablesArg<Omit<V, 'after'>>) => AsyncGenerator<TNode, void, undefined>;

type NodeOf<C> = C extends { edges: ReadonlyArray<{ node: infer N }> } ? N : never;

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Promise<TResult> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(extra);
    headers.set('content-type', 'application/json');
    if (!headers.has('accept')) headers.set('accept', 'application/graphql-response+json, application/json');
    const response = await doFetch(options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    if (body?.errors?.length) {
      throw new GraphQLRequestError({ status: response.status, errors: body.errors, data: body.data });
    }
    if (!response.ok || !body || body.data == null) {
      throw new GraphQLRequestError({
        status: response.status,
        errors: [],
        message: `GraphQL request failed with HTTP ${response.status}${body ? '' : ' (no JSON body)'}`,
      });
    }
    return body.data;
  }

  function query<V, R, K extends keyof R>(document: TypedDocument<R, V>, field: K): QueryMethod<V, R[K]> {
    return (async (...args: VariablesArg<V>) => (await request(document, ...args))[field]) as QueryMethod<V, R[K]>;
  }

  function paginate<V extends { after?: string | null }, R, K extends keyof R>(
    document: TypedDocument<R, V>,
    field: K,
  ): PaginateMethod<V, NodeOf<R[K]>> {
    return ((variables?: Omit<V, 'after'>) =>
      pages((after) => {
        const vars = { ...variables, after } as V;
        return request(document, ...([vars] as VariablesArg<V>)).then((data) => data[field] as never);
      })) as PaginateMethod<V, NodeOf<R[K]>>;
  }

  return {
    /** Runs any typed document (one generated from sdk/operations/) and returns its data. */
    request,
    // Lookups
    node: query(ops.NodeDocument, 'node'),
    nodes: query(ops.NodesDocument, 'nodes'),
    entity: query(ops.EntityDocument, 'entity'),
    search: query(ops.SearchDocument, 'search'),
    // Lists
    people: query(ops.PeopleDocument, 'people'),
    organisations: query(ops.OrganisationsDocument, 'organisations'),
    events: query(ops.EventsDocument, 'events'),
    agreements: query(ops.AgreementsDocument, 'agreements'),
    projects: query(ops.ProjectsDocument, 'projects'),
    places: query(ops.PlacesDocument, 'places'),
    documents: query(ops.DocumentsDocument, 'documents'),
    // Exploration
    paths: query(ops.PathsDocument, 'paths'),
    neighborhood: query(ops.NeighborhoodDocument, 'neighborhood'),
    sharedConnections: query(ops.SharedConnectionsDocument, 'sharedConnections'),
    timeline: query(ops.TimelineDocument, 'timeline'),
    stats: query(ops.StatsDocument, 'stats'),
    mostConnected: query(ops.MostConnectedDocument, 'mostConnected'),
    /** Async iterators over every node of each connection-valued query. */
    paginate: {
      search: paginate(ops.SearchDocument, 'search'),
      people: paginate(ops.PeopleDocument, 'people'),
      organisations: paginate(ops.OrganisationsDocument, 'organisations'),
      events: paginate(ops.EventsDocument, 'events'),
      agreements: paginate(ops.AgreementsDocument, 'agreements'),
      projects: paginate(ops.ProjectsDocument, 'projects'),
      places: paginate(ops.PlacesDocument, 'places'),
      documents: paginate(ops.DocumentsDocument, 'documents'),
      sharedConnections: paginate(ops.SharedConnectionsDocument, 'sharedConnections'),
      timeline: paginate(ops.TimelineDocument, 'timeline'),
      mostConnected: paginate(ops.MostConnectedDocument, 'mostConnected'),
    },
  };
}

export type Client = ReturnType<typeof createClient>;
