// Models of exploration results: paths, subgraphs, shared connections, timelines, rankings.
// Built from rows of projected nodes and relationships; nothing above sees a driver type.
import { toEntityModel, type EntityModel, type EntityRecord } from '../entity/model';
import { toRelationshipModel, type RelationshipModel, type RelationshipRecord } from '../relationship/model';

export type { RelationshipRecord };
export const toRelationship = (rec: RelationshipRecord): RelationshipModel => toRelationshipModel(rec);

export interface PathModel {
  nodes: EntityModel[];
  relationships: RelationshipModel[];
}

export interface SubgraphModel {
  center: EntityModel;
  nodes: { entity: EntityModel; distance: number }[];
  relationships: RelationshipModel[];
  /** Null when not asked for (counting can visit every entity). */
  reachable: number | null;
  truncated: boolean;
}

export interface SharedModel {
  node: EntityModel;
  links: RelationshipModel[];
}

export interface TimelineItemModel {
  node: EntityModel;
  distance: number | null;
}

export interface RankedModel {
  node: EntityModel;
  degree: number;
}

/** Maps projected nodes to entity models and primes the request's entity loader with them. */
export type ToEntity = (node: EntityRecord) => EntityModel;

export function primedMapper(prime: (e: EntityModel) => void): ToEntity {
  return (node) => {
    const entity = toEntityModel(node);
    prime(entity);
    return entity;
  };
}
