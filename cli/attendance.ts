// `jiuzhu attendance …`: public-service labour (公益劳动) without the app —
// plan the month, mark, summary, close, amend, exemptions, groups, sheet.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Office, Tx } from '../src/store/office.js';
import { settingsOf } from '../src/office/context.js';
import { planMonth, addSession, cancelSession } from '../src/attendance/sessions.js';
import { amendMark, closeMonth, markSession, type MarkInput } from '../src/attendance/marking.js';
import { monthSummary } from '../src/attendance/summary.js';
import { addExemption, endExemption } from '../src/attendance/exemptions.js';
import { moveToGroup } from '../src/attendance/groups.js';
import { sessionLines } from '../src/attendance/sessionRoster.js';
import { isMonth } from '../src/attendance/schedule.js';
import { signInSheetHtml } from '../src/attendance/signInSheet.js';
import { EXEMPTION_KINDS, MARK_STATUSES, type MarkStatus } from '../src/attendance/types.js';
import { isIsoDate } from '../src/rules/dayNumber.js';
import { maskIdNumber } from '../src/rules/idNumber.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError, UserError, type Globals } from './common.js';
import { word } from '../src/i18n/index.js';

function monthOption(month: string): string {
  if (!isMonth(month)) throw new UsageError(`--month 应为 YYYY-MM，例如 2026-11（现在是「${month}」）`);
  return month;
}

function dateOption(date: string, name = '--date'): string {
  if (!isIsoDate(date)) throw new UsageError(`${name} 应为 YYYY-MM-DD，例如 2026-11-23（现在是「${date}」）`);
  return date;
}

function statusOption(s: string): MarkStatus {
  if (!(MARK_STATUSES as readonly string[]).includes(s)) throw new UsageError(`--status 应为 ${MARK_STATUSES.join(' | ')}（到、迟到、请假、缺勤），现在是「${s}」`);
  return s as MarkStatus;
}

async function change<T>(g: Globals, action: string, summary: string, fn: (tx: Tx) => T): Promise<{ office: Office; result: T }> {
  const office = await openOffice(g);
  const { result } = await office.transact({ operator: operatorOf(g, office), source: 'local', action, summary }, fn);
  return { office, result };
}

function sessionOf(office: Office, date: string) {
  const s = office.view.get('sessions', date);
  if (!s) throw new UserError(`${date} 没有公益劳动：先用 jiuzhu attendance plan --month ${date.slice(0, 7)} 生成当月场次`);
  return s;
}

