// `jiuzhu sync once | import roster | enrolment list | pending list`: the
// exchange with the township and county, and what it leaves for the clerk.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { settingsOf } from '../src/office/context.js';
import { openPending, pendingRow } from '../src/office/pending.js';
import { formatYuan } from '../src/rules/money.js';
import { enrolmentRows } from '../src/recipients/recipients.js';
import type { Office } from '../src/store/office.js';
import { globals, openForReading, openOffice, out, printJson, say, UserError, type Globals } from './common.js';
import { word } from '../src/i18n/index.js';

export function sharedDirOf(g: Globals, office: Office): string {
  const dir = g.shared ?? settingsOf(office.view).office.shared;
  if (!dir) throw new UserError('没有设置共享交换文件夹：请加 --shared 文件夹，或在 init 时用 --shared 指定');
  return resolve(dir);
}

const OUTCOME_WORDS = { applied: '已应用', partial: '部分应用', rejected: '被拒绝', duplicate: '重复文件' } as const;

export function registerSync(program: Command): void {
  const sync = program.command('sync').description('与街道、区县交换文件');
  sync
    .command('once')
    .description('读收件箱、合并、写回执、写出待上报文件，然后退出')
    .option('--strict', '文件中有任何错误行就整个文件不应用')
    .action(async (opts: { strict?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { syncOnce } = await import('../src/sync/run.js');
      const report = await syncOnce(office, { shared: sharedDirOf(g, office), strict: opts.strict ?? false });
      if (g.json) printJson({ files: report.files, exported: report.exported });
      else {
        if (!report.files.length && !report.exported.length) say('没有新文件。');
        for (const f of report.files) {
          out(`${OUTCOME_WORDS[f.outcome]}  ${f.name}  应用 ${f.applied}，未变化 ${f.unchanged}，过时 ${f.stale}，拒绝 ${f.rejected}，待处理 ${f.pending}  回执 ${f.receipt}`);
        }
        for (const e of report.exported) out(`已上报  ${e}`);
        if (report.arriving) say(`${report.arriving} 个文件还在复制中，下次再读。`);
      }
      if (report.problems.length) {
        for (const p of report.problems) say(p);
        process.exitCode = 1;
      }
    });

  const imp = program.command('import').description('导入文件');
  imp
    .command('roster')
    .description('导入花名册（区县的在保名单，或本社区的旧台账）')
    .argument('<file>', '花名册 CSV 文件')
    .option('--strict', '文件中有任何错误行就整个文件不应用')
    .action(async (file: string, opts: { strict?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { importFile } = await import('../src/sync/file.js');
      const shared = g.shared ?? settingsOf(office.view).office.shared;
      let report;
      try {
        report = await importFile(office, resolve(file), 'roster', shared ? resolve(shared) : null, opts.strict ?? false);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`找不到文件 ${file}：请检查路径`);
        throw err;
      }
      if (g.json) printJson(report);
      else out(`${OUTCOME_WORDS[report.outcome]}  ${report.name}  应用 ${report.applied}，未变化 ${report.unchanged}，拒绝 ${report.rejected}，待处理 ${report.pending}  回执 ${report.receipt}`);
    });

  program
    .command('enrolment')
    .description('在保对象')
    .command('list')
    .description('列出当前和过去的保障对象')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = enrolmentJson(office);
      if (g.json) return printJson(rows);
      if (!rows.length) return say('还没有保障对象。');
      for (const r of rows) {
        out(`${r.householderName}  ${r.program}  ${word('enrolmentStatus', r.status)}  ${formatYuan(r.monthlyAmountFen)}/月  ${r.persons} 人  ${r.category ?? '-'}类  自 ${r.since}  ${r.caseNo ?? '花名册'}`);
      }
    });

  program
    .command('pending')
    .description('待处理事项')
    .command('list')
    .description('列出需要工作人员处理的事项')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = openPending(office.view).map(pendingRow);
      if (g.json) return printJson(rows);
      if (!rows.length) return say('没有待处理事项。');
      for (const r of rows) out(`${r.since}  ${r.householderName || '-'}  ${r.caseNo ?? ''}  ${r.reason}`);
    });
}

/** `enrolment list --json` (cli.md): current recipients first, then by start month. */
function enrolmentJson(office: Office) {
  return enrolmentRows(office.view, office.now().date)
    .map(({ householderId, householderName, program, status, monthlyAmountFen, persons, category, since, caseNo }) => ({
      householderId, householderName, program, status, monthlyAmountFen, persons, category, since, caseNo,
    }))
    .sort((a, b) => a.status.localeCompare(b.status) || a.since.localeCompare(b.since) || a.householderId.localeCompare(b.householderId));
}
