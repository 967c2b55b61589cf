import { isPlainObject } from './bson-values.ts';
import { neverMissing } from './fused-groups.ts';
import { namedKeyGroup, stageSpec, validName } from './group-spec.ts';

/**
 * Recognises dialgraph's percentile levels (src/analytics/query/percentile-levels.ts) so the
 * executor can run them from per-group histograms (fused-percentile-stage.ts):
 *
 *   `$group` by key + value (the histogram: one row per distinct value of each key, `calls`)
 *   → `$setWindowFields` (running and whole-partition `calls` per key, sorted by value)
 *   → `$group` by key: merged partials, and per percentile the `$min` of the value of the
 *     rows whose running count reaches p% of the partition.
 *
 * Run as written, every row between the levels is one per distinct value per key: a hash
 * lookup per document, then a row, a window copy and a few expression evaluations per
 * histogram row. Fused, the first level groups by the key alone and counts the value in a
 * histogram inside each group (value-histogram.ts), and the pick reads it sorted.
 *
 * What is fused (anything else runs as written):
 * - the first level: `_id` an object of parts, each never missing, one of them the value;
 *   accumulators `$sum`/`$min`/`$max`, among them a weight `{ $sum: 1 }` (so running counts
 *   rise and the pick is the smallest value whose count at or below it reaches p%: a
 *   function of the histogram alone, whatever the order of rows that tie on the value);
 * - then, in the pipeline or at the head of every branch of the `$facet` after it, either
 *   a pick chain: [an optional `$group` keeping some key parts and the value, merging the
 *   partials (the totals)], the window partitioned by exactly the kept parts other than the
 *   value, sorted by the value first, summing the weight; and a `$group` by exactly those parts
 *   whose accumulators merge partials or pick percentiles; or (a branch only) a `$group` by
 *   key parts alone that merges partials (the row count), which then runs as written over
 *   the key groups: merging the value's rows first changes none of its results.
 * At least one pick chain, and the value is read by nothing else.
 */

export type MergeOperator = '$sum' | '$min' | '$max';
const MERGE: ReadonlySet<string> = new Set(['$sum', '$min', '$max']);

/** A first-level accumulator, run per document into the key groups. */
export interface FirstAccumulator {
  readonly name: string;
  readonly operator: MergeOperator;
  readonly operand: unknown;
}

/** A field of a picked row: a first-level partial merged, or a percentile. */
export type PickField =
  | { readonly name: string; readonly kind: 'merge'; readonly operator: MergeOperator; readonly source: string }
  | { readonly name: string; readonly kind: 'pick'; readonly percent: number };

/**
 * Picks over the key groups. `id` is the picked rows' `_id` as an expression over a key
 * group's row (`_id` holds the first level's key parts under their names). With `regroup`,
 * key groups are first grouped by `id` (merging partials and histograms), else each key group
 * is one picked row.
 */
export interface PickChain {
  readonly id: unknown;
  readonly regroup: boolean;
  readonly fields: readonly PickField[];
}

export type FusedHead = { readonly kind: 'pick'; readonly pick: PickChain } | { readonly kind: 'levels' };

export interface FusedPercentiles {
  /** The first level's key parts other than the value. */
  readonly keyNames: readonly string[];
  readonly keyParts: readonly unknown[];
  /** The counted value's expression. */
  readonly value: unknown;
  readonly accumulators: readonly FirstAccumulator[];
  readonly form:
    | { readonly kind: 'chain'; readonly pick: PickChain; readonly consumed: number }
    | { readonly kind: 'facet'; readonly branches: readonly { readonly name: string; readonly head: FusedHead; readonly rest: readonly unknown[] }[] };
}

interface First {
  readonly names: readonly string[];
  readonly parts: readonly unknown[];
  readonly accumulators: readonly FirstAccumulator[];
}

/** A level's view of the first level: its key names → first-level part names, its fields → first-level accumulators. */
interface Level {
  readonly key: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, FirstAccumulator>;
}

