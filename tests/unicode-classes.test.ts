// The Unicode classes written as ranges (src/unicode-classes.ts) are the sets \p{…} gives on this Node.
import { describe, expect, it } from 'vitest';
import { CLASSES, rangesOf } from '../scripts/unicode-classes.js';
import * as written from '../src/unicode-classes.js';

describe('Unicode classes as ranges', () => {
  const sameUnicode = written.UNICODE_VERSION === process.versions.unicode;
  for (const [name, properties] of Object.entries(CLASSES)) {
    // Written for one Unicode version; on a Node with another one, npm run unicode writes them anew.
    it.skipIf(!sameUnicode)(`${name} is [${properties.map((p) => `\\p{${p}}`).join('')}] (Unicode ${written.UNICODE_VERSION})`, () => {
      expect((written as Record<string, string>)[name], 'regenerate with npm run unicode').toBe(rangesOf(properties));
    });
  }

  it('match as \\p{…} does, lone surrogates and astral characters included', () => {
    const han = new RegExp(`[${written.HAN}]`, 'u');
    expect(['电', '𠀀', '々', '〇'].map((c) => han.test(c))).toEqual([true, true, true, true]);
    expect(['a', '\ud840', '。'].map((c) => han.test(c))).toEqual([false, false, false]);
    const surrogate = new RegExp(`[${written.SURROGATE}]`, 'u');
    expect([surrogate.test('\ud800'), surrogate.test('𠀀')]).toEqual([true, false]);
  });
});
