// When each form is due, whether this period's is done, and what is overdue:
// what `report list` and the dashboard show.
import type { View } from '../store/office.js';
import type { WorkingCalendar } from '../rules/workingDays.js';
import { calendarOf } from '../office/context.js';
import { addDays } from '../rules/dayNumber.js';
import type { DueRule, Template } from './template.js';
import { periodContaining, shiftPeriod, type Period } from './period.js';
import { addMonths, monthEnd } from '../rules/dayNumber.js';
import { latestFills } from './kept.js';
import { t } from '../i18n/index.js';
import { compareText } from '../rules/order.js';

export interface DueDate {
  date: string;
  /** false when the working-day calendar lacks a year it needed (weekends only were counted). */
  covered: boolean;
}

/** The due date of a period under a rule. */
export function dueDateOf(rule: DueRule, period: Period, cal: WorkingCalendar): DueDate {
  if (rule.type === 'workingDays') {
    const r = cal.addWorkingDays(period.end, rule.days);
    return { date: r.date, covered: r.covered };
  }
  const month = rule.month === 'same' ? period.last : addMonths(period.last, 1);
  const date = rule.day === 'last' ? monthEnd(month) : `${month}-${String(rule.day).padStart(2, '0')}`;
  return { date, covered: true };
}

/** From when a period's form can be filled: its first day for same-month rules, else the day after it ends. */
export function opensOn(rule: DueRule, period: Period): string {
  return rule.type === 'dayOfMonth' && rule.month === 'same' ? `${period.last}-01` : addDays(period.end, 1);
}

export function dueRuleText(rule: DueRule | null, kind: Period['kind']): string {
  if (!rule) return t('reports.irregular');
  if (rule.type === 'workingDays') {
    const days = rule.days;
    return kind === 'monthly' ? t('reports.ruleWorkingDaysMonth', { days }) : kind === 'quarterly' ? t('reports.ruleWorkingDaysQuarter', { days }) : t('reports.ruleWorkingDaysYear', { days });
  }
  const day = rule.day === 'last' ? t('reports.ruleMonthEnd') : t('reports.ruleDay', { day: rule.day });
  if (rule.month === 'same') return kind === 'monthly' ? t('reports.ruleSameMonth', { day }) : kind === 'quarterly' ? t('reports.ruleSameQuarter', { day }) : t('reports.ruleSameYear', { day });
  return kind === 'monthly' ? t('reports.ruleNextMonth', { day }) : kind === 'quarterly' ? t('reports.ruleNextQuarter', { day }) : t('reports.ruleNextYear', { day });
}

export interface DueRow {
  templateId: string;
  title: string;
  rule: string;
  /** The period in question: the oldest open one not yet filled, else the next one. */
  period: string | null;
  due: string | null;
  done: boolean;
  overdue: boolean;
  /** Periods whose due date has passed without a filled report, oldest first. */
  overduePeriods: string[];
  lastFilled: { period: string; at: string } | null;
  covered: boolean;
}

/** How far back unfilled periods count as overdue (an office that starts today is not blamed for last year). */
const LOOKBACK_DAYS = 366;

/**
 * Each form's due state on `today`. A period is done once a filled report of
 * it is kept. Periods count from the form's first fill in jiuzhu (before it,
 * only the latest open period) and at most a year back. Pass
 * `officeTemplates(office.dir)` to include the office's own templates, or the
 * built-in ones (`loadTemplates([builtinTemplatesDir()])`); the caller reads
 * them, so that this module loads no zod (start-up of `status`).
 */
export function reportsDue(view: View, today: string, templates: readonly Template[]): DueRow[] {
  const cal = calendarOf(view);
  const filled = latestFills(view);
  const since = addDays(today, -LOOKBACK_DAYS);
  return templates.map((form) => {
    const fills = [...filled.values()].filter((f) => f.templateId === form.id);
    const last = fills.sort((a, b) => compareText(b.at, a.at))[0];
    const lastFilled = last ? { period: last.period, at: last.at } : null;
    const base = { templateId: form.id, title: form.title, rule: dueRuleText(form.due, form.period), lastFilled };
    if (!form.due) return { ...base, period: null, due: null, done: false, overdue: false, overduePeriods: [], covered: true };
    const rule = form.due;
    // Before a form's first fill here it was kept on paper: only the latest
    // open period is expected. From its first fill on, every period is.
    const firstKept = fills.map((f) => f.period).sort()[0];
    // Open periods, newest first, back to the look-back limit (never filled: the latest alone).
    const open: { p: Period; due: DueDate }[] = [];
    let p = periodContaining(form.period, today);
    while (opensOn(rule, p) > today) p = shiftPeriod(p, -1);
    for (; ; p = shiftPeriod(p, -1)) {
      const due = dueDateOf(rule, p, cal);
      if (due.date < since) break;
      open.push({ p, due });
      if (firstKept === undefined) break;
    }
    if (firstKept !== undefined) for (let i = open.length - 1; i > 0; i--) if (open[i]!.p.id < firstKept) open.splice(i, 1);
    const isDone = (x: Period) => filled.has(`${form.id}:${x.id}`);
    const overdue = open.filter((x) => x.due.date < today && !isDone(x.p)).reverse();
    const pendingOpen = open.filter((x) => !isDone(x.p)).reverse();
    let focus = pendingOpen[0];
    let done = false;
    if (!focus) {
      // Everything open is filled: the next period's due date.
      let next = shiftPeriod(open[0]?.p ?? periodContaining(form.period, today), 1);
      while (isDone(next)) next = shiftPeriod(next, 1);
      focus = { p: next, due: dueDateOf(rule, next, cal) };
      done = open.length > 0;
    }
    return {
      ...base,
      period: focus.p.id,
      due: focus.due.date,
      done,
      overdue: overdue.length > 0,
      overduePeriods: overdue.map((x) => x.p.id),
      covered: focus.due.covered,
    };
  });
}

/** One row in words, for `report list` and the dashboard: 已超期：2026-10（2026-10 应于 2026-11-05 前报送）. */
export function dueStateText(x: DueRow): string {
  const state =
    x.due === null ? ''
      : x.overdue ? t('reports.stateOverdue', { periods: x.overduePeriods.join(t('reports.sep')), period: x.period ?? '', due: x.due })
        : x.done ? t('reports.stateDone', { period: x.period ?? '', due: x.due })
          : t('reports.stateDue', { period: x.period ?? '', due: x.due });
  return `${state}${x.covered ? '' : t('reports.stateNoCalendar')}`;
}

/** One row in a few words, for the app's list of forms: 已超期 2026-10 · 2026-11 限 2026-11-30. */
export function dueShortText(x: DueRow): string {
  if (x.due === null) return t('reports.irregular');
  if (x.overdue) return t('reports.overdueShort', { periods: x.overduePeriods.join(t('reports.sep')) });
  return x.done ? t('reports.doneShort', { due: x.due }) : t('reports.dueShort', { period: x.period ?? '', due: x.due });
}
