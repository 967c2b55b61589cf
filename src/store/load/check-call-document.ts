import { ObjectId } from 'bson';
import type { CallDocument } from '../../contract/call-document.ts';
import { echoValue } from '../../shared/echo-value.ts';
import { CALL_FIELD_RULE_LIST, type FieldRule } from './call-field-rules.ts';

/** A checked document, or what is wrong with it and in which field. */
export type CallCheck =
  | { readonly ok: true; readonly call: CallDocument }
  | { readonly ok: false; readonly field?: string; readonly problem: string };

/**
 * Checks a call document against every field rule of DESIGN 2.1 (`CALL_FIELD_RULES`): strings,
 * finite numbers in their ranges, integers, booleans, valid dates, the listed enum values,
 * arrays of strings, objects, and the dialer's transfer and transcript records. The first
 * broken field is reported by name (`ai_score: NaN is not a finite number`); fields the
 * contract does not name are kept and never read.
 *
 * An ObjectId `_id` becomes its 24-hex string when `idsAsStrings` is set (the embedded engine
 * stores ids as strings so they compare, sort and print the same everywhere); the document is
 * changed in place and returned as the call.
 */
export function checkCallDocument(value: unknown, options: { idsAsStrings?: boolean } = { idsAsStrings: true }): CallCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'not a JSON object' };
  }
  const doc = value as Record<string, unknown>;
  for (let i = 0; i < FAST_CHECKS.length; i++) {
    const { field, rule, accepts } = FAST_CHECKS[i];
    const fieldValue = doc[field];
    if (accepts(fieldValue)) continue;
    const problem = checkField(fieldValue, rule);
    if (problem !== null) return { ok: false, field, problem: `${field}: ${problem}` };
  }
  if (options.idsAsStrings && doc._id instanceof ObjectId) doc._id = doc._id.toHexString();
  return { ok: true, call: doc as unknown as CallDocument };
}

/**
 * A quick yes per field for the common case (a million-line file runs these 80 million times);
 * a no falls through to `checkField`, which says what is wrong.
 */
const FAST_CHECKS = CALL_FIELD_RULE_LIST.map(([field, rule]) => ({ field, rule, accepts: fastAccept(rule) }));

function fastAccept(rule: FieldRule): (value: unknown) => boolean {
  const absentOk = rule.presence === 'optional';
  const missingOk = rule.presence !== 'required';
  const absent = (value: unknown) => (value === undefined ? missingOk : value === null && absentOk);
  switch (rule.kind) {
    case 'string':
      return rule.nonEmpty
        ? (value) => (typeof value === 'string' ? value !== '' : absent(value))
        : (value) => typeof value === 'string' || absent(value);
    case 'boolean':
      return (value) => typeof value === 'boolean' || absent(value);
    case 'number':
      if (rule.integer || rule.min !== undefined || rule.max !== undefined) {
        const min = rule.min ?? -Infinity;
        const max = rule.max ?? Infinity;
        const integer = rule.integer === true;
        return (value) =>
          typeof value === 'number' ? value >= min && value <= max && (integer ? Number.isInteger(value) : Number.isFinite(value)) : absent(value);
      }
      return (value) => (typeof value === 'number' ? Number.isFinite(value) : absent(value));
    case 'date':
      return (value) => (value instanceof Date ? !Number.isNaN(value.getTime()) : absent(value));
    case 'enum': {
      const values = new Set<unknown>(rule.values);
      return (value) => values.has(value) || absent(value);
    }
    default:
      return (value) => checkField(value, rule) === null;
  }
}

/** What is wrong with one value under its rule, or null when it is fine. */
export function checkField(value: unknown, rule: FieldRule): string | null {
  if (value === undefined || value === null) {
    if (rule.presence === 'required') return `is ${value === null ? 'null' : 'missing'} (expected ${expected(rule)})`;
    if (value === null && rule.presence === 'notNull') return `is null (expected ${expected(rule)}, or leave the field out)`;
    return null;
  }
  const wrong = () => `${echoValue(value)} is not ${expected(rule)}`;
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') return wrong();
      return rule.nonEmpty && value === '' ? 'is empty (expected a non-empty string)' : null;
    case 'id':
      if (value instanceof ObjectId) return null;
      return typeof value === 'string' && value !== '' ? null : wrong();
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? null : wrong();
    case 'boolean':
      return typeof value === 'boolean' ? null : wrong();
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
      if (rule.integer && !Number.isInteger(value)) return wrong();
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) return wrong();
      return null;
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? null : wrong();
    case 'strings':
      if (!Array.isArray(value)) return wrong();
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== 'string') return `[${i}] ${echoValue(value[i])} is not a string`;
      }
      return null;
    case 'object':
      return isPlainObject(value) ? null : wrong();
    case 'records':
      if (!Array.isArray(value)) return wrong();
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (!isPlainObject(item)) return `[${i}] ${echoValue(item)} is not an object`;
        for (const [name, inner] of Object.entries(rule.fields)) {
          const problem = checkField(item[name], inner);
          if (problem !== null) return `[${i}].${name}: ${problem}`;
        }
      }
      return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The rule in words: `a finite number from 0 to 100`, `one of web, phone`. */
export function expected(rule: FieldRule): string {
  switch (rule.kind) {
    case 'string':
      return rule.nonEmpty ? 'a non-empty string' : 'a string';
    case 'id':
      return 'a non-empty string or ObjectId';
    case 'date':
      return 'a date ({"$date": …})';
    case 'boolean':
      return 'true or false';
    case 'number': {
      const what = rule.integer ? 'an integer' : 'a finite number';
      if (rule.min !== undefined && rule.max !== undefined) return `${what} from ${rule.min} to ${rule.max}`;
      if (rule.min !== undefined) return `${what} ≥ ${rule.min}`;
      if (rule.max !== undefined) return `${what} ≤ ${rule.max}`;
      return what;
    }
    case 'enum':
      return `one of ${rule.values.join(', ')}`;
    case 'strings':
      return 'an array of strings';
    case 'object':
      return 'an object';
    case 'records':
      return `an array of {${Object.keys(rule.fields).join(', ')}} objects`;
  }
}
