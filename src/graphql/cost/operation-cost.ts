import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';
import { FIELD_COSTS, type FieldCost, pipelineCost } from './field-costs.ts';

/**
 * The estimated cost of one operation, before it runs, after the IBM GraphQL cost spec:
 * an object-typed field costs 1, a scalar 0, a list multiplies its items' cost by its size,
 * and a field that runs a pipeline adds its `@cost` weight. Two refinements use the argument
 * values (the spec's static weights cannot): the weight is paid per 31 days of the field's
 * range and time series add their bucket count (`field-costs.ts`). List sizes come from
 * `@listSize`: the slicing argument's value (`limit`, `itemsPerPage`, `input.pageSize`) for
 * the sized field (`rows`, `calls`, `data`); `callStats.intervals` is as long as the buckets its
 * `dateInterval` cuts the range into; `_entities` is as long as its representations;
 * other lists count as one item. Fragments on different types of an abstract field cost the
 * most expensive of them. Undefined when the variables do not coerce (execution reports that).
 */
export function operationCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}): number | undefined {
  const { schema, document } = options;
  const operation = getOperationAST(document, options.operationName ?? undefined);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], options.variables ?? {});
  if (coerced.errors) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walker = new CostWalker(schema, fragments, coerced.coerced);
  return walker.selectionCost(root, operation.selectionSet, new Map(), new Set());
}

class CostWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `sizes`: list sizes the parent's `@listSize(sizedFields:)` gives to fields of this selection. */
  selectionCost(parent: GraphQLNamedType, set: SelectionSetNode, sizes: ReadonlyMap<string, number>, spreading: ReadonlySet<string>): number {
    let common = 0;
    const byType = new Map<string, number>();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        common += this.fieldCost(parent, selection, sizes, spreading);
        continue;
      }
      let fragment: { typeCondition?: { name: { value: string } }; selectionSet: SelectionSetNode } | undefined;
      let inside = spreading;
      if (selection.kind === Kind.INLINE_FRAGMENT) fragment = selection;
      else if (!spreading.has(selection.name.value)) {
        fragment = this.fragments.get(selection.name.value);
        inside = new Set([...spreading, selection.name.value]);
      }
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? this.schema.getType(typeName) : parent;
      if (!type) continue;
      const cost = this.selectionCost(type, fragment.selectionSet, sizes, inside);
      if (!typeName || typeName === parent.name) common += cost;
      else byType.set(typeName, (byType.get(typeName) ?? 0) + cost);
    }
    return common + Math.max(0, ...byType.values());
  }

  private fieldCost(parent: GraphQLNamedType, node: FieldNode, sizes: ReadonlyMap<string, number>, spreading: ReadonlySet<string>): number {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!field) return 0;
    const args = this.argumentValues(field, node);
    const entry: FieldCost | undefined = FIELD_COSTS[`${parent.name}.${field.name}`];
    const work = entry?.work(args);
    const own = entry && work ? pipelineCost(entry, work) : 0;
    const named = getNamedType(field.type);
    const typeCost = isCompositeType(named) ? 1 : 0;
    const childSizes = new Map<string, number>();
    const slicing = entry?.rows ? pageRows(entry.rows.size(args)) : entry?.listSize ? slicingSize(entry.listSize, args) : undefined;
    for (const sized of entry?.rows?.sizedFields ?? entry?.listSize?.sizedFields ?? []) childSizes.set(sized, slicing ?? 1);
    for (const sized of entry?.bucketRows ?? []) childSizes.set(sized, work?.buckets ?? 0);
    const children = node.selectionSet ? this.selectionCost(named, node.selectionSet, childSizes, spreading) : 0;
    const items = isListType(getNullableType(field.type)) ? this.listSize(field, args, sizes, entry, slicing) : 1;
    return own + items * (typeCost + children);
  }

  private listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, sizes: ReadonlyMap<string, number>, entry: FieldCost | undefined, slicing: number | undefined): number {
    if (field.name === '_entities' && Array.isArray(args.representations)) return args.representations.length;
    const fromParent = sizes.get(field.name);
    if (fromParent !== undefined) return fromParent;
    if (entry?.listSize && !entry.listSize.sizedFields?.length) return slicing ?? entry.listSize.assumedSize ?? 1;
    return 1;
  }

  private argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      // Invalid arguments fail in execution with their own error; they cost nothing here.
      return {};
    }
  }
}

/** The most rows a list page may ask for (DESIGN section 8). */
const MAX_PAGE_ROWS = 1000;

/** The value of the first slicing argument present (a dotted path into input objects), else the assumed size. */
function slicingSize(listSize: { slicingArguments?: string[]; assumedSize?: number }, args: Record<string, unknown>): number | undefined {
  for (const path of listSize.slicingArguments ?? []) {
    let value: unknown = args;
    for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    const rows = pageRows(value);
    if (rows !== undefined) return rows;
  }
  return listSize.assumedSize;
}

/** A page size as rows; past 1,000 the field itself refuses the value (BAD_USER_INPUT naming it). */
function pageRows(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(MAX_PAGE_ROWS, Math.max(0, Math.floor(value))) : undefined;
}
