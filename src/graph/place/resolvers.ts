// Places: containment, and what is located in them.
import type { Resolvers } from '../../generated/resolvers';
import { entityFields, kindField } from '../entity/fields';
import { placeFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia } from '../relationship/connections';

export const placeResolvers: Resolvers = {
  Query: { places: listOf('Place', placeFilter) },
  Place: {
    ...entityFields,
    ...kindField,
    within: entitiesVia({ types: ['LOCATED_IN'], direction: 'OUT', otherType: 'Place' }),
    contains: entitiesVia({ types: ['LOCATED_IN'], direction: 'IN' }),
  },
};
