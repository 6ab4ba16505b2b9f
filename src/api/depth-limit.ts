// Rejects operations nested deeper than a limit during validation, before any resolver (and so
// any database call) runs. Fragments are followed. Introspection nests type references (`ofType`)
// deeper than any data query, so its fields have their own, larger allowance.
import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../shared/errors';

/** Depth allowed under `__schema` / `__type`: GraphiQL's introspection query needs 13. */
export const INTROSPECTION_MAX_DEPTH = 15;

export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>, introspection: boolean): number => {
      if (node.kind === Kind.FIELD) {
        if (!introspection && node.name.value.startsWith('__')) return depth;
        if (!node.selectionSet) return depth;
        depth += 1;
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) return depth;
        return depthOf(fragment, depth, new Set(seen).add(node.name.value), introspection);
      }
      const selections = 'selectionSet' in node && node.selectionSet ? node.selectionSet.selections : [];
      return selections.reduce((max, s) => Math.max(max, depthOf(s, depth, seen, introspection)), depth);
    };
    return {
      OperationDefinition(operation) {
        const data = depthOf(operation, 0, new Set(), false);
        const all = depthOf(operation, 0, new Set(), true);
        const [depth, limit] = data > maxDepth ? [data, maxDepth] : [all, Math.max(maxDepth, INTROSPECTION_MAX_DEPTH)];
        if (depth > limit) {
          context.reportError(
            new GraphQLError(`query depth ${depth} exceeds the limit of ${limit}`, {
              nodes: [operation],
              extensions: { code: ErrorCode.QUERY_TOO_DEEP, depth, maxDepth: limit },
            }),
          );
        }
      },
    };
  };
}
