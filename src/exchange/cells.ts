// Parses inbound value cells (spec/exchange.md, "Cell values") to stored forms or Chinese reasons.

import { normalizeIdNumber } from '../rules/idNumber.js';
import { civilFromDays, isIsoDate } from '../rules/dayNumber.js';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A date as stored: `YYYY-MM-DD`, and `HH:MM` or `HH:MM:SS` when the cell had a time. */
export interface ParsedDate {
  date: string;
  time: string | null;
}

// The caller puts the column name in front, so a reason says what is wrong
// with the value and how to write it instead. One place, so the wording the
// clerk sees stays consistent.
export const cellReasons = {
  empty: '未填写',
  idScientific: '身份证号被表格软件改成了科学计数法，请把该列设为文本后重新导出',
  idLength: (n: number) => `身份证号应为18位（旧号码为15位），这里是${n}位，请核对`,
  idCharacters: '身份证号只能是数字，最后一位可以是X，请核对是否混入了其他字符',
  idBirthDate: (date: string) => `身份证号里的出生日期${date}不存在，请核对`,
  idCheckDigit: '身份证号校验位不对，可能有一位抄错了，请与身份证或户口簿核对',
  dateAmbiguous: (v: string) => `日期“${v}”分不清哪个是月、哪个是日，请写成2026-11-20这样的“年-月-日”`,
  dateUnknown: (v: string) => `“${v}”不是可识别的日期，请写成2026-11-20这样的“年-月-日”`,
  dateMissing: (iso: string) => `日期${iso}不存在（这个月没有这一天），请核对`,
  timeInvalid: (v: string) => `时间“${v}”不对，请写成14:30或14:30:05这样的“时:分”`,
  monthUnknown: (v: string) => `“${v}”不是可识别的年月，请写成2026-12这样的“年-月”`,
  amountUnknown: (v: string) => `“${v}”不是可识别的金额，请只写数字，例如1234.50（千位可用逗号分隔）`,
  amountNegative: (v: string) => `金额“${v}”是负数，金额不能为负`,
  amountDecimals: (v: string) => `金额“${v}”超过两位小数，金额最多精确到分`,
  amountTooLarge: (v: string) => `金额“${v}”大得不合常理，请核对`,
  integerUnknown: (v: string) => `“${v}”不是整数，请只写数字，例如3`,
  integerNegative: (v: string) => `“${v}”是负数，这里只能填0或正整数`,
  integerTooLarge: (v: string) => `“${v}”大得不合常理，请核对`,
  enumUnknown: (v: string, words: string) => `“${v}”不是可用的值，应为${words}之一`,
} as const;

