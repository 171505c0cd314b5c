import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellReasons,
  isBlankCell,
  parseAmountCell,
  parseDateCell,
  parseEnumCell,
  parseIdCell,
  parseIntegerCell,
  parseMonthCell,
  type CellResult,
} from '../../src/exchange/cells.js';

const value = <T>(r: CellResult<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got the reason: ${r.reason}`);
  return r.value;
};
const reason = <T>(r: CellResult<T>): string => {
  if (r.ok) throw new Error(`expected a reason, got the value: ${JSON.stringify(r.value)}`);
  return r.reason;
};

describe('parseIdCell', () => {
  it('accepts an 18-character number and stores it as written', () => {
    expect(value(parseIdCell('430105197803152315'))).toBe('430105197803152315');
  });

  it('upper-cases a final x, strips Excel’s leading apostrophe, full-width digits and spaces', () => {
    expect(value(parseIdCell('43010519850612104x'))).toBe('43010519850612104X');
    expect(value(parseIdCell("'430105194612033264"))).toBe('430105194612033264');
    expect(value(parseIdCell('　４３０１０５１９７８０３１５２３１５ '))).toBe('430105197803152315');
  });

  it('upgrades a 15-digit old number to 18 with its check digit', () => {
    expect(value(parseIdCell('430105780315231'))).toBe('430105197803152315');
  });

  it('names scientific notation from Excel and LibreOffice with the fixed reason', () => {
    const fixed = '身份证号被表格软件改成了科学计数法，请把该列设为文本后重新导出';
    expect(reason(parseIdCell('4.30105E+17'))).toBe(fixed);
    expect(reason(parseIdCell('4.30105197803152E+017'))).toBe(fixed);
  });

  it('treats 18 digits whose tail was rounded to zeros as the same spreadsheet damage', () => {
    // 430105199001011000: the real check character of 43010519900101100 is X.
    expect(reason(parseIdCell('430105199001011000'))).toBe(cellReasons.idScientific);
  });

  it('gives a wrong check digit, a wrong length and an impossible birth date their own reasons', () => {
    expect(reason(parseIdCell('430105197803152316'))).toContain('校验位不对');
    expect(reason(parseIdCell('43010519780315231'))).toBe(cellReasons.idLength(17));
    expect(reason(parseIdCell('430105197802302310'))).toContain('出生日期1978-02-30不存在');
    expect(reason(parseIdCell('43010519780315231Y'))).toContain('只能是数字');
    expect(reason(parseIdCell('  '))).toBe(cellReasons.empty);
  });
});

describe('parseDateCell', () => {
  const date = (raw: string) => value(parseDateCell(raw));

  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-1-5', '2026-01-05'],
    ['2026/11/20', '2026-11-20'],
    ['2026/1/5', '2026-01-05'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['26年11月20日', '2026-11-20'],
    ['20261120', '2026-11-20'],
    ['２０２６－１１－２０', '2026-11-20'],
    [' 2026-11-20 ', '2026-11-20'],
  ])('reads %s as %s', (raw, iso) => {
    expect(date(raw)).toEqual({ date: iso, time: null });
  });

  it('reads Excel serial day numbers in the 1900 date system', () => {
    // By hand: serial 61 is 1900-03-01 (60 is Excel's fictitious 1900-02-29).
    // 1900-03-01 → 1901-01-01 is 306 days; 1901-01-01 → 2026-01-01 is
    // 125 × 365 + 31 leap days (1904 … 2024) = 45656 days. So 2026-01-01 is
    // 61 + 306 + 45656 = 46023, and 2026-11-20, day 324 of the year
    // (304 days in January–October, + 20), is 46023 + 323 = 46346.
    expect(date('46346')).toEqual({ date: '2026-11-20', time: null });
    expect(date('46023').date).toBe('2026-01-01');
    // Known anchors: 1970-01-01 is 25569, 2000-01-01 is 36526.
    expect(date('25569').date).toBe('1970-01-01');
    expect(date('36526').date).toBe('2000-01-01');
    expect(date('46081').date).toBe('2026-02-28');
    expect(date('46082').date).toBe('2026-03-01');
  });

  it('ignores a trailing weekday, even a wrong one, and keeps a time', () => {
    expect(date('2026-11-20 星期五')).toEqual({ date: '2026-11-20', time: null });
    expect(date('2026年11月20日星期五')).toEqual({ date: '2026-11-20', time: null });
    expect(date('2026-11-20 周一')).toEqual({ date: '2026-11-20', time: null });
    expect(date('2026-11-20 14:30')).toEqual({ date: '2026-11-20', time: '14:30' });
    expect(date('2026/11/20 星期五 14:30:05')).toEqual({ date: '2026-11-20', time: '14:30:05' });
    expect(date('26年11月20日 周五 9:05')).toEqual({ date: '2026-11-20', time: '09:05' });
  });

  it('rejects month-or-day-first forms, asking for 2026-11-20', () => {
    for (const raw of ['11/20/2026', '20/11/26', '20.11.2026', '5/1/2026']) {
      const why = reason(parseDateCell(raw));
      expect(why).toContain('分不清哪个是月、哪个是日');
      expect(why).toContain('2026-11-20');
    }
  });

  it('rejects dates that do not exist, impossible times and things that are not dates', () => {
    expect(reason(parseDateCell('2026-02-29'))).toBe(cellReasons.dateMissing('2026-02-29'));
    expect(value(parseDateCell('2028-02-29')).date).toBe('2028-02-29');
    expect(reason(parseDateCell('2026-13-01'))).toContain('不是可识别的日期');
    expect(reason(parseDateCell('2026-11-20 25:00'))).toContain('时间“25:00”不对');
    expect(reason(parseDateCell('2026'))).toContain('不是可识别的日期');
    expect(reason(parseDateCell('下周五'))).toContain('2026-11-20');
    expect(reason(parseDateCell(''))).toBe(cellReasons.empty);
  });
});

describe('parseMonthCell', () => {
  it.each([
    ['2026-12', '2026-12'],
    ['2026/12', '2026-12'],
    ['2026-1', '2026-01'],
    ['202612', '2026-12'],
    ['2026年12月', '2026-12'],
    ['26年12月', '2026-12'],
    ['2026-12-01', '2026-12'],
    ['26年12月1日 星期二', '2026-12'],
    ['46357', '2026-12'],
  ])('reads %s as %s', (raw, month) => {
    expect(value(parseMonthCell(raw))).toBe(month);
  });

  it('asks for the 年-月 form when it cannot read the month', () => {
    expect(reason(parseMonthCell('12/2026'))).toBe(cellReasons.monthUnknown('12/2026'));
    expect(reason(parseMonthCell('2026-13'))).toContain('2026-12这样的“年-月”');
    expect(reason(parseMonthCell('2026-02-30'))).toBe(cellReasons.dateMissing('2026-02-30'));
  });
});

describe('parseAmountCell', () => {
  it.each([
    ['800', 80000],
    ['800.5', 80050],
    ['1,234.50', 123450],
    ['￥800', 80000],
    ['¥800', 80000],
    ['800元', 80000],
    ['¥ 1,234.5 元', 123450],
    ['１２００．５', 120050],
    ['0', 0],
    ['1.15', 115],
    ['800.500', 80050],
  ])('reads %s as %i fen', (raw, fen) => {
    expect(value(parseAmountCell(raw))).toBe(fen);
  });

  it('rejects negative amounts, sub-fen precision and misplaced commas', () => {
    expect(reason(parseAmountCell('-800'))).toBe(cellReasons.amountNegative('-800'));
    expect(reason(parseAmountCell('￥-800'))).toContain('负');
    expect(reason(parseAmountCell('800.555'))).toBe(cellReasons.amountDecimals('800.555'));
    expect(reason(parseAmountCell('800,50'))).toContain('不是可识别的金额');
    expect(reason(parseAmountCell('八百元'))).toContain('不是可识别的金额');
    expect(reason(parseAmountCell('8e2'))).toContain('不是可识别的金额');
    expect(reason(parseAmountCell(''))).toBe(cellReasons.empty);
  });

  it('turns every yuan amount with up to two decimals into exactly its fen, with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.boolean(), (fen, grouped) => {
        const yuan = Math.floor(fen / 100);
        const whole = grouped ? yuan.toLocaleString('en-US') : String(yuan);
        const written = `${whole}.${String(fen % 100).padStart(2, '0')}`;
        expect(value(parseAmountCell(written))).toBe(fen);
      }),
    );
  });
});

describe('parseIntegerCell', () => {
  it('reads ASCII and full-width digits', () => {
    expect(value(parseIntegerCell('3'))).toBe(3);
    expect(value(parseIntegerCell('３'))).toBe(3);
    expect(value(parseIntegerCell(' 12 '))).toBe(12);
    expect(value(parseIntegerCell('3.0'))).toBe(3);
  });

  it('rejects fractions, negatives and words', () => {
    expect(reason(parseIntegerCell('2.5'))).toBe(cellReasons.integerUnknown('2.5'));
    expect(reason(parseIntegerCell('-1'))).toBe(cellReasons.integerNegative('-1'));
    expect(reason(parseIntegerCell('3人'))).toContain('不是整数');
  });
});

describe('parseEnumCell', () => {
  const decision = { 批准: 'approved', 同意: 'approved', 通过: 'approved', 不予批准: 'refused', 不批准: 'refused' } as const;
  const category = { A: 'A', B: 'B', C: 'C', 一类: 'A', 二类: 'B', 三类: 'C' } as const;

  it('maps every synonym to its code after trimming and NFKC', () => {
    expect(value(parseEnumCell(' 同意 ', decision))).toBe('approved');
    expect(value(parseEnumCell('不予批准', decision))).toBe('refused');
    expect(value(parseEnumCell('Ｂ', category))).toBe('B');
    expect(value(parseEnumCell('二类', category))).toBe('B');
  });

  it('lists the accepted words when the value is not one of them', () => {
    expect(reason(parseEnumCell('待定', decision))).toBe('“待定”不是可用的值，应为批准、同意、通过、不予批准、不批准之一');
    expect(reason(parseEnumCell('', category))).toContain('未填写');
  });
});

describe('isBlankCell', () => {
  it('sees spaces, ideographic spaces and a missing cell as blank', () => {
    expect(isBlankCell(' \u3000 ')).toBe(true);
    expect(isBlankCell(undefined)).toBe(true);
    expect(isBlankCell('0')).toBe(false);
  });
});
