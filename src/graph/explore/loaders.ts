// The exploration loaders of one request.
import type { DbSession } from '../../db/database';
import type { EntityModel } from '../entity/model';
import { primedMapper } from './model';
import { createNeighbourhoodLoader } from './neighbourhood';
import { createPathLoader } from './paths';
import { createRankingLoaders } from './rankings';
import { createSharedConnectionsLoader } from './shared-connections';
import { createTimelineLoader } from './timeline';

export function createExploreLoaders(session: DbSession, prime: (e: EntityModel) => void) {
  const toEntity = primedMapper(prime);
  return {
    paths: createPathLoader(session, toEntity),
    neighbourhood: createNeighbourhoodLoader(session, toEntity),
    sharedConnections: createSharedConnectionsLoader(session, toEntity),
    timeline: createTimelineLoader(session, toEntity),
    ...createRankingLoaders(session, toEntity),
  };
}
