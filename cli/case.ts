// `jiuzhu case …`: intake without the app, and reading cases.
import type { Command } from 'commander';
import { caseDocument } from '../src/case/document.js';
import { decisionLine, eligibilityLines, historyLine, interviewLine, refusalNoticeLine, townshipLine, verificationLines } from '../src/case/documentText.js';
import { caseList, type CaseFilter } from '../src/case/list.js';
import { CASE_STATUSES, PROGRAMS } from '../src/office/model.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, readIntakeFile, say, table, UsageError } from './common.js';
import { t, word } from '../src/i18n/index.js';
import { nextActions } from '../src/case/next.js';
import { caseOrThrow } from '../src/case/lookup.js';
import { stepWord } from '../src/case/steps.js';
import { statusFromWord } from '../src/case/statuses.js';

export function registerCase(program: Command): void {
  const c = program.command('case').description(t('case.helpCase'));

  c.command('add')
    .description(t('case.helpAdd'))
    .requiredOption('--from <file>', t('case.helpAddFrom'))
    .action(async (opts: { from: string }, cmd: Command) => {
      const g = globals(cmd);
      const raw = await readIntakeFile(opts.from);
      // zod and pinyin-pro load only here, so reading commands start faster.
      const { addCase, checkIntake, IntakeError } = await import('../src/case/intake.js');
      const office = await openOffice(g);
      const checked = checkIntake(raw, office.now().date);
      if (!checked.ok) throw new IntakeError(checked.problems);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.add', summary: t('case.addSummary', { file: opts.from }) },
        (tx) => addCase(tx, checked.value),
      );
      // the case number alone on stdout (scripts read it); the eligibility result for the clerk on stderr
      const eligibility = caseDocument(office.view, caseOrThrow(office.view, result.caseNo), office.now().date).eligibility;
      if (g.json) printJson({ ...result, eligibility });
      else {
        out(result.caseNo);
        for (const l of eligibilityLines(eligibility)) say(l.text);
        for (const w of result.warnings) say(w);
      }
    });

  c.command('list')
    .description(t('case.helpList'))
    .option('--status <status>', t('case.helpListStatus', { values: CASE_STATUSES.join(' | ') }))
    .option('--program <program>', t('case.helpListProgram', { values: PROGRAMS.join(' | ') }))
    .option('--due <which>', t('case.helpListDue'))
    .option('--find <text>', t('case.helpListFind'))
    .action(async (opts: { status?: string; program?: string; due?: string; find?: string }, cmd: Command) => {
      const g = globals(cmd);
      const status = opts.status === undefined ? undefined : statusFromWord(opts.status);
      if (opts.status !== undefined && !status) {
        throw new UsageError(t('case.badOption', { option: '--status', value: opts.status, values: CASE_STATUSES.map((s) => `${s}/${word("status", s)}`).join(t('case.nameSep')) }));
      }
      if (opts.program && !(PROGRAMS as readonly string[]).includes(opts.program)) {
        throw new UsageError(t('case.badOption', { option: '--program', value: opts.program, values: PROGRAMS.join(t('case.nameSep')) }));
      }
      if (opts.due && !['overdue', 'near', 'due'].includes(opts.due)) {
        throw new UsageError(t('case.badOption', { option: '--due', value: opts.due, values: ['overdue', 'near', 'due'].join(t('case.nameSep')) }));
      }
      const office = await openForReading(g);
      const rows = caseList(office.view, office.now().date, { ...opts, ...(status ? { status } : {}) } as CaseFilter);
      if (g.json) {
        printJson(rows);
        return;
      }
      if (!rows.length) {
        say(t('case.listNoneCli'));
        return;
      }
      const lines = await table(rows.map((r) => {
        const left = r.overdue ? t('case.overdueWorkingDays', { days: -(r.daysLeft ?? 0) }) : t('case.leftWorkingDays', { days: r.daysLeft ?? 0 });
        const mark = r.overdue ? t('case.cliOverdueMark') : r.near ? t('case.cliNearMark') : '';
        const due = r.deadline ? `${t('case.cliDeadline', { date: r.deadline, left })}${mark}` : '';
        const inv = r.investigationDue ? t(r.investigationOverdue ? 'case.cliInvestigationOverdue' : 'case.cliInvestigationDue', { date: r.investigationDue }) : '';
        return [r.caseNo, r.householderName, r.program, word('status', r.status), due, inv];
      }));
      for (const l of lines) out(l);
    });

  c.command('show')
    .description(t('case.helpShow'))
    .argument('<caseNo>', t('case.helpCaseNoExample'))
    .action(async (caseNo: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rec = caseOrThrow(office.view, caseNo);
      const doc = caseDocument(office.view, rec, office.now().date);
      if (g.json) {
        printJson(doc);
        return;
      }
      out(`${doc.caseNo}  ${doc.program}  ${word('status', doc.status)}  ${doc.area}`);
      out(t('case.showHead', { name: doc.householder.name, persons: doc.members.length, income: (doc.perCapitaIncomeFen / 100).toFixed(2) }));
      out(t('case.showDates', { applied: doc.applicationDate, accepted: doc.acceptedOn ?? t('case.showNotAccepted') }));
      if (doc.deadline) out(t('case.showDeadline', { date: doc.deadline }));
      for (const m of doc.members) out(`  ${t('case.showMember', { relation: m.relation, name: m.name, income: (m.monthlyIncomeFen / 100).toFixed(2) })}`);
      if (doc.phone) out(t('case.showPhone', { phone: doc.phone }));
      for (const l of eligibilityLines(doc.eligibility)) out(l.text);
      out(interviewLine(doc).text);
      if (doc.investigation) out(t('case.showInvestigation', { date: doc.investigation.date, by: doc.investigation.by.join(t('case.nameSep')), findings: doc.investigation.findings }));
      if (doc.review) out(t('case.showReview', { date: doc.review.date, result: doc.review.result, panel: doc.review.panel.join(t('case.nameSep')) }) + (doc.review.note ? `  ${doc.review.note}` : ''));
      if (doc.notice) {
        out(t('case.showNotice', { start: doc.notice.start, end: doc.notice.end, count: doc.notice.objections.length }));
        for (const o of doc.notice.objections) {
          const outcome = o.resolvedOn ? t('case.showResolved', { date: o.resolvedOn, resolution: o.resolution ?? '' }) : t('case.showUnresolved');
          out(`  ${t('case.showObjection', { id: o.id, date: o.raisedOn, note: o.note })}${outcome}`);
        }
      }
      for (const l of verificationLines(doc.verifications)) out(l.text);
      if (doc.submittedOn) out(t('case.showSubmitted', { date: doc.submittedOn }));
      for (const l of [townshipLine(doc.township), decisionLine(doc.decision)]) if (l) out(l.text);
      const refusal = refusalNoticeLine(doc.caseNo, doc.refusalNotice);
      if (refusal) out(refusal.text);
      const next = nextActions(rec);
      const words = [...next.steps.map((s) => t('case.showStep', { word: stepWord(s), step: s })), ...(next.correct ? [t('case.showStep', { word: t('case.correctWord'), step: 'correct' })] : [])];
      out(t('case.showNext', { steps: words.length ? words.join(t('case.nameSep')) : t('case.nothingToDo') }));
      for (const h of doc.history) out(`  ${historyLine(h).text}`);
    });
}
