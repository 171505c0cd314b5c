// `jiuzhu case advance | correct | print` and `jiuzhu notice print`: the
// case's way on the command line, the twins of the case screen.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { advanceCase, exportAgain, splitNames, STEPS , stepWord } from '../src/case/steps.js';
import { caseFormHtml, FORMS, formWord, noticeHtml } from '../src/print/forms.js';
import { globals, openForReading, openOffice, operatorOf, out, printJson, readIntakeFile, say, UsageError, UserError } from './common.js';
import { word } from '../src/i18n/index.js';
import { caseOrThrow } from '../src/case/lookup.js';

/** Names as the clerk types them: 王芳,李强 or 王芳、李强 or 王芳，李强. */
const names = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : splitNames(v));

async function writeOut(file: string, html: string): Promise<void> {
  try {
    await writeFile(file, html, 'utf8');
  } catch (err) {
    throw new UserError(`写不了 ${file}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）：请检查文件夹是否存在、是否有权限`);
  }
}

export function registerCaseFlow(program: Command): void {
  const c = program.commands.find((x) => x.name() === 'case') ?? program.command('case');

  c.command('advance')
    .description('办理下一步：accept 受理 | investigate 入户调查 | review 民主评议 | notice 公示 |\nobjection 登记异议 | resolve 异议复核 | submit 上报 | withdraw 撤回')
    .argument('<caseNo>', '申请编号')
    .argument('<step>', STEPS.join(' | '))
    .option('--date <date>', '这一步的日期 YYYY-MM-DD，默认今天')
    .option('--by <names>', '调查人员（至少两名）或评议小组成员，逗号分隔')
    .option('--result <result>', '评议结果：通过 | 不通过 | 未评议（未评议须用 --note 写明原因）')
    .option('--note <text>', '调查发现、评议说明、异议内容、复核结论或撤回原因')
    .option('--materials <list>', '受理时新收到的材料，逗号分隔')
    .action(async (caseNo: string, step: string, opts: { date?: string; by?: string; result?: string; note?: string; materials?: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(STEPS as readonly string[]).includes(step)) throw new UsageError(`不认识的步骤「${step}」：应为 ${STEPS.join('、')} 之一`);
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
        
        out(`${result.caseNo} ${stepWord(s)}（${result.date}）：现在是「${word('status', result.status)}」`);
        if (result.outbound.length) say(`已排入上报文件（申请上报、家庭成员），下次同步时写入共享文件夹 outbox`);
      }
      for (const w of result.warnings) say(`注意：${w}`);
    });

  c.command('correct')
    .description('更正一件申请（街道退回后按意见更正，之后可再次上报）')
    .argument('<caseNo>', '申请编号')
    .requiredOption('--note <text>', '更正了什么、依据什么（必填）')
    .option('--materials <list>', '补交的材料，逗号分隔')
    .option('--from <file>', '更正后的家庭情况（与 case add 相同格式的 JSON 文件）')
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
        { operator: operatorOf(g, office), source: 'local', action: 'case.correct', summary: `${caseNo.trim()} 更正` },
        (tx) => correctCase(tx, caseNo.trim(), { note: opts.note, materials: extra, intake }),
      );
      if (g.json) printJson(result);
      else {
        out(`${result.caseNo} 已更正`);
        if (result.missing.length) say(`材料仍缺：${result.missing.join('、')}`);
        if (result.status === 'returned') say('可以再次上报：jiuzhu case advance 编号 submit');
      }
    });

  c.command('export')
    .description('重新导出已上报申请的上报文件，下次同步时写入 outbox')
    .argument('<caseNo>', '申请编号')
    .action(async (caseNo: string, _opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { result } = await office.transact(
        { operator: operatorOf(g, office), source: 'local', action: 'case.export', summary: `${caseNo.trim()} 重新导出` },
        (tx) => exportAgain(tx, caseNo.trim()),
      );
      if (g.json) printJson({ caseNo: caseNo.trim(), outbound: result });
      else say('已排入上报文件（申请上报、家庭成员），下次同步时写入共享文件夹 outbox');
    });

  c.command('print')
    .description('打印表格（A4 HTML）：receipt 受理回执 | application 申请审批表 | refusal 不予批准通知书')
    .argument('<caseNo>', '申请编号')
    .argument('<form>', FORMS.join(' | '))
    .requiredOption('--out <file>', '保存为 HTML 文件，用浏览器打开打印')
    .action(async (caseNo: string, form: string, opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      if (!(FORMS as readonly string[]).includes(form)) throw new UsageError(`不认识的表格「${form}」：应为 ${FORMS.join('、')} 之一`);
      const office = await openForReading(g);
      const rec = caseOrThrow(office.view, caseNo);
      const f = form as Parameters<typeof caseFormHtml>[2];
      await writeOut(opts.out, caseFormHtml(office.view, rec, f, office.now().date, operatorOf(g, office)));
      if (g.json) printJson({ caseNo: rec.caseNo, form, out: opts.out });
      else say(`${formWord(f)}已保存到 ${opts.out}，用浏览器打开后打印（A4）`);
    });

  const n = program.command('notice').description('公示名单');
  n.command('print')
    .description('打印公示名单（A4 HTML，姓名已遮挡）：当前处在公示期的全部申请')
    .requiredOption('--out <file>', '保存为 HTML 文件')
    .action(async (opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openForReading(g);
      const { html, count } = noticeHtml(office.view, office.now().date);
      await writeOut(opts.out, html);
      if (g.json) printJson({ count, out: opts.out });
      else say(`公示名单（${count} 户）已保存到 ${opts.out}`);
    });
}
