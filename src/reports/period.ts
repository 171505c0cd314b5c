// Report periods: a month `2026-11`, a quarter `2026-Q4` or a year `2026`,
// as the clerk writes them and as a template's period kind expects.
import { addMonths, monthEnd } from '../rules/dayNumber.js';
import { t, tIn } from '../i18n/index.js';
import { isMonth } from '../rules/month.js';

export type PeriodKind = 'monthly' | 'quarterly' | 'yearly';

export interface Period {
  kind: PeriodKind;
  /** `2026-11`, `2026-Q4`, `2026` */
  id: string;
  /** Months of the period, in order (`YYYY-MM`). */
  months: string[];
  first: string;
  last: string;
  /** First and last day (`YYYY-MM-DD`). */
  start: string;
  end: string;
}

/** The kind of form a period kind makes (月报, 季报, 年报), in the process's language. */
function kindWord(kind: PeriodKind): string {
  return kind === 'monthly' ? t('reports.monthlyForm') : kind === 'quarterly' ? t('reports.quarterlyForm') : t('reports.yearlyForm');
}
const EXAMPLE: Record<PeriodKind, string> = { monthly: '2026-11', quarterly: '2026-Q4', yearly: '2026' };

function build(kind: PeriodKind, id: string, first: string, count: number): Period {
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i));
  const last = months[months.length - 1]!;
  return { kind, id, months, first, last, start: `${first}-01`, end: monthEnd(last) };
}

/** What kind a written period is, or null when it is none of the three forms. */
export function periodKindOf(text: string): PeriodKind | null {
  const s = text.trim();
  if (isMonth(s)) return 'monthly';
  if (/^\d{4}-Q[1-4]$/i.test(s)) return 'quarterly';
  if (/^\d{4}$/.test(s)) return 'yearly';
  return null;
}

export class PeriodError extends Error {}

/** Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`; `expected` refuses a period of another kind. */
export function parsePeriod(text: string, expected?: PeriodKind): Period {
  const s = text.trim().toUpperCase();
  const kind = periodKindOf(s);
  if (!kind) throw new PeriodError(t('reports.badPeriod', { text }));
  if (expected && kind !== expected) {
    throw new PeriodError(t('reports.wrongPeriodKind', { kind: kindWord(expected), example: EXAMPLE[expected], text }));
  }
  return periodOf(kind, s);
}

function periodOf(kind: PeriodKind, s: string): Period {
  if (kind === 'monthly') return build(kind, s, s, 1);
  if (kind === 'quarterly') {
    const q = Number(s.slice(6));
    return build(kind, s, `${s.slice(0, 4)}-${String(q * 3 - 2).padStart(2, '0')}`, 3);
  }
  return build(kind, s, `${s}-01`, 12);
}

/** The period of `kind` that contains the day or month `date`. */
export function periodContaining(kind: PeriodKind, date: string): Period {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (kind === 'monthly') return periodOf(kind, date.slice(0, 7));
  if (kind === 'quarterly') return periodOf(kind, `${y}-Q${Math.ceil(m / 3)}`);
  return periodOf(kind, y);
}

/** The period `n` periods after `p` (n may be negative). */
export function shiftPeriod(p: Period, n: number): Period {
  return periodContaining(p.kind, `${addMonths(p.first, n * p.months.length)}-01`);
}

/** How a period reads on a form: 2026年11月, 2026年第四季度, 2026年度. */
export function periodLabel(p: Period): string {
  const y = p.id.slice(0, 4);
  // The label is printed on the county's form: Chinese whatever the clerk's language.
  if (p.kind === 'monthly') return tIn('zh', 'reports.labelMonth', { year: y, month: Number(p.id.slice(5, 7)) });
  if (p.kind === 'quarterly') {
    const q = Number(p.id.slice(6));
    const n = q === 1 ? tIn('zh', 'reports.quarter1') : q === 2 ? tIn('zh', 'reports.quarter2') : q === 3 ? tIn('zh', 'reports.quarter3') : tIn('zh', 'reports.quarter4');
    return tIn('zh', 'reports.labelQuarter', { year: y, quarter: n });
  }
  return tIn('zh', 'reports.labelYear', { year: y });
}

/** A period as the clerk wrote it, as fills are kept under: trimmed, upper case (2026-q4 → 2026-Q4). */
export function periodKey(text: string): string {
  return text.trim().toUpperCase();
}
