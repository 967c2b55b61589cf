import { isPlainObject } from './bson-values.ts';
import { namedKeyGroup, stageSpec, validName } from './group-spec.ts';

/**
 * Recognises grouping levels that the executor can run as one pass: a `$group` over the
 * documents (the first level) followed by `$group`s over its rows, either in the pipeline
 * itself or at the head of every branch of the `$facet` after it. dialgraph's distinct counts
 * have this shape (src/analytics/query/distinct-count.ts): group by dimensions + value, then
 * by dimensions, counting the values that are present. Run level by level, the first level
 * holds one group per (dimensions, value), a row per distinct caller, that the next level
 * reads back. Composed, each branch is a single group over the documents, keyed directly by
 * the dimensions it keeps, whose merged partials accumulate per document and whose distinct
 * count is a set of values per group.
 *
 * What composes exactly (anything else is not fused and runs level by level):
 * - a later level's `_id` is `null`, `'$_id.part'` (`'$_id'` over a scalar key), or an object
 *   of such references. Missing parts stay missing through object keys and become null through
 *   a scalar key, as on MongoDB; that normalisation is carried with each part;
 * - its accumulators are `{ $sum|$min|$max: '$field' }` of a field the level before computed
 *   with the same operator (a sum of sums is the sum over the documents, a minimum of minima
 *   the minimum), or the count of present values `{ $sum: { $cond: [{ $eq: [<key part>, null] },
 *   0, 1] } }`: the number of distinct keys of the level before, in the group, whose part is
 *   not null;
 * - the first level's `_id` is an object of expressions (no sub-document literals), its
 *   accumulators `$sum`/`$min`/`$max`, and every part and accumulator is used by a composed
 *   level (so the fused pass evaluates what the levels would have evaluated).
 */

type MergeOperator = '$sum' | '$min' | '$max';
const MERGE_OPERATORS: ReadonlySet<string> = new Set(['$sum', '$min', '$max']);

/** A key part of some level, as the first level's part it carries. */
interface PartRef {
  /** Index of the first level's key part. */
  readonly source: number;
  /** Missing became null on the way (through a scalar `_id`). */
  readonly nullify: boolean;
}

type LevelKey =
  | { readonly kind: 'null' }
  | { readonly kind: 'scalar'; readonly part: PartRef }
  | { readonly kind: 'object'; readonly names: readonly string[]; readonly parts: readonly PartRef[] };

type LevelAccumulator =
  | { readonly kind: 'merge'; readonly operator: MergeOperator; readonly source: number }
  | { readonly kind: 'distinct'; readonly tuple: readonly PartRef[]; readonly counted: number };

interface Level {
  readonly key: LevelKey;
  readonly names: readonly string[];
  readonly accumulators: readonly LevelAccumulator[];
}

interface FirstLevel {
  readonly parts: readonly unknown[];
  /** Per part: the expression never evaluates to missing, so null-for-missing changes nothing. */
  readonly present: readonly boolean[];
  readonly operands: readonly unknown[];
  readonly level: Level;
}

/** An accumulator of a composed group, over the documents. */
export type ComposedAccumulator =
  | { readonly kind: 'accumulator'; readonly operator: MergeOperator; readonly operand: unknown }
  /** Distinct tuples of `tuple`'s values per group, counting only those whose `counted` value is not null. */
  | { readonly kind: 'distinct'; readonly tuple: readonly unknown[]; readonly counted: number };

/** One `$group` over the documents that gives the rows the fused levels would give. */
export interface ComposedGroup {
  readonly id: unknown;
  readonly names: readonly string[];
  readonly accumulators: readonly ComposedAccumulator[];
}

export type FusedGroups =
  /** `$group`, `$group`…: `consumed` stages after the first level are replaced by `group`. */
  | { readonly form: 'chain'; readonly group: ComposedGroup; readonly consumed: number }
  /** `$group`, `$facet`: each branch's leading levels replaced by its `group`, then `rest`. */
  | { readonly form: 'facet'; readonly branches: readonly { readonly name: string; readonly group: ComposedGroup; readonly rest: readonly unknown[] }[] };

/** The fused form of the `$group` at `index` and what follows it, or undefined. */
export function fuseGroups(stages: readonly unknown[], index: number, inFacet: boolean): FusedGroups | undefined {
  const first = firstLevel(stageSpec(stages[index], '$group'));
  if (!first) return undefined;
  const facet = stageSpec(stages[index + 1], '$facet');
  if (facet !== undefined) {
    if (inFacet || !isPlainObject(facet) || Object.keys(facet).length === 0) return undefined;
    const branches: { name: string; group: ComposedGroup; rest: readonly unknown[]; level: Level }[] = [];
    for (const [name, branch] of Object.entries(facet)) {
      if (name === '' || name.startsWith('$') || name.includes('.') || !Array.isArray(branch)) return undefined;
      const chain = composeChain(first, branch);
      if (!chain) return undefined;
      branches.push({ name, group: composedGroup(first, chain.level), rest: branch.slice(chain.consumed), level: chain.level });
    }
    if (!usesEverything(first, branches.map((branch) => branch.level))) return undefined;
    return { form: 'facet', branches: branches.map(({ name, group, rest }) => ({ name, group, rest })) };
  }
  const chain = composeChain(first, stages.slice(index + 1));
  if (!chain || !usesEverything(first, [chain.level])) return undefined;
  return { form: 'chain', group: composedGroup(first, chain.level), consumed: chain.consumed };
}

