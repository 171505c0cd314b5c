// The case's way (审核审批) on the community's side: accept, investigate,
// review, notice, objections, submit, correct a returned case, withdraw.
// Each step checks what must have happened first and refuses with a message
// saying so; a refused step changes nothing (it throws inside the transaction).
import type { Case, CaseEvent, CaseStatus, Objection } from '../office/model.js';
import type { DeepReadonly, Tx, View } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { calendarOf, settingsOf } from '../office/context.js';
import { checklist } from '../rules/materials.js';
import { addDays, isIsoDate } from '../rules/dayNumber.js';
import { fenToYuan } from '../rules/money.js';
import { problemWord } from '../rules/eligibility.js';
import { caseEligibility, householderOf, membersOf } from './household.js';
import { CLOSED_STATUSES } from './statuses.js';
import { noticeEndOf } from './deadlines.js';
import { OUTBOUND_COLUMNS, queueOutbound } from '../exchange/outbound.js';
import { t, tIn, word } from '../i18n/index.js';
import { caseOrThrow } from './lookup.js';

export const STEPS = ['accept', 'investigate', 'review', 'notice', 'objection', 'resolve', 'submit', 'withdraw'] as const;
export type Step = (typeof STEPS)[number];

/** The clerk's word for a step, in the process language. */
export function stepWord(step: Step): string {
  const words: Record<Step, string> = {
    accept: t('case.stepAccept'),
    investigate: t('case.stepInvestigate'),
    review: t('case.stepReview'),
    notice: t('case.stepNotice'),
    objection: t('case.stepObjection'),
    resolve: t('case.stepResolve'),
    submit: t('case.stepSubmit'),
    withdraw: t('case.stepWithdraw'),
  };
  return words[step];
}

/** History event of each step (the demo generator writes the same names). */
const EVENT_OF: Record<Step, string> = {
  accept: 'accepted',
  investigate: 'investigated',
  review: 'reviewed',
  notice: 'notice',
  objection: 'objection',
  resolve: 'resolved',
  submit: 'submitted',
  withdraw: 'withdrawn',
};

export const REVIEW_RESULTS = ['通过', '不通过', '未评议'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export interface StepInput {
  /** the step's own date; defaults to today */
  date?: string;
  /** investigators (investigate) or panel members (review) */
  by?: string[];
  result?: string;
  note?: string;
  /** materials received, for accept (added to what the case already has) */
  materials?: string[];
}

/** A step that may not happen now; the message says what must happen first. */
export class StepRefused extends UserFacingError {}

export function openObjections(c: DeepReadonly<Case>): DeepReadonly<Objection>[] {
  return c.notice?.objections.filter((o) => !o.resolvedOn) ?? [];
}

/** The first day the case may be submitted: the day after the notice ends. */
export function submitFrom(c: DeepReadonly<Case>): string | null {
  return c.notice ? addDays(c.notice.end, 1) : null;
}

function refuse(caseNo: string, step: Step, why: string): never {
  throw new StepRefused(t('case.refused', { caseNo, step: stepWord(step), why }));
}

/** Names as the clerk types them: 王芳,李强 or 王芳、李强 or 王芳，李强. */
export function splitNames(v: string): string[] {
  return v.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
}

function cleanNames(names: readonly string[] | undefined): string[] {
  return [...new Set((names ?? []).map((n) => n.trim()).filter(Boolean))];
}

/** What must come first, by status, for each step that needs an earlier one. */
function statusRule(c: DeepReadonly<Case>, step: Step): string | null {
  const s = c.status;
  const now = t('case.nowStatus', { status: word('status', s) });
  if (CLOSED_STATUSES.has(s)) return t('case.ruleClosed', { status: word('status', s) });
  switch (step) {
    case 'accept':
      return s === 'draft' ? null : t('case.ruleAcceptedAlready', { date: c.acceptedOn ?? '' });
    case 'investigate':
      if (s === 'draft') return t('case.ruleNotAccepted');
      return s === 'accepted' ? null : t('case.ruleInvestigatedAlready', { now });
    case 'review':
      if (s === 'draft' || s === 'accepted') return t('case.ruleInvestigateFirst');
      if (s === 'investigated' || s === 'reviewed') return null;
      return t('case.ruleReviewOver', { now });
    case 'notice':
      if (s === 'draft' || s === 'accepted') return t('case.ruleInvestigateAndReviewFirst');
      if (s === 'investigated') return t('case.ruleReviewFirst');
      if (s === 'reviewed') return c.review?.result === '不通过' ? t('case.ruleReviewFailed') : null;
      return t('case.ruleNoticedAlready', { now });
    case 'objection':
    case 'resolve':
      return s === 'noticing' ? null : step === 'objection' ? t('case.ruleObjectionOnlyInNotice', { now }) : t('case.ruleResolveOnlyInNotice', { now });
    case 'submit':
      // a correction after the last submit (whatever the sync named the return's event)
      if (s === 'returned') return c.history.some((h, i) => h.event === 'corrected' && i > lastIndex(c.history, 'submitted')) ? null : t('case.ruleCorrectBeforeResubmit');
      if (s === 'noticing') return null;
      if (s === 'submitted' || s === 'township-approved') return t('case.ruleSubmittedAlready', { now });
      return t('case.ruleNoticeFirst');
    case 'withdraw':
      return null;
  }
}

function lastIndex(history: readonly DeepReadonly<CaseEvent>[], event: string): number {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.event === event) return i;
  return -1;
}

