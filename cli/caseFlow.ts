// `jiuzhu case advance | deliver | correct | print` and `jiuzhu notice print`: the
// case's way on the command line, the twins of the case screen.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { advanceCase, exportAgain, REVIEW_RESULTS, splitNames, STEPS, stepWord } from '../src/case/steps.js';
import { caseFormHtml, FORMS, formWord, noticeHtml } from '../src/print/forms.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, readIntakeFile, say, UsageError, UserError } from './common.js';
import { t, word } from '../src/i18n/index.js';
import { caseOrThrow } from '../src/case/lookup.js';
import { deliverRefusalNotice } from '../src/case/refusalDelivery.js';

/** Names as the clerk types them (see splitNames). */
const names = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : splitNames(v));

async function writeOut(file: string, html: string): Promise<void> {
  try {
    await writeFile(file, html, 'utf8');
  } catch (err) {
    throw new UserError(t('case.cannotWrite', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
}

export function registerCaseFlow(program: Command): void {
  const c = program.commands.find((x) => x.name() === 'case') ?? program.command('case');

  c.command('advance')
    .description(t('case.helpAdvance'))
    .argument('<caseNo>', t('case.helpCaseNo'))
    .argument('<step>', STEPS.join(' | '))
    .option('--date <date>', t('case.helpAdvanceDate'))
    .option('--by <names>', t('case.helpAdvanceBy'))
    .option('--result <result>', t('case.helpAdvanceResult', { values: REVIEW_RESULTS.join(' | ') }))
    .option('--note <text>', t('case.helpAdvanceNote'))
    .option('--materials <list>', t('case.helpAdvanceMaterials'))
    .action(async (caseNo: string, step: string, opts: { date?: string; by?: string; result?: string; note?: string; materials?: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(STEPS as readonly string[]).includes(step)) throw new UsageError(t('case.unknownStep', { step, steps: STEPS.join(t('case.nameSep')) }));
      const by = names(opts.by);
      const materials = names(opts.materials);
      const office = await openOffice(g);
      const s = step as Parameters<typeof advanceCase>[2];
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: `case.${step}`, summary: `${caseNo.trim()} ${stepWord(s)}` },
        (tx) => advanceCase(tx, caseNo.trim(), s, { date: opts.date, by, result: opts.result, note: opts.note, materials }),
      );
      if (g.json) printJson(result);
      else {
        out(t('case.advanced', { caseNo: result.caseNo, step: stepWord(s), date: result.date, status: word('status', result.status) }));
        if (result.outbound.length) say(t('case.outboundQueued'));
      }
      for (const w of result.warnings) say(t('case.warning', { warning: w }));
    });

  c.command('deliver')
    .description(t('case.helpDeliver'))
    .argument('<caseNo>', t('case.helpCaseNo'))
    .option('--date <date>', t('case.helpDeliverDate'))
    .option('--by <name>', t('case.helpDeliverBy'))
    .option('--note <text>', t('case.helpDeliverNote'))
    .action(async (caseNo: string, opts: { date?: string; by?: string; note?: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.deliver', summary: t('case.deliverSummary', { caseNo: caseNo.trim() }) },
        (tx) => deliverRefusalNotice(tx, caseNo.trim(), opts),
      );
      if (g.json) printJson(result);
      else out(t('case.delivered', result));
    });

  c.command('correct')
    .description(t('case.helpCorrect'))
    .argument('<caseNo>', t('case.helpCaseNo'))
    .requiredOption('--note <text>', t('case.helpCorrectNote'))
    .option('--materials <list>', t('case.helpCorrectMaterials'))
    .option('--from <file>', t('case.helpCorrectFrom'))
    .action(async (caseNo: string, opts: { note: string; materials?: string; from?: string }, cmd: Command) => {
      const g = globals(cmd);
      let intake: import('../src/case/intake.js').CheckedIntake | undefined;
      if (opts.from) {
        const { checkIntake, IntakeError } = await import('../src/case/intake.js');
        const checked = checkIntake(await readIntakeFile(opts.from));
        if (!checked.ok) throw new IntakeError(checked.problems);
        intake = checked.value;
      }
      const { correctCase } = await import('../src/case/correction.js');
      const extra = names(opts.materials);
      const office = await openOffice(g);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.correct', summary: `${caseNo.trim()} ${t('case.correctWord')}` },
        (tx) => correctCase(tx, caseNo.trim(), { note: opts.note, materials: extra, intake }),
      );
      if (g.json) printJson(result);
      else {
        out(t('case.corrected', { caseNo: result.caseNo }));
        if (result.missing.length) say(t('case.stillMissing', { missing: result.missing.join(t('case.nameSep')) }));
        if (result.status === 'returned') say(t('case.submitAgain', { caseNo: result.caseNo }));
      }
    });

  c.command('export')
    .description(t('case.helpExport'))
    .argument('<caseNo>', t('case.helpCaseNo'))
    .action(async (caseNo: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.export', summary: t('case.exportSummary', { caseNo: caseNo.trim() }) },
        (tx) => exportAgain(tx, caseNo.trim()),
      );
      if (g.json) printJson({ caseNo: caseNo.trim(), outbound: result });
      else say(t('case.outboundQueued'));
    });

  c.command('print')
    .description(t('case.helpPrint'))
    .argument('<caseNo>', t('case.helpCaseNo'))
    .argument('<form>', FORMS.join(' | '))
    .requiredOption('--out <file>', t('case.helpPrintOut'))
    .action(async (caseNo: string, form: string, opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(FORMS as readonly string[]).includes(form)) throw new UsageError(t('case.unknownForm', { form, forms: FORMS.join(t('case.nameSep')) }));
      const office = await openForReading(g);
      const rec = caseOrThrow(office.view, caseNo);
      const f = form as Parameters<typeof caseFormHtml>[2];
      await writeOut(opts.out, caseFormHtml(office.view, rec, f, office.now().date, operatorOf(g, office)));
      if (g.json) printJson({ caseNo: rec.caseNo, form, out: opts.out });
      else say(t('case.printSavedTo', { form: formWord(f), file: opts.out }));
    });

  const n = program.command('notice').description(t('case.helpNotice'));
  n.command('print')
    .description(t('case.helpNoticePrint'))
    .requiredOption('--out <file>', t('case.helpNoticeOut'))
    .action(async (opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { html, count } = noticeHtml(office.view, office.now().date);
      await writeOut(opts.out, html);
      if (g.json) printJson({ count, out: opts.out });
      else say(t('case.noticeSavedTo', { count, file: opts.out }));
    });
}
