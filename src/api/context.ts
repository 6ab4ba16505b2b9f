// The per-request context: a database session and fresh DataLoaders (so caching never leaks
// between requests or users). The session is closed when the request ends (see server.ts).
import type { DbSession } from '../db/database';
import type { RequestRecord } from './telemetry';
import { createDocumentLoaders } from '../graph/document/loaders';
import { createEntityLoaders } from '../graph/entity/loaders';
import { createExploreLoaders } from '../graph/explore/loaders';
import { createRelationshipLoaders } from '../graph/relationship/loaders';
import { createSearchLoaders } from '../graph/search/loaders';

export function createLoaders(session: DbSession) {
  const entity = createEntityLoaders(session);
  const prime = (e: { key: string }) => void entity.byKey.prime(e.key, e as never);
  return {
    entity,
    document: createDocumentLoaders(session),
    relationship: createRelationshipLoaders(session, prime),
    search: createSearchLoaders(session, prime),
    explore: createExploreLoaders(session, prime),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface RequestContext {
  session: DbSession;
  loaders: Loaders;
  /** Filled in as the request runs, for its log line and metrics (telemetry.ts). */
  request: RequestRecord;
}
