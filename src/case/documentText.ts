// The facts of a case's document as lines of text in the process language:
// `case add`, `case show` and the case screen print the same lines, so none
// of them can miss a fact another shows.
import { verdictWord, type Verdict } from '../rules/eligibility.js';
import { fenToYuan } from '../rules/money.js';
import { t, word } from '../i18n/index.js';
import type { CaseDocument } from './document.js';
import { countyApproved, townshipAgreed } from './refusal.js';
import { minuteStamp } from '../office/time.js';

export interface TextLine {
  text: string;
  tone?: 'good' | 'warn' | 'bad';
}

const yuan = (fen: number) => t('case.docYuan', { amount: fenToYuan(fen) });

/** The one eligibility result: standard, per-capita and counted income, verdict, estimate, excluded incomes with reasons, failed conditions. */
export function eligibilityLines(e: CaseDocument['eligibility']): TextLine[] {
  const verdict = verdictWord(e.verdict as Verdict);
  const lines: TextLine[] = [
    {
      text: t('case.docEligibility', {
        standard: e.standardFen == null ? t('case.docNoStandard') : yuan(e.standardFen),
        perCapita: yuan(e.perCapitaFen),
        counted: yuan(e.countedIncomeFen),
        verdict,
      }),
      tone: e.verdict === 'eligible' ? 'good' : e.verdict === 'not-eligible' ? 'bad' : 'warn',
    },
  ];
  if (e.verdict === 'eligible' && e.estimatedMonthlyFen > 0) lines.push({ text: t('case.docEstimate', { amount: yuan(e.estimatedMonthlyFen) }) });
  for (const x of e.excluded) lines.push({ text: t('case.docExcluded', { member: x.member, kind: x.kind, amount: yuan(x.amountFen), reason: x.reason }), tone: 'warn' });
  for (const p of e.problems) lines.push({ text: t('case.docConditionFails', { problem: p }), tone: 'bad' });
  return lines;
}

/** The county's verification findings (车辆, 工商登记, 存款 …), each with what was found. */
export function verificationLines(vs: CaseDocument['verifications']): TextLine[] {
  return vs.map((v) => ({
    text: t('case.docVerification', {
      date: v.date,
      item: v.item,
      found: v.found ? t('case.docFound') : t('case.docNotFound'),
      amount: v.amountFen != null ? ` ${yuan(v.amountFen)}` : '',
      note: v.note ? `  ${v.note}` : '',
    }),
    ...(v.found ? { tone: 'warn' as const } : {}),
  }));
}

/** Whether the applicant confirmed the interview record. */
export function interviewLine(doc: Pick<CaseDocument, 'interviewConfirmed'>): TextLine {
  return doc.interviewConfirmed ? { text: t('case.docInterviewConfirmed') } : { text: t('case.docInterviewNotConfirmed'), tone: 'warn' };
}

/** One event of a case's history: local time, the event's word, who, whether it came in a file, the note, and 已过时 when a later decision outranks it. */
export function historyLine(h: { at: string; event: string; by: string; source: string; note?: string; stale?: boolean }): TextLine {
  const from = h.source === 'local' ? '' : t('case.fromFile');
  const stale = h.stale ? t('case.historyStale') : '';
  return { text: `${minuteStamp(h.at)} ${word('event', h.event as never)} ${h.by}${from}${h.note ? ` ${h.note}` : ''}${stale}` };
}

/** The township's result: agreed is good news, a return is work for the office. */
export function townshipLine(x: CaseDocument['township']): TextLine | null {
  if (!x) return null;
  return { text: t('case.docTownship', { result: x.result, date: x.date, note: x.note }), tone: townshipAgreed({ township: x }) ? 'good' : 'warn' };
}

/** The county's decision with what it approved (persons, amount, class, first month) and its 原因 (a refusal's reason, or whom it covers). */
export function decisionLine(d: CaseDocument['decision']): TextLine | null {
  if (!d) return null;
  const approved = countyApproved({ decision: d });
  const detail = approved
    ? t('case.docApprovedDetail', { persons: d.persons ?? '', amount: d.monthlyAmountFen == null ? '' : fenToYuan(d.monthlyAmountFen), category: d.category ?? '', month: d.startMonth ?? '' })
    : '';
  const reason = d.reason ? `${detail ? ' ' : ''}${d.reason}` : '';
  return { text: t('case.docDecision', { result: d.result, date: d.date, detail: detail + reason }), tone: approved ? 'good' : 'bad' };
}

/** The refusal notice: owed by its last day (red once overdue), or delivered on a day; null when there is none. */
export function refusalNoticeLine(caseNo: string, r: CaseDocument['refusalNotice']): TextLine | null {
  if (!r) return null;
  if (r.delivered) return { text: t('case.docRefusalDelivered', { date: r.delivered.date, by: r.delivered.by, note: r.delivered.note }).trimEnd(), tone: 'good' };
  if (!r.due) return null;
  return { text: t('case.refusalNoticeDue', { date: r.due, caseNo }) + (r.overdue ? t('case.overdueMark') : ''), tone: r.overdue ? 'bad' : 'warn' };
}
