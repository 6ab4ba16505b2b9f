// Organisations and their units: hierarchy, posts held in them, seats, events, agreements, projects.
import type { Resolvers } from '../../generated/resolvers';
import { entityFields, kindField } from '../entity/fields';
import { organisationFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia, relationshipsVia } from '../relationship/connections';

export const organisationResolvers: Resolvers = {
  Query: { organisations: listOf('Organisation', organisationFilter) },
  Organisation: {
    ...entityFields,
    ...kindField,
    parents: entitiesVia({ types: ['PART_OF'], direction: 'OUT', otherType: 'Organisation' }),
    units: entitiesVia({ types: ['PART_OF'], direction: 'IN', otherType: 'Organisation' }),
    posts: relationshipsVia({ types: ['HOLDS_POST'], direction: 'IN' }),
    places: entitiesVia({ types: ['LOCATED_IN'], direction: 'OUT', otherType: 'Place' }),
    participations: relationshipsVia({ types: ['PARTICIPATED_IN'], direction: 'OUT' }),
    organised: entitiesVia({ types: ['ORGANISED'], direction: 'OUT', otherType: 'Event' }),
    agreements: entitiesVia({ types: ['PARTY_TO'], direction: 'OUT', otherType: 'Agreement' }),
    projects: entitiesVia({ types: ['INVOLVED_IN', 'GOVERNS'], direction: 'OUT', otherType: 'Project' }),
    partners: entitiesVia({ types: ['COOPERATES_WITH'], direction: 'BOTH' }),
    published: entitiesVia({ types: ['PUBLISHED'], direction: 'OUT', otherType: 'Document' }),
  },
};