/** The fused form of the `$group` at `index` and what follows it, or undefined. */
export function fusePercentiles(stages: readonly unknown[], index: number, inFacet: boolean): FusedPercentiles | undefined {
  const first = firstLevel(stageSpec(stages[index], '$group'));
  if (!first) return undefined;
  const level: Level = {
    key: new Map(first.names.map((name) => [name, name])),
    fields: new Map(first.accumulators.map((accumulator) => [accumulator.name, accumulator])),
  };
  const facet = stageSpec(stages[index + 1], '$facet');
  let value: string | undefined;
  let form: FusedPercentiles['form'];
  if (facet !== undefined) {
    if (inFacet || !isPlainObject(facet) || Object.keys(facet).length === 0) return undefined;
    const branches: { name: string; head: FusedHead; rest: readonly unknown[] }[] = [];
    for (const [name, branch] of Object.entries(facet)) {
      if (!validName(name) || !Array.isArray(branch)) return undefined;
      const chain = pickChain(level, branch);
      if (chain) {
        if (value !== undefined && value !== chain.value) return undefined;
        value = chain.value;
        branches.push({ name, head: { kind: 'pick', pick: chain.pick }, rest: branch.slice(chain.consumed) });
      } else {
        const levels = readsKeyGroups(level, stageSpec(branch[0], '$group'));
        if (!levels) return undefined;
        branches.push({ name, head: { kind: 'levels' }, rest: branch });
      }
    }
    if (value === undefined) return undefined;
    const counted = value;
    // Branches run as written must not read the value: the key groups no longer carry it.
    for (const branch of branches) if (branch.head.kind === 'levels' && usesPart(stageSpec(branch.rest[0], '$group'), counted)) return undefined;
    form = { kind: 'facet', branches };
  } else {
    const chain = pickChain(level, stages.slice(index + 1));
    if (!chain) return undefined;
    value = chain.value;
    form = { kind: 'chain', pick: chain.pick, consumed: chain.consumed };
  }
  const at = first.names.indexOf(value);
  const keyParts = first.parts.filter((_, i) => i !== at);
  // Missing and null parts would be one partition but two groups (see window-stage.ts).
  if (!keyParts.every(neverMissing)) return undefined;
  return { keyNames: first.names.filter((_, i) => i !== at), keyParts, value: first.parts[at], accumulators: first.accumulators, form };
}

function firstLevel(group: unknown): First | undefined {
  const keyed = namedKeyGroup(group);
  if (!keyed) return undefined;
  const { spec, names, parts } = keyed;
  const accumulators: FirstAccumulator[] = [];
  for (const name of Object.keys(spec)) {
    if (name === '_id') continue;
    const merge = mergeOf(spec[name]);
    if (!validName(name) || !merge || Array.isArray(merge.operand)) return undefined;
    accumulators.push({ name, ...merge });
  }
  return { names, parts, accumulators };
}

function mergeOf(accumulator: unknown): { operator: MergeOperator; operand: unknown } | undefined {
  if (!isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) return undefined;
  const operator = Object.keys(accumulator)[0];
  return MERGE.has(operator) ? { operator: operator as MergeOperator, operand: accumulator[operator] } : undefined;
}

/** `'$_id.name'` → `name`. */
function keyReference(reference: unknown): string | undefined {
  return typeof reference === 'string' && reference.startsWith('$_id.') ? reference.slice('$_id.'.length) : undefined;
}

/** A `$group` over `level`'s rows whose key reads only `level`'s key parts, as first-level part names; undefined otherwise. */
function groupKey(level: Level, id: unknown): string[] | undefined {
  if (id === null) return [];
  const references = typeof id === 'string' ? [id] : isPlainObject(id) && Object.keys(id).length > 0 && Object.keys(id).every(validName) ? Object.values(id) : undefined;
  if (!references) return undefined;
  const parts: string[] = [];
  for (const reference of references) {
    const part = level.key.get(keyReference(reference) ?? '');
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts;
}

/** `{ $sum: '$calls' }` over a level whose `calls` is a first-level `$sum`: the first-level accumulator. */
function mergedField(level: Level, accumulator: unknown): FirstAccumulator | undefined {
  const merge = mergeOf(accumulator);
  if (!merge || typeof merge.operand !== 'string' || !merge.operand.startsWith('$')) return undefined;
  const source = level.fields.get(merge.operand.slice(1));
  return source?.operator === merge.operator ? source : undefined;
}

/** A branch's leading `$group` that can read the key groups instead of the histogram rows. */
function readsKeyGroups(level: Level, spec: unknown): boolean {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '_id') || !groupKey(level, spec._id)) return false;
  return Object.keys(spec).every((name) => name === '_id' || (validName(name) && mergedField(level, spec[name]) !== undefined));
}

