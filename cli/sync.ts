// `jiuzhu sync once | import roster | enrolment list | pending list`: the
// exchange with the township and county, and what it leaves for the clerk.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { settingsOf } from '../src/office/context.js';
import { openPending, pendingRow } from '../src/office/pending.js';
import { formatYuan } from '../src/rules/money.js';
import { enrolmentRows } from '../src/recipients/enrolmentList.js';
import type { Office } from '../src/store/office.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, say, UserError, type Globals, table } from './common.js';
import { t, tIn, word } from '../src/i18n/index.js';
import { outcomeWord } from '../src/dashboard/receipts.js';

export function sharedDirOf(g: Globals, office: Office): string {
  const dir = g.shared ?? settingsOf(office.view).office.shared;
  if (!dir) throw new UserError(t('sync.noShared'));
  return resolve(dir);
}


/** Runs what reads a file the clerk named; a missing file is said as such. */
async function givenFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(t('sync.fileNotFound', { file }));
    throw err;
  }
}

export function registerSync(program: Command): void {
  const sync = program.command('sync').description(t('sync.help.sync'));
  sync
    .command('once')
    .description(t('sync.help.once'))
    .option('--strict', t('sync.help.strict'))
    .action(async (opts: { strict?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { syncOnce } = await import('../src/sync/run.js');
      const report = await syncOnce(office, { shared: sharedDirOf(g, office), strict: opts.strict ?? false });
      if (g.json) printJson({ files: report.files, exported: report.exported });
      else {
        if (!report.files.length && !report.exported.length) say(t('sync.noNewFiles'));
        for (const f of report.files) {
          out(t('sync.fileLine', { outcome: outcomeWord(f.outcome), name: f.name, applied: f.applied, unchanged: f.unchanged, stale: f.stale, rejected: f.rejected, pending: f.pending, receipt: f.receipt }));
        }
        for (const e of report.exported) out(t('sync.exportedLine', { name: e }));
        if (report.arriving) say(t('sync.arriving', { count: report.arriving }));
      }
      if (report.problems.length) {
        for (const p of report.problems) say(p);
        process.exitCode = 1;
      }
    });

  sync
    .command('preview')
    .description(t('sync.help.preview'))
    .argument('<file>', t('sync.help.previewFile'))
    .option('--strict', t('sync.help.strict'))
    .action(async (file: string, opts: { strict?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { previewFile, previewJson } = await import('../src/sync/preview.js');
      const { KIND_SPECS } = await import('../src/exchange/inbound/index.js');
      const p = await givenFile(file, () => previewFile(office, resolve(file), opts.strict ?? false));
      if (g.json) return printJson(previewJson(p));
      out(t('sync.preview.head', { name: p.name, kind: p.kind ? KIND_SPECS[p.kind].title : t('sync.preview.unknownKind'), outcome: outcomeWord(p.outcome), ...p.counts }));
      for (const r of p.rows) out(t('sync.preview.row', { row: r.row, result: r.result, caseNo: r.caseNo, idNumber: r.idNumber, reason: r.reason }));
    });

  const imp = program.command('import').description(t('sync.help.import'));
  imp
    .command('roster')
    .description(t('sync.help.roster'))
    .argument('<file>', t('sync.help.rosterFile'))
    .option('--strict', t('sync.help.strict'))
    .action(async (file: string, opts: { strict?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { importFile } = await import('../src/sync/file.js');
      const shared = g.shared ?? settingsOf(office.view).office.shared;
      const report = await givenFile(file, () => importFile(office, resolve(file), 'roster', shared ? resolve(shared) : null, opts.strict ?? false));
      if (g.json) printJson(report);
      else out(t('sync.importLine', { outcome: outcomeWord(report.outcome), name: report.name, applied: report.applied, unchanged: report.unchanged, rejected: report.rejected, pending: report.pending, receipt: report.receipt }));
    });

  const enrolment = program.command('enrolment').description(t('sync.help.enrolment'));
  enrolment
    .command('cover')
    .description(t('recipients.coverage.help'))
    .argument('<caseNo>', t('recipients.coverage.caseArg'))
    .option('--members <ids>', t('recipients.coverage.membersOpt'))
    .action(async (caseNo: string, opts: { members?: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { coverMembers, coveredNames } = await import('../src/recipients/coverage.js');
      const ids = opts.members === undefined ? null : opts.members.split(/[,\uFF0C]/).map((x) => x.trim().toUpperCase()).filter(Boolean);
      const names = (covered: readonly string[]) => coveredNames(office.view, covered).join(t('recipients.coverage.nameSeparator'));
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'enrolment.cover', summary: tIn('zh', 'recipients.coverage.summary', { caseNo, names: (ids ?? []).join(',') }) },
        (tx) => coverMembers(tx, caseNo, ids, operatorOf(g, office)),
      );
      if (g.json) return printJson({ caseNo, covered: result });
      out(t('recipients.coverage.saved', { caseNo, names: names(result) }));
    });
  enrolment
    .command('list')
    .description(t('sync.help.enrolmentList'))
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = enrolmentJson(office);
      if (g.json) return printJson(rows.map(({ householdId: _h, ...r }) => r));
      if (!rows.length) return say(t('sync.noEnrolments'));
      const { coverageText } = await import('../src/recipients/coverage.js');
      const cells = rows.map((r) => [
        r.householderName,
        r.program,
        word('enrolmentStatus', r.status),
        t('sync.enrolmentAmount', { amount: formatYuan(r.monthlyAmountFen) }),
        t('sync.enrolmentPersons', { persons: r.persons }),
        t('sync.enrolmentCategory', { category: r.category ?? '-' }),
        t('sync.enrolmentSince', { since: r.since }),
        r.caseNo ?? t('sync.fromRoster'),
        coverageText(office.view, r) ?? '',
      ]);
      for (const line of await table(cells, ['left', 'left', 'left', 'right', 'right'])) out(line);
    });

  program
    .command('pending')
    .description(t('sync.help.pending'))
    .command('list')
    .description(t('sync.help.pendingList'))
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const rows = openPending(office.view).map(pendingRow);
      if (g.json) return printJson(rows);
      if (!rows.length) return say(t('sync.noPending'));
      for (const r of rows) out(`${r.since}  ${r.householderName || '-'}  ${r.caseNo ?? ''}  ${r.reason}`);
    });
}

/** `enrolment list --json` (cli.md): current recipients first, then by start month. */
function enrolmentJson(office: Office) {
  return enrolmentRows(office.view, office.now().date)
    .map(({ householderId, householderName, program, status, monthlyAmountFen, persons, category, since, caseNo, covered, householdId }) => ({
      householderId, householderName, program, status, monthlyAmountFen, persons, category, since, caseNo, covered, householdId,
    }))
    .sort((a, b) => a.status.localeCompare(b.status) || a.since.localeCompare(b.since) || a.householderId.localeCompare(b.householderId));
}
