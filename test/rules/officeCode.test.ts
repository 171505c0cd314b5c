import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CASE_NO_RE,
  countyOf,
  formatCaseNo,
  isAncestor,
  isOfficeCode,
  senderLevel,
  townshipOf,
} from '../../src/rules/officeCode.ts';

// 430105 开福区 (county), 430105003 a 街道 (township), 430105003001 a 社区 (community).
const COMMUNITY = '430105003001';

describe('isOfficeCode', () => {
  it('accepts exactly twelve digits', () => {
    expect(isOfficeCode(COMMUNITY)).toBe(true);
    expect(isOfficeCode('43010500300')).toBe(false);
    expect(isOfficeCode('4301050030011')).toBe(false);
    expect(isOfficeCode('430105003')).toBe(false);
    expect(isOfficeCode('43010500300A')).toBe(false);
    expect(isOfficeCode(' 430105003001')).toBe(false);
    expect(isOfficeCode('')).toBe(false);
  });
});

describe('townshipOf and countyOf', () => {
  it('take the first 9 and the first 6 digits of a community code', () => {
    expect(townshipOf(COMMUNITY)).toBe('430105003');
    expect(countyOf(COMMUNITY)).toBe('430105');
    expect(townshipOf('430105011012')).toBe('430105011');
  });
});

describe('isAncestor', () => {
  it('counts the 6-digit county as an ancestor of its community', () => {
    expect(isAncestor('430105', COMMUNITY)).toBe(true);
  });

  it('counts the 9-digit township as an ancestor of its community', () => {
    expect(isAncestor('430105003', COMMUNITY)).toBe(true);
  });

  it('does not count a township of the same county but a different number', () => {
    expect(isAncestor('430105004', COMMUNITY)).toBe(false);
    expect(isAncestor('430105013', COMMUNITY)).toBe(false);
  });

  it('does not count another county', () => {
    expect(isAncestor('430102', COMMUNITY)).toBe(false);
    expect(isAncestor('430102003', COMMUNITY)).toBe(false);
  });

  it('does not count a 12-digit code, not even the community itself', () => {
    expect(isAncestor(COMMUNITY, COMMUNITY)).toBe(false);
    expect(isAncestor('430105003002', COMMUNITY)).toBe(false);
  });

  it('does not count prefixes of other lengths: province, city or a truncated township', () => {
    expect(isAncestor('43', COMMUNITY)).toBe(false);
    expect(isAncestor('4301', COMMUNITY)).toBe(false);
    expect(isAncestor('4301050', COMMUNITY)).toBe(false);
    expect(isAncestor('43010500', COMMUNITY)).toBe(false);
    expect(isAncestor('', COMMUNITY)).toBe(false);
  });

  it('does not count a code with non-digits', () => {
    expect(isAncestor('43010a', '43010a003001')).toBe(false);
  });

  it('holds for the county and township of any community, and for no other township of that county', () => {
    const code = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(code, fc.integer({ min: 0, max: 999 }), (c, t) => {
        expect(isAncestor(countyOf(c), c)).toBe(true);
        expect(isAncestor(townshipOf(c), c)).toBe(true);
        const other = countyOf(c) + String(t).padStart(3, '0');
        expect(isAncestor(other, c)).toBe(other === townshipOf(c));
      }),
    );
  });
});

describe('senderLevel', () => {
  it('calls a 6-digit code a county and a 9-digit code a township', () => {
    expect(senderLevel('430105')).toBe('county');
    expect(senderLevel('430105003')).toBe('township');
  });

  it('names no level for a community code or anything else', () => {
    expect(senderLevel(COMMUNITY)).toBeNull();
    expect(senderLevel('4301')).toBeNull();
    expect(senderLevel('43010A')).toBeNull();
    expect(senderLevel('')).toBeNull();
  });
});

describe('case numbers', () => {
  it('formats the office code, the year and a four-digit sequence', () => {
    expect(formatCaseNo(COMMUNITY, 2026, 7)).toBe('430105003001-2026-0007');
    expect(formatCaseNo(COMMUNITY, 2026, 1)).toBe('430105003001-2026-0001');
    expect(formatCaseNo(COMMUNITY, 2027, 123)).toBe('430105003001-2027-0123');
    expect(formatCaseNo(COMMUNITY, 2026, 9999)).toBe('430105003001-2026-9999');
  });

  it('formats numbers the case-number pattern reads back into their parts', () => {
    const m = CASE_NO_RE.exec(formatCaseNo(COMMUNITY, 2026, 7));
    expect(m?.slice(1)).toEqual(['430105003001', '2026', '0007']);
  });

  it('refuses malformed case numbers in the pattern', () => {
    for (const bad of [
      '430105003001-2026-7',
      '430105003001-26-0007',
      '43010500300-2026-0007',
      '430105003001-2026-00007',
      '430105003001_2026_0007',
      ' 430105003001-2026-0007',
    ]) {
      expect(CASE_NO_RE.test(bad), bad).toBe(false);
    }
  });
});
