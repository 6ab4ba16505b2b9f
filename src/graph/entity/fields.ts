// Fields every entity type shares (the Entity interface): identity, names, notes, sources and
// the generic relationship list. Each type's resolvers spread these. Attributes (kind, date, ...)
// and names, notes and sources come with the entity when its query selected them, else from the
// attributes and detail loaders (batched).
import type { RequestContext } from '../../api/context';
import { citationsFor } from '../../shared/citations';
import { toGlobalId } from '../../shared/global-id';
import type { PageArgs } from '../../shared/pagination';
import { relationshipsVia } from '../relationship/connections';
import type { Direction } from '../relationship/loaders';
import type { EntityAttributes, EntityDetail, EntityModel } from './model';

/** A resolver for one attribute: from the model when its query read the attributes, else batched from the attributes loader. */
export function attribute<K extends keyof EntityAttributes>(name: K) {
  return (e: EntityModel, _: unknown, ctx: RequestContext): EntityAttributes[K] | Promise<EntityAttributes[K]> =>
    e.attributes ? e.attributes[name] : ctx.loaders.entity.attributes.load(e.key).then((a) => a[name]);
}

/** `kind` for the types that have one (not Person, not Document). */
export const kindField = { kind: attribute('kind') as never };

export function detailOf(e: EntityModel, ctx: RequestContext): EntityDetail | Promise<EntityDetail> {
  return e.detail ?? ctx.loaders.entity.detail.load(e.key);
}

export const entityFields = {
  id: (e: EntityModel) => toGlobalId(e.type, e.key),
  key: (e: EntityModel) => e.key,
  name: (e: EntityModel) => e.name,
  names: async (e: EntityModel, _: unknown, ctx: RequestContext) => (await detailOf(e, ctx)).names,
  notes: async (e: EntityModel, _: unknown, ctx: RequestContext) => (await detailOf(e, ctx)).notes,
  sources: async (e: EntityModel, args: { field?: string | null }, ctx: RequestContext) => {
    const { citations } = await detailOf(e, ctx);
    return args.field == null ? citations : citationsFor(citations, args.field);
  },
  relationships: relationshipsVia((args: PageArgs & { types?: string[] | null; direction: Direction }) => ({ types: args.types ?? [], direction: args.direction })),
};
