import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ageFromBirth,
  ageOn,
  birthDate,
  birthdayAt,
  checkCharacter,
  isValidIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  sex,
  upgrade15,
} from '../../src/rules/idNumber.ts';

/**
 * The check character computed independently of the module: ISO 7064 MOD 11-2
 * as GB 11643 states it — weights 2^(17−i) mod 11, and the check value makes
 * the weighted sum of all 18 positions ≡ 1 (mod 11); a value of 10 is written X.
 */
function referenceCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

function withCheck(body17: string): string {
  return body17 + referenceCheck(body17);
}

/** A body for the given birth date whose check character is X (the first sequence that gives one). */
function bodyEndingInX(prefix6: string, yyyymmdd: string): string {
  for (let q = 0; q < 1000; q++) {
    const body = `${prefix6}${yyyymmdd}${String(q).padStart(3, '0')}`;
    if (referenceCheck(body) === 'X') return body;
  }
  throw new Error('no sequence gives X');
}

// Members of the intake fixtures (shared/fixtures/intake).
const LIU_JIANGUO = '430105197803152315'; // 户主, male, born 1978-03-15
const ZHOU_XIULAN = '430105198007222428'; // 配偶, female, born 1980-07-22
const CHEN_ZHIQIANG = '43010519821128129X'; // 户主 of fixture 03, check character X

describe('the reference check character used by these tests', () => {
  it('agrees with the fixture numbers, so the tests below rest on a correct oracle', () => {
    expect(referenceCheck(LIU_JIANGUO.slice(0, 17))).toBe('5');
    expect(referenceCheck(ZHOU_XIULAN.slice(0, 17))).toBe('8');
    expect(referenceCheck(CHEN_ZHIQIANG.slice(0, 17))).toBe('X');
  });
});

describe('checkCharacter', () => {
  it('computes the GB 11643 check digit of the first 17 digits', () => {
    // Worked by hand for 43010519780315231:
    // 4·7+3·9+0·10+1·5+0·8+5·4+1·2+9·1+7·6+8·3+0·7+3·9+1·10+5·5+2·8+3·4+1·2 = 249,
    // 249 mod 11 = 7, and the 8th character of "10X98765432" is 5.
    expect(checkCharacter('43010519780315231')).toBe('5');
    expect(checkCharacter('43010519800722242')).toBe('8');
  });

  it('gives X when the weighted sum leaves remainder 2', () => {
    expect(checkCharacter('43010519821128129')).toBe('X');
    const body = bodyEndingInX('110101', '19900101');
    expect(checkCharacter(body)).toBe('X');
  });

  it('matches the independent reference for many constructed bodies ending in X', () => {
    for (const [prefix, date] of [
      ['430105', '20000229'],
      ['440305', '19650817'],
      ['652201', '20250101'],
      ['110101', '19000101'],
    ] as const) {
      const body = bodyEndingInX(prefix, date);
      expect(checkCharacter(body)).toBe('X');
      expect(normalizeIdNumber(`${body}X`)).toEqual({ ok: true, id: `${body}X` });
    }
  });
});

