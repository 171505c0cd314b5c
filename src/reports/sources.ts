// Where report forms read the office's records. Attendance is read through
// one adapter, `attendanceOf`, so the attendance module can take it over.
import type { Enrolment, Household, Member } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { householderOf, membersOf } from '../case/household.js';
import { settingsOf, standardsOf } from '../office/context.js';
import { assess } from '../rules/eligibility.js';
import { birthDate, birthdayAt, sex } from '../rules/idNumber.js';
import { maskName } from '../office/privacy.js';
import type { Filter } from './template.js';
import type { Period } from './period.js';
import { effectiveMonth, paymentIn, startMonthOf } from './payments.js';
import { monthSummary } from '../attendance/summary.js';
import { monthEnd } from '../rules/dayNumber.js';
import { tIn } from '../i18n/index.js';
import { coveredNames } from '../recipients/coverage.js';

export interface AttendanceLine {
  idNumber: string;
  name: string;
  due: number;
  attended: number;
  excused: number;
  absent: number;
}

/**
 * Each person's month as the attendance module counts it (the derived
 * roster, plus anyone marked off it), over the whole month: a form is filled
 * for a month that has ended. A form reports what was marked: a session left
 * unmarked for someone is not counted as due (closing a month requires every
 * mark, so a closed month has none).
 */
export function attendanceOf(view: View, month: string): AttendanceLine[] {
  return monthSummary(view, month, monthEnd(month))
    .people.filter((p) => p.due > p.unmarked)
    .map((p) => ({ idNumber: p.idNumber, name: p.name, due: p.due - p.unmarked, attended: p.attended, excused: p.excused, absent: p.absent }))
    .sort((a, b) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0));
}

/** Attendance summed over the months of a period. */
export function attendanceOver(view: View, months: readonly string[]): AttendanceLine[] {
  const sum = new Map<string, AttendanceLine>();
  for (const m of months) {
    for (const l of attendanceOf(view, m)) {
      const cur = sum.get(l.idNumber);
      if (!cur) sum.set(l.idNumber, { ...l });
      else {
        cur.due += l.due;
        cur.attended += l.attended;
        cur.excused += l.excused;
        cur.absent += l.absent;
      }
    }
  }
  return [...sum.values()].sort((a, b) => a.idNumber.localeCompare(b.idNumber));
}

/** An enrolment with what a report needs beside it. */
export interface EnrolmentFacts {
  e: DeepReadonly<Enrolment>;
  household: DeepReadonly<Household> | undefined;
}

export function matches(f: Filter, e: DeepReadonly<Enrolment>, household: DeepReadonly<Household> | undefined): boolean {
  return (!f.program || e.program === f.program) && (!f.category || e.category === f.category) && (!f.area || household?.area === f.area);
}

export function enrolmentFacts(view: View, f: Filter): EnrolmentFacts[] {
  return view
    .all('enrolments')
    .map((e) => ({ e, household: view.get('households', e.householdId) }))
    .filter((x) => matches(f, x.e, x.household));
}

/** A list form's row: a stable key (for manual cells and re-fill changes) and its field values. */
export interface SourceRow {
  key: string;
  values: Record<string, string | number | null>;
}

function recipients(view: View, period: Period, f: Filter): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const { e, household } of enrolmentFacts(view, f)) {
    const amount = paymentIn(e, period.last);
    if (amount === 0) continue;
    const h = householderOf(view, e.householdId);
    // An enrolment kept before coverage was recorded covers the whole household (as the labour roster reads it).
    const names = e.covered.length ? coveredNames(view, e.covered) : membersOf(view, e.householdId).map((m) => m.name);
    rows.push({
      key: e.id,
      values: {
        householderName: h.name,
        householderId: h.idNumber,
        address: household?.address ?? '',
        phone: household?.phone ?? '',
        area: household?.area ?? '',
        program: e.program,
        category: e.category ?? '',
        persons: e.persons,
        coveredNames: names.join(tIn('zh', 'reports.sep')),
        amount,
        since: startMonthOf(e),
        caseNo: e.caseNo ?? '',
        blank: '',
      },
    });
  }
  return rows.sort((a, b) => String(a.values.householderId).localeCompare(String(b.values.householderId)));
}

