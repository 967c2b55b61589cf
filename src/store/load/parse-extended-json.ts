import { EJSON, ObjectId } from 'bson';

/** Plain integers that fit a double exactly, the only `$numberLong` forms decoded here. */
const SAFE_INTEGER_TEXT = /^-?\d{1,15}$/;
const OBJECT_ID_TEXT = /^[0-9a-fA-F]{24}$/;
const NOT_DECODED = Symbol('not decoded');

/**
 * Parses one MongoDB Extended JSON text (relaxed or canonical) exactly as
 * `EJSON.parse(text, { relaxed: true })` does, about three times faster on call documents.
 *
 * `EJSON.parse` runs a reviver on every value of the document; a million-line data file
 * then takes most of a minute to load. Here plain `JSON.parse` does the bulk, and only the
 * wrappers call documents are full of are decoded by hand: `$date` (ISO string, number, or
 * `{ $numberLong }`), `$oid`, `$numberInt`, `$numberDouble` and small `$numberLong`, each
 * the way bson's own codecs decode them. Any other object with a `$` key (and any of those
 * in an unusual form) goes to `EJSON.parse` whole, so rarer types and errors stay bson's.
 * Throws what `JSON.parse` or bson throws (one difference: field names containing NUL are
 * not rejected here, where bson would).
 */
export function parseExtendedJson(text: string): unknown {
  return revive(JSON.parse(text));
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  let keyCount = 0;
  let dollarKey: string | undefined;
  for (const key in record) {
    keyCount += 1;
    // `__proto__` as an own JSON key cannot be written back with `=`; let bson handle it.
    if (key.charCodeAt(0) === 36 /* $ */ || key === '__proto__') dollarKey ??= key;
  }
  if (dollarKey === undefined) {
    for (const key in record) record[key] = revive(record[key]);
    return record;
  }
  if (keyCount === 1) {
    const decoded = decodeWrapper(dollarKey, record[dollarKey]);
    if (decoded !== NOT_DECODED) return decoded;
  }
  // The subtree is still raw JSON, so re-serialising it hands bson exactly the original text.
  return EJSON.parse(JSON.stringify(record), { relaxed: true });
}

function decodeWrapper(key: string, inner: unknown): unknown {
  switch (key) {
    case '$date':
      return decodeDate(inner);
    case '$oid':
      return typeof inner === 'string' && OBJECT_ID_TEXT.test(inner) ? new ObjectId(inner) : NOT_DECODED;
    case '$numberInt':
      // bson: relaxed Int32 is `parseInt(text, 10)`.
      return typeof inner === 'string' ? parseInt(inner, 10) : NOT_DECODED;
    case '$numberDouble':
      // bson: relaxed Double is `parseFloat(text)` (handles "NaN", "Infinity", "-0").
      return typeof inner === 'string' ? parseFloat(inner) : NOT_DECODED;
    case '$numberLong':
      return typeof inner === 'string' && SAFE_INTEGER_TEXT.test(inner) ? Number(inner) : NOT_DECODED;
    default:
      return NOT_DECODED;
  }
}

function decodeDate(inner: unknown): Date | typeof NOT_DECODED {
  if (typeof inner === 'string') return new Date(Date.parse(inner));
  if (typeof inner === 'number') return new Date(inner);
  if (typeof inner === 'object' && inner !== null && Object.keys(inner).length === 1) {
    const millis = (inner as Record<string, unknown>).$numberLong;
    if (typeof millis === 'string' && SAFE_INTEGER_TEXT.test(millis)) return new Date(Number(millis));
  }
  return NOT_DECODED;
}