export function registerAttendance(program: Command): void {
  const a = program
    .command('attendance')
    .description('公益劳动：排班、签到、月度汇总、结账与更正')
    .addHelpText('after', `
子命令：
  plan --month M                       按每周安排生成当月场次（法定节假日不安排）
  roster --date D [--json]             当天应参加人员（按组），含任务和签到情况
  mark --date D --id ID --status S [--note 原因]   签到：present 到 | late 迟到 | excused 请假（须写原因）| absent 缺勤
  mark --date D --rest present         其余未签的人全部记为到
  summary --month M [--json]           月度汇总：应参加、实参加、请假、缺勤；2 次缺勤提醒，3 次提出处理建议
  close --month M                      结账：锁定当月签到，生成上报街道的「公益劳动考勤汇总」文件
  amend --date D --id ID --status S --reason 原因 [--note]   结账后的更正（记入日志，重新上报）
  exempt add --id ID --kind 类别 --from D --to D [--reason 说明]   免于参加（${EXEMPTION_KINDS.join('、')}）
  exempt list [--json] | exempt end 编号(如 M0001) --date 最后一天
  group move --id ID --group N         调整分组
  session add --date D [--start HH:MM --end HH:MM --task 任务] | session cancel --date D --reason 原因
  sheet --date D --out FILE.html       打印用签到表（A4）`);

  a.command('plan')
    .description('按每周安排生成一个月的公益劳动场次')
    .requiredOption('--month <YYYY-MM>', '月份')
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const { result } = await change(g, 'attendance.plan', `生成 ${month} 公益劳动场次`, (tx) => planMonth(tx, month));
      if (g.json) return printJson(result);
      if (!result.covered) say(`注意：节假日日历没有 ${month.slice(0, 4)} 年的数据，只按周末排除；请导入区县下发的节假日安排后再核对。`);
      say(`${month}：新建 ${result.created.length} 次，已有 ${result.existing.length} 次。`);
      for (const d of result.created) out(d);
      for (const s of result.skipped) say(`  ${s.date} ${s.name}，不安排`);
    });

  a.command('roster')
    .description('一次公益劳动的应参加人员（按组）和签到情况')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .action(async (opts: { date: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const office = await openForReading(g);
      const s = sessionOf(office, date);
      const lines = sessionLines(office.view, s);
      if (g.json) {
        return printJson({
          date, start: s.start, end: s.end, cancelled: s.cancelled ?? null,
          people: lines.map((l) => ({ idNumber: l.idNumber, name: l.name, group: l.group, task: l.task, basis: l.basis, status: l.mark?.status ?? null, note: l.mark?.note ?? null })),
        });
      }
      out(`${date} ${s.start}–${s.end}${s.cancelled ? `（已取消：${s.cancelled.reason}）` : ''}  应到 ${lines.length} 人`);
      for (const l of lines) out(`  ${l.group} 组  ${l.name}  ${maskIdNumber(l.idNumber)}  ${l.task}  ${l.mark ? word('mark', l.mark.status) : '未签'}${l.mark?.note ? `（${l.mark.note}）` : ''}`);
    });

  a.command('mark')
    .description('签到：记一个人的到、迟到、请假或缺勤；--rest present 把其余的人记为到')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .option('--id <idNumber>', '身份证号')
    .option('--status <status>', 'present | late | excused | absent')
    .option('--note <text>', '请假原因或备注')
    .option('--rest <status>', '其余未签的人：present')
    .action(async (opts: { date: string; id?: string; status?: string; note?: string; rest?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      if (opts.rest !== undefined && opts.rest !== 'present') throw new UsageError('--rest 只能是 present（其余的人记为到）');
      if (!opts.id && !opts.rest) throw new UsageError('要签到的人：--id 身份证号 --status 状态；或用 --rest present 把其余的人记为到');
      if (opts.id && !opts.status) throw new UsageError('缺少 --status：present | late | excused | absent');
      const marks: MarkInput[] = opts.id ? [{ idNumber: opts.id, status: statusOption(opts.status!), ...(opts.note !== undefined ? { note: opts.note } : {}) }] : [];
      const { result } = await change(g, 'attendance.mark', `${date} 公益劳动签到`, (tx) => markSession(tx, date, marks, opts.rest ? { rest: 'present' } : {}));
      if (g.json) return printJson(result);
      const c = result.counts;
      say(`${date}：到 ${c.present}，迟到 ${c.late}，请假 ${c.excused}，缺勤 ${c.absent}，未签 ${c.unmarked}。`);
    });

  a.command('summary')
    .description('月度汇总：每人应参加、实参加、请假、缺勤')
    .requiredOption('--month <YYYY-MM>', '月份')
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const office = await openForReading(g);
      const s = monthSummary(office.view, month, office.now().date);
      if (g.json) return printJson(s);
      out(`${month} 公益劳动考勤汇总（截至 ${s.asOf}，${s.sessions.length} 次${s.closed ? '，已结账' : ''}）`);
      out('组  姓名      应参加  实参加  请假  缺勤  未签  处理建议');
      for (const p of s.people) {
        out(`${String(p.group).padStart(2)}  ${p.name.padEnd(6, '　')}  ${String(p.due).padStart(6)}  ${String(p.attended).padStart(6)}  ${String(p.excused).padStart(4)}  ${String(p.absent).padStart(4)}  ${String(p.unmarked).padStart(4)}  ${p.advice}`);
      }
      const warned = s.people.filter((p) => p.warning && !p.recommendation).length;
      const recommended = s.people.filter((p) => p.recommendation).length;
      if (warned || recommended) say(`提醒 ${warned} 人，建议处理 ${recommended} 人（已列入待处理，由街道决定，不自动停发）。`);
      if (s.unmarkedSessions.length) say(`未签完的场次：${s.unmarkedSessions.join('、')}`);
    });

  a.command('close')
    .description('结账：锁定当月签到，生成上报的公益劳动考勤汇总')
    .requiredOption('--month <YYYY-MM>', '月份')
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const { result } = await change(g, 'attendance.close', `${month} 公益劳动考勤结账`, (tx) => closeMonth(tx, month));
      if (g.json) return printJson(result);
      say(`${month} 已结账：${result.people.filter((p) => p.due > 0).length} 人的考勤汇总已排队上报（同步时写入共享文件夹）。`);
    });

  a.command('amend')
    .description('结账后更正一次签到（须写原因，记入日志并重新上报）')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .requiredOption('--id <idNumber>', '身份证号')
    .requiredOption('--status <status>', 'present | late | excused | absent')
    .requiredOption('--reason <text>', '更正原因')
    .option('--note <text>', '请假原因或备注')
    .action(async (opts: { date: string; id: string; status: string; reason: string; note?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const input: MarkInput = { idNumber: opts.id, status: statusOption(opts.status), ...(opts.note !== undefined ? { note: opts.note } : {}) };
      const { result } = await change(g, 'attendance.amend', `更正 ${date} 签到：${opts.reason}`, (tx) => amendMark(tx, date, input, opts.reason));
      if (g.json) return printJson({ from: result.from, to: result.to });
      say(`已更正 ${date}：${result.from ? word('mark', result.from.status) : '未签'} → ${word('mark', result.to.status)}，更正后的汇总已排队上报。`);
    });

  const x = a.command('exempt').description('免于参加公益劳动（残疾、重病、照料家人、怀孕、在校、全职就业、其他）');
  x.command('add')
    .description('登记免于参加，带类别、说明和起止日期')
    .requiredOption('--id <idNumber>', '身份证号')
    .requiredOption('--kind <kind>', EXEMPTION_KINDS.join(' | '))
    .requiredOption('--from <YYYY-MM-DD>', '开始日期')
    .requiredOption('--to <YYYY-MM-DD>', '结束日期（含当天）')
    .option('--reason <text>', '说明，例如「孕晚期」')
    .action(async (opts: { id: string; kind: string; from: string; to: string; reason?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { result } = await change(g, 'attendance.exempt', `登记免于参加公益劳动（${opts.kind}）`, (tx) => addExemption(tx, { idNumber: opts.id, kind: opts.kind, from: opts.from, to: opts.to, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) }));
      if (g.json) return printJson(result);
      out(result.id);
      say(`已登记：${result.kind}，${result.from} 至 ${result.to} 免于参加。`);
    });
  x.command('list')
    .description('列出免于参加的记录')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const list = [...office.view.all('exemptions')].sort((p, q) => p.from.localeCompare(q.from) || p.id.localeCompare(q.id));
      if (g.json) return printJson(list.map((e) => ({ ...e, name: office.view.get('members', e.idNumber)?.name ?? '' })));
      if (!list.length) return say('没有免于参加的记录。');
      for (const e of list) out(`${e.id}  ${office.view.get('members', e.idNumber)?.name ?? ''}  ${e.kind}（${e.reason}）  ${e.from} 至 ${e.to}`);
    });
  x.command('end')
    .description('提前结束一条免于参加（最后一天之后恢复参加）')
    .argument('<exemptionId>', '编号（exempt list 中的第一列）')
    .requiredOption('--date <YYYY-MM-DD>', '免于参加的最后一天')
    .action(async (id: string, opts: { date: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const { result } = await change(g, 'attendance.exempt.end', `提前结束免于参加 ${id}`, (tx) => endExemption(tx, id, date));
      if (g.json) return printJson(result);
      say(`已结束：${result.to} 之后恢复参加公益劳动。`);
    });

  const gr = a.command('group').description('分组');
  gr.command('move')
    .description('把一个人调到另一组')
    .requiredOption('--id <idNumber>', '身份证号')
    .requiredOption('--group <n>', '组号')
    .action(async (opts: { id: string; group: string }, cmd: Command) => {
      const g = globals(cmd);
      const n = Number(opts.group);
      const { result } = await change(g, 'attendance.group', `调整公益劳动分组`, (tx) => moveToGroup(tx, opts.id, n, settingsOf(tx).labour.groups));
      if (g.json) return printJson(result);
      say(`已调整：${result.from ? `第 ${result.from} 组` : '未分组'} → 第 ${result.to} 组。`);
    });

  const se = a.command('session').description('临时加一次或取消一次公益劳动');
  se.command('add')
    .description('加一次公益劳动')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .option('--start <HH:MM>', '开始时间')
    .option('--end <HH:MM>', '结束时间')
    .option('--task <task>', '这次全体的任务（默认按分组轮换）')
    .action(async (opts: { date: string; start?: string; end?: string; task?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      await change(g, 'attendance.session.add', `加一次公益劳动 ${date}`, (tx) => addSession(tx, date, opts));
      if (g.json) return printJson({ date });
      say(`已安排 ${date} 的公益劳动。`);
    });
  se.command('cancel')
    .description('取消一次公益劳动')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .option('--reason <text>', '原因，例如「暴雨」（必填）')
    .action(async (opts: { date: string; reason?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      await change(g, 'attendance.session.cancel', `取消 ${date} 公益劳动：${opts.reason ?? ''}`, (tx) => cancelSession(tx, date, opts.reason ?? ''));
      if (g.json) return printJson({ date, cancelled: true });
      say(`已取消 ${date} 的公益劳动。`);
    });

  a.command('sheet')
    .description('打印用签到表（A4 HTML）：姓名、分组、任务、签名栏')
    .requiredOption('--date <YYYY-MM-DD>', '日期')
    .requiredOption('--out <file>', '输出的 HTML 文件')
    .action(async (opts: { date: string; out: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const office = await openForReading(g);
      const s = sessionOf(office, date);
      if (s.cancelled) throw new UserError(`${date} 的公益劳动已取消（${s.cancelled.reason}），不用打印签到表`);
      const lines = sessionLines(office.view, s);
      const html = signInSheetHtml({ office: settingsOf(office.view).office.name, date, start: s.start, end: s.end, lines, printed: office.now().date });
      try {
        await writeFile(opts.out, html);
      } catch (err) {
        throw new UserError(`写不了签到表 ${opts.out}：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件夹不存在' : '没有权限或磁盘已满'}`);
      }
      if (g.json) return printJson({ out: opts.out, people: lines.length });
      say(`已生成签到表 ${opts.out}（${lines.length} 人），用浏览器打开后打印。`);
    });
}
