import type { Row } from './pipeline-types.ts';

/**
 * Builds objects with a fixed set of top-level fields from an object literal compiled once per
 * stage, instead of adding the fields one by one to an empty object. A grouping level with a
 * million groups (a distinct count groups by key + value) emits a million rows: filled one by
 * one, each row walks V8's shape transitions through keyed stores; one literal gives every row
 * the same shape at once. Names are embedded as JSON string literals, so no name can inject
 * code; `__proto__` (which a literal would take as the prototype) and `_id` among the names
 * fall back to the plain loop.
 */
export type ValueAt = (index: number) => unknown;

/** `{ _id: id, [names[i]]: value(i)… }`. */
export function rowFactory(names: readonly string[]): (id: unknown, value: ValueAt) => Row {
  if (!literalSafe(names)) {
    return (id, value) => fill({ _id: id }, names, value);
  }
  const fields = names.map((name, i) => `, ${JSON.stringify(name)}: value(${i})`).join('');
  return new Function('id', 'value', `return { "_id": id${fields} };`) as (id: unknown, value: ValueAt) => Row;
}

/** `{ [names[i]]: value(i)… }` (a group key object whose parts are all present). */
export function keyFactory(names: readonly string[]): (value: ValueAt) => Row {
  if (!literalSafe(names)) return (value) => fill({}, names, value);
  const fields = names.map((name, i) => `${JSON.stringify(name)}: value(${i})`).join(', ');
  return new Function('value', `return { ${fields} };`) as (value: ValueAt) => Row;
}

function literalSafe(names: readonly string[]): boolean {
  return names.length <= 256 && !names.includes('__proto__') && !names.includes('_id') && new Set(names).size === names.length;
}

function fill(row: Row, names: readonly string[], value: ValueAt): Row {
  for (let i = 0; i < names.length; i++) {
    if (names[i] === '__proto__') Object.defineProperty(row, names[i], { value: value(i), writable: true, enumerable: true, configurable: true });
    else row[names[i]] = value(i);
  }
  return row;
}
