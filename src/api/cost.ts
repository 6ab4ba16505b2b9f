// Estimates what an operation will cost from its arguments, before it runs, and refuses it above
// a limit (QUERY_TOO_COSTLY) without touching the database. The estimate is an upper bound of the
// objects resolved: each field that returns objects costs 1 per parent object, and a list field
// multiplies its children by its page size (`first`, `limit`, ...). Exploration fields add the
// weight of their graph search (hops).
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../shared/errors';

type Args = Record<string, unknown>;
const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

/** Children per parent object, for fields that return many. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Args): number {
  switch (field.name) {
    case 'nodes':
      return Array.isArray(args.ids) ? args.ids.length : 1;
    case 'paths':
      return num(args.first, 5) * (num(args.maxHops, 4) + 1);
    case 'neighborhood':
      return num(args.limit, 50) + 1;
    default:
      return 'first' in args ? num(args.first, 20) : 1;
  }
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

export function estimateCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Args,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[selection.name.value];
      const returns = field && getNamedType(field.type);
      if (!field || !selection.selectionSet || !isCompositeType(returns)) continue;
      const args = getArgumentValues(field, selection, variables);
      const children = estimateCost(schema, selection.selectionSet, returns, fragments, variables);
      total += weight(field, args) + multiplier(field, args) * children;
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      total += estimateCost(schema, fragment.selectionSet, condition ?? type, fragments, variables);
    }
  }
  return total;
}

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
          );
          if (!operation) return;
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const cost = estimateCost(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`estimated query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer hops`, {
              extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