describe('normalizeIdNumber accepts what people and spreadsheets write', () => {
  it('accepts a valid 18-digit number unchanged', () => {
    expect(normalizeIdNumber(LIU_JIANGUO)).toEqual({ ok: true, id: LIU_JIANGUO });
    expect(isValidIdNumber(LIU_JIANGUO)).toBe(true);
  });

  it('accepts a number whose check character is X', () => {
    expect(normalizeIdNumber(CHEN_ZHIQIANG)).toEqual({ ok: true, id: CHEN_ZHIQIANG });
  });

  it('accepts a lower-case x and returns it upper-cased', () => {
    expect(normalizeIdNumber('43010519821128129x')).toEqual({ ok: true, id: CHEN_ZHIQIANG });
  });

  it('accepts a full-width lower-case ｘ and returns an ASCII X', () => {
    expect(normalizeIdNumber('43010519821128129ｘ')).toEqual({ ok: true, id: CHEN_ZHIQIANG });
  });

  it('accepts a leading apostrophe, Excel’s text marker, and surrounding spaces', () => {
    expect(normalizeIdNumber(`'${LIU_JIANGUO}`)).toEqual({ ok: true, id: LIU_JIANGUO });
    expect(normalizeIdNumber(`  '${LIU_JIANGUO}  `)).toEqual({ ok: true, id: LIU_JIANGUO });
    expect(normalizeIdNumber(`'43010519821128129x`)).toEqual({ ok: true, id: CHEN_ZHIQIANG });
  });

  it('accepts full-width digits and returns ASCII digits', () => {
    expect(normalizeIdNumber('４３０１０５１９７８０３１５２３１５')).toEqual({ ok: true, id: LIU_JIANGUO });
  });

  it('upgrades a 15-digit number to 18 digits with 19 inserted and a check digit appended', () => {
    // 430105 780315 231 → 430105 19 780315 231 + check; the check of
    // 43010519780315231 was worked by hand above: 5.
    expect(upgrade15('430105780315231')).toBe('430105197803152315');
    expect(normalizeIdNumber('430105780315231')).toEqual({ ok: true, id: '430105197803152315' });
  });

  it('upgrades a 15-digit number whose new check character is X', () => {
    // 43010519821128129 has check X (fixture 03), so its 15-digit form is 430105821128129.
    expect(normalizeIdNumber('430105821128129')).toEqual({ ok: true, id: CHEN_ZHIQIANG });
  });
});

