// `jiuzhu report …`: the forms, when each is due, filling and exporting them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError } from './common.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function templatesFor(data: string) {
  const { officeTemplates } = await import('../src/reports/template.js');
  return officeTemplates(data);
}

function parseSets(sets: string[]): Record<string, string> {
  const manual: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set 应写成 格子=值，例如 --set A.disabled=2 或 --set preparer=王芳，而不是「${s}」`);
    manual[s.slice(0, eq).trim()] = s.slice(eq + 1);
  }
  return manual;
}

export function registerReport(program: Command): void {
  const r = program.command('report').description('报表：应报清单、填报与导出（CSV / xlsx / 可打印 HTML）');

  r.command('list')
    .description('列出全部报表、下一个报送期限、本期是否已报、哪些已超期')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const templates = await templatesFor(dataDir(g));
      const { dueStateText, reportsDue } = await import('../src/reports/due.js');
      const rows = reportsDue(office.view, office.now().date, templates);
      if (g.json) {
        printJson(
          rows.map((x) => {
            const t = templates.find((y) => y.id === x.templateId)!;
            return {
              id: x.templateId, title: x.title, period: t.period, rule: x.rule, dueFor: x.period, due: x.due,
              done: x.done, overdue: x.overdue, overduePeriods: x.overduePeriods, lastFilled: x.lastFilled,
            };
          }),
        );
        return;
      }
      for (const x of rows) {
        out(`${x.templateId}  ${x.title}  ${x.rule}  ${dueStateText(x)}`.trimEnd());
      }
    });

  r.command('show')
    .description('在终端里查看填好的报表和核对结果（不保存）')
    .argument('<reportId>', '报表编号，见 jiuzhu report list')
    .requiredOption('--period <period>', '报表期：2026-11 | 2026-Q4 | 2026')
    .option('--set <cell=value>', '手填的格子或表头（可重复）', collect, [])
    .action(async (reportId: string, opts: { period: string; set: string[] }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const templates = await templatesFor(dataDir(g));
      const { templateById } = await import('../src/reports/template.js');
      const { fillFor, lastManual } = await import('../src/reports/export.js');
      const t = templateById(templates, reportId);
      const set = parseSets(opts.set);
      const manual = { ...lastManual(office.view, t.id, opts.period.trim().toUpperCase()), ...set };
      const report = fillFor(office.view, t, opts.period, office.now().date, manual, Object.keys(set));
      if (g.json) printJson(report);
      else {
        const { reportText } = await import('../src/reports/text.js');
        out(reportText(report));
      }
    });

  r.command('fill')
    .description('填报并导出一张报表；核对不通过时不导出（除非加 --force）')
    .argument('<reportId>', '报表编号，见 jiuzhu report list')
    .requiredOption('--period <period>', '报表期：2026-11 | 2026-Q4 | 2026')
    .requiredOption('--out <file>', '导出到的文件')
    .option('--format <format>', 'csv | xlsx | html（默认按文件扩展名，否则 csv）')
    .option('--set <cell=value>', '手填的格子（行.列）或表头字段，例如 --set A.disabled=2 --set preparer=王芳（可重复）', collect, [])
    .option('--encoding <encoding>', 'CSV 编码：utf-8-bom | gb18030（默认按办公室设置）')
    .option('--force', '核对未通过也导出（会记下是强制导出的）')
    .option('--send', '同时放一份到发往街道的发件箱')
    .action(async (reportId: string, opts: { period: string; out: string; format?: string; set: string[]; encoding?: string; force?: boolean; send?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const { exportReport, formatOfFile, FORMATS } = await import('../src/reports/export.js');
      const format = opts.format ?? formatOfFile(opts.out) ?? 'csv';
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，而不是「${format}」`);
      if (opts.encoding && opts.encoding !== 'utf-8-bom' && opts.encoding !== 'gb18030') {
        throw new UsageError(`--encoding 应为 utf-8-bom 或 gb18030，而不是「${opts.encoding}」`);
      }
      const manual = parseSets(opts.set);
      const office = await openOffice(g);
      const templates = await templatesFor(dataDir(g));
      const file = resolve(opts.out);
      const res = await exportReport(office, {
        templates,
        templateId: reportId,
        period: opts.period,
        set: manual,
        format: format as 'csv' | 'xlsx' | 'html',
        out: file,
        force: !!opts.force,
        send: !!opts.send,
        ...(opts.encoding ? { encoding: opts.encoding as 'utf-8-bom' | 'gb18030' } : {}),
        by: operatorOf(g, office),
      });
      const { changeText } = await import('../src/reports/kept.js');
      if (g.json) {
        printJson({
          id: res.kept.id, reportId: res.kept.templateId, period: res.kept.period, file, format, at: res.kept.at,
          forced: res.kept.forced, failed: res.failed.map((c) => ({ name: c.name, problems: c.problems })),
          changes: res.changes, outbound: res.outboundId,
        });
        return;
      }
      for (const c of res.failed) say(`！核对未通过（已按 --force 导出）：${c.name}：${c.problems.join('；')}`);
      say(`已导出 ${res.report.title}（${res.report.periodLabel}）到 ${file}，这是本期第 ${res.kept.n} 次填报`);
      if (res.previous) {
        if (res.changes.length === 0) say(`与 ${res.previous.at.slice(0, 16).replace('T', ' ')} 的上次填报相比没有变化`);
        else {
          say(`与 ${res.previous.at.slice(0, 16).replace('T', ' ')} 的上次填报相比有 ${res.changes.length} 处变化：`);
          for (const c of res.changes.slice(0, 40)) say(`  ${changeText(c)}`);
          if (res.changes.length > 40) say(`  ……另有 ${res.changes.length - 40} 处`);
        }
      }
      if (res.outboundId) say('已放入发往街道的发件箱，下次同步时发出');
    });

  r.command('export')
    .description('把已填报的一期报表按当时的数字再导出一次（不重新统计）')
    .argument('<reportId>', '报表编号，见 jiuzhu report list')
    .requiredOption('--period <period>', '报表期：2026-11 | 2026-Q4 | 2026')
    .requiredOption('--out <file>', '导出到的文件')
    .option('--format <format>', 'csv | xlsx | html（默认按文件扩展名，否则 csv）')
    .option('--fill <n>', '第几次填报（默认最近一次）')
    .option('--encoding <encoding>', 'CSV 编码：utf-8-bom | gb18030（默认按办公室设置）')
    .action(async (reportId: string, opts: { period: string; out: string; format?: string; fill?: string; encoding?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { formatOfFile, FORMATS, renderReport, ReportError, writeReportFile } = await import('../src/reports/export.js');
      const format = opts.format ?? formatOfFile(opts.out) ?? 'csv';
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，而不是「${format}」`);
      if (opts.encoding && opts.encoding !== 'utf-8-bom' && opts.encoding !== 'gb18030') {
        throw new UsageError(`--encoding 应为 utf-8-bom 或 gb18030，而不是「${opts.encoding}」`);
      }
      const office = await openForReading(g);
      const templates = await templatesFor(dataDir(g));
      const { templateById } = await import('../src/reports/template.js');
      const { fillsOf, reportFromKept } = await import('../src/reports/kept.js');
      const { settingsOf } = await import('../src/office/context.js');
      const t = templateById(templates, reportId);
      const period = opts.period.trim().toUpperCase();
      const fills = fillsOf(office.view, t.id, period);
      const kept = opts.fill ? fills.find((f) => f.n === Number(opts.fill)) : fills[fills.length - 1];
      if (!kept) {
        throw new ReportError(
          fills.length ? `${t.title} ${period} 没有第 ${opts.fill} 次填报：共填报过 ${fills.length} 次` : `${t.title} ${period} 还没有填报过：请先用 jiuzhu report fill 填报`,
        );
      }
      const s = settingsOf(office.view);
      const report = reportFromKept(t, kept, { code: s.office.code, name: s.office.name });
      const file = resolve(opts.out);
      await writeReportFile(file, await renderReport(report, format as 'csv' | 'xlsx' | 'html', (opts.encoding as 'utf-8-bom' | 'gb18030' | undefined) ?? s.office.outboundEncoding));
      if (g.json) printJson({ id: kept.id, reportId: t.id, period, file, format, at: kept.at });
      else say(`已按 ${kept.at.slice(0, 16).replace('T', ' ')} 第 ${kept.n} 次填报的数字导出 ${t.title}（${report.periodLabel}）到 ${file}`);
    });
}
