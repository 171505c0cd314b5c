// Dynamic management (动态管理): recording a review (the rhythm of reviews
// is in reviewsDue.ts). A review may recommend adjusting or
// stopping the benefit; that becomes a pending recommendation for the county,
// whose benefit-change file decides. The review itself never changes the
// enrolment (the upper levels own amounts and status).
import type { Category } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { householderOf } from '../case/household.js';
import { clearPending, raisePending } from '../office/pending.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { UserFacingError } from '../office/errors.js';
import { t, tIn, type Lang } from '../i18n/index.js';

export const RECOMMENDATIONS = ['keep', 'adjust', 'stop'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
const RECOMMENDATION_KEYS = { keep: 'recipients.recommend.keep', adjust: 'recipients.recommend.adjust', stop: 'recipients.recommend.stop' } as const;

/** The word for a recommendation, in the process's language (or the one given: records are Chinese). */
export function recommendationWord(r: Recommendation, l?: Lang): string {
  const key = RECOMMENDATION_KEYS[r] ?? RECOMMENDATION_KEYS.keep;
  return l ? tIn(l, key) : t(key);
}

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

export function reviewsOf(view: View, enrolmentId: string): DeepReadonly<Review>[] {
  return view
    .all('reviews')
    .filter((r) => r.enrolmentId === enrolmentId)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export interface ReviewInput {
  enrolmentId: string;
  date: string;
  findings: string;
  incomeRechecked: boolean;
  perCapitaIncomeFen?: number | null;
  recommendation: Recommendation;
}

/** What the clerk filled in on a review (the screen's form or `review add`). */
export interface ReviewForm {
  enrolmentId: string;
  date: string;
  findings: string;
  /** the clerk says the income was re-checked */
  rechecked: boolean;
  perCapitaIncomeFen: number | null;
  recommendation: string;
}

/**
 * What a review records: the income counts as re-checked when the clerk says
 * so or when a per-capita income found on the visit is given.
 */
export function reviewInputOf(form: ReviewForm): ReviewInput {
  return {
    enrolmentId: form.enrolmentId,
    date: form.date.trim(),
    findings: form.findings,
    incomeRechecked: form.rechecked || form.perCapitaIncomeFen !== null,
    perCapitaIncomeFen: form.perCapitaIncomeFen,
    recommendation: form.recommendation as Recommendation,
  };
}

/** Checks a review form; every problem named by its field. */
export function reviewProblems(view: View, input: ReviewInput, today: string): string[] {
  const problems: string[] = [];
  const e = view.get('enrolments', input.enrolmentId);
  if (!e) problems.push(t('recipients.problem.noEnrolment', { enrolmentId: input.enrolmentId }));
  else if (e.status === 'terminated') problems.push(t('recipients.problem.reviewEnded'));
  if (!isIsoDate(input.date)) problems.push(t('recipients.problem.reviewDate', { date: input.date }));
  else if (input.date > today) problems.push(t('recipients.problem.reviewDateAhead', { date: input.date, today }));
  if (!input.findings.trim()) problems.push(t('recipients.problem.findings'));
  if (!(RECOMMENDATIONS as readonly string[]).includes(input.recommendation)) problems.push(t('recipients.problem.recommendation', { words: RECOMMENDATIONS.map((r) => recommendationWord(r)).join(' / ') }));
  if (input.perCapitaIncomeFen != null && (!Number.isInteger(input.perCapitaIncomeFen) || input.perCapitaIncomeFen < 0)) {
    problems.push(t('recipients.problem.income'));
  }
  return problems;
}

/**
 * Records a review in the caller's transaction. Adjust / stop raise a pending
 * recommendation (待处理) naming the findings; keep clears an earlier one.
 */
export function addReview(tx: Tx, input: ReviewInput): Review {
  const problems = reviewProblems(tx, input, tx.now.date);
  if (problems.length) throw new ReviewError(t('recipients.review.notSaved', { problems: problems.join(t('recipients.separator')) }));
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
      // A record for the county: always in Chinese, whatever the clerk's language.
      reason: tIn('zh', 'recipients.review.pendingReason', { date: input.date, recommendation: recommendationWord(input.recommendation, 'zh'), program: e.program, findings: review.findings }),
      source: 'local',
    });
  }
  return review;
}

/** The journal's summary of a review (a record: always Chinese). */
export function reviewSummary(enrolmentId: string, recommendation: string): string {
  const r = (RECOMMENDATIONS as readonly string[]).includes(recommendation) ? recommendationWord(recommendation as Recommendation, 'zh') : recommendation;
  return tIn('zh', 'recipients.review.summary', { enrolmentId, recommendation: r });
}

/** What the clerk is told once a review is saved: adjust and stop wait for the county. */
export function reviewSaved(r: Pick<Review, 'date' | 'recommendation'>): string {
  const args = { date: r.date, recommendation: recommendationWord(r.recommendation) };
  return r.recommendation === 'keep' ? t('recipients.review.saved', args) : t('recipients.review.savedPending', args);
}
