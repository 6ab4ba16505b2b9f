// People: their posts, the events they took part in, the documents they wrote.
import type { Resolvers } from '../../generated/resolvers';
import { entityFields } from '../entity/fields';
import { personFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia, relationshipsVia } from '../relationship/connections';

export const personResolvers: Resolvers = {
  Query: { people: listOf('Person', personFilter) },
  Person: {
    ...entityFields,
    posts: relationshipsVia({ types: ['HOLDS_POST'], direction: 'OUT' }),
    participations: relationshipsVia({ types: ['PARTICIPATED_IN'], direction: 'OUT' }),
    authored: entitiesVia({ types: ['AUTHORED'], direction: 'OUT', otherType: 'Document' }),
  },
};
