// All resolvers, merged per root type. Each domain owns its own file; this only assembles them.
import type { Resolvers } from '../generated/resolvers';
import { agreementResolvers } from './agreement/resolvers';
import { documentResolvers } from './document/resolvers';
import { entityResolvers } from './entity/resolvers';
import { eventResolvers } from './event/resolvers';
import { exploreResolvers } from './explore/resolvers';
import { organisationResolvers } from './organisation/resolvers';
import { personResolvers } from './person/resolvers';
import { placeResolvers } from './place/resolvers';
import { projectResolvers } from './project/resolvers';
import { relationshipResolvers } from './relationship/resolvers';
import { searchResolvers } from './search/resolvers';

const domains: Resolvers[] = [
  entityResolvers, relationshipResolvers, personResolvers, organisationResolvers, eventResolvers,
  agreementResolvers, projectResolvers, placeResolvers, documentResolvers, searchResolvers, exploreResolvers,
];

export const resolvers: Resolvers = domains.reduce<Resolvers>(
  (all, domain) => {
    for (const [typeName, fields] of Object.entries(domain)) {
      const merged = all as Record<string, object>;
      merged[typeName] = { ...merged[typeName], ...fields };
    }
    return all;
  },
  {},
);