describe('normalizeIdNumber refuses, naming the problem', () => {
  it('calls an empty cell, or one holding only the apostrophe, empty', () => {
    expect(normalizeIdNumber('')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeIdNumber('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeIdNumber("'")).toEqual({ ok: false, problem: 'empty' });
  });

  it('recognises Excel scientific notation with few digits', () => {
    expect(normalizeIdNumber('4.30105E+17')).toEqual({ ok: false, problem: 'scientific' });
    expect(normalizeIdNumber('4.30105e+17')).toEqual({ ok: false, problem: 'scientific' });
  });

  it('recognises Excel scientific notation with fifteen significant digits and a three-digit exponent', () => {
    expect(normalizeIdNumber('4.30105197803152E+017')).toEqual({ ok: false, problem: 'scientific' });
    expect(isValidIdNumber('4.30105197803152E+017')).toBe(false);
  });

  it('says scientific for 18 digits ending in 000 whose check digit is wrong, the tail lost to rounding', () => {
    // 430105197803152315 rounded to 15 significant digits and written out in full.
    expect(referenceCheck('43010519780315200')).not.toBe('0');
    expect(normalizeIdNumber('430105197803152000')).toEqual({ ok: false, problem: 'scientific' });
  });

  it('accepts 18 digits ending in 000 when the check digit really is 0', () => {
    // Search birth days and the sequence's first digit for a body ending 00 whose check is 0.
    let id = '';
    for (let day = 1; day <= 28 && !id; day++) {
      for (let a = 0; a < 10 && !id; a++) {
        const b = `430105197803${String(day).padStart(2, '0')}${a}00`;
        if (referenceCheck(b) === '0') id = `${b}0`;
      }
    }
    expect(id).toMatch(/000$/);
    expect(normalizeIdNumber(id)).toEqual({ ok: true, id });
  });

  it('says checkDigit for a wrong check digit that is not a rounding tail', () => {
    expect(normalizeIdNumber('430105197803152316')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(normalizeIdNumber('430105197803152310')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(normalizeIdNumber('43010519780315231X')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(normalizeIdNumber('430105198211281290')).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('says length for a number that is neither 15 nor 18 characters', () => {
    expect(normalizeIdNumber('43010519780315231')).toEqual({ ok: false, problem: 'length' });
    expect(normalizeIdNumber('4301051978031523150')).toEqual({ ok: false, problem: 'length' });
    expect(normalizeIdNumber('430105 19780315 2315')).toEqual({ ok: false, problem: 'length' });
  });

  it('says characters for letters where digits belong, and for X anywhere but the end', () => {
    expect(normalizeIdNumber('43010519780315231A')).toEqual({ ok: false, problem: 'characters' });
    expect(normalizeIdNumber('4301051978031523X5')).toEqual({ ok: false, problem: 'characters' });
    expect(normalizeIdNumber('43010578031523X')).toEqual({ ok: false, problem: 'characters' });
  });

  it('refuses month 13 as a birth date even with a correct check digit', () => {
    const id = withCheck('43010519781315123');
    expect(normalizeIdNumber(id)).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('refuses 31 April as a birth date even with a correct check digit', () => {
    const id = withCheck('43010519780431123');
    expect(normalizeIdNumber(id)).toEqual({ ok: false, problem: 'birthDate' });
    expect(normalizeIdNumber(withCheck('43010519780430123')).ok).toBe(true);
  });

  it('refuses day 0 and month 0', () => {
    expect(normalizeIdNumber(withCheck('43010519780300123'))).toEqual({ ok: false, problem: 'birthDate' });
    expect(normalizeIdNumber(withCheck('43010519780015123'))).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('refuses 29 February 1900, because 1900 is not a leap year', () => {
    expect(normalizeIdNumber(withCheck('43010519000229123'))).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('accepts 29 February 2000, because 2000 is a leap year', () => {
    const id = withCheck('43010520000229123');
    expect(normalizeIdNumber(id)).toEqual({ ok: true, id });
  });

  it('refuses 29 February of a common year in a 15-digit number', () => {
    // 1979 is a common year; 1980 a leap year.
    expect(normalizeIdNumber('430105790229123')).toEqual({ ok: false, problem: 'birthDate' });
    expect(normalizeIdNumber('430105800229123').ok).toBe(true);
  });

  it('refuses a birth year before 1850', () => {
    expect(normalizeIdNumber(withCheck('43010518490101123'))).toEqual({ ok: false, problem: 'birthDate' });
    expect(normalizeIdNumber(withCheck('43010518500101123')).ok).toBe(true);
  });
});

describe('birth date, sex and age', () => {
  it('reads the birth date from positions 7–14', () => {
    expect(birthDate(LIU_JIANGUO)).toBe('1978-03-15');
    expect(birthDate(CHEN_ZHIQIANG)).toBe('1982-11-28');
  });

  it('reads the sex from the 17th digit: odd is 男, even is 女', () => {
    expect(sex(LIU_JIANGUO)).toBe('男'); // 17th digit 1
    expect(sex(ZHOU_XIULAN)).toBe('女'); // 17th digit 2
    expect(sex(CHEN_ZHIQIANG)).toBe('男'); // 17th digit 9, the X is the check
    expect(sex(withCheck('43010519780315230'))).toBe('女'); // 17th digit 0 is even
  });

  it('counts completed years: one less the day before the birthday', () => {
    expect(ageOn(LIU_JIANGUO, '2026-03-14')).toBe(47);
    expect(ageOn(LIU_JIANGUO, '2026-03-15')).toBe(48);
    expect(ageOn(LIU_JIANGUO, '2026-11-02')).toBe(48);
    expect(ageOn(LIU_JIANGUO, '2027-01-01')).toBe(48);
    expect(ageOn(LIU_JIANGUO, '2026-02-28')).toBe(47);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn(LIU_JIANGUO, '1978-03-15')).toBe(0);
  });

  it('lets someone born on 29 February complete a year on 1 March of a common year, not on 28 February', () => {
    const leapling = withCheck('43010520000229123');
    expect(ageOn(leapling, '2001-02-28')).toBe(0);
    expect(ageOn(leapling, '2001-03-01')).toBe(1);
    expect(ageOn(leapling, '2023-02-28')).toBe(22);
    expect(ageOn(leapling, '2023-03-01')).toBe(23);
  });

  it('lets someone born on 29 February complete a year on 29 February of a leap year', () => {
    const leapling = withCheck('43010520000229123');
    expect(ageOn(leapling, '2004-02-28')).toBe(3);
    expect(ageOn(leapling, '2004-02-29')).toBe(4);
    expect(ageOn(leapling, '2060-02-29')).toBe(60);
    expect(ageFromBirth('2000-02-29', '2060-02-28')).toBe(59);
  });

  it('puts the birthday of a 29 February birth on 1 March in common years and on 29 February in leap years', () => {
    const leapling = withCheck('43010520000229123');
    expect(birthdayAt(leapling, 1)).toBe('2001-03-01');
    expect(birthdayAt(leapling, 4)).toBe('2004-02-29');
    expect(birthdayAt(leapling, 60)).toBe('2060-02-29');
    expect(birthdayAt(leapling, 65)).toBe('2065-03-01');
    // 2100 is not a leap year.
    expect(birthdayAt(leapling, 100)).toBe('2100-03-01');
  });

  it('puts an ordinary birthday on the same day and month', () => {
    expect(birthdayAt(LIU_JIANGUO, 60)).toBe('2038-03-15');
    expect(birthdayAt(withCheck('43010519660105123'), 60)).toBe('2026-01-05');
  });

  it('agrees with ageOn: the birthday is the first day of the new age', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 100 }),
        (d, years) => {
          const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
          const id = withCheck(`430105${ymd}123`);
          const day = birthdayAt(id, years);
          const before = new Date(`${day}T00:00:00Z`);
          before.setUTCDate(before.getUTCDate() - 1);
          expect(ageOn(id, day)).toBe(years);
          expect(ageOn(id, before.toISOString().slice(0, 10))).toBe(years - 1);
        },
      ),
    );
  });
});

describe('maskIdNumber', () => {
  it('shows only the first 6 and the last 4 characters of an 18-character number', () => {
    expect(maskIdNumber(LIU_JIANGUO)).toBe('430105********2315');
    expect(maskIdNumber(CHEN_ZHIQIANG)).toBe('430105********129X');
  });

  it('hides the birth date', () => {
    expect(maskIdNumber(LIU_JIANGUO)).not.toContain('1978');
    expect(maskIdNumber(LIU_JIANGUO)).not.toContain('0315');
  });

  it('hides every character of a string too short to keep 6 and 4', () => {
    expect(maskIdNumber('430105231')).toBe('*********');
    expect(maskIdNumber('')).toBe('');
  });

  it('never shows a character outside the first 6 and the last 4, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const m = maskIdNumber(s);
        expect(m.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) {
          const shown = s.length >= 10 && (i < 6 || i >= s.length - 4);
          expect(m[i]).toBe(shown ? s[i] : '*');
        }
      }),
    );
  });
});

describe('property: valid generated numbers', () => {
  const province = fc.constantFrom('11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65');
  const twoDigits = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const region = fc.tuple(province, twoDigits, twoDigits).map(([p, c, d]) => p + c + d);
  const birth = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
  const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
  const body = fc.tuple(region, birth, sequence).map(([r, b, s]) => r + b + s);

  it('accepts any body followed by its check character', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(checkCharacter(b)).toBe(referenceCheck(b));
        const id = b + checkCharacter(b);
        expect(normalizeIdNumber(id)).toEqual({ ok: true, id });
        expect(normalizeIdNumber(id.toLowerCase())).toEqual({ ok: true, id });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects the number once any single character is changed', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (b, pos, shift) => {
        const id = b + referenceCheck(b);
        // Cycle the character through 0–9 (and X in the last place) to a different one.
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const from = alphabet.indexOf(id[pos]!);
        const to = alphabet[(from + (shift % alphabet.length || 1)) % alphabet.length]!;
        const changed = id.slice(0, pos) + to + id.slice(pos + 1);
        expect(changed).not.toBe(id);
        expect(normalizeIdNumber(changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
