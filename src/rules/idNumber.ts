// Resident ID numbers per GB 11643-1999: check character, 15→18 upgrade,
// birth date, sex and age. Pure; "today" is always a parameter.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdProblem =
  | 'empty'
  | 'scientific'
  | 'length'
  | 'characters'
  | 'birthDate'
  | 'checkDigit';

export type IdResult = { ok: true; id: string } | { ok: false; problem: IdProblem };

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** 15-digit numbers (before 1999) carry a two-digit year of the 1900s and no check character. */
export function upgrade15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6, 15)}`;
  return first17 + checkCharacter(first17);
}

/**
 * Normalises and validates what a person or a spreadsheet wrote. Accepts a
 * leading `'` (Excel's text marker), surrounding spaces, a lower-case `x`,
 * and 15-digit numbers, which are upgraded.
 */
export function normalizeIdNumber(raw: string): IdResult {
  let s = raw.normalize('NFKC').trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s === '') return { ok: false, problem: 'empty' };
  if (/^\d(\.\d+)?[eE][+-]?\d+$/.test(s)) return { ok: false, problem: 'scientific' };
  s = s.toUpperCase();
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { ok: false, problem: 'characters' };
    const y = 1900 + Number(s.slice(6, 8));
    if (!validDate(y, Number(s.slice(8, 10)), Number(s.slice(10, 12)))) return { ok: false, problem: 'birthDate' };
    return { ok: true, id: upgrade15(s) };
  }
  if (s.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'characters' };
  const y = Number(s.slice(6, 10));
  if (y < 1850 || !validDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) {
    return { ok: false, problem: 'birthDate' };
  }
  if (checkCharacter(s.slice(0, 17)) !== s[17]) {
    // 18 digits ending in zeros with a wrong check digit: the tail was lost to a
    // spreadsheet's 15-significant-digit rounding, and cannot be recovered.
    if (/000$/.test(s)) return { ok: false, problem: 'scientific' };
    return { ok: false, problem: 'checkDigit' };
  }
  return { ok: true, id: s };
}

export function isValidIdNumber(raw: string): boolean {
  return normalizeIdNumber(raw).ok;
}

/** Birth date `YYYY-MM-DD` of a valid 18-character number. */
export function birthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The holder's sex as a code (the 17th digit: odd for men), for words in any language. */
export function sexCode(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** The holder's sex as the forms write it (data: the printables and exchange files are Chinese). */
export function sex(id: string): '男' | '女' {
  return sexCode(id) === 'male' ? '男' : '女';
}

/**
 * Completed years on `onDate` (YYYY-MM-DD). Someone born on 29 February
 * completes a year on 1 March in common years, as the household register
 * counts it.
 */
export function ageOn(id: string, onDate: string): number {
  return ageFromBirth(birthDate(id), onDate);
}

export function ageFromBirth(birth: string, onDate: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The date someone turns `years` old (29 Feb → 1 Mar in common years). */
export function birthdayAt(id: string, years: number): string {
  const b = birthDate(id);
  const y = Number(b.slice(0, 4)) + years;
  const m = Number(b.slice(5, 7));
  const d = Number(b.slice(8, 10));
  if (m === 2 && d === 29 && !validDate(y, 2, 29)) return `${y}-03-01`;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** For screens and logs: 430105********2315. Never print a full number in a log. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