function turning(view: View, period: Period, ages: readonly { age: number; benefit: string }[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const m of view.all('members') as DeepReadonly<Member>[]) {
    if (m.leftOn && m.leftOn < period.start) continue;
    for (const { age, benefit } of ages) {
      const on = birthdayAt(m.idNumber, age);
      if (on < period.start || on > period.end) continue;
      const household = view.get('households', m.householdId);
      rows.push({
        key: `${m.idNumber}:${age}`,
        values: {
          name: m.name,
          idNumber: m.idNumber,
          sex: sex(m.idNumber),
          birthDate: birthDate(m.idNumber),
          age,
          reachedOn: on,
          benefit,
          householderName: householderOf(view, m.householdId).name,
          address: household?.address ?? '',
          phone: household?.phone ?? '',
          blank: '',
        },
      });
    }
  }
  return rows.sort((a, b) => String(a.values.reachedOn).localeCompare(String(b.values.reachedOn)) || a.key.localeCompare(b.key));
}

function attendance(view: View, period: Period, lines: readonly AttendanceLine[]): SourceRow[] {
  const s = settingsOf(view);
  return lines.map((l) => ({
    key: l.idNumber,
    values: {
      ...l,
      // The policy of product.md, per month: a warning, then a recommendation to the township — never a stop.
      suggestion: l.absent >= s.labour.recommendAbsences * period.months.length ? tIn('zh', 'reports.formSuggestAction') : l.absent >= s.labour.warnAbsences * period.months.length ? tIn('zh', 'reports.formSuggestWarn') : '',
      blank: '',
    },
  }));
}

/** Cases whose 7-day public notice overlaps the period, masked as the notice shows them. */
function notices(view: View, period: Period, f: Filter): SourceRow[] {
  const s = settingsOf(view);
  const standards = standardsOf(view);
  const rows: SourceRow[] = [];
  for (const c of view.all('cases')) {
    if (!c.notice || c.notice.end < period.start || c.notice.start > period.end) continue;
    if ((f.program && c.program !== f.program) || (f.area && c.area !== f.area)) continue;
    const members = membersOf(view, c.householdId);
    const verdict = assess({
      members,
      area: c.area,
      program: c.program,
      date: c.notice.start,
      standards,
      excludedKinds: s.excludedIncomeKinds,
      nearPovertyPercent: s.nearPovertyPercent,
    });
    rows.push({
      key: c.caseNo,
      values: {
        caseNo: c.caseNo,
        maskedName: maskName(householderOf(view, c.householdId).name),
        persons: members.length,
        program: c.program,
        amount: verdict.estimatedMonthlyFen,
        noticeStart: c.notice.start,
        noticeEnd: c.notice.end,
        blank: '',
      },
    });
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

/** The words of a change on the county's forms (Chinese whatever the clerk's language). */
function changeWord(kind: string): string | undefined {
  if (kind === 'adjusted') return tIn('zh', 'reports.formChangeAdjusted');
  if (kind === 'suspended') return tIn('zh', 'reports.formChangeSuspended');
  if (kind === 'resumed') return tIn('zh', 'reports.formChangeResumed');
  if (kind === 'terminated') return tIn('zh', 'reports.formChangeTerminated');
  return undefined;
}

/** The county's changes to enrolments taking effect in the period: the 动态管理 ledger and the cancellation register. */
function changes(view: View, period: Period, f: Filter): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const { e } of enrolmentFacts(view, f)) {
    const h = householderOf(view, e.householdId);
    e.history.forEach((ev, i) => {
      const month = effectiveMonth(ev);
      const word = changeWord(ev.event);
      if (!word || !period.months.includes(month)) return;
      rows.push({
        key: `${e.id}#${i}`,
        values: {
          householderName: h.name,
          householderId: h.idNumber,
          program: e.program,
          change: word,
          month,
          decidedOn: ev.date ?? ev.at.slice(0, 10),
          amount: ev.event === 'suspended' || ev.event === 'terminated' ? 0 : (ev.amountFen ?? null),
          reason: ev.reason ?? '',
          blank: '',
        },
      });
    });
  }
  return rows.sort((a, b) => String(a.values.month).localeCompare(String(b.values.month)) || String(a.values.householderId).localeCompare(String(b.values.householderId)));
}

export function sourceRows(
  view: View,
  source: 'recipients' | 'turning' | 'attendance' | 'notices' | 'changes',
  period: Period,
  f: Filter,
  ages: readonly { age: number; benefit: string }[] = [],
  /** The period's attendance when the caller has it already (the form's totals read the same lines). */
  attendanceLines?: readonly AttendanceLine[],
): SourceRow[] {
  switch (source) {
    case 'recipients':
      return recipients(view, period, f);
    case 'turning':
      return turning(view, period, ages);
    case 'attendance':
      return attendance(view, period, attendanceLines ?? attendanceOver(view, period.months));
    case 'notices':
      return notices(view, period, f);
    case 'changes':
      return changes(view, period, f);
  }
}
