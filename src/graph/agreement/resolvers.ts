// Agreements (MOUs): parties, signing events, and the count the source states.
import type { Resolvers } from '../../generated/resolvers';
import { attribute, entityFields, kindField } from '../entity/fields';
import { agreementFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia } from '../relationship/connections';

export const agreementResolvers: Resolvers = {
  Query: { agreements: listOf('Agreement', agreementFilter) },
  Agreement: {
    ...entityFields,
    ...kindField,
    date: attribute('date'),
    count: attribute('count'),
    parties: entitiesVia({ types: ['PARTY_TO'], direction: 'IN' }),
    signedAt: entitiesVia({ types: ['SIGNED_AT'], direction: 'OUT', otherType: 'Event' }),
  },
};
