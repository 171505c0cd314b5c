// `jiuzhu case …`: intake without the app, and reading cases.
import type { Command } from 'commander';
import { caseDocument } from '../src/case/document.js';
import { caseList, type CaseFilter } from '../src/case/list.js';
import { CASE_STATUSES, PROGRAMS } from '../src/office/model.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, readIntakeFile, say, UsageError } from './common.js';
import { word } from '../src/i18n/index.js';
import { refusalNoticeDueOf } from '../src/case/deadlines.js';
import { nextActions } from '../src/case/next.js';
import { caseOrThrow } from '../src/case/lookup.js';
import { stepWord } from '../src/case/steps.js';

export function registerCase(program: Command): void {
  const c = program.command('case').description('申请（案件）：受理、办理、更正、打印、查看、列表');

  c.command('add')
    .description('按 JSON 申请文件受理一件申请，输出申请编号')
    .requiredOption('--from <file>', '申请文件（JSON，格式见 cli.md）')
    .action(async (opts: { from: string }, cmd: Command) => {
      const g = globals(cmd);
      const raw = await readIntakeFile(opts.from);
      // zod and pinyin-pro load only here, so reading commands start faster.
      const { addCase, checkIntake, IntakeError } = await import('../src/case/intake.js');
      const checked = checkIntake(raw);
      if (!checked.ok) throw new IntakeError(checked.problems);
      const office = await openOffice(g);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.add', summary: `受理申请（${opts.from}）` },
        (tx) => addCase(tx, checked.value),
      );
      if (g.json) printJson(result);
      else {
        out(result.caseNo);
        for (const w of result.warnings) say(w);
      }
    });

  c.command('list')
    .description('列出申请，可按状态、救助类别筛选')
    .option('--status <status>', `状态：${CASE_STATUSES.join(' | ')}`)
    .option('--program <program>', `救助类别：${PROGRAMS.join(' | ')}`)
    .option('--due <which>', '期限：overdue 已超期 | near 临近期限 | due 两者')
    .option('--find <text>', '按姓名、拼音首字母（zs 找张三）、身份证号（或其中一段）、申请编号查找')
    .action(async (opts: { status?: string; program?: string; due?: string; find?: string }, cmd: Command) => {
      const g = globals(cmd);
      if (opts.status && !(CASE_STATUSES as readonly string[]).includes(opts.status)) {
        throw new UsageError(`--status 的值「${opts.status}」不认识：应为 ${CASE_STATUSES.join('、')} 之一`);
      }
      if (opts.program && !(PROGRAMS as readonly string[]).includes(opts.program)) {
        throw new UsageError(`--program 的值「${opts.program}」不认识：应为 ${PROGRAMS.join('、')} 之一`);
      }
      if (opts.due && !['overdue', 'near', 'due'].includes(opts.due)) {
        throw new UsageError(`--due 的值「${opts.due}」不认识：应为 overdue、near、due 之一`);
      }
      const office = await openForReading(g);
      const rows = caseList(office.view, office.now().date, opts as CaseFilter);
      if (g.json) {
        printJson(rows);
        return;
      }
      if (!rows.length) {
        say('没有符合条件的申请。');
        return;
      }
      for (const r of rows) {
        const due = r.deadline ? `  期限 ${r.deadline}（${r.overdue ? `已超期 ${-(r.daysLeft ?? 0)} 个工作日` : `剩 ${r.daysLeft} 个工作日`}）${r.overdue ? ' ！超期' : r.near ? ' ！临近' : ''}` : '';
        const inv = r.investigationDue ? `  调查须于 ${r.investigationDue} 前开始` : '';
        out(`${r.caseNo}  ${r.householderName}  ${r.program}  ${word('status', r.status)}${due}${inv}`);
      }
    });

  c.command('show')
    .description('查看一件申请的全部情况')
    .argument('<caseNo>', '申请编号，例如 430105003001-2026-0007')
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
      out(`户主 ${doc.householder.name}  家庭人口 ${doc.members.length}  人均月收入 ${(doc.perCapitaIncomeFen / 100).toFixed(2)} 元`);
      out(`申请 ${doc.applicationDate}  受理 ${doc.acceptedOn ?? '未受理（材料未齐）'}`);
      if (doc.deadline) out(`社区办理期限 ${doc.deadline}`);
      for (const m of doc.members) out(`  ${m.relation}  ${m.name}  月收入 ${(m.monthlyIncomeFen / 100).toFixed(2)} 元`);
      if (doc.investigation) out(`入户调查 ${doc.investigation.date}  ${doc.investigation.by.join('、')}  ${doc.investigation.findings}`);
      if (doc.review) out(`民主评议 ${doc.review.date}  ${doc.review.result}  ${doc.review.panel.join('、')}${doc.review.note ? `  ${doc.review.note}` : ''}`);
      if (doc.notice) {
        out(`公示 ${doc.notice.start} 至 ${doc.notice.end}，异议 ${doc.notice.objections.length} 条`);
        for (const o of doc.notice.objections) out(`  异议${o.id} ${o.raisedOn} ${o.note}${o.resolvedOn ? `；${o.resolvedOn} 复核：${o.resolution ?? ''}` : '（未复核）'}`);
      }
      if (doc.submittedOn) out(`上报街道 ${doc.submittedOn}`);
      if (doc.township) out(`街道审核：${doc.township.result}（${doc.township.date}）${doc.township.note}`);
      if (doc.decision) out(`区县审批：${doc.decision.result}（${doc.decision.date}）${doc.decision.reason ?? ''}`);
      const refusalDue = refusalNoticeDueOf(rec, office.view, office.now().date);
      if (refusalDue) out(`不予批准通知书须于 ${refusalDue.date} 前送达${refusalDue.overdue ? '（已超期）' : ''}：jiuzhu case print ${doc.caseNo} refusal`);
      const next = nextActions(rec);
      const words = [...next.steps.map((s) => `${stepWord(s)}（${s}）`), ...(next.correct ? ['更正（correct）'] : [])];
      out(`下一步：${words.length ? words.join('、') : '社区这边没有可办的步骤，等待街道、区县的结果'}`);
      for (const h of doc.history) out(`  ${h.at}  ${h.event}  ${h.by}${h.note ? `  ${h.note}` : ''}`);
    });
}
