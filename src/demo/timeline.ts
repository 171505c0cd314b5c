// The demo's dates: working days (asked of the calendar once each), a
// case's timeline forward and backward, and the date forms of the files.
import type { CaseStatus } from '../office/model.js';
import type { Generator } from './generate.js';
import type { Timeline } from './records.js';
import { addDays, dateOf, dayNo } from '../rules/dayNumber.js';

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const monthOf = (d: string): string => d.slice(0, 7);

/** A roster lists the amount in force when it was read; an approval the one of its first month. */
export function firstAmountMonth(s: { month: string; date: string; event: string }): string {
  return s.event === 'roster' && monthOf(s.date) > s.month ? monthOf(s.date) : s.month;
}

/** `2026/1/5`: how Excel on a Chinese Windows writes a date cell to CSV. */
export const excelDate = (d: string): string => `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;

export function isWork(g: Generator, n: number): boolean {
  let w = g.workCache.get(n);
  if (w === undefined) {
    w = g.cal.day(dateOf(n)).work;
    g.workCache.set(n, w);
  }
  return w;
}

/** The n-th working day after `date` (before it when n < 0), as WorkingCalendar.addWorkingDays counts. */
export function wd(g: Generator, date: string, n: number): string {
  let cur = dayNo(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    cur += step;
    if (isWork(g, cur)) left--;
  }
  return dateOf(cur);
}

export function back(g: Generator, date: string, n: number): string {
  return wd(g, date, -n);
}

/** Working days in (from, to]. */
export function workdaysBetween(g: Generator, from: string, to: string): number {
  let days = 0;
  for (let n = dayNo(from) + 1, end = dayNo(to); n <= end; n++) if (isWork(g, n)) days++;
  return days;
}

/** When a file signed on `date` reached the office: the next working day, never after today. */
export function arrivedOn(g: Generator, date: string): string {
  const d = wd(g, date, 1);
  return d > g.today ? g.today : d;
}

/** A working day on or before `date`. */
export function onWorkday(g: Generator, date: string): string {
  return isWork(g, dayNo(date)) ? date : wd(g, date, -1);
}

/** ISO timestamp on `date` in office hours; today's stay before 09:00 (JIUZHU_NOW=<date> is 09:00). */
export function stamp(g: Generator, date: string, after?: string): string {
  let minutes = date === g.today ? 8 * 60 + g.rng.int(0, 40) : g.rng.int(8 * 60 + 20, 17 * 60 + 30);
  if (after && after.startsWith(date)) {
    const prev = Number(after.slice(11, 13)) * 60 + Number(after.slice(14, 16));
    if (minutes <= prev) minutes = prev + g.rng.int(5, 40);
  }
  minutes = Math.min(minutes, 23 * 60 + 59);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+08:00`;
}

/** A complete run from acceptance `a`: every step on time, decisions a few working days apart. */
export function forward(g: Generator, a: string, upTo: 'sub' | 'twp' | 'cty'): Timeline {
  const r = g.rng;
  const inv = wd(g, a, r.int(1, 3));
  const rev = wd(g, inv, r.int(1, 3));
  const nStart = wd(g, rev, r.int(1, 2));
  const nEnd = addDays(nStart, 6);
  const sub = wd(g, nEnd, 1);
  const t: Timeline = { app: a, accepted: a, inv, rev, nStart, nEnd, sub };
  if (upTo !== 'sub') t.twp = wd(g, sub, r.int(2, 5));
  if (upTo === 'cty') t.cty = wd(g, t.twp!, r.int(3, 8));
  return t;
}

/** Steps before submission, worked out backwards from the submission day. */
export function backFromSub(g: Generator, sub: string): Timeline {
  const r = g.rng;
  const nEnd = addDays(sub, -1);
  const nStart = addDays(nEnd, -6);
  const rev = back(g, nStart, r.int(1, 2));
  const inv = back(g, rev, r.int(1, 3));
  const a = back(g, inv, r.int(1, 3));
  return { app: a, accepted: a, inv, rev, nStart, nEnd, sub };
}

