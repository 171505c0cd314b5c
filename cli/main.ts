#!/usr/bin/env node
// The `jiuzhu` command. Ink and React are loaded only by the commands that
// open the app, and each command's module only when that command runs, so
// `status` and `sync once` start fast on an old PC (docs/architecture.md "Start-up").
import { Command, CommanderError } from 'commander';
import { quietOnClosedPipe, say, UsageError } from './common.js';
import { UserFacingError } from '../src/office/errors.js';
import { registrationsFor } from './commands.js';
import { maskIds } from '../src/office/privacy.js';
import { loadLang, setLang, langFrom, t } from '../src/i18n/index.js';
import { localiseCommands, translateCommanderError } from './localise.js';

// The language is chosen once, before any word is looked up: --lang, then LC_ALL/LC_MESSAGES/LANG.
const chosen = langFrom(process.argv.slice(2), process.env);
await loadLang(chosen);
setLang(chosen);

process.noDeprecation = true;
quietOnClosedPipe();

const program = new Command('jiuzhu')
  .description(t('cli.program.description'))
  .option('--data <dir>', t('cli.option.data'))
  .option('--shared <dir>', t('cli.option.shared'))
  .option('--json', t('cli.option.json'))
  .option('--operator <name>', t('cli.option.operator'))
  .option('--lang <lang>', t('cli.option.lang'))
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

// Only the module of the command asked for is loaded (each pulls its own
// dependencies: csv-parse, iconv-lite, zod, …); help and unknown words get them all.
for (const register of await registrationsFor(argv)) register(program);

// commander's own texts in the process's language, on every command.
localiseCommands(program);

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
    const where = e.path ? t('cli.error.where', { path: e.path }) : '';
    const hint =
      e.code === 'ENOSPC' ? t('cli.error.diskFull')
        : e.code === 'EACCES' || e.code === 'EPERM' ? t('cli.error.noPermission')
          : e.code === 'ENOENT' ? t('cli.error.notFound')
            : t('cli.error.debugHint');
    say(t('cli.error.failed', { where, hint, detail: e.message ? t('cli.error.detail', { message: e.message }) : '' }));
    if (process.env.JIUZHU_DEBUG === '1') process.stderr.write(`${maskIds(e.stack ?? '')}\n`);
    process.exitCode = 1;
  }
}
