// The API's EntityType enum (PERSON) and the graph's type names (Person), both ways.
import type { EntityType } from '../../generated/resolvers';
import type { NodeType } from '../../shared/global-id';

const TO_NODE: Record<EntityType, NodeType> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  EVENT: 'Event',
  AGREEMENT: 'Agreement',
  PROJECT: 'Project',
  PLACE: 'Place',
  DOCUMENT: 'Document',
};

const TO_ENUM = Object.fromEntries(Object.entries(TO_NODE).map(([e, n]) => [n, e])) as Record<NodeType, EntityType>;

export const ENTITY_TYPE_NAMES = {
  fromEnum: (type: EntityType): NodeType => TO_NODE[type],
  toEnum: (type: string): EntityType => TO_ENUM[type as NodeType],
};
