import { isPlainObject } from './bson-values.ts';

/**
 * Reading `$group` stages as the fusers see them (`fused-groups.ts`, `fused-percentiles.ts`):
 * both accept a group only when its key is an object of plainly named expressions, because
 * they compose keys and read the parts back by name.
 */

/** The spec of `stage` when it is exactly `{ [name]: spec }`, else undefined. */
export function stageSpec(stage: unknown, name: string): unknown {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1 || !Object.hasOwn(stage, name)) return undefined;
  return stage[name];
}

/** A field name a composed key or row can carry as it is (no operator, no path). */
export function validName(name: string): boolean {
  return name !== '' && !name.startsWith('$') && !name.includes('.');
}

/** A `$group` spec whose `_id` is named parts: the spec, the part names and their expressions. */
export interface NamedKeyGroup {
  spec: Record<string, unknown>;
  names: string[];
  parts: unknown[];
}

/**
 * The group's key as named parts, or undefined when its `_id` is not an object of valid names
 * or a part is a sub-document literal (it would be read as a key object once composed).
 */
export function namedKeyGroup(spec: unknown): NamedKeyGroup | undefined {
  if (!isPlainObject(spec) || !isPlainObject(spec._id)) return undefined;
  const id = spec._id;
  const names = Object.keys(id);
  if (names.length === 0 || !names.every(validName)) return undefined;
  const parts = names.map((name) => id[name]);
  if (parts.some((part) => isPlainObject(part) && !Object.keys(part)[0]?.startsWith('$'))) return undefined;
  return { spec, names, parts };
}
