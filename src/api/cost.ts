// Estimates what an operation will cost from its arguments, before it runs (admission.ts refuses
// or queues it by that figure). The estimate is an upper bound of what the response holds, in
// units of one small value:
// - every field that produces output costs its size per parent object: a scalar or an object 1, a
//   document's text or excerpt LARGE (articles run to ~100k characters; MAX_RESPONSE_BYTES is the
//   exact guard), a citation's excerpt (a sentence or two) 2;
// - a list multiplies what is selected under it: a page by its page size (`first`, `limit`,
//   `ids`), an unpaged list by its enforced bound (LIST_BOUNDS: names, notes, sources, ...),
//   introspection by what it will list, counted on the schema itself;
// - exploration fields add the weight of their graph search (hops);
// - arguments are read with the operation's variables, defaults included.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LIST_BOUNDS } from '../shared/list-bounds';

type Args = Record<string, unknown>;
const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

/** Size of a document's text or an excerpt of it, in cost units. */
export const LARGE = 1_000;
const LEAF_SIZE: Record<string, number> = { 'Document.text': LARGE, 'Document.excerpt': LARGE, 'Citation.excerpt': 2 };

/** Children per parent object, for fields that return many. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Args, parent: string): number {
  switch (field.name) {
    case 'nodes':
      return parent === 'Query' && Array.isArray(args.ids) ? args.ids.length : 1;
    case 'paths':
      return num(args.first, 5) * (num(args.maxHops, 4) + 1);
    case 'neighborhood':
      return num(args.limit, 50) + 1;
  }
  if ('first' in args) return num(args.first, 20);
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges are bounded by its page, counted on the connection field.
  return LIST_BOUNDS[field.name as keyof typeof LIST_BOUNDS] ?? 1;
}

/** The search itself, beyond the objects it returns. */
function weight(field: GraphQLField<unknown, unknown>, args: Args): number {
  switch (field.name) {
    case 'paths':
      return 100 * num(args.maxHops, 4);
    case 'neighborhood':
      return 50 * num(args.hops, 1) * (num(args.limit, 50) + 1);
    case 'timeline':
      return 20 * num(args.hops, 2);
    case 'sharedConnections':
      return 10 * (Array.isArray(args.ids) ? args.ids.length : 2);
    default:
      return 1;
  }
}

// Introspection answers from the schema alone, so its size is counted on the schema itself:
// each selected field over the real types, fields, arguments and values it will list. Counts are
// kept per selection set and schema element, so aliases repeated many times cost a walk each.
type Meta = '__Schema' | '__Type' | '__Field' | '__InputValue' | '__EnumValue' | '__Directive';
type MetaValue = { meta: Meta; value: unknown };

function metaChildren(schema: GraphQLSchema, parent: MetaValue, field: string): MetaValue[] | number {
  const v = parent.value as Record<string, unknown>;
  const t = parent.value as GraphQLNamedType;
  const types = (list: readonly unknown[]) => list.map((value) => ({ meta: '__Type' as const, value }));
  switch (`${parent.meta}.${field}`) {
    case '__Schema.types': return types(Object.values(schema.getTypeMap()));
    case '__Schema.queryType': return types([schema.getQueryType()].filter(Boolean));
    case '__Schema.mutationType': return types([schema.getMutationType()].filter(Boolean));
    case '__Schema.subscriptionType': return types([schema.getSubscriptionType()].filter(Boolean));
    case '__Schema.directives': return schema.getDirectives().map((value) => ({ meta: '__Directive' as const, value }));
    case '__Type.fields': return isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()).map((value) => ({ meta: '__Field' as const, value })) : [];
    case '__Type.inputFields': return isInputObjectType(t) ? Object.values(t.getFields()).map((value) => ({ meta: '__InputValue' as const, value })) : [];
    case '__Type.interfaces': return isObjectType(t) || isInterfaceType(t) ? types(t.getInterfaces()) : [];
    case '__Type.possibleTypes': return isInterfaceType(t) || isUnionType(t) ? types(schema.getPossibleTypes(t)) : [];
    case '__Type.enumValues': return isEnumType(t) ? t.getValues().map((value) => ({ meta: '__EnumValue' as const, value })) : [];
    case '__Type.ofType': return 'ofType' in v && v.ofType ? types([v.ofType]) : [];
    case '__Field.args':
    case '__Directive.args': return (v.args as unknown[]).map((value) => ({ meta: '__InputValue' as const, value }));
    case '__Field.type':
    case '__InputValue.type': return types([v.type]);
    case '__Directive.locations': return (v.locations as unknown[]).length;
    default: return 1;
  }
}