export function timeline(g: Generator, status: CaseStatus, variant: number, target: boolean): Timeline {
  const r = g.rng;
  const lw = g.lastWorkday;
  switch (status) {
    case 'draft':
      return { app: onWorkday(g, addDays(g.today, -r.int(0, 6))) };
    case 'accepted': {
      // The first one is late for its investigation (due within 3 working days).
      const a = back(g, lw, variant === 0 ? 5 : r.int(0, 2));
      return { app: a, accepted: a };
    }
    case 'investigated': {
      if (variant === 0) {
        // Near its deadline: 15 working days after acceptance.
        const a = back(g, lw, r.int(12, 14));
        return { app: a, accepted: a, inv: wd(g, a, r.int(1, 3)) };
      }
      const inv = back(g, lw, r.int(0, 3));
      const a = back(g, inv, r.int(1, 3));
      return { app: a, accepted: a, inv };
    }
    case 'reviewed': {
      if (variant <= 1) {
        // The first one is overdue, the second near its deadline.
        const a = back(g, lw, variant === 0 ? r.int(16, 19) : r.int(13, 14));
        const inv = wd(g, a, r.int(2, 3));
        return { app: a, accepted: a, inv, rev: wd(g, inv, r.int(3, 5)) };
      }
      const rev = back(g, lw, r.int(0, 2));
      const inv = back(g, rev, r.int(1, 3));
      const a = back(g, inv, r.int(1, 3));
      return { app: a, accepted: a, inv, rev };
    }
    case 'noticing': {
      const options: string[] = [];
      for (let d = 0; d <= 6; d++) {
        const day = addDays(g.today, -d);
        if (isWork(g, dayNo(day))) options.push(day);
      }
      const nStart = options.length ? r.pick(options) : addDays(g.today, -r.int(0, 6));
      const rev = back(g, nStart, r.int(1, 2));
      const inv = back(g, rev, r.int(1, 3));
      const a = back(g, inv, r.int(1, 3));
      return { app: a, accepted: a, inv, rev, nStart, nEnd: addDays(nStart, 6) };
    }
    case 'submitted':
      return backFromSub(g, back(g, lw, target ? r.int(2, 6) : r.int(0, 1)));
    case 'returned': {
      const twp = back(g, lw, r.int(1, 8));
      return { ...backFromSub(g, back(g, twp, r.int(2, 5))), twp };
    }
    case 'township-approved': {
      const twp = back(g, lw, target ? r.int(2, 6) : r.int(0, 1));
      return { ...backFromSub(g, back(g, twp, r.int(2, 5))), twp };
    }
    case 'rejected': {
      // variant 0: the township refused; otherwise the county.
      const last = back(g, lw, r.int(3, 40));
      if (variant % 2 === 0) return { ...backFromSub(g, back(g, last, r.int(2, 5))), twp: last };
      const twp = back(g, last, r.int(3, 8));
      return { ...backFromSub(g, back(g, twp, r.int(2, 5))), twp, cty: last };
    }
    case 'withdrawn': {
      if (variant === 0) {
        // Withdrawn after the township agreed; the county's approval came afterwards.
        const cty = back(g, lw, r.int(1, 3));
        const withdrawn = back(g, cty, r.int(1, 2));
        const twp = back(g, withdrawn, r.int(1, 2));
        return { ...backFromSub(g, back(g, twp, r.int(2, 4))), twp, withdrawn, cty };
      }
      const a = back(g, lw, r.int(5, 60));
      const inv = r.chance(0.5) ? wd(g, a, r.int(1, 3)) : undefined;
      return { app: a, accepted: a, ...(inv ? { inv } : {}), withdrawn: wd(g, inv ?? a, r.int(1, 4)) };
    }
    case 'approved':
      // Up to six years back; a calendar-day offset, since counting 1,500 working days for each of 20,000 households is slow.
      return forward(g, onWorkday(g, addDays(lw, -r.int(65, 6 * 365))), 'cty');
  }
}
