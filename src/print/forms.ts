// The printable forms (A4 HTML from templates/print): the public notice
// (公示名单, masked), the intake receipt (受理回执), the application form
// (申请审批表, the internal file) and the refusal notice (不予批准通知书).
import type { Case } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { settingsOf } from '../office/context.js';
import { caseEligibility, householderOf, membersOf } from '../case/household.js';
import { deadlineOf } from '../case/deadlines.js';
import { checklist } from '../rules/materials.js';
import { countyApproved, refusalOf } from '../case/refusal.js';
import { excludedReason, problemWord, verdictWord } from '../rules/eligibility.js';
import { fenToYuan } from '../rules/money.js';
import { sex } from '../rules/idNumber.js';
import { maskIds, maskName } from '../office/privacy.js';
import { t, tIn } from '../i18n/index.js';
import { loadPrintTemplate, renderTemplate, type TemplateData } from './template.js';

/** Printables are Chinese documents (to the applicant, for the file): their captions are Chinese whatever the clerk's language. */
const SEP = '\u3001';

export const FORMS = ['receipt', 'application', 'refusal'] as const;
export type Form = (typeof FORMS)[number];

/** The name of a printable form, in the process language. */
export function formWord(form: Form | 'notice'): string {
  const words: Record<Form | 'notice', string> = {
    receipt: t('print.formReceipt'),
    application: t('print.formApplication'),
    refusal: t('print.formRefusal'),
    notice: t('print.formNotice'),
  };
  return words[form];
}

function render(name: string, data: TemplateData, env?: NodeJS.ProcessEnv): string {
  return renderTemplate(loadPrintTemplate(name, env), { ...data, css: loadPrintTemplate('print', env, 'css') });
}

/**
 * One row of the public notice: the name masked (张*明), household size,
 * program and the proposed amount — never an ID number, income, illness or
 * disability. Only these fields leave this function.
 */
export function noticeRow(view: View, c: DeepReadonly<Case>) {
  const e = caseEligibility(view, c);
  return {
    caseNo: c.caseNo,
    name: maskName(householderOf(view, c.householdId).name),
    persons: e.persons,
    program: c.program,
    amount: e.verdict === 'eligible' && e.estimatedMonthlyFen > 0 ? fenToYuan(e.estimatedMonthlyFen) : tIn('zh', 'print.amountByCounty'),
    start: c.notice?.start ?? '',
    end: c.notice?.end ?? '',
  };
}

/** The public notice of every case now in its notice period. */
export function noticeHtml(view: View, today: string, env?: NodeJS.ProcessEnv): { html: string; count: number } {
  const s = settingsOf(view);
  const rows = view
    .all('cases')
    .filter((c) => c.status === 'noticing' && c.notice && c.notice.start <= today && today <= c.notice.end)
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    .map((c, i) => ({ no: i + 1, ...noticeRow(view, c) }));
  return { html: render('notice', { officeName: s.office.name, printedOn: today, phone: (s.office.phone as string | undefined) ?? '', rows }, env), count: rows.length };
}

export class PrintRefused extends UserFacingError {}

