// Models of exploration results: paths, subgraphs, shared connections, timelines, rankings.
// Built from rows that carry driver nodes and relationships; nothing above sees a driver type.
import { toEntityModel, type EntityModel, type NodeRecord } from '../entity/model';
import { toRelationshipModel, type RelationshipModel } from '../relationship/model';

/** How the Cypher here returns a relationship: with its endpoints' keys. */
export interface RelationshipRecord {
  r: { type: string; properties: Record<string, unknown> };
  from: string;
  to: string;
}

export const toRelationship = (rec: RelationshipRecord): RelationshipModel => toRelationshipModel(rec.r, rec.from, rec.to);

export interface PathModel {
  nodes: EntityModel[];
  relationships: RelationshipModel[];
}

export interface SubgraphModel {
  center: EntityModel;
  nodes: { entity: EntityModel; distance: number }[];
  relationships: RelationshipModel[];
  reachable: number;
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

/** Maps nodes to entity models and primes the request's entity loader with them. */
export type ToEntity = (node: NodeRecord) => EntityModel;

export function primedMapper(prime: (e: EntityModel) => void): ToEntity {
  return (node) => {
    const entity = toEntityModel(node);
    prime(entity);
    return entity;
  };
}
