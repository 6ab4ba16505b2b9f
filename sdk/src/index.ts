// @kg/sdk: a typed client for the knowledge-graph GraphQL API.
export { createClient, type Client, type ClientOptions, type QueryMethod, type PaginateMethod, type TypedDocument } from './client.js';
export { GraphQLRequestError, type GraphQLErrorEntry } from './errors.js';
export { pages, type ConnectionPage } from './pages.js';
export * from './generated/graphql.js';
