import type { GraphQLObjectType } from 'graphql';
import { UserInputError } from '../../analytics/errors.ts';
import { echoValue } from '../../shared/echo-value.ts';

/** Entity type name → the fields of its `@key` (flat keys only, as dialgraph's entities have). */
export type EntityKeys = ReadonlyMap<string, readonly string[]>;

/** Reads each entity's `@key(fields: "…")` as Pothos' federation plugin records it. */
export function entityKeysOf(entities: readonly GraphQLObjectType[]): EntityKeys {
  const keys = new Map<string, readonly string[]>();
  for (const type of entities) {
    const directives = (type.extensions as { directives?: { key?: { fields?: unknown }[] } }).directives;
    const fields = directives?.key?.flatMap((key) => (typeof key.fields === 'string' ? key.fields.trim().split(/\s+/) : [])) ?? [];
    if (fields.length === 0 || fields.some((field) => !/^\w+$/.test(field))) {
      throw new Error(`entity ${type.name}: only flat @key fields are supported, got ${JSON.stringify(directives?.key)}`);
    }
    keys.set(type.name, fields);
  }
  return keys;
}

/**
 * Refuses a malformed `_entities` representation before anything resolves it, with
 * `BAD_USER_INPUT` naming `representations[i]` (DESIGN 6): not an object, a missing, non-string
 * or unknown `__typename` (looked up as an own key, so `"toString"` is unknown too), or a
 * missing or non-scalar key field. A number key is accepted (gateways send what the owning
 * subgraph returned); everything else would become a bogus key such as `"[object Object]"` or
 * `"undefined"`. Values are echoed to at most 100 characters, and nothing here recurses into a
 * value, so an id nested thousands of arrays deep is refused like any other object.
 */
export function checkRepresentations(representations: unknown, keys: EntityKeys): void {
  if (!Array.isArray(representations)) throw new UserInputError('representations', 'representations must be a list of entity representations');
  for (let i = 0; i < representations.length; i++) {
    const argument = `representations[${i}]`;
    const representation: unknown = representations[i];
    if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
      throw new UserInputError(argument, `${argument} must be an object with __typename and its key fields, got ${echoValue(representation)}`);
    }
    const record = representation as Record<string, unknown>;
    const typename = Object.hasOwn(record, '__typename') ? record.__typename : undefined;
    const known = [...keys.keys()].join(', ');
    if (typeof typename !== 'string') {
      throw new UserInputError(argument, `${argument}.__typename must be one of ${known}, got ${typename === undefined ? 'nothing' : echoValue(typename)}`);
    }
    const fields = keys.get(typename);
    if (fields === undefined) throw new UserInputError(argument, `${argument}.__typename ${echoValue(typename)} is not an entity of this subgraph (${known})`);
    for (const field of fields) {
      const value = Object.hasOwn(record, field) ? record[field] : undefined;
      const scalar = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
      if (!scalar) {
        throw new UserInputError(
          argument,
          `${argument}.${field} (the key of ${typename}) must be a string or number, got ${value === undefined ? 'nothing' : echoValue(value)}`,
        );
      }
    }
  }
}