const introspectionCounts = new WeakMap<SelectionSetNode, Map<unknown, number>>();

function introspectionCost(schema: GraphQLSchema, set: SelectionSetNode, at: MetaValue, fragments: Record<string, FragmentDefinitionNode>): number {
  let counts = introspectionCounts.get(set);
  if (!counts) introspectionCounts.set(set, (counts = new Map()));
  const known = counts.get(at.value);
  if (known !== undefined) return known;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const children = metaChildren(schema, at, selection.name.value);
      if (typeof children === 'number') total += children;
      else if (!selection.selectionSet) total += Math.max(1, children.length);
      else total += 1 + children.reduce((sum, child) => sum + introspectionCost(schema, selection.selectionSet!, child, fragments), 0);
    } else {
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
      // Fragment cycles are refused by validation before this runs.
      if (inner) total += introspectionCost(schema, inner, at, fragments);
    }
  }
  counts.set(at.value, total);
  return total;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** `variables` are the operation's coerced values (its defaults included), see costLimitPlugin. */
export function estimateCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Args,
): number {
  const visit = (set: SelectionSetNode, parent: GraphQLNamedType, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (parent === schema.getQueryType() && (name === '__schema' || name === '__type')) {
          const at: MetaValue = name === '__schema'
            ? { meta: '__Schema', value: schema }
            : { meta: '__Type', value: schema.getType(String(getArgumentValues(TypeMetaFieldDef, selection, variables).name)) ?? null };
          total += at.value === null || !selection.selectionSet ? 1 : 1 + introspectionCost(schema, selection.selectionSet, at, fragments);
          continue;
        }
        const field = fieldOf(parent, name);
        if (!field) continue;
        const args = getArgumentValues(field, selection, variables);
        const returns = getNamedType(field.type);
        const children = selection.selectionSet ? visit(selection.selectionSet, returns, seen) : 0;
        const times = multiplier(field, args, parent.name);
        total += selection.selectionSet ? weight(field, args) + times * children : times * (LEAF_SIZE[`${parent.name}.${field.name}`] ?? 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += visit(selection.selectionSet, condition ?? parent, seen);
      } else {
        const fragment = fragments[selection.name.value];
        // A fragment that spreads itself is refused by validation; never loop on one here.
        if (!fragment || seen.has(selection.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        total += visit(fragment.selectionSet, condition ?? parent, new Set(seen).add(selection.name.value));
      }
    }
    return total;
  };
  return visit(selectionSet, type, new Set());
}

// Apollo hands the same parsed document to every request with the same query text (its document
// store), so an operation's estimate is kept per variable values: a dashboard repeating a query
// pays for one walk of the schema, not one per request.
const known = new WeakMap<OperationDefinitionNode, Map<string, number | null>>();
const KNOWN_PER_OPERATION = 64;

/** The cost of the operation a request resolved to, with its variables (defaults included), or null when it has none. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): number | null {
  if (!operation) return null;
  const byVariables = known.get(operation) ?? new Map<string, number | null>();
  known.set(operation, byVariables);
  const key = variables ? JSON.stringify(variables) : '';
  const hit = byVariables.get(key);
  if (hit !== undefined) return hit;
  const cost = estimateOperation(schema, document, operation, variables);
  if (byVariables.size >= KNOWN_PER_OPERATION) byVariables.delete(byVariables.keys().next().value!);
  byVariables.set(key, cost);
  return cost;
}

function estimateOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  // Coerced as execution will (defaults filled in); values that do not coerce fail there.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  return estimateCost(schema, operation.selectionSet, root, fragments, coerced.coerced);
}
