// A run loads only its own command's module (cli/commands.ts): the table of
// top-level commands must name every command the full tree has, in the module
// that registers it, and the command word must be found after the program's options.
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { allRegistrations, COMMAND_MODULES, registrationsFor } from '../../cli/commands.js';
import { commandWord, plainApp, plainStatus } from '../../cli/argv.js';

async function namesOf(registers: Promise<((p: Command) => void)[]>): Promise<string[]> {
  const program = new Command('jiuzhu');
  for (const r of await registers) r(program);
  return program.commands.map((c) => c.name());
}

describe('lazy command registration', () => {
  it('names every top-level command of the full tree, and nothing else', async () => {
    const all = await namesOf(allRegistrations());
    expect(Object.keys(COMMAND_MODULES).sort()).toEqual([...all].sort());
  }, 60_000);

  it('registers each command from its own module', async () => {
    for (const name of Object.keys(COMMAND_MODULES)) {
      expect(await namesOf(COMMAND_MODULES[name]!())).toContain(name);
    }
  }, 60_000);

  it('finds the command word after the program options and their values', () => {
    expect(commandWord(['--data', 'x', '--json', 'status'])).toBe('status');
    expect(commandWord(['--lang=en', '--operator', '王芳', 'case', 'add'])).toBe('case');
    expect(commandWord(['--data', 'x'])).toBe('');
    expect(commandWord([])).toBe('');
    expect(commandWord(['--nope', 'status'])).toBeNull();
  });

  it('registers everything for help and for words it does not know', async () => {
    const all = await namesOf(allRegistrations());
    expect(await namesOf(registrationsFor(['--help']))).toEqual(all);
    expect(await namesOf(registrationsFor(['status', '-h']))).toEqual(all);
    expect(await namesOf(registrationsFor(['stauts']))).toEqual(all);
    expect(await namesOf(registrationsFor(['status']))).toEqual(['init', 'status', 'doctor', 'demo', 'ui']);
  }, 60_000);

  it('answers a plain status without commander, with the options commander would give its action', () => {
    expect(plainStatus(['status'])).toEqual({});
    expect(plainStatus(['--data', 'x', 'status', '--json', '--lang', 'en'])).toEqual({ data: 'x', json: true });
    expect(plainStatus(['--data=x', '--shared=s', 'status', '--operator', '王芳', '--data', 'y'])).toEqual({ data: 'y', shared: 's', operator: '王芳' });
    expect(plainStatus(['--data', 'status'])).toBeNull();
    // Everything else goes to commander: help, other words, unknown options, a missing value, a value that looks like an option.
    for (const argv of [[], ['status', '-h'], ['status', '--help'], ['help', 'status'], ['status', 'x'], ['status', 'status'], ['doctor'], ['status', '--nope'], ['status', '--data'], ['status', '--data', '--json'], ['--json=1', 'status']]) {
      expect(plainStatus(argv), argv.join(' ')).toBeNull();
    }
  });

  it('opens the app without commander when the line holds only the program options', () => {
    expect(plainApp([])).toEqual({});
    expect(plainApp(['--data', 'x', '--operator', '王芳', '--lang', 'en'])).toEqual({ data: 'x', operator: '王芳' });
    expect(plainApp(['--data=x', '--data', 'y'])).toEqual({ data: 'y' });
    // A word (a command, or one commander reports as unknown), help or an option it does not know goes to commander.
    for (const argv of [['status'], ['ui'], ['demo'], ['nope'], ['-h'], ['--help'], ['help'], ['--data'], ['--data', '--json'], ['--nope'], ['-V']]) {
      expect(plainApp(argv), argv.join(' ')).toBeNull();
    }
  });
});
