// Fields every entity type shares (the Entity interface): identity, names, notes, sources and
// the generic relationship list. Each type's resolvers spread these.
import type { RequestContext } from '../../api/context';
import { toGlobalId } from '../../shared/global-id';
import type { PageArgs } from '../../shared/pagination';
import { relationshipsVia } from '../relationship/connections';
import type { Direction } from '../relationship/loaders';
import type { EntityModel } from './model';

/** `kind` for the types that have one (not Person, not Document). */
export const kindField = { kind: (e: EntityModel) => e.kind as never };

export const entityFields = {
  id: (e: EntityModel) => toGlobalId(e.type, e.key),
  key: (e: EntityModel) => e.key,
  name: (e: EntityModel) => e.name,
  names: (e: EntityModel) => e.names,
  notes: (e: EntityModel) => e.notes,
  sources: (e: EntityModel, args: { field?: string | null }) =>
    args.field == null ? e.citations : e.citations.filter((c) => c.field === args.field),
  relationships: (
    e: EntityModel,
    args: PageArgs & { types?: string[] | null; direction: Direction },
    ctx: RequestContext,
  ) => relationshipsVia({ types: args.types ?? [], direction: args.direction })(e, args, ctx),
};
