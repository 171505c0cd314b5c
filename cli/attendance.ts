// `jiuzhu attendance …`: public-service labour (公益劳动) without the app —
// plan the month, mark, summary, close, amend, exemptions, groups, sheet.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Office, Tx } from '../src/store/office.js';
import { settingsOf } from '../src/office/context.js';
import { planMonth, addSession, cancelSession } from '../src/attendance/sessions.js';
import { amendMark, closeMonth, markSession, outboundRows, type MarkInput } from '../src/attendance/marking.js';
import { adviceIn, flagCounts, monthSummary } from '../src/attendance/summary.js';
import { addExemption, endExemption, exemptionList } from '../src/attendance/exemptions.js';
import { moveToGroup } from '../src/attendance/groups.js';
import { sessionLines } from '../src/attendance/sessionRoster.js';
import { isMonth } from '../src/attendance/schedule.js';
import { signInSheetHtml } from '../src/attendance/signInSheet.js';
import { EXEMPTION_KINDS, MARK_STATUSES, type MarkStatus } from '../src/attendance/types.js';
import { isIsoDate } from '../src/rules/dayNumber.js';
import { maskIdNumber } from '../src/rules/idNumber.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError, UserError, type Globals } from './common.js';
import { lang, t, tIn, word } from '../src/i18n/index.js';

function monthOption(month: string): string {
  if (!isMonth(month)) throw new UsageError(t('attendance.cliBadMonth', { month }));
  return month;
}

function dateOption(date: string, name = '--date'): string {
  if (!isIsoDate(date)) throw new UsageError(t('attendance.cliBadDate', { option: name, date }));
  return date;
}

function statusOption(s: string): MarkStatus {
  if (!(MARK_STATUSES as readonly string[]).includes(s)) throw new UsageError(t('attendance.cliBadStatus', { list: MARK_STATUSES.join(' | '), status: s }));
  return s as MarkStatus;
}

async function change<T>(g: Globals, action: string, summary: string, fn: (tx: Tx) => T): Promise<{ office: Office; result: T }> {
  const office = await openOffice(g);
  const { result } = await office.transact({ operator: operatorOf(g, office), source: 'local', action, summary }, fn);
  return { office, result };
}

function sessionOf(office: Office, date: string) {
  const s = office.view.get('sessions', date);
  if (!s) throw new UserError(t('attendance.cliNoSession', { date, month: date.slice(0, 7) }))
  return s;
}

/** Rows laid out in display columns (a Chinese character is two wide), two spaces apart; the last column is not padded. */
async function alignedLines(rows: readonly string[][], right: readonly boolean[]): Promise<string[]> {
  // string-width is loaded only by the commands that lay out a table (start-up time).
  const { width, fit, pad } = await import('../src/ui/layout.js');
  const widths = right.map((_, i) => Math.max(0, ...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) =>
    r.map((c, i) => (i === r.length - 1 ? c : right[i] ? fit(c, widths[i]!, 'right') : pad(c, widths[i]!))).join('  ').trimEnd(),
  );
}

