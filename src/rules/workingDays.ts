// The office's working-day calendar: the State Council holiday tables shipped in
// chinese-days, overridden by the county's `holidays` files, for every deadline rule.
// The tables are read from the package's data file, not through its code:
// evaluating that code (lunar calendar and all) cost ~10 ms of every start-up.
// test/rules/workingDaysTable.test.ts holds the two to the same answer for every day.
import tables from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dateOf, dayNo, daysFromCivil, isIsoDate, yearOfDay } from './dayNumber.js';
import { t } from '../i18n/index.js';
import { isMonth } from './month.js';

export interface HolidayEntry {
  date: string;
  type: '休息' | '上班';
  name?: string;
}

export interface DayInfo {
  date: string;
  work: boolean;
  covered: boolean;
  name?: string;
  /** A working weekend day (调休上班). */
  makeUp?: boolean;
}

export interface WorkdayResult {
  date: string;
  covered: boolean;
  uncoveredYears: number[];
}

export class CalendarGapError extends Error {
  override readonly name = 'CalendarGapError';
  readonly year: number;

  constructor(year: number) {
    super(t('rules.calendarGap', { year }));
    this.year = year;
  }
}

// Deadline lists ask for the same few hundred dates thousands of times (today,
// each case's acceptance): each is checked and numbered once. Bounded, for a
// daemon that runs for months.
const numbered = new Map<string, number>();

function dayNumber(date: string): number {
  const known = numbered.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError(t('rules.badDate', { date }));
  if (numbered.size >= 4096) numbered.clear();
  const n = dayNo(date);
  numbered.set(date, n);
  return n;
}

const yearOf = yearOfDay;

function isWeekend(n: number): boolean {
  const weekday = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6;
}

interface BuiltinEntry {
  work: boolean;
  name: string;
}

const WORKDAYS: Readonly<Record<string, string>> = tables.workdays;
const HOLIDAYS: Readonly<Record<string, string>> = tables.holidays;

/**
 * A day in chinese-days' tables, or null for an ordinary day: a working day
 * (调休上班) first, as its getDayDetail has it, then a day off. Entries are
 * named "National Day,国庆节,3"; ordinary days are decided here (by weekday).
 */
export function builtinEntry(date: string): BuiltinEntry | null {
  const work = Object.hasOwn(WORKDAYS, date);
  const named = work ? WORKDAYS[date] : Object.hasOwn(HOLIDAYS, date) ? HOLIDAYS[date] : undefined;
  const zh = named?.split(',')[1];
  return zh === undefined ? null : { work, name: zh };
}

/**
 * chinese-days answers any year, falling back to plain weekdays outside its
 * data. Every year's table starts with 元旦 on 01-01, so probing that day finds
 * the range actually shipped, and a dependency update extends it without an edit here.
 */
function probeBuiltinYears(): { first: number; last: number } {
  let first = 0;
  let last = -1;
  for (let y = 1990; y <= 2100; y++) {
    if (builtinEntry(`${y}-01-01`) === null) continue;
    if (first === 0) first = y;
    last = y;
  }
  return Object.freeze({ first, last });
}

interface Resolved {
  info: DayInfo;
  year: number;
  /** A named day off (holiday block, 调休), as opposed to an ordinary weekend. */
  statutoryOff: boolean;
}

export class WorkingCalendar {
  static readonly builtinYears: { first: number; last: number } = probeBuiltinYears();

  private readonly county = new Map<string, HolidayEntry>();
  private readonly countyYears = new Set<number>();
  private readonly cache = new Map<number, Resolved>();

  constructor(countyEntries: readonly HolidayEntry[] = []) {
    // Later entries win: a later county file corrects an earlier one.
    for (const entry of countyEntries) {
      const n = dayNumber(entry.date);
      this.county.set(entry.date, entry);
      this.countyYears.add(yearOf(n));
    }
  }

  covers(year: number): boolean {
    const { first, last } = WorkingCalendar.builtinYears;
    return (year >= first && year <= last) || this.countyYears.has(year);
  }

  day(date: string): DayInfo {
    return this.resolve(dayNumber(date)).info;
  }