export function caseFormHtml(view: View, c: DeepReadonly<Case>, form: Form, today: string, operator: string, env?: NodeJS.ProcessEnv): string {
  const s = settingsOf(view);
  const head = householderOf(view, c.householdId);
  const hh = view.get('households', c.householdId);
  const base = { officeName: s.office.name, phone: (s.office.phone as string | undefined) ?? '', printedOn: today, caseNo: c.caseNo, program: c.program, applicationDate: c.applicationDate };
  if (form === 'receipt') {
    const list = checklist(c.program, c.circumstances, c.materials);
    return render('receipt', {
      ...base,
      name: head.name,
      accepted: !!c.acceptedOn,
      acceptedOn: c.acceptedOn ?? '',
      deadline: deadlineOf(c, view, today)?.date ?? '',
      received: [...c.materials],
      missing: list.missing,
      hasMissing: list.missing.length > 0,
      clerk: operator,
    }, env);
  }
  if (form === 'refusal') {
    const r = refusalOf(c);
    const refusal = r ? { by: r.by === 'county' ? tIn('zh', 'print.byCounty') : tIn('zh', 'print.byTownship'), date: r.date, reason: r.reason } : null;
    if (!refusal) throw new PrintRefused(t('print.noRefusal', { caseNo: c.caseNo }));
    // The notice goes to the applicant; a number in the county's reason is theirs, but an ID number never goes on paper in full.
    return render('refusal', { ...base, name: head.name, ...refusal, reason: maskIds(refusal.reason) || tIn('zh', 'print.noReason') }, env);
  }
  const members = membersOf(view, c.householdId);
  const e = caseEligibility(view, c);
  const objections = c.notice?.objections ?? [];
  return render('application', {
    ...base,
    area: c.area,
    head,
    householdPhone: hh?.phone ?? '',
    address: hh?.address ?? '',
    housingArea: hh?.housingArea == null ? '' : tIn('zh', 'print.squareMetres', { area: hh.housingArea }),
    circumstances: c.circumstances.join(SEP) || tIn('zh', 'print.none'),
    members: members.map((m) => ({
      name: m.name,
      relation: m.relation,
      idNumber: m.idNumber,
      sex: sex(m.idNumber),
      labourAbility: m.labourAbility,
      disability: m.disability ?? tIn('zh', 'print.none'),
      income: fenToYuan(m.incomes.reduce((a, i) => a + i.amountFen, 0)),
    })),
    incomes: e.lines.map((l) => ({ member: l.member, kind: l.kind, amount: fenToYuan(l.amountFen), counted: l.counted ? tIn('zh', 'print.counted') : tIn('zh', 'print.notCounted', { reason: excludedReason(l.kind, 'zh') }) })),
    countedTotal: fenToYuan(e.countedFen),
    perCapita: fenToYuan(e.perCapitaFen),
    standard: e.standard ? tIn('zh', 'print.yuan', { amount: fenToYuan(e.standard.monthlyFen) }) : tIn('zh', 'print.noStandard'),
    verdict: verdictWord(e.verdict, 'zh'),
    estimate: e.verdict === 'eligible' && e.estimatedMonthlyFen > 0 ? tIn('zh', 'print.estimate', { amount: fenToYuan(e.estimatedMonthlyFen) }) : '',
    problems: e.problems.map((p) => problemWord(p, 'zh')),
    interview: c.interview,
    interviewConfirmed: c.interviewConfirmed ? tIn('zh', 'print.interviewConfirmed') : tIn('zh', 'print.interviewNotConfirmed'),
    verifications: c.verifications.map((v) => ({
      date: v.date,
      item: v.item,
      found: v.found ? tIn('zh', 'print.found') : tIn('zh', 'print.notFound'),
      amount: v.amountFen != null ? tIn('zh', 'print.yuan', { amount: fenToYuan(v.amountFen) }) : '',
      note: v.note ?? '',
    })),
    materials: c.materials.join(SEP),
    investigation: c.investigation ? { ...c.investigation, byText: c.investigation.by.join(SEP) } : null,
    review: c.review ? { ...c.review, panelText: c.review.panel.join(SEP) || '—' } : null,
    notice: c.notice ? { ...c.notice, objectionsText: objections.length
            ? objections
                .map((o) => (o.resolvedOn ? tIn('zh', 'print.objectionResolved', { note: o.note, date: o.resolvedOn, resolution: o.resolution ?? '' }) : tIn('zh', 'print.objectionOpen', { note: o.note })))
                .join('\u3000')
            : tIn('zh', 'print.noObjection'),
        } : null,
    submittedOn: c.submittedOn ?? '',
    township: c.township,
    decision: c.decision
      ? {
          result: c.decision.result,
          date: c.decision.date,
          detail: countyApproved(c)
            ? tIn('zh', 'print.approvedDetail', { persons: c.decision.persons ?? '', amount: c.decision.monthlyAmountFen == null ? '' : fenToYuan(c.decision.monthlyAmountFen), month: c.decision.startMonth ?? '' })
            : (c.decision.reason ?? ''),
        }
      : null,
  }, env);
}

/** Where the app saves a printable for the clerk to open in the browser: `<data>/prints/<case>-<form>.html`. */
export async function savePrintable(dataDir: string, name: string, html: string): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const dir = join(dataDir, 'prints');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${name}.html`);
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  return file;
}
