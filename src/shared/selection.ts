// What an operation selected below a field, so loaders fetch only that: detail (names, notes,
// citations) when asked for, totals only when `totalCount` is selected. Fragments are followed
// and @skip/@include are ignored, so the answer errs towards "selected", never the other way.
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The part of GraphQLResolveInfo read here. */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

// graphql-js hands every item of a list the same fieldNodes array, and Apollo reuses a parsed
// document across requests, so answers are kept per fieldNodes (and path): a page of 400 posts
// asks the same question 400 times.
const answers = new WeakMap<readonly FieldNode[], Map<string, Set<string>>>();

/** Names of the fields selected at `path` (e.g. ['edges', 'node']) below the resolver's field. */
export function selectedFields(info: SelectionInfo, path: string[] = []): Set<string> {
  let byPath = answers.get(info.fieldNodes);
  if (!byPath) answers.set(info.fieldNodes, (byPath = new Map()));
  const key = path.join('.');
  let fields = byPath.get(key);
  if (!fields) byPath.set(key, (fields = collect(info, path)));
  return fields;
}

function collect(info: SelectionInfo, path: string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((s) => fieldsOf(s, info.fragments).flatMap((f) => (f.name.value === name && f.selectionSet ? [f.selectionSet] : [])));
  }
  return new Set(sets.flatMap((s) => fieldsOf(s, info.fragments).map((f) => f.name.value)));
}

export function selectsAny(info: SelectionInfo, path: string[], names: readonly string[]): boolean {
  const selected = selectedFields(info, path);
  return names.some((n) => selected.has(n));
}

function fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, fragments, seen);
    const fragment = fragments[s.name.value];
    if (!fragment || seen.has(s.name.value)) return [];
    return fieldsOf(fragment.selectionSet, fragments, new Set(seen).add(s.name.value));
  });
}
