import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Names of the fields selected under `path` below the current field, as the executor will see
 * them: through aliases, named and inline fragments, honouring `@skip` and `@include`.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((node) => fieldsOf(info, node.selectionSet).filter((field) => field.name.value === name));
  }
  const names = new Set<string>();
  for (const node of level) for (const field of fieldsOf(info, node.selectionSet)) names.add(field.name.value);
  return names;
}

function fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined): FieldNode[] {
  if (!selectionSet) return [];
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!isIncluded(info, selection)) continue;
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(info, selection.selectionSet));
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) fields.push(...fieldsOf(info, fragment.selectionSet));
    }
  }
  return fields;
}

function isIncluded(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if === false) return false;
  return true;
}
