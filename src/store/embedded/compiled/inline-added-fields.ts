import { isPlainObject } from './bson-values.ts';

/**
 * `$addFields` right before a `$group` that reads the added fields only as whole values
 * (`'$local_ms'`, never `'$local_ms.x'`): the group with each reference replaced by the
 * added expression, or undefined when that is not the same. dialgraph computes a call's
 * local time once per document this way on MongoDB (an `$addFields` before the group that
 * several key parts read, see CallQuery.perDocument); here the group reads the expression
 * directly, the repeated copies are evaluated once per document (expression-scope.ts), and
 * no document is copied to add the field. The expressions of one `$addFields` read the
 * input document, as the group then does, so the replacement is exact.
 */
export function inlineAddedFields(addFields: unknown, group: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(addFields) || !isPlainObject(group) || Object.keys(addFields).length === 0) return undefined;
  for (const [field, value] of Object.entries(addFields)) {
    if (field === '' || field.startsWith('$') || field.includes('.')) return undefined;
    // Values the `$addFields` stage itself would refuse stay with it.
    if (value === null || value === undefined || (isPlainObject(value) && !Object.keys(value)[0]?.startsWith('$'))) return undefined;
  }
  let exact = true;
  const replace = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (node.startsWith('$$')) exact = false;
      if (!node.startsWith('$')) return node;
      const path = node.slice(1);
      if (Object.hasOwn(addFields, path)) return addFields[path];
      if (Object.hasOwn(addFields, path.split('.')[0])) exact = false;
      return node;
    }
    if (Array.isArray(node)) return node.map(replace);
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // A `$literal` holds no field paths.
      Object.defineProperty(out, key, { value: key === '$literal' ? value : replace(value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const inlined = replace(group) as Record<string, unknown>;
  return exact ? inlined : undefined;
}
