import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePrefixes, equalsIgnoringCaseByPrefix } from '../../src/analytics/query/case-insensitive-equality.ts';

const range = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-31T23:59:59.999Z') };

describe('case-insensitive equality by prefix ranges', () => {
  it('spells the leading letters in every case, at most 16 ranges, each beside the time range', () => {
    expect(casePrefixes('Ab1@x')).toEqual(['AB1@X', 'AB1@x', 'Ab1@X', 'Ab1@x', 'aB1@X', 'aB1@x', 'ab1@X', 'ab1@x']);
    expect(casePrefixes('owner@one.example')).toHaveLength(16);
    expect(casePrefixes('12345')).toEqual(['12345']);
    expect(casePrefixes('')).toBeNull();
    expect(equalsIgnoringCaseByPrefix('user_email', 'a@b', range)).toEqual({
      user_email: { $regex: '^a@b$', $options: 'i' },
      $or: ['A@B', 'A@b', 'a@B', 'a@b'].map((prefix) => ({
        user_email: { $gte: prefix, $lt: prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1) },
        started_at: { $gte: range.from, $lte: range.to },
      })),
    });
  });

  it('never drops a value the case-insensitive regex matches (the ranges only narrow)', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aAbBkKsSzZ09@.-_'.split('')), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(ascii, fc.array(fc.boolean(), { maxLength: 12 }), (value, flips) => {
        // A stored spelling of the same address in other cases, sometimes with the Kelvin sign / long s.
        const stored = [...value]
          .map((char, i) => (flips[i] ? (char === 'k' ? '\u212A' : char === 's' ? '\u017F' : char.toUpperCase()) : char.toLowerCase()))
          .join('');
        const prefixes = casePrefixes(value) ?? [];
        const inRange = prefixes.some((prefix) => stored >= prefix && stored < prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1));
        const regexMatches = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu').test(stored);
        return !regexMatches || inRange;
      }),
      { numRuns: 2_000 },
    );
  });
});
