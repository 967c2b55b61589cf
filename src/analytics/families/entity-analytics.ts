import { averageMinutes, percentOf, round2 } from '../rounding.ts';
import type { Operation } from '../operation.ts';
import type { CallQuery, GroupSpec } from '../query/call-query.ts';
import { oneOf, type CallField } from '../query/conditions.ts';
import type { Condition } from '../query/expression.ts';
import { normalizeInstantRange } from '../query/instant-range.ts';
import type { Principal } from '../../contract/principal.ts';
import type { TimeRange } from '../query/scope.ts';
import { num, PARTIALS } from '../registry/partials.ts';
import { compareCodeUnits } from '../../shared/compare-code-units.ts';

/**
 * Most entity keys one pipeline's `$in` carries: a larger `_entities` batch runs as several
 * pipelines (a huge `$in` makes a large command and index-bounds list for no gain).
 */
export const MAX_ENTITY_KEYS_PER_PIPELINE = 1000;

/** Entities owned by other subgraphs that dialgraph adds call analytics to. */
export type EntityKind = 'ASSISTANT' | 'PHONE_NUMBER';

export interface EntityDefinition {
  /** The call field an entity key is matched against. */
  field: CallField;
  /** Further conditions that make a call belong to the entity. */
  where: readonly Condition[];
}

/**
 * How an entity key finds its calls. A phone number's calls are the phone calls placed on it:
 * web sessions are excluded as in the platform buckets of `callsByPhoneNumber` (DESIGN 2.1), so
 * `PhoneNumber.callAnalytics.totalCalls` equals that number's row there.
 */
export const ENTITIES: Record<EntityKind, EntityDefinition> = {
  ASSISTANT: { field: 'assistant_id', where: [] },
  PHONE_NUMBER: { field: 'platform_number', where: [{ channel: { $ne: 'web' } }] },
};

export interface EntityAnalyticsArgs {
  startDate?: Date | null;
  endDate?: Date | null;
}

export interface EntityCallAnalytics {
  totalCalls: number;
  totalDurationMinutes: number;
  /** 0 over no calls, like the seed contract's `avgDurationMinutes`. */
  avgDurationMinutes: number;
  answeredCalls: number;
  /** Percentage 0–100, 1 decimal; 0 over no calls. */
  answerRate: number;
  lastCallAt: Date | null;
}

/** One grouped row: the entity key and its partials. */
export interface EntityAnalyticsRow {
  _id: { key: string };
  calls?: unknown;
  durationSum?: unknown;
  answeredCount?: unknown;
  lastCallAt?: unknown;
}

/** The inclusive `started_at` range of a `callAnalytics(startDate, endDate)` (default: the last 30 days). */
export function normalizeEntityRange(args: EntityAnalyticsArgs, now: Date): TimeRange {
  return normalizeInstantRange({ from: args.startDate, to: args.endDate, now, fromArgument: 'startDate', toArgument: 'endDate' });
}

/**
 * `callAnalytics` of many entities of one kind as a preset of the query core: the caller's
 * tenant and range, the keys as one `$in`, one group per key. This is what one `_entities`
 * batch runs, whatever the number of references. Keys are de-duplicated and sorted so a batch
 * compiles to the same pipeline whatever order the references came in.
 */
export function entityAnalyticsQuery(options: {
  principal: Principal;
  entity: EntityKind;
  keys: readonly string[];
  args: EntityAnalyticsArgs;
  now: Date;
}): CallQuery {
  const { principal, entity, args, now } = options;
  const definition = ENTITIES[entity];
  const keys = [...new Set(options.keys)].sort(compareCodeUnits);
  if (keys.length > MAX_ENTITY_KEYS_PER_PIPELINE) {
    throw new RangeError(`entityAnalyticsQuery takes at most ${MAX_ENTITY_KEYS_PER_PIPELINE} keys per pipeline, got ${keys.length}; batch them`);
  }
  const group: GroupSpec = {
    by: { key: `$${definition.field}` },
    accumulate: {
      calls: PARTIALS.calls,
      durationSum: PARTIALS.durationSum,
      answeredCount: PARTIALS.answeredCount,
      lastCallAt: { $max: '$started_at' },
    },
  };
  return {
    principal,
    range: normalizeEntityRange(args, now),
    where: [oneOf(definition.field, keys), ...definition.where],
    groups: [group],
  };
}

/** An entity without calls in range: zeros, never an error. */
export const NO_CALLS: EntityCallAnalytics = Object.freeze({
  totalCalls: 0,
  totalDurationMinutes: 0,
  avgDurationMinutes: 0,
  answeredCalls: 0,
  answerRate: 0,
  lastCallAt: null,
});

/** Minutes and the average come from the unrounded seconds, then are rounded (DESIGN 4). */
export function shapeEntityAnalyticsRow(row: EntityAnalyticsRow): EntityCallAnalytics {
  const calls = num(row.calls);
  const seconds = num(row.durationSum);
  const answered = num(row.answeredCount);
  return {
    totalCalls: calls,
    totalDurationMinutes: round2(seconds / 60),
    avgDurationMinutes: averageMinutes(seconds, calls),
    answeredCalls: answered,
    answerRate: percentOf(answered, calls),
    lastCallAt: row.lastCallAt instanceof Date ? row.lastCallAt : null,
  };
}

/** The analytics of every requested key, in request order; keys without calls get `NO_CALLS`. */
export function shapeEntityAnalytics(rows: readonly EntityAnalyticsRow[], keys: readonly string[]): EntityCallAnalytics[] {
  const byKey = new Map(rows.map((row) => [row._id.key, row]));
  return keys.map((key) => {
    const row = byKey.get(key);
    return row ? shapeEntityAnalyticsRow(row) : NO_CALLS;
  });
}

/** One batch of `callAnalytics`: many keys of one entity kind over one range. */
export interface CallAnalyticsInput extends EntityAnalyticsArgs {
  entity: EntityKind;
  keys: readonly string[];
}

/**
 * `callAnalytics` of federated entities (DESIGN 5.5): one pipeline for a whole batch of keys,
 * the results in the order of `keys`, zeros for a key without calls.
 */
export const CALL_ANALYTICS: Operation<CallAnalyticsInput, EntityCallAnalytics[], EntityAnalyticsRow> = {
  name: 'callAnalytics',
  plan: (input, env) => ({
    query: entityAnalyticsQuery({
      principal: env.principal,
      entity: input.entity,
      keys: input.keys,
      args: { startDate: input.startDate, endDate: input.endDate },
      now: env.now,
    }),
    shape: (rows: EntityAnalyticsRow[]) => shapeEntityAnalytics(rows, input.keys),
  }),
};
