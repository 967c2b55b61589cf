import { EJSON } from 'bson';
import { describe, expect, it } from 'vitest';
import { parseExtendedJson } from '../../src/store/load/parse-extended-json.ts';

/** Canonical EJSON text keeps every type distinction (int vs double, -0, NaN, ObjectId, Date). */
const canonical = (value: unknown) => EJSON.stringify(value, { relaxed: false });

describe('parseExtendedJson matches EJSON.parse(text, { relaxed: true })', () => {
  it.each([
    '{"a":{"$date":"2024-03-01T09:00:00Z"}}',
    '{"a":{"$date":"2024-03-01T10:30:00.123+02:00"}}',
    '{"a":{"$date":"2024-03-01"}}',
    '{"a":{"$date":"not a date"}}',
    '{"a":{"$date":{"$numberLong":"1709283600000"}}}',
    '{"a":{"$date":{"$numberLong":"-86400000"}}}',
    '{"a":{"$date":{"$numberLong":"99999999999999999"}}}',
    '{"a":{"$date":1709283600000}}',
    '{"a":{"$date":null}}',
    '{"_id":{"$oid":"65e1a2b3c4d5e6f708192a3b"}}',
    '{"_id":{"$oid":"65E1A2B3C4D5E6F708192A3B"}}',
    '{"a":{"$numberInt":"42"},"b":{"$numberInt":"-7"},"c":{"$numberInt":"1.5"}}',
    '{"a":{"$numberDouble":"0.1"},"b":{"$numberDouble":"-0.0"},"c":{"$numberDouble":"NaN"},"d":{"$numberDouble":"-Infinity"},"e":{"$numberDouble":"1e308"}}',
    '{"a":{"$numberLong":"12"},"b":{"$numberLong":"-900719925474099"},"c":{"$numberLong":"9007199254740993"}}',
    '{"a":{"$numberDecimal":"1.25"}}',
    '{"a":{"$binary":{"base64":"AAE=","subType":"00"}}}',
    '{"a":{"$regularExpression":{"pattern":"^x","options":"i"}}}',
    '{"a":{"$undefined":true}}',
    '{"a":{"$foo":1,"b":{"$numberInt":"2"}}}',
    '{"a":{"$numberInt":"5","extra":1}}',
    '{"a":[{"$numberInt":"1"},{"$date":"2024-01-01T00:00:00Z"},[{"$numberDouble":"2.5"}],null,"s",true]}',
    '{"payload":{"nested":{"deeper":{"$date":{"$numberLong":"0"}}}},"n":3,"f":1.5,"s":"$notAKey"}',
    '{"__proto__":{"$numberInt":"1"},"x":1}',
    '[{"$numberInt":"1"}]',
    '"plain"',
    '12',
    'null',
  ])('%s', (text) => {
    expect(canonical(parseExtendedJson(text))).toBe(canonical(EJSON.parse(text, { relaxed: true })));
  });

  it('returns real Dates for $date', () => {
    const value = parseExtendedJson('{"a":{"$date":{"$numberLong":"1709283600000"}}}') as { a: Date };
    expect(value.a).toBeInstanceOf(Date);
    expect(value.a.toISOString()).toBe('2024-03-01T09:00:00.000Z');
  });

  it('does not let a __proto__ key change the prototype', () => {
    const value = parseExtendedJson('{"__proto__":{"polluted":{"$numberInt":"1"}}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['{"a":', '{"_id":{"$oid":"xyz"}}', '{"a":{"$numberLong":"12x"}}'])('throws like bson on %s', (text) => {
    expect(() => EJSON.parse(text, { relaxed: true })).toThrow();
    expect(() => parseExtendedJson(text)).toThrow();
  });
});