/** The date of the latest local step, which a new step may not precede. */
function lastStepDate(c: DeepReadonly<Case>): string {
  const dates = [c.applicationDate, c.acceptedOn, c.investigation?.date, c.review?.date, c.notice?.start, c.submittedOn, c.township?.date];
  for (const o of c.notice?.objections ?? []) dates.push(o.raisedOn, o.resolvedOn);
  return dates.filter((d): d is string => !!d).sort().at(-1)!;
}

export interface StepDone {
  caseNo: string;
  step: Step;
  status: CaseStatus;
  event: string;
  date: string;
  /** ids of the outbound files queued (submit) */
  outbound: string[];
  warnings: string[];
}

/** Checks and performs one step inside `tx`; throws StepRefused (nothing changed) when it may not happen. */
export function advanceCase(tx: Tx, caseNo: string, step: Step, input: StepInput = {}): StepDone {
  const c = caseOrThrow(tx, caseNo);
  if (!(STEPS as readonly string[]).includes(step)) throw new StepRefused(t('case.unknownStep', { step, steps: STEPS.join(t('case.nameSep')) }));
  const today = tx.now.date;
  const date = input.date ?? today;
  if (!isIsoDate(date)) refuse(caseNo, step, t('case.ruleBadDate', { date }));
  if (date > today) refuse(caseNo, step, t('case.ruleFutureDate', { date, today }));
  const why = statusRule(c, step);
  if (why) refuse(caseNo, step, why);
  const earliest = lastStepDate(c);
  if (date < earliest) refuse(caseNo, step, t('case.ruleBeforeLastStep', { date, earliest }));
  if (step === 'submit') {
    // the program's own conditions (廉租房补贴: active 低保, housing): a case that fails one does not go up
    const failed = caseEligibility(tx, c).problems;
    if (failed.length) refuse(caseNo, step, t('case.ruleConditionFails', { conditions: failed.map((p) => problemWord(p)).join(t('case.warningSep')) }));
  }
  if (step === 'withdraw' && !input.note?.trim()) refuse(caseNo, step, t('case.ruleWithdrawReason'));

  const settings = settingsOf(tx);
  const note = input.note?.trim() ?? '';
  const by = tx.meta.operator;
  const warnings: string[] = [];
  const outbound: string[] = [];
  let status: CaseStatus = c.status;
  const event: CaseEvent = { at: tx.now.iso, event: EVENT_OF[step], by, source: 'local', date };

  const next = tx.update('cases', caseNo, (d) => {
    switch (step) {
      case 'accept': {
        const received = [...new Set([...d.materials, ...cleanNames(input.materials)])];
        const list = checklist(d.program, d.circumstances, received);
        if (!list.complete) refuse(caseNo, step, t('case.ruleMaterialsMissing', { missing: list.missing.join(t('case.nameSep')) }));
        d.materials = received;
        d.acceptedOn = date;
        status = 'accepted';
        break;
      }
      case 'investigate': {
        const who = cleanNames(input.by);
        if (who.length < 2) refuse(caseNo, step, t('case.ruleTwoVisitors', { count: who.length }));
        if (!note) refuse(caseNo, step, t('case.ruleFindingsNeeded'));
        d.investigation = { date, by: who, findings: note, incomeVerified: true };
        const cal = calendarOf(tx);
        const due = cal.addWorkingDays(d.acceptedOn!, settings.deadlines.investigationWorkingDays).date;
        if (date > due) warnings.push(t('case.warnLateVisit', { days: settings.deadlines.investigationWorkingDays, due }));
        status = 'investigated';
        break;
      }
      case 'review': {
        const result = input.result as ReviewResult | undefined;
        if (!result || !(REVIEW_RESULTS as readonly string[]).includes(result)) {
          refuse(caseNo, step, t('case.ruleResultNeeded', { results: REVIEW_RESULTS.join(t('case.nameSep')) }));
        }
        const panel = cleanNames(input.by);
        if (result === '未评议') {
          if (!note) refuse(caseNo, step, t('case.ruleNoReviewReason'));
        } else if (panel.length < 3) {
          refuse(caseNo, step, t('case.ruleThreePanel', { count: panel.length }));
        }
        d.review = { date, result, panel: result === '未评议' ? [] : panel, note };
        status = 'reviewed';
        break;
      }
      case 'notice': {
        const end = noticeEndOf(tx, date);
        d.notice = { start: date, end, objections: [] };
        event.note = tIn('zh', 'case.noteNoticeUntil', { end });
        status = 'noticing';
        break;
      }
      case 'objection': {
        if (!note) refuse(caseNo, step, t('case.ruleObjectionNote'));
        const n = d.notice!;
        if (date < n.start) refuse(caseNo, step, t('case.ruleObjectionBeforeNotice', { date, start: n.start }));
        n.objections.push({ id: n.objections.length + 1, raisedOn: date, note });
        break;
      }
      case 'resolve': {
        const open = d.notice!.objections.find((o) => !o.resolvedOn);
        if (!open) refuse(caseNo, step, t('case.ruleNoOpenObjection'));
        if (!note) refuse(caseNo, step, t('case.ruleResolutionNote'));
        if (date < open.raisedOn) refuse(caseNo, step, t('case.ruleResolveBeforeObjection', { date, raised: open.raisedOn }));
        open.resolvedOn = date;
        open.resolution = note;
        event.note = tIn('zh', 'case.noteResolved', { id: open.id, note });
        break;
      }
      case 'submit': {
        if (d.status === 'noticing') {
          const from = submitFrom(d)!;
          if (date < from) refuse(caseNo, step, t('case.ruleNoticeNotOver', { end: d.notice!.end, from }));
          const open = openObjections(d);
          if (open.length) refuse(caseNo, step, t('case.ruleOpenObjections', { count: open.length, notes: open.map((o) => o.note).join(t('case.warningSep')) }));
        } else event.note = tIn('zh', 'case.noteResubmitted');
        d.submittedOn = date;
        status = 'submitted';
        break;
      }
      case 'withdraw': {
        event.note = note;
        status = 'withdrawn';
        break;
      }
    }
    if (note && !event.note) event.note = note;
    d.status = status;
    d.history.push(event);
  })!;
  if (step === 'submit') outbound.push(...queueApplication(tx, next));
  return { caseNo, step, status, event: event.event, date, outbound, warnings };
}

