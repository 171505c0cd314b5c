// compareCodes orders dates and case numbers as localeCompare does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodes, compareText } from '../../src/rules/order.js';

const code = fc.string({ unit: fc.constantFrom(...'0123456789-'), maxLength: 24 });

describe('compareCodes', () => {
  it('gives the sign localeCompare gives, for digits and hyphens', () => {
    fc.assert(fc.property(code, code, (a, b) => {
      expect(Math.sign(compareCodes(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }), { numRuns: 5000 });
  });

  it('orders real dates and case numbers', () => {
    expect(['2026-11-05', '2025-12-31', '2026-01-20'].sort(compareCodes)).toEqual(['2025-12-31', '2026-01-20', '2026-11-05']);
    expect(['430105003001-2026-0048', '430105003001-2025-1200', '430105003001-2026-0007'].sort(compareCodes)).toEqual(['430105003001-2025-1200', '430105003001-2026-0007', '430105003001-2026-0048']);
  });
});

// Ids, times and names as the dashboard sorts them: digits, hyphens, colons,
// letters of both cases, the plus of a time zone, Chinese program words.
const text = fc.string({ unit: fc.constantFrom(...'0123456789-:+.TXxabAB', '低', '保', '特', '困', '临', '时'), maxLength: 16 });
const real = ['h430105198205218913:特困', 'h430105198205218913:低保', 'h43010519820521891X:低保', 'decision-on-withdrawn:430105003001-2026-0270', 'income-change:430105003001-2026-0011', '2026-09-01T10:00:00+08:00', '2026-09-01T09:59:00+08:00', 'county.csv', 'County.csv', '县民政局回执.csv'];

describe('compareText', () => {
  it('gives the sign localeCompare gives, whatever the strings', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }), { numRuns: 20000 });
    for (const a of real) for (const b of real) expect(Math.sign(compareText(a, b)), `${a} ${b}`).toBe(Math.sign(a.localeCompare(b)));
  });

  it('orders by code unit without the collator in English as in Chinese', () => {
    // Where compareText does not ask localeCompare, the order must not depend on the locale either.
    const plain = fc.string({ unit: fc.constantFrom(...'0123456789-abcxyz'), maxLength: 16 });
    fc.assert(fc.property(plain, plain, (a, b) => {
      const sign = Math.sign(compareText(a, b));
      expect(sign).toBe(Math.sign(a.localeCompare(b, 'en-US')));
      expect(sign).toBe(Math.sign(a.localeCompare(b, 'zh-CN')));
    }), { numRuns: 5000 });
  });
});
