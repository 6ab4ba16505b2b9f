// Events: when and where, who took part in which role, what was signed and launched there.
import type { Resolvers } from '../../generated/resolvers';
import { attribute, entityFields, kindField } from '../entity/fields';
import { eventFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia, relationshipsVia } from '../relationship/connections';

export const eventResolvers: Resolvers = {
  Query: { events: listOf('Event', eventFilter) },
  Event: {
    ...entityFields,
    ...kindField,
    date: attribute('date'),
    partOf: entitiesVia({ types: ['PART_OF'], direction: 'OUT', otherType: 'Event' }),
    parts: entitiesVia({ types: ['PART_OF'], direction: 'IN', otherType: 'Event' }),
    places: entitiesVia({ types: ['LOCATED_IN'], direction: 'OUT', otherType: 'Place' }),
    participants: relationshipsVia({ types: ['PARTICIPATED_IN'], direction: 'IN' }),
    organisers: entitiesVia({ types: ['ORGANISED'], direction: 'IN', otherType: 'Organisation' }),
    agreements: entitiesVia({ types: ['SIGNED_AT'], direction: 'IN', otherType: 'Agreement' }),
    projects: entitiesVia({ types: ['LAUNCHED_AT'], direction: 'IN', otherType: 'Project' }),
  },
};