  isWorkday(date: string): boolean {
    const n = dayNumber(date);
    const { info } = this.resolve(n);
    if (!info.covered) throw new CalendarGapError(yearOf(n));
    return info.work;
  }

  /**
   * The n-th working day strictly after `date` (n >= 1); n = 0 returns date
   * itself; n < 0 counts backwards, the |n|-th working day strictly before.
   * Coverage is reported for every year from `date` to the answer.
   */
  addWorkingDays(date: string, n: number): WorkdayResult {
    if (!Number.isInteger(n)) throw new RangeError(t('rules.badWorkingDays', { n }));
    const start = dayNumber(date);
    const step = n < 0 ? -1 : 1;
    let cur = start;
    for (let left = Math.abs(n); left > 0; ) {
      cur += step;
      if (this.resolve(cur).info.work) left--;
    }
    const uncoveredYears = this.uncoveredYears(Math.min(start, cur), Math.max(start, cur));
    return { date: this.resolve(cur).info.date, covered: uncoveredYears.length === 0, uncoveredYears };
  }

  /** Working days in (from, to]: strictly after `from`, up to and including `to`; negative when to < from. */
  workingDaysBetween(from: string, to: string): { days: number; covered: boolean; uncoveredYears: number[] } {
    const a = dayNumber(from);
    const b = dayNumber(to);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let days = 0;
    for (let n = lo + 1; n <= hi; n++) if (this.resolve(n).info.work) days++;
    const uncoveredYears = this.uncoveredYears(lo, hi);
    return { days: b < a ? -days : days, covered: uncoveredYears.length === 0, uncoveredYears };
  }

  /** Working days in a calendar month, in order (for "within the first 5 working days of the quarter"). */
  workingDaysOfMonth(month: string): { dates: string[]; covered: boolean } {
    if (!isMonth(month)) throw new RangeError(t('rules.badMonth', { month }));
    const first = dayNumber(`${month}-01`);
    const year = yearOf(first);
    const m = Number(month.slice(5, 7));
    const end = m === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, m + 1, 1);
    const dates: string[] = [];
    for (let n = first; n < end; n++) {
      const { info } = this.resolve(n);
      if (info.work) dates.push(info.date);
    }
    return { dates, covered: this.covers(year) };
  }

  /**
   * Statutory days off (holidays, not ordinary weekends) in [from, to]
   * inclusive, with names. A weekend inside a holiday block is included when
   * the table or the county lists it. Uncovered years have none to list, so
   * check `covers` when an empty answer matters.
   */
  holidaysBetween(from: string, to: string): DayInfo[] {
    const out: DayInfo[] = [];
    for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) {
      const r = this.resolve(n);
      if (r.statutoryOff) out.push(r.info);
    }
    return out;
  }

  private uncoveredYears(lo: number, hi: number): number[] {
    const years: number[] = [];
    for (let y = this.resolve(lo).year, last = this.resolve(hi).year; y <= last; y++) if (!this.covers(y)) years.push(y);
    return years;
  }

  // Deadline lists walk the same few weeks for thousands of cases, so each day
  // is worked out once; the frozen result is shared by every caller.
  private resolve(n: number): Resolved {
    const cached = this.cache.get(n);
    if (cached) return cached;

    const date = dateOf(n);
    const year = yearOf(n);
    const weekend = isWeekend(n);
    const { first, last } = WorkingCalendar.builtinYears;
    const county = this.county.get(date);
    const builtin = county === undefined && year >= first && year <= last ? builtinEntry(date) : null;

    let work = !weekend;
    let name: string | undefined;
    let statutoryOff = false;
    if (county) {
      work = county.type === '上班';
      name = county.name?.trim() || undefined;
      statutoryOff = !work;
    } else if (builtin) {
      work = builtin.work;
      name = builtin.name;
      statutoryOff = !work;
    }

    const info: DayInfo = { date, work, covered: this.covers(year) };
    if (name !== undefined) info.name = name;
    if (work && weekend) info.makeUp = true;
    const resolved: Resolved = { info: Object.freeze(info), year, statutoryOff };
    this.cache.set(n, resolved);
    return resolved;
  }
}
