// Dynamic management (动态管理): the review rhythm of each recipient by
// category, and recording a review. A review may recommend adjusting or
// stopping the benefit; that becomes a pending recommendation for the county,
// whose benefit-change file decides. The review itself never changes the
// enrolment (the upper levels own amounts and status).
import type { Category, Enrolment } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import type { Settings } from '../office/settings.js';
import { settingsOf } from '../office/context.js';
import { householderOf } from '../case/household.js';
import { clearPending, raisePending } from '../office/pending.js';
import { addMonthsToDate, dayNo, isIsoDate, monthEnd } from '../rules/dayNumber.js';
import { UserFacingError } from '../office/errors.js';

export const RECOMMENDATIONS = ['keep', 'adjust', 'stop'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_WORDS: Record<Recommendation, string> = { keep: '维持', adjust: '建议调整', stop: '建议停发' };

export interface Review {
  /** `<enrolment id>@<date>`, with `#n` when a second review falls on the same day. */
  id: string;
  enrolmentId: string;
  householdId: string;
  program: string;
  date: string;
  findings: string;
  incomeRechecked: boolean;
  /** Per-capita monthly income found, when re-checked. */
  perCapitaIncomeFen: number | null;
  recommendation: Recommendation;
  by: string;
  at: string;
}

export class ReviewError extends UserFacingError {}

/** Months between reviews for a category; an enrolment without one is reviewed like B (decision). */
export function reviewMonthsOf(settings: Pick<Settings, 'reviewMonths'>, category: Category | null): number {
  return settings.reviewMonths[category ?? 'B'];
}

export function reviewsOf(view: View, enrolmentId: string): DeepReadonly<Review>[] {
  return view
    .all('reviews')
    .filter((r) => r.enrolmentId === enrolmentId)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export interface ReviewDue {
  enrolmentId: string;
  householdId: string;
  householderName: string;
  program: string;
  category: Category | null;
  lastReview: string | null;
  due: string;
  /** calendar days from today to the due date; negative when overdue */
  daysLeft: number;
  overdue: boolean;
}

/**
 * When the next review of an active enrolment falls due: the last review (or
 * the first day of its start month) plus the category's months.
 */
export function nextReview(e: DeepReadonly<Enrolment>, last: string | null, months: number): string {
  return addMonthsToDate(last ?? `${e.since.slice(0, 7)}-01`, months);
}

/** Active enrolments whose review is due by the end of this month, most overdue first. */
export function reviewsDue(view: View, today: string): ReviewDue[] {
  const s = settingsOf(view);
  const lastBy = new Map<string, string>();
  for (const r of view.all('reviews')) {
    const cur = lastBy.get(r.enrolmentId);
    if (!cur || r.date > cur) lastBy.set(r.enrolmentId, r.date);
  }
  const horizon = monthEnd(today.slice(0, 7));
  const out: ReviewDue[] = [];
  for (const e of view.all('enrolments')) {
    if (e.status !== 'active') continue;
    const last = lastBy.get(e.id) ?? null;
    const due = nextReview(e, last, reviewMonthsOf(s, e.category));
    if (due > horizon) continue;
    const daysLeft = dayNo(due) - dayNo(today);
    out.push({
      enrolmentId: e.id,
      householdId: e.householdId,
      householderName: householderOf(view, e.householdId).name,
      program: e.program,
      category: e.category,
      lastReview: last,
      due,
      daysLeft,
      overdue: daysLeft < 0,
    });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.enrolmentId.localeCompare(b.enrolmentId));
}

export interface ReviewInput {
  enrolmentId: string;
  date: string;
  findings: string;
  incomeRechecked: boolean;
  perCapitaIncomeFen?: number | null;
  recommendation: Recommendation;
}

/** Checks a review form; every problem named by its field. */
export function reviewProblems(view: View, input: ReviewInput, today: string): string[] {
  const problems: string[] = [];
  const e = view.get('enrolments', input.enrolmentId);
  if (!e) problems.push(`保障对象：没有编号为「${input.enrolmentId}」的在保记录`);
  else if (e.status === 'terminated') problems.push('保障对象：该户已退出保障，不需要复核');
  if (!isIsoDate(input.date)) problems.push(`复核日期：「${input.date}」不是日期，请写成 2026-11-23`);
  else if (input.date > today) problems.push(`复核日期：${input.date} 在今天（${today}）之后`);
  if (!input.findings.trim()) problems.push('复核情况：请写明入户看到的情况');
  if (!(RECOMMENDATIONS as readonly string[]).includes(input.recommendation)) problems.push('复核意见：应为 维持 / 建议调整 / 建议停发');
  if (input.perCapitaIncomeFen != null && (!Number.isInteger(input.perCapitaIncomeFen) || input.perCapitaIncomeFen < 0)) {
    problems.push('人均月收入：应为不小于 0 的金额');
  }
  return problems;
}

/**
 * Records a review in the caller's transaction. Adjust / stop raise a pending
 * recommendation (待处理) naming the findings; keep clears an earlier one.
 */
export function addReview(tx: Tx, input: ReviewInput): Review {
  const problems = reviewProblems(tx, input, tx.now.date);
  if (problems.length) throw new ReviewError(`复核没有保存：${problems.join('；')}`);
  const e = tx.get('enrolments', input.enrolmentId)!;
  let id = `${e.id}@${input.date}`;
  for (let n = 2; tx.get('reviews', id); n++) id = `${e.id}@${input.date}#${n}`;
  const review: Review = {
    id,
    enrolmentId: e.id,
    householdId: e.householdId,
    program: e.program,
    date: input.date,
    findings: input.findings.trim(),
    incomeRechecked: input.incomeRechecked,
    perCapitaIncomeFen: input.perCapitaIncomeFen ?? null,
    recommendation: input.recommendation,
    by: tx.meta.operator,
    at: tx.now.iso,
  };
  tx.put('reviews', id, review);
  const pendingId = `review-recommendation:${e.id}`;
  if (input.recommendation === 'keep') {
    clearPending(tx, pendingId);
  } else {
    const h = householderOf(tx, e.householdId);
    raisePending(tx, {
      id: pendingId,
      kind: 'review-recommendation',
      caseNo: e.caseNo,
      householderId: h.idNumber,
      householderName: h.name,
      reason: `${input.date} 复核${RECOMMENDATION_WORDS[input.recommendation]}（${e.program}）：${review.findings}`,
      source: 'local',
    });
  }
  return review;
}
