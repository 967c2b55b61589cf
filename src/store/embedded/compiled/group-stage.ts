import type { AccumulatorPlan, AccumulatorState } from './accumulators.ts';
import { canonicalKey, isPlainObject, setField } from './bson-values.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import type { CompiledExpression, Consumer, Evaluate, ExpressionScope, Row, StageContext, StagePlan } from './pipeline-types.ts';
import { keyFactory, rowFactory } from './row-factory.ts';
import { runNow, runSliced, type SliceClock, type SlicedWork, UNSLICED } from './slice-clock.ts';

/**
 * `$group`. The key is found without building a key object or string per document: a single
 * key expression indexes a `Map` by its value (primitives as they are, which keeps 1 and '1'
 * apart and 1 and 1.0 together; Dates, arrays and objects by `canonicalKey`), and an object
 * key (`{ date: …, source: … }`) walks a trie with one such map per part. Missing parts stay
 * distinct from null ones, as MongoDB leaves a missing field out of the key object. Groups
 * come out in first-seen order, as mingo emits them.
 */

/** Key of a missing part inside a key object (a separate group from null). */
const MISSING = Symbol('missing');

type KeyPlan =
  | { kind: 'single'; value: unknown }
  | { kind: 'expression'; evaluate: Evaluate }
  | { kind: 'object'; names: readonly string[]; parts: readonly Evaluate[] };

export function groupStage(spec: unknown, context: StageContext): StagePlan {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '_id')) throw new UnsupportedPipelineError('$group without _id');
  const names = Object.keys(spec).filter((key) => key !== '_id');
  const operands: unknown[] = [];
  const operators: string[] = [];
  for (const name of names) {
    const accumulator = spec[name];
    if (name.startsWith('$') || name.includes('.') || !isPlainObject(accumulator) || Object.keys(accumulator).length !== 1) {
      throw new UnsupportedPipelineError(`$group field "${name}"`);
    }
    const operator = Object.keys(accumulator)[0];
    operators.push(operator);
    operands.push(accumulator[operator]);
  }

  const scope = context.expressions([spec._id, ...operands]);
  const accumulators: AccumulatorPlan[] = operators.map((operator, i) => {
    const compile = context.accumulator(operator);
    if (!compile) throw new UnsupportedPipelineError(`accumulator ${operator}`);
    return compile(operands[i], scope);
  });
  return compiledGroup({ id: spec._id, names, accumulators, scope });
}

/**
 * A `$group` from its parts: the key expression (compiled in `scope`) and one compiled
 * accumulator per output field. Also used for groups the executor composes itself (fused
 * grouping levels, see fused-groups.ts), whose accumulators need not come from the table.
 */
export function compiledGroup(options: { id: unknown; names: readonly string[]; accumulators: readonly AccumulatorPlan[]; scope: ExpressionScope }): StagePlan {
  const { names, accumulators, scope } = options;
  const key = keyPlan(options.id, scope.compile.bind(scope));
  const makeRow = rowFactory(names);
  const makeId = key.kind === 'object' ? idFactory(key.names) : undefined;
  return {
    create: (next) => new GroupConsumer({ key, names, makeRow, makeId, accumulators: accumulators.map((plan) => plan.create()), next }),
  };
}

/** Key objects whose parts are all present share one literal shape; a missing part is left out. */
function idFactory(names: readonly string[]): (parts: readonly unknown[]) => Row {
  const literal = keyFactory(names);
  return (parts) => {
    if (!parts.includes(undefined)) return literal((i) => parts[i]);
    const id: Row = {};
    for (let i = 0; i < names.length; i++) if (parts[i] !== undefined) setField(id, names[i], parts[i]);
    return id;
  };
}

function keyPlan(id: unknown, compile: (expression: unknown) => CompiledExpression): KeyPlan {
  if (isPlainObject(id) && !Object.keys(id)[0]?.startsWith('$')) {
    const names = Object.keys(id);
    for (const name of names) {
      if (name.startsWith('$') || name.includes('.')) throw new UnsupportedPipelineError(`$group _id field "${name}"`);
    }
    const parts = names.map((name) => compile(id[name]));
    if (parts.every((part) => part.constant)) return { kind: 'single', value: compile(id).value };
    return { kind: 'object', names, parts: parts.map((part) => part.evaluate) };
  }
  const compiled = compile(id);
  return compiled.constant ? { kind: 'single', value: compiled.value ?? null } : { kind: 'expression', evaluate: compiled.evaluate };
}

