// commander's own words (help titles, "display help for command", the
// "(default: …)" notes and its error messages) from the catalogue, in the
// process's language. Applied once to the whole tree after registration.
import { Command, Help, type Argument, type Option } from 'commander';
import { t } from '../src/i18n/index.js';

/** commander's help with its titles and notes from the catalogue. */
class LocalHelp extends Help {
  override styleTitle(str: string): string {
    const titles: Record<string, string> = {
      'Usage:': t('cli.help.usage'),
      'Options:': t('cli.help.options'),
      'Global Options:': t('cli.help.globalOptions'),
      'Commands:': t('cli.help.commands'),
      'Arguments:': t('cli.help.arguments'),
    };
    return titles[str] ?? str;
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(t('cli.help.choices', { values: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) extra.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
    if (option.presetArg !== undefined && option.optional) extra.push(t('cli.help.preset', { value: JSON.stringify(option.presetArg) }));
    if (option.envVar !== undefined) extra.push(t('cli.help.env', { name: option.envVar }));
    return withExtra(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(t('cli.help.choices', { values: argument.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    if (argument.defaultValue !== undefined) extra.push(t('cli.help.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
    return withExtra(argument.description, extra);
  }
}

function withExtra(description: string, extra: string[]): string {
  if (!extra.length) return description;
  const note = t('cli.help.extra', { items: extra.join(t('cli.help.extraSeparator')) });
  return description ? `${description} ${note}` : note;
}

/** Every command of the tree, the root first. */
export function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => allCommands(c))];
}

/**
 * Gives every command of the tree the catalogue's help texts: the help
 * option and help command described in the process's language, and the help
 * titles and notes translated. Call after every command is registered
 * (settings given to the root before are copied only to commands made later).
 */
export function localiseCommands(root: Command): void {
  for (const cmd of allCommands(root)) {
    cmd.helpOption('-h, --help', t('cli.help.display'));
    if (cmd.commands.length) cmd.helpCommand('help [command]', t('cli.help.display'));
    cmd.createHelp = () => Object.assign(new LocalHelp(), cmd.configureHelp());
    cmd.exitOverride();
  }
}

/** commander's error messages (English, from its source) in the catalogue's words; one line. */
export function translateCommanderError(s: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown command '(.+?)'/, (m) => t('cli.error.unknownCommand', { name: m[1]! })],
    [/^error: unknown option '(.+?)'/, (m) => t('cli.error.unknownOption', { name: m[1]! })],
    [/^error: missing required argument '(.+?)'/, (m) => t('cli.error.missingArgument', { name: m[1]! })],
    [/^error: required option '(.+?)' not specified/, (m) => t('cli.error.missingOption', { name: m[1]! })],
    [/^error: option '(.+?)' argument missing/, (m) => t('cli.error.optionArgumentMissing', { name: m[1]! })],
    [/^error: option '(.+?)' argument '(.*?)' is invalid/, (m) => t('cli.error.invalidValue', { name: m[1]!, value: m[2]! })],
    [/^error: too many arguments/, () => t('cli.error.tooManyArguments')],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(s);
    if (m) return `${say(m)}\n`;
  }
  return s;
}
