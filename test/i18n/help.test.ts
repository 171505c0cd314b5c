// `jiuzhu --lang en --help` and every subcommand's --help speak English: the
// commands are read from the help itself, down the whole tree, and each one
// with Chinese that is not data (cli.md's literal values, the records'
// enumerations) is named with the text it showed.
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../support/cli.js';
import { untranslated } from '../support/english.js';

/** The names in the "Commands:" section of a help text, but `help` itself. */
function subcommands(help: string): string[] {
  const lines = help.split('\n');
  const at = lines.findIndex((l) => /^(Commands|命令)[:：]/.test(l));
  if (at === -1) return [];
  const names: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.trim()) break;
    const m = /^ {2}(\S+)/.exec(l);
    if (m && m[1] !== 'help') names.push(m[1]!.split('|')[0]!);
  }
  return names;
}

describe('help in English', () => {
  it('every command, to the last subcommand, has English help: titles, descriptions, options', () => {
    const offenders: { name: string; lines: string[] }[] = [];
    const seen: string[] = [];
    const walk = (path: string[]) => {
      const r = jiuzhu(['--lang', 'en', ...path, '--help']);
      expect(r.code, `jiuzhu ${path.join(' ')} --help`).toBe(0);
      seen.push(path.join(' ') || '(jiuzhu)');
      expect(r.stdout).toMatch(/^Usage: jiuzhu/);
      expect(r.stdout).toContain('display help for command');
      const lines = r.stdout.split('\n').filter((l) => untranslated(l).length);
      const name = ['jiuzhu', ...path, '--help'].join(' ');
      if (lines.length) offenders.push({ name, lines: lines.map((l) => `    ${l.trim()}`) });
      for (const sub of subcommands(r.stdout)) walk([...path, sub]);
    };
    walk([]);
    // The tree was walked, not just the top.
    expect(seen).toEqual(expect.arrayContaining(['(jiuzhu)', 'init', 'status', 'case', 'case add']));
    const summary = offenders.length ? [`${offenders.length} of ${seen.length} helps show untranslated Chinese: ${offenders.map((o) => o.name).join(', ')}`] : [];
    expect([...summary, ...offenders.flatMap((o) => [o.name, ...o.lines])].join('\n')).toBe('');
  });

  it('the Chinese help keeps commander’s words in Chinese too', () => {
    const r = jiuzhu(['--help']);
    expect(r.stdout).toMatch(/^用法：/);
    for (const s of ['选项：', '命令：', '显示命令的帮助']) expect(r.stdout).toContain(s);
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });

  it('commander’s errors and the generic ones in English', () => {
    expect(jiuzhu(['--lang', 'en', 'frobnicate']).stderr).toBe("unknown command 'frobnicate': see jiuzhu --help for all commands\n");
    expect(jiuzhu(['--lang', 'en', 'init']).stderr).toBe("required option '--office <code>' not specified\n");
    expect(jiuzhu(['--lang', 'en', 'status', '--bogus']).stderr).toBe("unknown option '--bogus': see --help for this command's options\n");
    expect(jiuzhu(['init', '--bogus']).stderr).toContain('缺少必填选项 --office <code>');
  });
});
