// `jiuzhu household …`, `review …`, `recipient …`: the command-line twins of
// the app's household archive, review screen, gradual exit, cancellation
// register and roster reconciliation.
import type { Command } from 'commander';
import { addReview, reviewInputOf, RECOMMENDATION_WORDS, RECOMMENDATIONS, reviewsDue, type Recommendation } from '../src/recipients/reviews.js';
import { PENDING_KIND_WORDS } from '../src/office/pending.js';
import { PROGRAMS } from '../src/office/model.js';

import { formatYuan, MoneyError, yuanToFen } from '../src/rules/money.js';
import type { View } from '../src/store/office.js';
import { cancellationRegister, registerCancellation } from '../src/recipients/cancellations.js';
import { recordGradualExit } from '../src/recipients/gradualExit.js';
import { resolutionProblems, resolvePendingItem, rosterReconciliation } from '../src/recipients/reconciliation.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError, UserError } from './common.js';
import { word } from '../src/i18n/index.js';
import { resolveHousehold } from '../src/household/resolve.js';
import { addHouseholdNote } from '../src/household/notes.js';

// The archive, history and search modules load only in the commands that use
// them, so that `status` and `sync once` do not pay for them at start-up.
const archiveModule = () => import('../src/household/archive.js');

async function householdOrFail(view: View, key: string): Promise<string> {
  const id = resolveHousehold(view, key);
  if (!id) throw new UserError(`找不到「${key}」对应的户：可用户主或成员的身份证号、申请编号，或先用 jiuzhu household search 姓名 查找`);
  return id;
}

async function enrolmentOf(view: View, key: string, program: string): Promise<string> {
  if (!(PROGRAMS as readonly string[]).includes(program)) throw new UsageError(`--program 的值「${program}」不认识：应为 ${PROGRAMS.join('、')} 之一`);
  const id = `${await householdOrFail(view, key)}:${program}`;
  if (!view.get('enrolments', id)) throw new UserError(`该户没有${program}保障记录：请用 jiuzhu household show ${key} 查看它享受的保障`);
  return id;
}

function fen(v: string | undefined, what: string): number | null {
  if (v === undefined) return null;
  try {
    return yuanToFen(v);
  } catch (err) {
    if (err instanceof MoneyError) throw new UsageError(`${what}：${err.message}`);
    throw err;
  }
}

