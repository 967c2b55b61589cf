import { isPlainObject } from './bson-values.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import type { Evaluate, Row } from './pipeline-types.ts';
import type { ScanCursor } from './scan-cursor.ts';

/**
 * Field paths (`payload.city`). `$`-prefixed and empty segments are left to mingo. A numeric
 * segment means an array index in the query language but a field name in expressions (and
 * mingo reads both as an index): expression paths leave it to mingo; query paths read it as
 * a field name of a sub-document, which is what MongoDB does there, and bail out (to mingo)
 * only on meeting an array, which is where the two meanings part. So `payloadFilters:
 * { "0": … }` stays on the compiled executor.
 */
export function splitPath(path: string, options: { numericSegments?: boolean } = {}): string[] {
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('$') || (!options.numericSegments && /^\d+$/.test(segment)) || segment === '__proto__') {
      throw new UnsupportedPipelineError(`field path "${path}"`);
    }
  }
  return segments;
}

/**
 * Reads one field of a plain object. Names that `Object.prototype` also has (`constructor`,
 * `toString`…) are read as own properties only, so a document without them has them missing.
 */
function fieldReader(name: string): (object: Row) => unknown {
  if (name in Object.prototype) return (object) => (Object.hasOwn(object, name) ? object[name] : undefined);
  return (object) => object[name];
}

/**
 * Reads a top-level field: during the scan from the partition's cached column (the row is
 * then the scanned document, see `ScanCursor`), from the row otherwise.
 */
function columnReader(name: string, cursor: ScanCursor | undefined): (object: Row) => unknown {
  const read = fieldReader(name);
  if (!cursor) return read;
  const slot = cursor.slot(name);
  return (row) => (cursor.active ? slot.values[cursor.index] : read(row));
}

/**
 * An aggregation-expression field path (`$a.b` without the `$`), with MongoDB's array
 * traversal: a path that crosses an array of sub-documents yields the array of their values
 * (missing ones left out). Arrays nested in arrays are not modelled and bail out.
 */
export function compileExpressionPath(path: string, cursor?: ScanCursor): Evaluate {
  return compilePath(path, cursor, (items, readers, from) => traverseArray(items, readers.slice(from)));
}

/**
 * Walks `path` from the row: the first segment through the scan's column, the rest through
 * sub-documents. A value that is not a sub-document ends the walk as missing; an array met
 * before the last segment is handed to `onArray` with the readers still to apply.
 */
function compilePath(
  path: string,
  cursor: ScanCursor | undefined,
  onArray: (items: readonly unknown[], readers: readonly ((object: Row) => unknown)[], from: number) => unknown,
  options: { numericSegments?: boolean } = {},
): Evaluate {
  const segments = splitPath(path, options);
  const first = columnReader(segments[0], cursor);
  if (segments.length === 1) return first;
  const rest = segments.slice(1).map(fieldReader);
  return (row) => {
    let value = first(row);
    for (let i = 0; i < rest.length; i++) {
      if (Array.isArray(value)) return onArray(value, rest, i);
      if (!isPlainObject(value)) return undefined;
      value = rest[i](value);
    }
    return value;
  };
}

function traverseArray(items: readonly unknown[], readers: readonly ((object: Row) => unknown)[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (Array.isArray(item)) throw new CompiledBailout('a field path through nested arrays');
    if (!isPlainObject(item)) continue;
    let value: unknown = item;
    let missing = false;
    for (let i = 0; i < readers.length; i++) {
      if (Array.isArray(value)) {
        value = traverseArray(value, readers.slice(i));
        break;
      }
      if (!isPlainObject(value)) {
        missing = true;
        break;
      }
      value = readers[i](value);
    }
    if (!missing && value !== undefined) out.push(value);
  }
  return out;
}

/**
 * A query-language field path (`payload.city` in `$match`): the value at the end of the
 * path, which the query operators then match as a whole or element by element. A path that
 * crosses an array before its last segment (MongoDB fans out over the elements) bails out.
 */
export function compileQueryPath(path: string, cursor?: ScanCursor): Evaluate {
  return compilePath(
    path,
    cursor,
    () => {
      throw new CompiledBailout(`a query path through an array (${path})`);
    },
    { numericSegments: true },
  );
}

/**
 * Epoch ms of the partitions' time field (`started_at`), from the scan's time column during
 * the scan; NaN when the value is not a valid Date.
 */
export function compileMillisPath(field: string, cursor: ScanCursor): (row: Row) => number {
  const read = fieldReader(field);
  return (row) => {
    if (cursor.active) return cursor.times[cursor.index];
    const value = read(row);
    return value instanceof Date ? value.getTime() : Number.NaN;
  };
}