export function registerAttendance(program: Command): void {
  const a = program
    .command('attendance')
    .description(t('attendance.cliDesc'))
    .addHelpText('after', t('attendance.cliHelp', { kinds: EXEMPTION_KINDS.join(t('attendance.sep')) }));

  a.command('plan')
    .description(t('attendance.cliPlanDesc'))
    .requiredOption('--month <YYYY-MM>', t('attendance.optMonth'))
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const { result } = await change(g, 'attendance.plan', tIn('zh', 'attendance.journalPlan', { month }), (tx) => planMonth(tx, month));
      if (g.json) return printJson(result);
      if (!result.covered) say(t('attendance.cliNoCalendar', { year: month.slice(0, 4) }));
      say(t('attendance.cliPlanned', { month, created: result.created.length, existing: result.existing.length }));
      for (const d of result.created) out(d);
      for (const s of result.skipped) say(t('attendance.cliSkipped', { date: s.date, name: s.name }));
    });

  a.command('roster')
    .description(t('attendance.cliRosterDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
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
      out(`${date} ${s.start}–${s.end}${s.cancelled ? t('attendance.cliCancelledTag', { reason: s.cancelled.reason }) : ''}  ${t('attendance.cliDueCount', { n: lines.length })}`);
      for (const l of lines) out(`  ${t('attendance.cliGroupCell', { group: l.group })}  ${l.name}  ${maskIdNumber(l.idNumber)}  ${l.task}  ${l.mark ? word('mark', l.mark.status) : t('attendance.cliUnmarked')}${l.mark?.note ? t('attendance.cliNote', { note: l.mark.note }) : ''}`);
    });

  a.command('mark')
    .description(t('attendance.cliMarkDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
    .option('--id <idNumber>', t('attendance.optId'))
    .option('--status <status>', 'present | late | excused | absent')
    .option('--note <text>', t('attendance.optNote'))
    .option('--rest <status>', t('attendance.optRest'))
    .action(async (opts: { date: string; id?: string; status?: string; note?: string; rest?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      if (opts.rest !== undefined && opts.rest !== 'present') throw new UsageError(t('attendance.cliRestPresentOnly'));
      if (!opts.id && !opts.rest) throw new UsageError(t('attendance.cliWhoToMark'));
      if (opts.id && !opts.status) throw new UsageError(t('attendance.cliNoStatus'));
      const marks: MarkInput[] = opts.id ? [{ idNumber: opts.id, status: statusOption(opts.status!), ...(opts.note !== undefined ? { note: opts.note } : {}) }] : [];
      const { result } = await change(g, 'attendance.mark', tIn('zh', 'attendance.journalMark', { date }), (tx) => markSession(tx, date, marks, opts.rest ? { rest: 'present' } : {}));
      if (g.json) return printJson(result);
      const c = result.counts;
      say(t('attendance.cliMarked', { date, present: c.present, late: c.late, excused: c.excused, absent: c.absent, unmarked: c.unmarked }));
    });

  a.command('summary')
    .description(t('attendance.cliSummaryDesc'))
    .requiredOption('--month <YYYY-MM>', t('attendance.optMonth'))
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const office = await openForReading(g);
      const s = monthSummary(office.view, month, office.now().date);
      if (g.json) return printJson(s);
      out(t('attendance.cliSummaryHead', { month, asOf: s.asOf, n: s.sessions.length, closed: s.closed ? t('attendance.cliClosedTag') : '' }));
      const head = t('attendance.cliSummaryColumns').split('|');
      const cells = s.people.map((p) => [String(p.group), p.name, String(p.due), String(p.attended), String(p.excused), String(p.absent), String(p.unmarked), adviceIn(lang(), p)]);
      for (const line of await alignedLines([head, ...cells], [true, false, true, true, true, true, true, false])) out(line);
      const { warned, recommended } = flagCounts(s);
      if (warned || recommended) say(t('attendance.cliFlagged', { warned, recommended }));
      if (s.unmarkedSessions.length) say(t('attendance.cliUnmarkedSessions', { dates: s.unmarkedSessions.join(t('attendance.sep')) }));
    });

  a.command('close')
    .description(t('attendance.cliCloseDesc'))
    .requiredOption('--month <YYYY-MM>', t('attendance.optMonth'))
    .action(async (opts: { month: string }, cmd: Command) => {
      const g = globals(cmd);
      const month = monthOption(opts.month);
      const { result } = await change(g, 'attendance.close', tIn('zh', 'attendance.journalClose', { month }), (tx) => closeMonth(tx, month));
      if (g.json) return printJson(result);
      say(t('attendance.cliClosed', { month, n: outboundRows(result).length }));
    });

  a.command('amend')
    .description(t('attendance.cliAmendDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
    .requiredOption('--id <idNumber>', t('attendance.optId'))
    .requiredOption('--status <status>', 'present | late | excused | absent')
    .requiredOption('--reason <text>', t('attendance.optAmendReason'))
    .option('--note <text>', t('attendance.optNote'))
    .action(async (opts: { date: string; id: string; status: string; reason: string; note?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const input: MarkInput = { idNumber: opts.id, status: statusOption(opts.status), ...(opts.note !== undefined ? { note: opts.note } : {}) };
      const { result } = await change(g, 'attendance.amend', tIn('zh', 'attendance.journalAmend', { date, reason: opts.reason }), (tx) => amendMark(tx, date, input, opts.reason));
      if (g.json) return printJson({ from: result.from, to: result.to });
      say(t('attendance.cliAmended', { date, from: result.from ? word('mark', result.from.status) : t('attendance.cliUnmarked'), to: word('mark', result.to.status) }));
    });

  const x = a.command('exempt').description(t('attendance.cliExemptDesc', { kinds: EXEMPTION_KINDS.join(t('attendance.sep')) }));
  x.command('add')
    .description(t('attendance.cliExemptAddDesc'))
    .requiredOption('--id <idNumber>', t('attendance.optId'))
    .requiredOption('--kind <kind>', EXEMPTION_KINDS.join(' | '))
    .requiredOption('--from <YYYY-MM-DD>', t('attendance.optFrom'))
    .requiredOption('--to <YYYY-MM-DD>', t('attendance.optTo'))
    .option('--reason <text>', t('attendance.optExemptReason'))
    .action(async (opts: { id: string; kind: string; from: string; to: string; reason?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { result } = await change(g, 'attendance.exempt', tIn('zh', 'attendance.journalExempt', { kind: opts.kind }), (tx) => addExemption(tx, { idNumber: opts.id, kind: opts.kind, from: opts.from, to: opts.to, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) }));
      if (g.json) return printJson(result);
      out(result.id);
      say(t('attendance.cliExempted', { kind: result.kind, from: result.from, to: result.to }));
    });
  x.command('list')
    .description(t('attendance.cliExemptListDesc'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const list = exemptionList(office.view, office.now().date);
      if (g.json) return printJson(list.map(({ current: _c, ...e }) => e));
      if (!list.length) return say(t('attendance.cliNoExemptions'));
      for (const e of list) out(`${e.id}  ${e.name}  ${t('attendance.cliExemptionLine', { kind: e.kind, reason: e.reason, from: e.from, to: e.to })}`);
    });
  x.command('end')
    .description(t('attendance.cliExemptEndDesc'))
    .argument('<exemptionId>', t('attendance.argExemptionId'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optLastDay'))
    .action(async (id: string, opts: { date: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const { result } = await change(g, 'attendance.exempt.end', tIn('zh', 'attendance.journalExemptEnd', { id }), (tx) => endExemption(tx, id, date));
      if (g.json) return printJson(result);
      say(t('attendance.cliExemptEnded', { to: result.to }));
    });

  const gr = a.command('group').description(t('attendance.cliGroupDesc'));
  gr.command('move')
    .description(t('attendance.cliGroupMoveDesc'))
    .requiredOption('--id <idNumber>', t('attendance.optId'))
    .requiredOption('--group <n>', t('attendance.optGroup'))
    .action(async (opts: { id: string; group: string }, cmd: Command) => {
      const g = globals(cmd);
      const n = Number(opts.group);
      const { result } = await change(g, 'attendance.group', tIn('zh', 'attendance.journalGroup'), (tx) => moveToGroup(tx, opts.id, n, settingsOf(tx).labour.groups));
      if (g.json) return printJson(result);
      say(t('attendance.cliMoved', { from: result.from ? t('attendance.cliGroupN', { group: result.from }) : t('attendance.cliNoGroup'), to: t('attendance.cliGroupN', { group: result.to }) }));
    });

  const se = a.command('session').description(t('attendance.cliSessionDesc'));
  se.command('add')
    .description(t('attendance.cliSessionAddDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
    .option('--start <HH:MM>', t('attendance.startTime'))
    .option('--end <HH:MM>', t('attendance.endTime'))
    .option('--task <task>', t('attendance.optTask'))
    .action(async (opts: { date: string; start?: string; end?: string; task?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      await change(g, 'attendance.session.add', tIn('zh', 'attendance.journalSessionAdd', { date }), (tx) => addSession(tx, date, opts));
      if (g.json) return printJson({ date });
      say(t('attendance.cliSessionAdded', { date }));
    });
  se.command('cancel')
    .description(t('attendance.cliSessionCancelDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
    .option('--reason <text>', t('attendance.optCancelReason'))
    .action(async (opts: { date: string; reason?: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      await change(g, 'attendance.session.cancel', tIn('zh', 'attendance.journalSessionCancel', { date, reason: opts.reason ?? '' }), (tx) => cancelSession(tx, date, opts.reason ?? ''));
      if (g.json) return printJson({ date, cancelled: true });
      say(t('attendance.cliSessionCancelled', { date }));
    });

  a.command('sheet')
    .description(t('attendance.cliSheetDesc'))
    .requiredOption('--date <YYYY-MM-DD>', t('attendance.optDate'))
    .requiredOption('--out <file>', t('attendance.optSheetOut'))
    .action(async (opts: { date: string; out: string }, cmd: Command) => {
      const g = globals(cmd);
      const date = dateOption(opts.date);
      const office = await openForReading(g);
      const s = sessionOf(office, date);
      if (s.cancelled) throw new UserError(t('attendance.cliSheetCancelled', { date, reason: s.cancelled.reason }));
      const lines = sessionLines(office.view, s);
      const html = signInSheetHtml({ office: settingsOf(office.view).office.name, date, start: s.start, end: s.end, lines, printed: office.now().date });
      try {
        await writeFile(opts.out, html);
      } catch (err) {
        throw new UserError(t('attendance.cliSheetWriteFailed', { file: opts.out, why: (err as NodeJS.ErrnoException).code === 'ENOENT' ? t('attendance.cliNoFolder') : t('attendance.cliNoPermission') }));
      }
      if (g.json) return printJson({ out: opts.out, people: lines.length });
      say(t('attendance.cliSheetWritten', { file: opts.out, n: lines.length }));
    });
}
