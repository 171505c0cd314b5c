// `jiuzhu report …`: the forms, when each is due, filling and exporting them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openForReading, openOffice, operatorOf, out, printJson, say, UsageError } from './common.js';
import { t } from '../src/i18n/index.js';
import { minuteStamp } from '../src/office/time.js';

const ENCODINGS = ['utf-8-bom', 'gb18030'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** --format and --encoding as fill and export both take them. */
function formatAndEncoding(opts: { out: string; format?: string; encoding?: string }, formats: readonly string[], formatOfFile: (f: string) => string | null): { format: 'csv' | 'xlsx' | 'html'; encoding?: Encoding } {
  const format = opts.format ?? formatOfFile(opts.out) ?? 'csv';
  if (!formats.includes(format)) throw new UsageError(t('reports.cliBadFormat', { formats: formats.join(t('reports.sep')), format }));
  if (opts.encoding && !(ENCODINGS as readonly string[]).includes(opts.encoding)) throw new UsageError(t('reports.cliBadEncoding', { encoding: opts.encoding }));
  return { format: format as 'csv' | 'xlsx' | 'html', ...(opts.encoding ? { encoding: opts.encoding as Encoding } : {}) };
}

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
    if (eq <= 0) throw new UsageError(t('reports.cliBadSet', { set: s }));
    manual[s.slice(0, eq).trim()] = s.slice(eq + 1);
  }
  return manual;
}

export function registerReport(program: Command): void {
  const r = program.command('report').description(t('reports.cliDesc'));

  r.command('list')
    .description(t('reports.cliListDesc'))
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
    .description(t('reports.cliShowDesc'))
    .argument('<reportId>', t('reports.argReportId'))
    .requiredOption('--period <period>', t('reports.optPeriod'))
    .option('--set <cell=value>', t('reports.optSetShow'), collect, [])
    .action(async (reportId: string, opts: { period: string; set: string[] }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const templates = await templatesFor(dataDir(g));
      const { templateById } = await import('../src/reports/template.js');
      const { fillFor, lastManual } = await import('../src/reports/export.js');
      const { periodKey } = await import('../src/reports/period.js');
      const form = templateById(templates, reportId);
      const set = parseSets(opts.set);
      const manual = { ...lastManual(office.view, form.id, periodKey(opts.period)), ...set };
      const report = fillFor(office.view, form, opts.period, office.now().date, manual, Object.keys(set));
      if (g.json) printJson(report);
      else {
        const { reportText } = await import('../src/reports/text.js');
        out(reportText(report));
      }
    });

  r.command('fill')
    .description(t('reports.cliFillDesc'))
    .argument('<reportId>', t('reports.argReportId'))
    .requiredOption('--period <period>', t('reports.optPeriod'))
    .requiredOption('--out <file>', t('reports.optOut'))
    .option('--format <format>', t('reports.optFormat'))
    .option('--set <cell=value>', t('reports.optSetFill'), collect, [])
    .option('--encoding <encoding>', t('reports.optEncoding'))
    .option('--force', t('reports.optForce'))
    .option('--send', t('reports.optSend'))
    .action(async (reportId: string, opts: { period: string; out: string; format?: string; set: string[]; encoding?: string; force?: boolean; send?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const { exportReport, formatOfFile, FORMATS } = await import('../src/reports/export.js');
      const { format, encoding } = formatAndEncoding(opts, FORMATS, formatOfFile);
      const manual = parseSets(opts.set);
      const office = await openOffice(g);
      const templates = await templatesFor(dataDir(g));
      const file = resolve(opts.out);
      const res = await exportReport(office, {
        templates,
        templateId: reportId,
        period: opts.period,
        set: manual,
        format,
        out: file,
        force: !!opts.force,
        send: !!opts.send,
        ...(encoding ? { encoding } : {}),
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
      for (const c of res.failed) say(t('reports.cliForced', { name: c.name, problems: c.problems.join(t('reports.checkSep')) }));
      say(t('reports.cliExported', { title: res.report.title, period: res.report.periodLabel, file, n: res.kept.n }));
      if (res.previous) {
        if (res.changes.length === 0) say(t('reports.cliNoChanges', { at: minuteStamp(res.previous.at) }));
        else {
          say(t('reports.cliChanges', { at: minuteStamp(res.previous.at), n: res.changes.length }));
          for (const c of res.changes.slice(0, 40)) say(`  ${changeText(c)}`);
          if (res.changes.length > 40) say(t('reports.cliMoreChanges', { n: res.changes.length - 40 }));
        }
      }
      if (res.outboundId) say(t('reports.cliQueued'));
    });

  r.command('export')
    .description(t('reports.cliExportDesc'))
    .argument('<reportId>', t('reports.argReportId'))
    .requiredOption('--period <period>', t('reports.optPeriod'))
    .requiredOption('--out <file>', t('reports.optOut'))
    .option('--format <format>', t('reports.optFormat'))
    .option('--fill <n>', t('reports.optFill'))
    .option('--encoding <encoding>', t('reports.optEncoding'))
    .action(async (reportId: string, opts: { period: string; out: string; format?: string; fill?: string; encoding?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { formatOfFile, FORMATS, renderReport, writeReportFile } = await import('../src/reports/export.js');
      const { format, encoding } = formatAndEncoding(opts, FORMATS, formatOfFile);
      const office = await openForReading(g);
      const templates = await templatesFor(dataDir(g));
      const { templateById } = await import('../src/reports/template.js');
      const { keptFill, reportFromKept } = await import('../src/reports/kept.js');
      const { periodKey } = await import('../src/reports/period.js');
      const { settingsOf } = await import('../src/office/context.js');
      const form = templateById(templates, reportId);
      const period = periodKey(opts.period);
      const kept = keptFill(office.view, form, period, opts.fill === undefined ? undefined : Number(opts.fill));
      const s = settingsOf(office.view);
      const report = reportFromKept(form, kept, { code: s.office.code, name: s.office.name });
      const file = resolve(opts.out);
      await writeReportFile(file, await renderReport(report, format, encoding ?? s.office.outboundEncoding));
      if (g.json) printJson({ id: kept.id, reportId: form.id, period, file, format, at: kept.at });
      else say(t('reports.cliReexported', { at: minuteStamp(kept.at), n: kept.n, title: form.title, period: report.periodLabel, file }));
    });
}
