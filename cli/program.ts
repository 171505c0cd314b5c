// dist/program.mjs: every `jiuzhu` command line but a plain `status` and a
// plain app (cli/main.ts). Ink and React are loaded only by the commands that open the
// app, and each command's module only when that command runs, so `sync once`
// starts fast on an old PC (docs/architecture.md "Start-up").
import { Command, CommanderError } from 'commander';
import { maskIds } from '../src/office/privacy.js';
import { t } from '../src/i18n/index.js';
import { registrationsFor } from './commands.js';
import { localiseCommands, translateCommanderError } from './localise.js';
import { startRun } from './start.js';
import { reportFailure } from './failure.js';

await startRun(process.argv.slice(2));

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
  // --help and --version end in a CommanderError too, successfully.
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else reportFailure(err);
}