/** One level of the key index: primitives by value, everything else by canonical key. */
interface KeyLevel {
  readonly primitives: Map<unknown, unknown>;
  compound?: Map<string, unknown>;
}

const newLevel = (): KeyLevel => ({ primitives: new Map() });

function levelGet(level: KeyLevel, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return level.primitives.get(value);
  return level.compound?.get(canonicalKey(value));
}

function levelSet(level: KeyLevel, value: unknown, entry: unknown): void {
  if (typeof value !== 'object' || value === null) level.primitives.set(value, entry);
  else (level.compound ??= new Map()).set(canonicalKey(value), entry);
}

class GroupConsumer implements Consumer {
  private readonly key: KeyPlan;
  private readonly names: readonly string[];
  private readonly accumulators: readonly AccumulatorState[];
  private readonly next: Consumer;
  private readonly makeRow: (id: unknown, value: (index: number) => unknown) => Row;
  private readonly makeId: ((parts: readonly unknown[]) => Row) | undefined;
  /** `_id` of each group, by group index. */
  private readonly ids: unknown[] = [];
  private readonly root = newLevel();
  /** The current document's key parts, reused (object keys only). */
  private readonly parts: unknown[];

  constructor(options: {
    key: KeyPlan;
    names: readonly string[];
    makeRow: (id: unknown, value: (index: number) => unknown) => Row;
    makeId: ((parts: readonly unknown[]) => Row) | undefined;
    accumulators: readonly AccumulatorState[];
    next: Consumer;
  }) {
    ({ key: this.key, names: this.names, makeRow: this.makeRow, makeId: this.makeId, accumulators: this.accumulators, next: this.next } = options);
    this.parts = this.key.kind === 'object' ? new Array(this.key.parts.length) : [];
  }

  accept(row: Row): boolean {
    const group = this.locate(row);
    const accumulators = this.accumulators;
    for (let i = 0; i < accumulators.length; i++) accumulators[i].update(group, row);
    return true;
  }

  private locate(row: Row): number {
    const key = this.key;
    if (key.kind === 'single') return this.ids.length === 0 ? this.addGroup(key.value) : 0;
    if (key.kind === 'expression') {
      // A missing key groups with null, as MongoDB's `_id: '$field'` does.
      const value = key.evaluate(row) ?? null;
      const found = levelGet(this.root, value);
      if (found !== undefined) return found as number;
      const group = this.addGroup(value);
      levelSet(this.root, value, group);
      return group;
    }
    return this.locateObject(row, key.parts);
  }

  private locateObject(row: Row, evaluators: readonly Evaluate[]): number {
    const parts = this.parts;
    const last = evaluators.length - 1;
    let level = this.root;
    for (let i = 0; i < last; i++) {
      const value = evaluators[i](row);
      parts[i] = value;
      const slot = value === undefined ? MISSING : value;
      let child = levelGet(level, slot) as KeyLevel | undefined;
      if (child === undefined) {
        child = newLevel();
        levelSet(level, slot, child);
      }
      level = child;
    }
    const value = evaluators[last](row);
    const slot = value === undefined ? MISSING : value;
    const found = levelGet(level, slot);
    if (found !== undefined) return found as number;
    parts[last] = value;
    const group = this.addGroup(this.idFromParts());
    levelSet(level, slot, group);
    return group;
  }

  private idFromParts(): Row {
    return (this.makeId as (parts: readonly unknown[]) => Row)(this.parts);
  }

  private addGroup(id: unknown): number {
    this.ids.push(id);
    for (const accumulator of this.accumulators) accumulator.addGroup();
    return this.ids.length - 1;
  }

  private flushed = false;

  /** A huge group map (millions of groups) becomes rows in slices. */
  async settle(clock: SliceClock): Promise<void> {
    await runSliced(this.flush(clock), clock);
  }

  end(): Row[] {
    if (!this.flushed) runNow(this.flush(UNSLICED));
    return this.next.end();
  }

  private *flush(clock: SliceClock): SlicedWork {
    this.flushed = true;
    const accumulators = this.accumulators;
    let group = 0;
    const value = (i: number): unknown => accumulators[i].result(group);
    for (; group < this.ids.length; group++) {
      if (!this.next.accept(this.makeRow(this.ids[group], value))) break;
      if (clock.tick()) yield;
    }
  }
}
