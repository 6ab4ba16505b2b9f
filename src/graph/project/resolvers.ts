// Initiatives, programmes and projects: structure, who works on them, who governs them.
import type { Resolvers } from '../../generated/resolvers';
import { attribute, entityFields, kindField } from '../entity/fields';
import { projectFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import { entitiesVia } from '../relationship/connections';

export const projectResolvers: Resolvers = {
  Query: { projects: listOf('Project', projectFilter) },
  Project: {
    ...entityFields,
    ...kindField,
    date: attribute('date'),
    description: attribute('description'),
    count: attribute('count'),
    partOf: entitiesVia({ types: ['PART_OF'], direction: 'OUT', otherType: 'Project' }),
    components: entitiesVia({ types: ['PART_OF'], direction: 'IN', otherType: 'Project' }),
    involved: entitiesVia({ types: ['INVOLVED_IN'], direction: 'IN' }),
    governedBy: entitiesVia({ types: ['GOVERNS'], direction: 'IN', otherType: 'Organisation' }),
    launchedAt: entitiesVia({ types: ['LAUNCHED_AT'], direction: 'OUT', otherType: 'Event' }),
  },
};