export function registerRecipients(program: Command): void {
  const h = program.command('household').description('一户一档：查找、查看、备注');

  h.command('search')
    .description('按姓名、拼音首字母、身份证号（或其中一段）、申请编号、住址查找户')
    .argument('<query>', '例如 张三、zs、2315、2026-0007')
    .action(async (query: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { searchHouseholds } = await import('../src/household/search.js');
      const hits = searchHouseholds(office.view, query);
      if (g.json) return printJson(hits.map(({ rank: _rank, ...hit }) => hit));
      if (!hits.length) return say(`没有找到「${query}」。`);
      for (const x of hits) out(`${x.householdId}  ${x.householderName}  ${x.address}  （${x.matched}）`);
    });

  h.command('show')
    .description('查看一户的全部档案：成员、申请与审批、保障、复核、公益劳动、备注、变更记录')
    .argument('<key>', '户编号、任一成员的身份证号或申请编号')
    .action(async (key: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const id = await householdOrFail(office.view, key);
      const [{ householdArchive }, { readHouseholdHistory, sourceWord }] = await Promise.all([archiveModule(), import('../src/household/history.js')]);
      const a = householdArchive(office.view, id, office.now().date);
      const history = (await readHouseholdHistory(office)).of(id);
      if (g.json) return printJson({ householdId: id, ...a, history });
      out(`${a.householder.name}  ${a.household.address}  ${a.household.phone}  ${a.household.area}`);
      out('成员：');
      for (const m of a.members) out(`  ${m.relation}  ${m.name}  ${m.idNumber}  ${m.age} 岁  劳动能力 ${m.labourAbility}${m.disability ? `  残疾 ${m.disability}` : ''}  月收入 ${formatYuan(m.monthlyIncomeFen)}${m.leftOn ? `  ${m.leftOn} 迁出` : ''}`);
      if (a.cases.length) out('申请：');
      for (const c of a.cases) out(`  ${c.caseNo}  ${c.program}  ${word('status', c.status)}  申请 ${c.applicationDate}${c.decision ? `  区县${c.decision.result}（${c.decision.date}）` : ''}`);
      if (a.enrolments.length) out('保障：');
      for (const e of a.enrolments) out(`  ${e.program}  ${word('enrolmentStatus', e.status)}  ${formatYuan(e.monthlyAmountFen)}/月  ${e.persons} 人  ${e.category ? `${e.category}类` : '未分类'}  自 ${e.since}`);
      if (a.reviews.length) out('复核：');
      for (const r of a.reviews) out(`  ${r.date}  ${RECOMMENDATION_WORDS[r.recommendation]}  ${r.findings}  （${r.by}）`);
      if (a.attendance.length) out('公益劳动：');
      for (const l of a.attendance) out(`  ${l.month}  ${l.name}  出勤 ${l.present}  迟到 ${l.late}  请假 ${l.excused}  缺勤 ${l.absent}${l.level === 'recommend' ? '  建议按规定处理' : l.level === 'warn' ? '  应提醒' : ''}`);
      for (const x of a.gradualExits) out(`渐退期 ${x.from} 至 ${x.until}：${x.memberName} ${x.work}`);
      for (const c of a.cancellations) out(`撤消 ${c.effectiveMonth}：${c.reason}（${c.decidedBy}，${c.decisionDate}）`);
      if (a.notes.length) out('备注：');
      for (const n of a.notes) out(`  ${n.at.slice(0, 16).replace('T', ' ')}  ${n.by}：${n.text}`);
      out(`变更记录 ${history.length} 条：`);
      for (const l of history) out(`  ${l.at.slice(0, 16).replace('T', ' ')}  ${l.operator}  ${sourceWord(office.view, l.source)}  ${l.summary || l.action}`);
    });

  h.command('note')
    .description('给一户的档案添加一条备注（备注只增不删）')
    .argument('<key>', '户编号、任一成员的身份证号或申请编号')
    .argument('<text>', '备注内容')
    .action(async (key: string, text: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const id = await householdOrFail(office.view, key);
      await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'household.note', summary: `备注：${text.slice(0, 40)}` }, (tx) => addHouseholdNote(tx, id, text));
      if (g.json) printJson({ householdId: id });
      else say('备注已保存。');
    });

  const r = program.command('review').description('在保对象复核（动态管理）');

  r.command('add')
    .description('登记一次复核；建议调整或停发的，进入待处理，等区县的待遇变更文件决定')
    .requiredOption('--household <key>', '户编号、任一成员的身份证号或申请编号')
    .option('--program <program>', '救助类别', '低保')
    .option('--date <date>', '复核日期（默认今天）')
    .requiredOption('--findings <text>', '复核情况')
    .option('--income-rechecked', '已重新核对收入')
    .option('--income <yuan>', '核对后的人均月收入（元）')
    .requiredOption('--recommend <r>', `复核意见：${RECOMMENDATIONS.join(' | ')}（维持 / 建议调整 / 建议停发）`)
    .action(async (opts: { household: string; program: string; date?: string; findings: string; incomeRechecked?: boolean; income?: string; recommend: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(RECOMMENDATIONS as readonly string[]).includes(opts.recommend)) throw new UsageError(`--recommend 的值「${opts.recommend}」不认识：应为 ${RECOMMENDATIONS.join('、')} 之一`);
      const income = fen(opts.income, '--income');
      const office = await openOffice(g);
      const enrolmentId = await enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'review.add', summary: `复核 ${enrolmentId}：${RECOMMENDATION_WORDS[opts.recommend as Recommendation]}` },
        (tx) =>
          addReview(
            tx,
            reviewInputOf({ enrolmentId, date: opts.date ?? tx.now.date, findings: opts.findings, rechecked: Boolean(opts.incomeRechecked), perCapitaIncomeFen: income, recommendation: opts.recommend }),
          ),
      );
      if (g.json) printJson(result);
      else say(`复核已登记（${result.date}，${RECOMMENDATION_WORDS[result.recommendation]}）${result.recommendation === 'keep' ? '' : '，已列入待处理，等区县决定'}。`);
    });

  r.command('list')
    .description('列出复核记录；--due 列出本月底前应复核的在保户')
    .option('--due', '只列应复核的')
    .option('--household <key>', '只看这一户')
    .action(async (opts: { due?: boolean; household?: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const view = office.view;
      const only = opts.household ? await householdOrFail(view, opts.household) : null;
      if (opts.due) {
        const due = reviewsDue(view, office.now().date).filter((d) => !only || d.householdId === only);
        if (g.json) return printJson(due);
        if (!due.length) return say('本月没有应复核的在保户。');
        for (const d of due) out(`${d.householderName}  ${d.program}  ${d.category ? `${d.category}类` : '未分类'}  上次 ${d.lastReview ?? '无'}  应复核 ${d.due}${d.overdue ? `（已过 ${-d.daysLeft} 天）` : ''}`);
        return;
      }
      const list = view
        .all('reviews')
        .filter((x) => !only || x.householdId === only)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
      if (g.json) return printJson(list);
      if (!list.length) return say('还没有复核记录。');
      for (const x of list) out(`${x.date}  ${x.enrolmentId}  ${RECOMMENDATION_WORDS[x.recommendation]}  ${x.findings}  （${x.by}）`);
    });

  const p = program.command('recipient').description('在保对象：渐退期、撤消登记、花名册核对');

  p.command('exit')
    .description('登记渐退期：成员就业后，在渐退期内保障继续、新工资不计入收入')
    .requiredOption('--household <key>', '户编号、任一成员的身份证号或申请编号')
    .option('--program <program>', '救助类别', '低保')
    .requiredOption('--member <id>', '就业成员的身份证号')
    .requiredOption('--work <text>', '就业单位和岗位')
    .requiredOption('--from <month>', '就业起始年月，例如 2026-11')
    .option('--wage <yuan>', '月工资（元）')
    .option('--note <text>', '说明')
    .action(async (opts: { household: string; program: string; member: string; work: string; from: string; wage?: string; note?: string }, cmd: Command) => {
      const g = globals(cmd);
      const wage = fen(opts.wage, '--wage');
      const office = await openOffice(g);
      const enrolmentId = await enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'recipient.exit', summary: `渐退期 ${enrolmentId} 自 ${opts.from}` },
        (tx) => recordGradualExit(tx, { enrolmentId, memberId: opts.member.trim().toUpperCase(), work: opts.work, wageFen: wage, from: opts.from, note: opts.note }),
      );
      if (g.json) printJson(result);
      else say(`渐退期已登记：${result.memberName} ${result.from} 至 ${result.until}。`);
    });

  p.command('cancel')
    .description('撤消登记：记下停发的时间、原因和作出决定的单位（停发本身以区县的待遇变更文件为准）')
    .requiredOption('--household <key>', '户编号、任一成员的身份证号或申请编号')
    .option('--program <program>', '救助类别', '低保')
    .requiredOption('--month <month>', '停发年月，例如 2026-12')
    .requiredOption('--reason <text>', '撤消原因')
    .requiredOption('--decided-by <text>', '决定单位及文号')
    .requiredOption('--date <date>', '决定日期')
    .action(async (opts: { household: string; program: string; month: string; reason: string; decidedBy: string; date: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const enrolmentId = await enrolmentOf(office.view, opts.household, opts.program);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'recipient.cancel', summary: `撤消登记 ${enrolmentId}` },
        (tx) => registerCancellation(tx, { enrolmentId, effectiveMonth: opts.month, reason: opts.reason, decidedBy: opts.decidedBy, decisionDate: opts.date }),
      );
      if (g.json) printJson(result);
      else say(`已记入撤消登记：${result.householderName} ${result.program}，${result.effectiveMonth} 起停发。`);
    });

  p.command('register')
    .description('撤消登记簿；区县已停发但尚未登记的也列出')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = cancellationRegister(office.view);
      if (g.json) return printJson(rows);
      if (!rows.length) return say('撤消登记簿是空的。');
      for (const x of rows) out(`${x.registered ? '' : '【待登记】'}${x.householderName}  ${x.program}  ${x.effectiveMonth || '-'}  ${x.reason || '-'}  ${x.decidedBy || '-'}  ${x.decisionDate || '-'}`);
    });

  p.command('reconcile')
    .description('花名册核对：区县花名册与本社区记录不一致、或未列入花名册的在保户')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const items = rosterReconciliation(office.view);
      if (g.json) return printJson(items);
      if (!items.length) return say('花名册与本社区记录一致，没有要核对的。');
      for (const x of items) out(`${x.id}  ${PENDING_KIND_WORDS[x.kind]}  ${x.householderName}：${x.reason}（${x.since} 起）`);
    });

  p.command('resolve')
    .description('把一项待处理事项标为已处理（不删除；--note 写明如何处理的，记入变更日志）')
    .argument('<id>', '待处理事项编号（recipient reconcile 列出的第一列）')
    .requiredOption('--note <text>', '处理情况')
    .action(async (id: string, opts: { note: string }, cmd: Command) => {
      const g = globals(cmd);
      const problems = resolutionProblems(opts.note);
      if (problems.length) throw new UsageError(`--note：${problems.join('；')}`);
      const office = await openOffice(g);
      await office.transact({ operator: operatorOf(g, office), source: 'local', action: 'pending.resolve', summary: `已处理 ${id}：${opts.note}` }, (tx) => resolvePendingItem(tx, id, opts.note));
      if (g.json) printJson({ id });
      else say('已标为处理完毕。');
    });
}