function usesPart(spec: unknown, part: string): boolean {
  if (!isPlainObject(spec)) return true;
  const id = spec._id;
  const references = typeof id === 'string' ? [id] : isPlainObject(id) ? Object.values(id) : [];
  return references.some((reference) => keyReference(reference) === part);
}

/** `[regroup?, $setWindowFields, $group]` at the head of `stages`, or undefined. */
function pickChain(firstView: Level, stages: readonly unknown[]): { pick: PickChain; value: string; consumed: number } | undefined {
  let level = firstView;
  let at = 0;
  const regroup = stageSpec(stages[0], '$group');
  if (regroup !== undefined) {
    const view = regroupLevel(firstView, regroup);
    if (!view) return undefined;
    level = view;
    at = 1;
  }
  const window = runningCounts(level, stageSpec(stages[at], '$setWindowFields'));
  const picks = window && pickGroup(level, window, stageSpec(stages[at + 1], '$group'));
  if (!window || !picks) return undefined;
  const valueName = level.key.get(window.value) as string;
  return { pick: { id: picks.id, regroup: regroup !== undefined, fields: picks.fields }, value: valueName, consumed: at + 2 };
}

/** The totals' regroup: `_id` an object of first-level key references, accumulators merges. */
function regroupLevel(firstView: Level, spec: unknown): Level | undefined {
  if (!isPlainObject(spec) || !isPlainObject(spec._id)) return undefined;
  const id = spec._id;
  const names = Object.keys(id);
  if (names.length === 0 || !names.every(validName)) return undefined;
  const key = new Map<string, string>();
  for (const name of names) {
    const part = firstView.key.get(keyReference(id[name]) ?? '');
    if (part === undefined) return undefined;
    key.set(name, part);
  }
  const fields = new Map<string, FirstAccumulator>();
  for (const name of Object.keys(spec)) {
    if (name === '_id') continue;
    const source = validName(name) ? mergedField(firstView, spec[name]) : undefined;
    if (!source) return undefined;
    fields.set(name, source);
  }
  return { key, fields };
}

interface RunningCounts {
  /** The level's key name sorted on first: the value. */
  readonly value: string;
  /** The level's key names partitioned by (every key name but the value). */
  readonly partition: readonly string[];
  readonly running: ReadonlySet<string>;
  readonly totals: ReadonlySet<string>;
}

function runningCounts(level: Level, spec: unknown): RunningCounts | undefined {
  if (!isPlainObject(spec) || !Object.keys(spec).every((key) => key === 'partitionBy' || key === 'sortBy' || key === 'output')) return undefined;
  const sortBy = spec.sortBy;
  if (!isPlainObject(sortBy)) return undefined;
  const sortPaths = Object.keys(sortBy);
  const value = sortPaths[0]?.startsWith('_id.') ? sortPaths[0].slice('_id.'.length) : undefined;
  if (value === undefined || !level.key.has(value) || sortBy[sortPaths[0]] !== 1) return undefined;
  // Later sort keys only order rows that tie on the value, which no pick depends on.
  for (const path of sortPaths.slice(1)) {
    if (!path.startsWith('_id.') || !level.key.has(path.slice('_id.'.length)) || (sortBy[path] !== 1 && sortBy[path] !== -1)) return undefined;
  }
  const partitionBy = spec.partitionBy;
  let partition: string[] = [];
  if (partitionBy !== undefined) {
    if (!isPlainObject(partitionBy) || Object.keys(partitionBy).length === 0 || !Object.keys(partitionBy).every(validName)) return undefined;
    partition = Object.values(partitionBy).map((reference) => keyReference(reference) ?? '');
  }
  const others = [...level.key.keys()].filter((name) => name !== value);
  // The partition must be exactly the level's key without the value: one histogram per partition.
  if (!sameSet(partition.map((name) => level.key.get(name)), others.map((name) => level.key.get(name)))) return undefined;
  if (partition.some((name) => !level.key.has(name))) return undefined;
  const output = spec.output;
  if (!isPlainObject(output) || Object.keys(output).length === 0) return undefined;
  const running = new Set<string>();
  const totals = new Set<string>();
  for (const [name, sum] of Object.entries(output)) {
    if (!validName(name) || name === '_id' || level.fields.has(name)) return undefined;
    const upper = weightWindow(level, sum);
    if (upper === undefined) return undefined;
    (upper === 'current' ? running : totals).add(name);
  }
  return { value, partition, running, totals };
}

