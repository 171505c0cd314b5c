// compareCodes orders dates and case numbers as localeCompare does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodes } from '../../src/dashboard/order.js';

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
