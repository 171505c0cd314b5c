#!/usr/bin/env node
// The `jiuzhu` command. Ink and React are loaded only by the commands that
// open the app, so `status` and `sync once` start fast on an old PC.
import { Command, CommanderError } from 'commander';
import { say, UsageError } from './common.js';
import { UserFacingError } from '../src/office/errors.js';
import { registerCase } from './case.js';
import { registerCaseFlow } from './caseFlow.js';
import { registerOffice } from './office.js';
import { registerSync } from './sync.js';
import { registerDaemon } from './daemon.js';
import { registerAttendance } from './attendance.js';
import { registerReport } from './report.js';
import { registerRecipients } from './recipients.js';
import { registerBackup } from './backup.js';
import { maskIds } from '../src/office/privacy.js';
import { setLang, langFrom } from '../src/i18n/index.js';

// The language is chosen once, before any word is looked up: --lang, then LC_ALL/LC_MESSAGES/LANG.
setLang(langFrom(process.argv.slice(2), process.env));

process.noDeprecation = true;

/** commander speaks English; the clerks read Chinese. */
function translateCommanderError(s: string): string {
  const rules: [RegExp, string][] = [
    [/^error: unknown command '(.+)'/, '不认识的命令「$1」：用 jiuzhu --help 查看全部命令'],
    [/^error: unknown option '(.+)'/, '不认识的选项「$1」：用 --help 查看这个命令的选项'],
    [/^error: missing required argument '(.+)'/, '缺少参数 $1：用 --help 查看用法'],
    [/^error: required option '(.+)' not specified/, '缺少必填选项 $1'],
    [/^error: option '(.+)' argument missing/, '选项 $1 后面缺少值'],
    [/^error: too many arguments(?: for '(.+)')?\..*/, '参数太多：用 --help 查看用法'],
  ];
  for (const [re, zh] of rules) if (re.test(s)) return `${s.replace(re, zh).split('\n')[0]}\n`;
  return s;
}

const program = new Command('jiuzhu')
  .description('救助：社区社会救助工作站的终端应用与同步守护进程')
  .option('--data <dir>', '办公室数据文件夹（也可用环境变量 JIUZHU_DATA）')
  .option('--shared <dir>', '共享交换文件夹（默认用 init 时保存的）')
  .option('--json', '输出机器可读的 JSON')
  .option('--operator <name>', '经办人（也可用环境变量 JIUZHU_OPERATOR）')
  .option('--lang <lang>', '界面语言：zh（默认）或 en（也看 LC_ALL、LANG）')
  .showSuggestionAfterError(true)
  .allowExcessArguments(true)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(maskIds(s)), outputError: (s, write) => write(translateCommanderError(s)) });

// string-width builds a large Unicode table when loaded (~35 ms); only help needs it.
const argv = process.argv.slice(2);
if (argv.length === 0 || argv.some((a) => a === '-h' || a === '--help' || a === 'help') || (argv.length === 1 && argv[0] === 'case')) {
  const { default: stringWidth } = await import('string-width');
  program.configureHelp({ displayWidth: (s) => stringWidth(s) });
}

registerOffice(program);
registerCase(program);
registerSync(program);
registerDaemon(program);
registerAttendance(program);
registerReport(program);
registerRecipients(program);
registerCaseFlow(program);
registerBackup(program);

for (const c of program.commands) {
  c.exitOverride();
  for (const sub of c.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here too, successfully.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    say(err.message);
    process.exitCode = 2;
  } else if (err instanceof UserFacingError) {
    say((err as Error).message);
    if (process.env.JIUZHU_DEBUG === '1') process.stderr.write(`${maskIds((err as Error).stack ?? '')}\n`);
    process.exitCode = 1;
  } else {
    const e = err as NodeJS.ErrnoException;
    const where = e.path ? `（${e.path}）` : '';
    const hint =
      e.code === 'ENOSPC' ? '磁盘已满，请腾出空间后重试；已保存的数据不受影响'
        : e.code === 'EACCES' || e.code === 'EPERM' ? '没有权限读写该文件或文件夹'
          : e.code === 'ENOENT' ? '文件或文件夹不存在'
            : '设置环境变量 JIUZHU_DEBUG=1 可看到详细信息';
    say(`出错了${where}：${hint}。${e.message ? `（${e.message}）` : ''}`);
    if (process.env.JIUZHU_DEBUG === '1') process.stderr.write(`${maskIds(e.stack ?? '')}\n`);
    process.exitCode = 1;
  }
}
