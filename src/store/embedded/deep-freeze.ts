/**
 * Freezes a value and every plain object and array inside it, in place, and returns it.
 * The embedded store shares its documents with every pipeline run; freezing turns an
 * accidental write (by an engine or by code holding a result) into a no-op or a TypeError
 * instead of silently corrupting later answers. Dates, ObjectIds and other class instances
 * are left as they are: freezing them would not stop their own setters anyway.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (const item of value) deepFreeze(item);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
