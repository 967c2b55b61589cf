import { createHash } from 'node:crypto';
import { EJSON } from 'bson';
import { UserInputError } from '../errors.ts';
import type { Condition } from './expression.ts';

/**
 * Keyset paging (Relay connections): an opaque cursor holds the sort-key values of one row and
 * the next page is the rows strictly after it in the sort order — a `$match` on the sort keys,
 * which an index in that order answers by seeking, instead of `$skip`, which reads and drops
 * every earlier row.
 *
 * A cursor is base64url of `{ s: <sort>, k: <key values in Extended JSON>, t: <tag> }`. The tag
 * is a hash of the sort, the values and the caller's scope (tenant and bound user), so a cursor
 * made for another sort, another tenant's rows, or edited by hand is refused (`BAD_USER_INPUT`
 * naming `after`/`before`). The tag is an integrity check, not a secret: whatever a cursor
 * holds, the tenant scope is applied by the compiler's scope stage and a cursor only ever
 * narrows what the caller may read. A cursor carries the sort values of a row the caller was
 * given (its own calls or groups), nothing else.
 */

/** What a cursor is bound to: the sort it was made for and who may use it. */
export interface CursorBinding {
  /** e.g. `calls:TALK_TIME:DESC`. */
  sort: string;
  tenantId: string;
  userId?: string | null;
}

export function encodeCursor(values: readonly unknown[], binding: CursorBinding): string {
  const k = EJSON.stringify(values, { relaxed: true });
  return Buffer.from(JSON.stringify({ s: binding.sort, k, t: tagOf(binding, k) })).toString('base64url');
}

/**
 * The key values of a cursor, checked against the binding and against what each key may hold
 * (`accepts`, one check per key); anything else is a `BAD_USER_INPUT` on `argument`.
 */
export function decodeCursor(options: {
  cursor: string;
  argument: string;
  binding: CursorBinding;
  accepts: readonly ((value: unknown) => boolean)[];
}): unknown[] {
  const { cursor, argument, binding, accepts } = options;
  const refuse = (why: string): never => {
    throw new UserInputError(argument, `${argument}: not a cursor of this connection (${why}); use a cursor from the same query's edges or pageInfo`);
  };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse('unreadable');
  }
  if (!decoded || typeof decoded !== 'object') return refuse('unreadable');
  const { s, k, t } = decoded as Record<string, unknown>;
  if (typeof k !== 'string' || typeof t !== 'string') return refuse('unreadable');
  if (s !== binding.sort) return refuse('made for another sort');
  if (t !== tagOf(binding, k)) return refuse('made for other data, or altered');
  let values: unknown;
  try {
    values = EJSON.parse(k, { relaxed: true });
  } catch {
    return refuse('unreadable');
  }
  if (!Array.isArray(values) || values.length !== accepts.length || !values.every((value, i) => accepts[i](value))) {
    return refuse('unreadable');
  }
  return values;
}

function tagOf(binding: CursorBinding, keys: string): string {
  return createHash('sha256')
    .update(JSON.stringify(['dialgraph-cursor-1', binding.sort, binding.tenantId, binding.userId ?? null, keys]))
    .digest('base64url')
    .slice(0, 22);
}

/** A sort key as the seek sees it: its field path and whether it can be null or missing. */
export interface SeekKey {
  field: string;
  nullable: boolean;
  /** This key's own order; defaults to the `direction` given to `seekCondition`. */
  direction?: 1 | -1;
}

/**
 * The rows strictly after `values` in the order of `keys` (all in `direction`): the first key
 * past its value, or equal and the second past its, … MongoDB's order puts null and missing
 * below every value and treats them as equal, so "below v" also takes null, "above null" is
 * "not null", and "equal to null" matches null and missing alike (`{ f: null }`). Each branch
 * is equality on a prefix of the sort keys plus one range, which the index in the sort order
 * serves as one bounded scan per branch (merged in order, no in-memory sort).
 */
export function seekCondition(keys: readonly SeekKey[], values: readonly unknown[], direction: 1 | -1): Condition {
  const branches: Condition[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equal: Condition = {};
    for (let j = 0; j < i; j++) equal[keys[j].field] = values[j];
    const { field, nullable } = keys[i];
    const value = values[i];
    if ((keys[i].direction ?? direction) === 1) {
      branches.push({ ...equal, [field]: value === null ? { $ne: null } : { $gt: value } });
    } else if (value !== null) {
      branches.push({ ...equal, [field]: { $lt: value } });
      if (nullable) branches.push({ ...equal, [field]: null });
    }
  }
  return { $or: branches };
}