function firstLevel(group: unknown): FirstLevel | undefined {
  const keyed = namedKeyGroup(group);
  if (!keyed) return undefined;
  const { spec, names: partNames, parts } = keyed;
  const names: string[] = [];
  const operands: unknown[] = [];
  const accumulators: LevelAccumulator[] = [];
  for (const name of Object.keys(spec)) {
    if (name === '_id') continue;
    const accumulator = spec[name];
    if (!validName(name) || !isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) return undefined;
    const operator = Object.keys(accumulator)[0];
    if (!MERGE_OPERATORS.has(operator) || Array.isArray(accumulator[operator])) return undefined;
    accumulators.push({ kind: 'merge', operator: operator as MergeOperator, source: operands.length });
    names.push(name);
    operands.push(accumulator[operator]);
  }
  const key: LevelKey = { kind: 'object', names: partNames, parts: partNames.map((_, source) => ({ source, nullify: false })) };
  return { parts, present: parts.map(neverMissing), operands, level: { key, names, accumulators } };
}

/** Operators whose result is never missing (null for missing operands, or a boolean). */
const ALWAYS_PRESENT: ReadonlySet<string> = new Set(['$add', '$subtract', '$multiply', '$divide', '$floor', '$mod', '$year', '$month', '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$not', '$isNumber', '$literal']);

/**
 * Whether an expression can never be missing (dialgraph wraps key parts in `$ifNull: [..., null]`):
 * then a missing part and a null one cannot both occur, and a level that turns missing into null
 * keeps the part as it is, which lets the distinct count leave it out of its tuples.
 */
export function neverMissing(expression: unknown): boolean {
  if (typeof expression === 'string') return !expression.startsWith('$');
  if (!isPlainObject(expression)) return expression !== undefined;
  const operator = Object.keys(expression)[0];
  if (Object.keys(expression).length !== 1 || !operator?.startsWith('$')) return false;
  const operand = expression[operator];
  if (ALWAYS_PRESENT.has(operator)) return true;
  if (operator === '$ifNull') return Array.isArray(operand) && operand.length >= 2 && neverMissing(operand.at(-1));
  if (operator === '$cond') {
    const branches = Array.isArray(operand) ? operand.slice(1) : isPlainObject(operand) ? [operand.then, operand.else] : [];
    return branches.length === 2 && branches.every(neverMissing);
  }
  return false;
}

/** Composes every `$group` at the head of `stages` onto `first`; at least one. */
function composeChain(first: FirstLevel, stages: readonly unknown[]): { level: Level; consumed: number } | undefined {
  let level = first.level;
  let consumed = 0;
  while (consumed < stages.length) {
    const spec = stageSpec(stages[consumed], '$group');
    const next = spec === undefined ? undefined : nextLevel(level, spec, first.present);
    if (!next) break;
    level = next;
    consumed += 1;
  }
  return consumed > 0 ? { level, consumed } : undefined;
}

/** The part of `previous`'s key that `reference` (`'$_id.name'`, or `'$_id'` for a scalar key) reads. */
function referencedPart(previous: LevelKey, reference: unknown): PartRef | undefined {
  if (typeof reference !== 'string') return undefined;
  if (previous.kind === 'scalar') return reference === '$_id' ? previous.part : undefined;
  if (previous.kind !== 'object' || !reference.startsWith('$_id.')) return undefined;
  const index = previous.names.indexOf(reference.slice('$_id.'.length));
  return index < 0 ? undefined : previous.parts[index];
}

function nextLevel(previous: Level, spec: unknown, present: readonly boolean[]): Level | undefined {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '_id')) return undefined;
  const key = nextKey(previous.key, spec._id, present);
  if (!key) return undefined;
  const keyParts = key.kind === 'null' ? [] : key.kind === 'scalar' ? [key.part] : key.parts;
  const names: string[] = [];
  const accumulators: LevelAccumulator[] = [];
  for (const name of Object.keys(spec)) {
    if (name === '_id') continue;
    const accumulator = spec[name];
    if (!validName(name) || !isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) return undefined;
    const operator = Object.keys(accumulator)[0];
    const operand = accumulator[operator];
    const merged = mergedAccumulator(previous, operator, operand);
    const counted = merged ? undefined : distinctCount(previous.key, keyParts, operator, operand);
    if (!merged && !counted) return undefined;
    names.push(name);
    accumulators.push((merged ?? counted) as LevelAccumulator);
  }
  return { key, names, accumulators };
}

