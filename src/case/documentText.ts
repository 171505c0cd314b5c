// The facts of a case's document as lines of text in the process language:
// `case add`, `case show` and the case screen print the same lines, so none
// of them can miss a fact another shows.
import { verdictWord, type Verdict } from '../rules/eligibility.js';
import { fenToYuan } from '../rules/money.js';
import { t } from '../i18n/index.js';
import type { CaseDocument } from './document.js';

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

/** The refusal notice: owed by its last day (red once overdue), or delivered on a day; null when there is none. */
export function refusalNoticeLine(caseNo: string, r: CaseDocument['refusalNotice']): TextLine | null {
  if (!r) return null;
  if (r.delivered) return { text: t('case.docRefusalDelivered', { date: r.delivered.date, by: r.delivered.by, note: r.delivered.note }).trimEnd(), tone: 'good' };
  if (!r.due) return null;
  return { text: t('case.refusalNoticeDue', { date: r.due, caseNo }) + (r.overdue ? t('case.overdueMark') : ''), tone: r.overdue ? 'bad' : 'warn' };
}