/** Value cells are read after NFKC (full-width digits and punctuation to ASCII) and trimming. */
export function normalizeValue(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** True when the cell holds nothing a parser could read (only spaces, or nothing). */
export function isBlankCell(raw: string | undefined): boolean {
  return raw === undefined || normalizeValue(raw) === '';
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------- ID numbers

function birthDigits(s: string): string {
  const id = s.startsWith("'") ? s.slice(1).trim() : s;
  const ymd = id.length === 15 ? `19${id.slice(6, 12)}` : id.slice(6, 14);
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
}

/** An ID number as stored: 18 characters, `X` upper-case, check digit verified. */
export function parseIdCell(raw: string): CellResult<string> {
  const result = normalizeIdNumber(raw);
  if (result.ok) return ok(result.id);
  const s = normalizeValue(raw);
  switch (result.problem) {
    case 'empty':
      return fail(cellReasons.empty);
    case 'scientific':
      return fail(cellReasons.idScientific);
    case 'length':
      return fail(cellReasons.idLength((s.startsWith("'") ? s.slice(1).trim() : s).length));
    case 'characters':
      return fail(cellReasons.idCharacters);
    case 'birthDate':
      return fail(cellReasons.idBirthDate(birthDigits(s)));
    case 'checkDigit':
      return fail(cellReasons.idCheckDigit);
  }
}

// --------------------------------------------------------------------- dates

// Years outside this range are typing mistakes in any file this office gets.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const TIME_SUFFIX = /(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const WEEKDAY_SUFFIX = /\s*(?:星期|礼拜|周)[一二三四五六日天]$/;
const YMD_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_CHINESE = /^(\d{4}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Five digits only: a four-digit number is far more likely a bare year than a
// day in 1900–1927, and five digits cover 1927-05-18 to 2173-10-14.
const EXCEL_SERIAL = /^\d{5}$/;
const DAY_OR_MONTH_FIRST = /^\d{1,2}([-/.])\d{1,2}\1\d{2,4}$/;

/** LibreOffice's 年 format writes two-digit years, meaning 20YY. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
 * 1900-02-29 that never was (kept for Lotus 1-2-3), so from 61 on a serial
 * counts days from 1899-12-30. 25569 is 1970-01-01.
 */
function excelSerialToDate(serial: number): [number, number, number] | null {
  if (serial < 1 || serial === 60) return null;
  return civilFromDays(serial < 60 ? serial - 25568 : serial - 25569);
}

function isoDate(y: number, m: number, d: number): CellResult<string> | null {
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  if (!isIsoDate(iso)) return fail(cellReasons.dateMissing(iso));
  return ok(iso);
}

function parseDatePart(s: string): CellResult<string> | null {
  let m = YMD_SEPARATED.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YMD_CHINESE.exec(s);
  if (m) return isoDate(fullYear(m[1]!), Number(m[2]), Number(m[3]));
  m = YMD_COMPACT.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (EXCEL_SERIAL.test(s)) {
    const ymd = excelSerialToDate(Number(s));
    return ymd ? isoDate(...ymd) : null;
  }
  return null;
}

/**
 * A date in any of the forms spreadsheets write, optionally followed by a
 * weekday (ignored, even when wrong) and a time.
 */
export function parseDateCell(raw: string): CellResult<ParsedDate> {
  const v = normalizeValue(raw);
  if (v === '') return fail(cellReasons.empty);
  let rest = v;
  let time: string | null = null;
  const t = TIME_SUFFIX.exec(rest);
  if (t) {
    const [h, min, sec] = [Number(t[1]), Number(t[2]), t[3] === undefined ? null : Number(t[3])];
    if (h > 23 || min > 59 || (sec !== null && sec > 59)) return fail(cellReasons.timeInvalid(t[0].trim().replace(/^T/, '')));
    time = `${pad2(h)}:${pad2(min)}${sec === null ? '' : `:${pad2(sec)}`}`;
    rest = rest.slice(0, t.index);
  }
  rest = rest.replace(WEEKDAY_SUFFIX, '');
  const date = parseDatePart(rest);
  if (date === null) {
    return fail(DAY_OR_MONTH_FIRST.test(rest) ? cellReasons.dateAmbiguous(v) : cellReasons.dateUnknown(v));
  }
  return date.ok ? ok({ date: date.value, time }) : date;
}

// -------------------------------------------------------------------- months

const YM_SEPARATED = /^(\d{4})[-/.](\d{1,2})$/;
const YM_COMPACT = /^(\d{4})(\d{2})$/;
const YM_CHINESE = /^(\d{4}|\d{2})\s*年\s*(\d{1,2})\s*月$/;

function isoMonth(y: number, m: number): CellResult<string> | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  return ok(`${y}-${pad2(m)}`);
}

/** A month `YYYY-MM`, written as a month or as any accepted date within it. */
export function parseMonthCell(raw: string): CellResult<string> {
  const v = normalizeValue(raw);
  if (v === '') return fail(cellReasons.empty);
  let m = YM_SEPARATED.exec(v) ?? YM_COMPACT.exec(v);
  let month: CellResult<string> | null = null;
  if (m) month = isoMonth(Number(m[1]), Number(m[2]));
  else if ((m = YM_CHINESE.exec(v))) month = isoMonth(fullYear(m[1]!), Number(m[2]));
  if (month) return month;
  const date = parseDateCell(v);
  if (date.ok) return ok(date.value.date.slice(0, 7));
  // A date that does not exist (2026-02-30) is reported as such; anything
  // else is asked for in the month form, the one this column wants.
  if (parseDatePart(v.replace(TIME_SUFFIX, '').replace(WEEKDAY_SUFFIX, '')) !== null) return date;
  return fail(cellReasons.monthUnknown(v));
}

// ------------------------------------------------------------------- amounts

const CURRENCY_PREFIX = /^(?:¥|RMB|CNY)\s*/i;
const YUAN_SUFFIX = /\s*元$/;
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
// 1e13 yuan in fen stays far inside Number's exact integers (2^53).
const MAX_INTEGER_DIGITS = 13;

/**
 * An amount in yuan to integer fen. The digits are added up as integers,
 * never multiplied as a float (1234.5 * 100 is fine, 1.15 * 100 is not).
 * Commas are accepted only as thousands separators, so `800,50` (a
 * decimal comma) is not silently read as 80050.
 */
export function parseAmountCell(raw: string): CellResult<number> {
  const v = normalizeValue(raw);
  if (v === '') return fail(cellReasons.empty);
  let s = v.replace(YUAN_SUFFIX, '').replace(CURRENCY_PREFIX, '');
  const negative = /^[-−]/.test(s) || /^\(.*\)$/.test(s);
  s = s.replace(/^[-−]\s*/, '').replace(/^\((.*)\)$/, '$1').replace(CURRENCY_PREFIX, '');
  const m = AMOUNT.exec(s);
  if (!m) return fail(cellReasons.amountUnknown(v));
  if (negative && /[1-9]/.test(s)) return fail(cellReasons.amountNegative(v));
  const whole = m[1]!.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  // Trailing zeros beyond the fen (800.500) lose nothing; other digits would.
  if (/[1-9]/.test(fraction.slice(2))) return fail(cellReasons.amountDecimals(v));
  if (whole.length > MAX_INTEGER_DIGITS) return fail(cellReasons.amountTooLarge(v));
  return ok(Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')));
}

// ------------------------------------------------------------------ integers

/** A count such as 保障人数: digits (full-width ones too), never negative. */
export function parseIntegerCell(raw: string): CellResult<number> {
  const v = normalizeValue(raw);
  if (v === '') return fail(cellReasons.empty);
  // Some exports write whole numbers as `3.0`.
  const m = /^([-−])?(\d+)(?:\.0+)?$/.exec(v);
  if (!m) return fail(cellReasons.integerUnknown(v));
  const digits = m[2]!.replace(/^0+(?=\d)/, '');
  if (m[1] !== undefined && digits !== '0') return fail(cellReasons.integerNegative(v));
  if (digits.length > 15) return fail(cellReasons.integerTooLarge(v));
  return ok(Number(digits));
}

// -------------------------------------------------------------- enumerations

// Words compare without spaces and case, so `不予 批准` and `b` still match.
const enumKey = (s: string) => normalizeValue(s).replace(/\s+/g, '').toUpperCase();

const enumIndexes = new WeakMap<object, Map<string, unknown>>();

function enumIndex<Code>(synonyms: Readonly<Record<string, Code>>): Map<string, Code> {
  let index = enumIndexes.get(synonyms) as Map<string, Code> | undefined;
  if (!index) {
    index = new Map(Object.entries(synonyms).map(([word, code]) => [enumKey(word), code]));
    enumIndexes.set(synonyms, index);
  }
  return index;
}

/**
 * One of the words a kind lists for a column (`synonyms` maps every
 * accepted word to its code, e.g. `{ 批准: 'approved', 同意: 'approved' }`).
 */
export function parseEnumCell<Code>(raw: string, synonyms: Readonly<Record<string, Code>>): CellResult<Code> {
  const v = normalizeValue(raw);
  const index = enumIndex(synonyms);
  const key = enumKey(v);
  if (index.has(key)) return ok(index.get(key) as Code);
  const words = Object.keys(synonyms).join('、');
  return fail(v === '' ? `${cellReasons.empty}，应为${words}之一` : cellReasons.enumUnknown(v, words));
}