/** `{ $sum: '$<weight>', window: { documents: ['unbounded', 'current' | 'unbounded'] } }`. */
function weightWindow(level: Level, spec: unknown): 'current' | 'unbounded' | undefined {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 2 || typeof spec.$sum !== 'string' || !spec.$sum.startsWith('$')) return undefined;
  const weight = level.fields.get(spec.$sum.slice(1));
  if (weight?.operator !== '$sum' || weight.operand !== 1) return undefined;
  const window = spec.window;
  const documents = isPlainObject(window) && Object.keys(window).length === 1 ? window.documents : undefined;
  if (!Array.isArray(documents) || documents.length !== 2 || documents[0] !== 'unbounded') return undefined;
  return documents[1] === 'current' || documents[1] === 'unbounded' ? documents[1] : undefined;
}

function pickGroup(level: Level, window: RunningCounts, spec: unknown): { id: unknown; fields: PickField[] } | undefined {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '_id')) return undefined;
  const id = spec._id;
  const references = id === null ? [] : typeof id === 'string' ? [id] : isPlainObject(id) && Object.keys(id).length > 0 && Object.keys(id).every(validName) ? Object.values(id) : undefined;
  if (!references) return undefined;
  const keyNames = references.map((reference) => keyReference(reference) ?? '');
  if (!keyNames.every((name) => window.partition.includes(name)) || !sameSet(keyNames, window.partition)) return undefined;
  const fields: PickField[] = [];
  for (const name of Object.keys(spec)) {
    if (name === '_id') continue;
    if (!validName(name)) return undefined;
    const merged = mergedField(level, spec[name]);
    const percent = merged ? undefined : pickPercent(window, spec[name]);
    if (merged) fields.push({ name, kind: 'merge', operator: merged.operator, source: merged.name });
    else if (percent !== undefined) fields.push({ name, kind: 'pick', percent });
    else return undefined;
  }
  // Over key groups, the picked rows' `_id` reads the first-level part names.
  return { id: renamedKey(level, id), fields };
}

/** `{ $min: { $cond: [{ $gte: [{ $multiply: ['$running', 100] }, { $multiply: ['$total', p] }] }, '$_id.<value>', null] } }` → p. */
function pickPercent(window: RunningCounts, accumulator: unknown): number | undefined {
  if (!isPlainObject(accumulator) || Object.keys(accumulator).length !== 1 || !isPlainObject(accumulator.$min)) return undefined;
  const cond = accumulator.$min.$cond;
  if (Object.keys(accumulator.$min).length !== 1 || !Array.isArray(cond) || cond.length !== 3) return undefined;
  if (cond[1] !== `$_id.${window.value}` || cond[2] !== null) return undefined;
  const test = cond[0];
  if (!isPlainObject(test) || Object.keys(test).length !== 1 || !Array.isArray(test.$gte) || test.$gte.length !== 2) return undefined;
  const [left, right] = test.$gte.map(product);
  if (!left || !right || !window.running.has(left.field) || left.factor !== 100 || !window.totals.has(right.field)) return undefined;
  return Number.isFinite(right.factor) ? right.factor : undefined;
}

/** `{ $multiply: ['$field', number] }`. */
function product(expression: unknown): { field: string; factor: number } | undefined {
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1 || !Array.isArray(expression.$multiply)) return undefined;
  const [field, factor] = expression.$multiply;
  if (expression.$multiply.length !== 2 || typeof field !== 'string' || !field.startsWith('$') || field.includes('.') || typeof factor !== 'number') return undefined;
  return { field: field.slice(1), factor };
}

/** A key expression over `level`'s rows rewritten to read the first-level part names. */
function renamedKey(level: Level, id: unknown): unknown {
  const rename = (reference: unknown) => `$_id.${level.key.get(keyReference(reference) as string)}`;
  if (id === null) return null;
  if (typeof id === 'string') return rename(id);
  return Object.fromEntries(Object.entries(id as Record<string, unknown>).map(([name, reference]) => [name, rename(reference)]));
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