/** The rows of the `applications` and `members` files for one case (exchange.md). */
export function applicationRows(view: View, c: DeepReadonly<Case>): { application: string[]; members: string[][] } {
  const members = membersOf(view, c.householdId);
  const hh = view.get('households', c.householdId);
  const head = householderOf(view, c.householdId);
  const e = caseEligibility(view, c);
  const objections = c.notice?.objections ?? [];
  const application = [
    c.caseNo,
    head.name,
    head.idNumber,
    c.program,
    String(members.length),
    fenToYuan(e.countedFen),
    fenToYuan(e.perCapitaFen),
    hh?.housingArea == null ? '' : String(hh.housingArea),
    c.area,
    c.applicationDate,
    c.review ? (c.review.result === '未评议' ? tIn('zh', 'case.rowNoReview', { note: c.review.note }) : c.review.result) : '',
    c.notice?.start ?? '',
    c.notice?.end ?? '',
    objections.length
      ? objections.map((o) => (o.resolvedOn ? tIn('zh', 'case.rowObjectionResolved', { note: o.note, resolution: o.resolution ?? '' }) : tIn('zh', 'case.rowObjectionOpen', { note: o.note }))).join(tIn('zh', 'case.warningSep'))
      : tIn('zh', 'case.none'),
    hh?.address ?? '',
    hh?.phone ?? '',
  ];
  const rows = members.map((m) => [
    c.caseNo,
    m.name,
    m.idNumber,
    m.relation,
    m.labourAbility,
    m.disability ?? '',
    fenToYuan(m.incomes.reduce((s, i) => s + i.amountFen, 0)),
  ]);
  return { application, members: rows };
}

/** Queues the case's `applications` and `members` files in `tx`. */
export function queueApplication(tx: Tx, c: DeepReadonly<Case>): string[] {
  const rows = applicationRows(tx, c);
  const head = householderOf(tx, c.householdId).name;
  return [
    queueOutbound(tx, 'applications', OUTBOUND_COLUMNS.applications, [rows.application], tIn('zh', 'case.outboundApplication', { caseNo: c.caseNo, name: head })),
    queueOutbound(tx, 'members', OUTBOUND_COLUMNS.members, rows.members, tIn('zh', 'case.outboundMembers', { caseNo: c.caseNo, name: head })),
  ];
}

/** What the clerk may do next with a case, for the case screen's menu. */
export function possibleSteps(c: DeepReadonly<Case>): Step[] {
  return STEPS.filter((s) => statusRule(c, s) === null && !(s === 'resolve' && openObjections(c).length === 0));
}

/**
 * Queues the case's upward files again, on the clerk's demand (exchange.md:
 * "the clerk can export again on demand"), e.g. when the township lost them.
 * Only for a case that was submitted; its status does not change.
 */
export function exportAgain(tx: Tx, caseNo: string): string[] {
  const c = caseOrThrow(tx, caseNo);
  if (!c.submittedOn) throw new StepRefused(t('case.ruleNotSubmittedYet', { caseNo }));
  const ids = queueApplication(tx, c);
  tx.update('cases', caseNo, (d) => void d.history.push({ at: tx.now.iso, event: 'exported', by: tx.meta.operator, source: 'local', date: tx.now.date, note: tIn('zh', 'case.noteExported') }));
  return ids;
}