function nextKey(previous: LevelKey, id: unknown, present: readonly boolean[]): LevelKey | undefined {
  if (id === null) return { kind: 'null' };
  if (typeof id === 'string') {
    const part = referencedPart(previous, id);
    // A scalar `_id` groups a missing value with null (nothing to do for a part never missing).
    return part && { kind: 'scalar', part: { source: part.source, nullify: !present[part.source] } };
  }
  if (!isPlainObject(id)) return undefined;
  const names = Object.keys(id);
  if (names.length === 0 || !names.every(validName)) return undefined;
  const parts: PartRef[] = [];
  for (const name of names) {
    const part = referencedPart(previous, id[name]);
    if (!part) return undefined;
    parts.push(part);
  }
  return { kind: 'object', names, parts };
}

/** `{ $sum: '$calls' }` over rows whose `calls` is itself a `$sum`. */
function mergedAccumulator(previous: Level, operator: string, operand: unknown): LevelAccumulator | undefined {
  if (!MERGE_OPERATORS.has(operator) || typeof operand !== 'string' || !operand.startsWith('$')) return undefined;
  const index = previous.names.indexOf(operand.slice(1));
  const source = index < 0 ? undefined : previous.accumulators[index];
  if (source?.kind !== 'merge' || source.operator !== operator) return undefined;
  return source;
}

/** `{ $sum: { $cond: [{ $eq: [<part of the previous key>, null] }, 0, 1] } }`. */
function distinctCount(previous: LevelKey, keyParts: readonly PartRef[], operator: string, operand: unknown): LevelAccumulator | undefined {
  if (operator !== '$sum' || previous.kind === 'null') return undefined;
  if (!isPlainObject(operand) || Object.keys(operand).length !== 1) return undefined;
  const cond = operand.$cond;
  if (!Array.isArray(cond) || cond.length !== 3 || cond[1] !== 0 || cond[2] !== 1) return undefined;
  const test = cond[0];
  if (!isPlainObject(test) || Object.keys(test).length !== 1 || !Array.isArray(test.$eq) || test.$eq.length !== 2 || test.$eq[1] !== null) {
    return undefined;
  }
  const counted = referencedPart(previous, test.$eq[0]);
  if (!counted) return undefined;
  // The rows counted are the previous level's distinct keys. Parts the new key carries as
  // they are hold one value per group and are left out of the tuple; the counted one stays.
  const previousParts = previous.kind === 'scalar' ? [previous.part] : previous.parts;
  const same = (a: PartRef, b: PartRef) => a.source === b.source && a.nullify === b.nullify;
  const tuple = [counted, ...previousParts.filter((part) => part !== counted && !keyParts.some((kept) => same(kept, part)))];
  return { kind: 'distinct', tuple, counted: 0 };
}

/** A first-level part as an expression over the documents, normalised as it arrives. */
function partExpression(first: FirstLevel, part: PartRef): unknown {
  const expression = first.parts[part.source];
  return part.nullify ? { $ifNull: [expression, null] } : expression;
}

function composedGroup(first: FirstLevel, level: Level): ComposedGroup {
  const { key } = level;
  let id: unknown = null;
  // A scalar `_id` already groups missing with null; the part goes in as it is.
  if (key.kind === 'scalar') id = first.parts[key.part.source];
  if (key.kind === 'object') id = Object.fromEntries(key.names.map((name, i) => [name, partExpression(first, key.parts[i])]));
  const accumulators = level.accumulators.map((accumulator): ComposedAccumulator =>
    accumulator.kind === 'merge'
      ? { kind: 'accumulator', operator: accumulator.operator, operand: first.operands[accumulator.source] }
      : { kind: 'distinct', tuple: accumulator.tuple.map((part) => partExpression(first, part)), counted: accumulator.counted },
  );
  return { id, names: level.names, accumulators };
}

/** Every first-level part and accumulator is read by some composed level. */
function usesEverything(first: FirstLevel, levels: readonly Level[]): boolean {
  const parts = new Set<number>();
  const accumulators = new Set<number>();
  for (const { key, accumulators: list } of levels) {
    if (key.kind === 'scalar') parts.add(key.part.source);
    if (key.kind === 'object') for (const part of key.parts) parts.add(part.source);
    for (const accumulator of list) {
      if (accumulator.kind === 'merge') accumulators.add(accumulator.source);
      else for (const part of accumulator.tuple) parts.add(part.source);
    }
  }
  return parts.size === first.parts.length && accumulators.size === first.operands.length;
}
