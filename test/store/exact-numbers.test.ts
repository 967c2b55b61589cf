import { Decimal128, Long } from 'bson';
import { describe, expect, it } from 'vitest';
import { StoredValueError } from '../../src/store/errors.ts';
import { exactNumbers } from '../../src/store/mongo/exact-numbers.ts';

describe('Long and Decimal128 in aggregation results: exact numbers or a clear error, never 0', () => {
  it('converts what a double holds exactly, inside $facet documents too', () => {
    const result = exactNumbers([
      { _id: 'a', calls: Long.fromString('9007199254740991'), durationSum: Decimal128.fromString('1234.5600'), when: new Date(0) },
      { rows: [{ valueCentsSum: Decimal128.fromString('-0.125'), n: Long.fromNumber(3) }], count: [{ n: 2 }] },
    ]);
    expect(result).toEqual([
      { _id: 'a', calls: 9_007_199_254_740_991, durationSum: 1234.56, when: new Date(0) },
      { rows: [{ valueCentsSum: -0.125, n: 3 }], count: [{ n: 2 }] },
    ]);
  });

  it('refuses, naming the field, a Long beyond 2^53 and a Decimal128 a double cannot hold', () => {
    expect(() => exactNumbers([{ rows: [{ costCentsSum: Long.fromString('9007199254740993') }] }])).toThrow(StoredValueError);
    expect(() => exactNumbers([{ rows: [{ costCentsSum: Long.fromString('9007199254740993') }] }])).toThrow(/result\[0\]\.rows\[0\]\.costCentsSum is the 64-bit integer 9007199254740993/);
    expect(() => exactNumbers([{ durationSum: Decimal128.fromString('0.1000000000000000000000000000000001') }])).toThrow(/durationSum is the Decimal128/);
    expect(() => exactNumbers([{ durationSum: Decimal128.fromString('NaN') }])).toThrow(StoredValueError);
  });
});
