// src/text.ts: small functions on numbers that several layers use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, maxOf } from '../src/text.js';

describe('lastAtOrBefore', () => {
  it('finds the last start at or before an offset', () => {
    expect([0, 9, 10, 11, 24, 25, 99].map((v) => lastAtOrBefore([0, 10, 25], v))).toEqual([0, 0, 1, 1, 1, 2, 2]);
    expect(lastAtOrBefore([5], 0)).toBe(0);
  });

  it('agrees with a scan for any ascending numbers', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1 }), fc.nat(1100), (values, value) => {
      const sorted = [...values].sort((a, b) => a - b);
      const scanned = Math.max(0, sorted.filter((s) => s <= value).length - 1);
      expect(lastAtOrBefore(sorted, value)).toBe(scanned);
    }));
  });
});

describe('maxOf', () => {
  it('is the largest, or the given value for none, for any number of values', () => {
    expect(maxOf([3, 9, 4])).toBe(9);
    expect(maxOf([], -1)).toBe(-1);
    expect(maxOf(Array.from({ length: 300_000 }, (_, i) => i))).toBe(299_999);
  });
});
