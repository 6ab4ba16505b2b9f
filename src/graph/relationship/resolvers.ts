// Relationships as the API shows them: Post (HOLDS_POST), Participation (PARTICIPATED_IN) and
// Link (every other type), each with both ends, its properties and its sources.
import type { RequestContext } from '../../api/context';
import type { Resolvers } from '../../generated/resolvers';
import type { RelationshipDetail, RelationshipModel } from './model';

const end = (key: string, ctx: RequestContext) => ctx.loaders.entity.byKey.load(key).then(required(key));

function required(key: string) {
  return <T>(value: T | null): T => {
    if (value === null) throw new Error(`relationship end ${key} not found`);
    return value;
  };
}

function detailOf(r: RelationshipModel, ctx: RequestContext): RelationshipDetail | Promise<RelationshipDetail> {
  return r.detail ?? ctx.loaders.relationship.detail.load({ type: r.type, id: r.id });
}

const common = {
  id: (r: RelationshipModel) => r.id,
  type: (r: RelationshipModel) => r.type as never,
  from: (r: RelationshipModel, _: unknown, ctx: RequestContext) => end(r.fromKey, ctx),
  to: (r: RelationshipModel, _: unknown, ctx: RequestContext) => end(r.toKey, ctx),
  sources: async (r: RelationshipModel, _: unknown, ctx: RequestContext) => (await detailOf(r, ctx)).citations,
  notes: async (r: RelationshipModel, _: unknown, ctx: RequestContext) => (await detailOf(r, ctx)).notes,
};

export const relationshipResolvers: Resolvers = {
  Relationship: {
    __resolveType: (r) => (r.type === 'HOLDS_POST' ? 'Post' : r.type === 'PARTICIPATED_IN' ? 'Participation' : 'Link'),
  },
  Post: {
    ...common,
    person: (r, _, ctx) => end(r.fromKey, ctx),
    organisation: (r, _, ctx) => end(r.toKey, ctx),
    title: (r) => (r.titles.find((t) => t.language === 'EN') ?? r.titles[0])?.value ?? null,
    titles: (r) => r.titles,
  },
  Participation: {
    ...common,
    participant: (r, _, ctx) => end(r.fromKey, ctx),
    event: (r, _, ctx) => end(r.toKey, ctx),
    role: (r) => r.role as never,
    mode: (r) => r.mode as never,
    position: (r) => r.position,
  },
  Link: {
    ...common,
    role: (r) => r.role as never,
  },
};
