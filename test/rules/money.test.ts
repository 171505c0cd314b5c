import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError, fenToYuan, formatYuan, isYuan, yuanToFen } from '../../src/rules/money.ts';

describe('yuanToFen', () => {
  it('turns whole yuan into fen', () => {
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(1200)).toBe(120000);
    expect(yuanToFen('350')).toBe(35000);
  });

  it('is exact for amounts whose float times 100 is not a whole number', () => {
    // 1200.3 * 100 === 120029.99999999999, 0.07 * 100 === 7.000000000000001,
    // 19.99 * 100 === 1998.9999999999998, 1.15 * 100 === 114.99999999999999.
    expect(yuanToFen(1200.3)).toBe(120030);
    expect(yuanToFen(0.07)).toBe(7);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(1.15)).toBe(115);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(516.67)).toBe(51667);
  });

  it('adds 0.1 and 0.2 yuan to exactly 0.3 yuan once both are in fen', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(yuanToFen(0.1) + yuanToFen(0.2)).toBe(yuanToFen(0.3));
    expect(yuanToFen(0.3)).toBe(30);
  });

  it('reads text with one or two decimals', () => {
    expect(yuanToFen('1200.3')).toBe(120030);
    expect(yuanToFen('1200.30')).toBe(120030);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('0.5')).toBe(50);
  });

  it('ignores trailing zeros beyond the second decimal', () => {
    expect(yuanToFen('12.500')).toBe(1250);
    expect(yuanToFen('900.0000')).toBe(90000);
  });

  it('reads thousands separators', () => {
    expect(yuanToFen('1,234.50')).toBe(123450);
    expect(yuanToFen('12,345,678')).toBe(1234567800);
    expect(yuanToFen('1,200')).toBe(120000);
  });

  it('reads full-width digits, a full-width comma and surrounding spaces', () => {
    expect(yuanToFen(' １２００．３ ')).toBe(120030);
    expect(yuanToFen('１，２００')).toBe(120000);
  });

  it('refuses a comma that is not a thousands separator rather than guessing', () => {
    // "1,5" might be a decimal comma (1.5 yuan); reading it as 15 yuan would be a silent tenfold error.
    expect(() => yuanToFen('1,5')).toThrow(MoneyError);
    expect(() => yuanToFen('12,00')).toThrow(MoneyError);
    expect(() => yuanToFen('1200,30')).toThrow(MoneyError);
    expect(() => yuanToFen('1,2,3')).toThrow(MoneyError);
    expect(() => yuanToFen(',100')).toThrow(MoneyError);
    expect(() => yuanToFen('100,')).toThrow(MoneyError);
  });

  it('refuses three significant decimals', () => {
    expect(() => yuanToFen('1.005')).toThrow(MoneyError);
    expect(() => yuanToFen(1.005)).toThrow(MoneyError);
    expect(() => yuanToFen('0.001')).toThrow(MoneyError);
    expect(() => yuanToFen('12.345')).toThrow(MoneyError);
    expect(() => yuanToFen('12.3450')).toThrow(MoneyError);
  });

  it('refuses negative amounts', () => {
    expect(() => yuanToFen(-1)).toThrow(MoneyError);
    expect(() => yuanToFen(-0.01)).toThrow(MoneyError);
    expect(() => yuanToFen('-350')).toThrow(MoneyError);
  });

  it('refuses what is not a plain decimal number', () => {
    for (const bad of ['', ' ', 'abc', '12元', '1.2.3', '.5', '5.', '+5', '1e3', '一千']) {
      expect(() => yuanToFen(bad), bad).toThrow(MoneyError);
    }
    expect(() => yuanToFen(Number.NaN)).toThrow(MoneyError);
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
  });

  it('names the amount and the rule in its Chinese message', () => {
    expect(() => yuanToFen('1.005')).toThrow(/1\.005.*两位小数/);
  });
});

describe('isYuan', () => {
  it('says yes to what yuanToFen reads and no to everything else', () => {
    expect(isYuan(1200.3)).toBe(true);
    expect(isYuan('1,234.50')).toBe(true);
    expect(isYuan(0)).toBe(true);
    expect(isYuan(-1)).toBe(false);
    expect(isYuan('1.005')).toBe(false);
    expect(isYuan(null)).toBe(false);
    expect(isYuan(undefined)).toBe(false);
    expect(isYuan({ amount: 1 })).toBe(false);
    expect(isYuan(true)).toBe(false);
  });
});

describe('fenToYuan', () => {
  it('writes two decimals always', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(50)).toBe('0.50');
    expect(fenToYuan(120030)).toBe('1200.30');
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(120000)).toBe('1200.00');
  });

  it('writes a negative amount with a leading minus', () => {
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(-123450)).toBe('-1234.50');
  });

  it('round-trips through yuanToFen for any whole number of fen up to 10^10', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips the edge amounts 0, 1, 99, 100 and 10^10 fen', () => {
    for (const fen of [0, 1, 99, 100, 101, 10_000_000_000]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});

describe('formatYuan', () => {
  it('groups thousands and keeps the cents when there are any', () => {
    expect(formatYuan(123450)).toBe('1,234.50 元');
    expect(formatYuan(114999)).toBe('1,149.99 元');
    expect(formatYuan(7)).toBe('0.07 元');
  });

  it('shows whole yuan without decimals', () => {
    expect(formatYuan(120000)).toBe('1,200 元');
    expect(formatYuan(0)).toBe('0 元');
    expect(formatYuan(123456700)).toBe('1,234,567 元');
  });

  it('puts the minus before the digits', () => {
    expect(formatYuan(-123450)).toBe('-1,234.50 元');
  });
});
