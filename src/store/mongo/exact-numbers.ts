import { StoredValueError } from '../errors.ts';

/**
 * Numbers in aggregation results as JavaScript numbers, exactly or not at all. The driver
 * returns an int64 beyond 2^53 as a `Long` and every Decimal128 as a `Decimal128` object; the
 * analytics read non-numbers as 0 (`$sum` semantics), so a sum over such fields would silently
 * read 0. Here a `Long` within the safe integers and a Decimal128 whose decimal value a double
 * holds exactly (the shortest form of the nearest double reads back the same decimal) become
 * numbers; anything else is a `StoredValueError` naming the field. Other values pass unchanged;
 * arrays and plain objects are walked (a `$facet` document holds the rows).
 */
export function exactNumbers(value: unknown, path = 'result'): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const bsontype = (value as { _bsontype?: unknown })._bsontype;
  if (bsontype === 'Long') return longToNumber(value as { toString(): string }, path);
  if (bsontype === 'Decimal128') return decimalToNumber(String(value), path);
  if (bsontype !== undefined) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = exactNumbers(value[i], `${path}[${i}]`);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = exactNumbers(record[key], `${path}.${key}`);
  return record;
}

function longToNumber(value: { toString(): string }, path: string): number {
  const text = value.toString();
  const number = Number(text);
  if (!Number.isSafeInteger(number)) {
    throw new StoredValueError(`${path} is the 64-bit integer ${text}, beyond 2^53: a JavaScript number cannot hold it exactly.`);
  }
  return number;
}

function decimalToNumber(text: string, path: string): number {
  const number = Number(text);
  if (!Number.isFinite(number) || !sameDecimal(text, String(number))) {
    throw new StoredValueError(`${path} is the Decimal128 ${text}, which a JavaScript number cannot hold exactly; store it as a double or an integer.`);
  }
  return number;
}

/** Same decimal value: signs, digits without leading/trailing zeros, and the decimal exponent. */
function sameDecimal(a: string, b: string): boolean {
  const ca = canonical(a);
  const cb = canonical(b);
  return ca !== null && ca === cb;
}

function canonical(text: string): string | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  let power = Number(exponent) - fraction.length;
  if (digits === '') return '0';
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    power += 1;
  }
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}
