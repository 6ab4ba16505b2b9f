// Errors the SDK raises: one class for every failed request, carrying what the server said.

/** One entry of a GraphQL response's `errors` list. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A request the server refused or answered with errors. `code` is the first error's
 * `extensions.code` (`BAD_USER_INPUT`, `QUERY_TOO_DEEP`, `QUERY_TOO_COSTLY`,
 * `SERVICE_UNAVAILABLE`, `INTERNAL_SERVER_ERROR`, ...), or `HTTP_ERROR` when the server sent no
 * GraphQL errors (a proxy's 502, say). `status` is the HTTP status; `errors` every error entry;
 * `data` the partial data, if any.
 */
export class GraphQLRequestError extends Error {
  readonly code: string;
  readonly status: number;
  readonly errors: readonly GraphQLErrorEntry[];
  readonly data: unknown;

  constructor(options: { status: number; errors: readonly GraphQLErrorEntry[]; data?: unknown; message?: string }) {
    const first = options.errors[0];
    super(options.message ?? first?.message ?? `GraphQL request failed with HTTP ${options.status}`);
    this.name = 'GraphQLRequestError';
    this.status = options.status;
    this.errors = options.errors;
    this.data = options.data ?? null;
    this.code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'HTTP_ERROR';
  }
}
