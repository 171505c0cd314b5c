// The app in a real terminal with an English locale (LANG=en_US.UTF-8, no
// LC_ALL): on an empty office, the screens that show no data (the clerk's
// prompt, the help, the dashboard, each screen of the menu) hold no Chinese
// but data (the office's name, the report forms' titles). Every screen with
// untranslated text is named with its lines.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../support/paths.js';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { untranslated } from '../support/english.js';
import { useTerminal } from '../support/tmux.js';
import { builtinTemplatesDir, loadTemplates } from '../../src/reports/template.js';

const term = useTerminal('english');
const screenUntil = term.until;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the app in English in a real terminal', () => {
  it('shows no Chinese but data on the screens of an empty office', async () => {
    const data = tempOffice('jiuzhu-english-');
    const env = { JIUZHU_NOW: '2026-11-19' };
    // No --operator: the app opens by asking who is working.
    expect(jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区'], env).code).toBe(0);
    const officeData = ['东风社区', ...loadTemplates([builtinTemplatesDir()]).map((t) => t.title)];
    const marker = join(data, '..', 'exit-code');
    term.start(
      `env -u CI -u LC_ALL -u LC_MESSAGES -u JIUZHU_OPERATOR LANG=en_US.UTF-8 JIUZHU_NOW=2026-11-19 NODE_ENV=production ${process.execPath} ${CLI} --data ${data}; echo $? > ${marker}; sleep 30`,
    );
    const keys = term.keys;
    const offenders: string[] = [];
    const seen: string[] = [];
    const check = (name: string, screen: string) => {
      seen.push(name);
      const lines = screen.split('\n').filter((l) => untranslated(l, officeData).length);
      if (lines.length) offenders.push(`${name}:\n${lines.map((l) => `    ${l.trimEnd()}`).join('\n')}`);
    };
    const visit = async (name: string, press: string[], expected: (s: string) => boolean) => {
      keys(...press);
      const s = await screenUntil(expected, name);
      check(name, s);
      return s;
    };

    const prompt = await screenUntil((s) => s.includes('Choose the clerk'), 'the clerk prompt');
    // Chinese does show in this terminal (the office's name is data): the test can see it.
    expect(prompt).toContain('东风社区');
    check('the clerk prompt', prompt);
    await visit('help on the clerk prompt', ['?'], (s) => s.includes('Keys on this screen:'));
    await visit('the clerk prompt again', ['Space'], (s) => s.includes('Choose the clerk') && !s.includes('Keys on this screen:'));
    keys('Wang Fang');
    await visit('the dashboard of an empty office', ['Enter'], (s) => s.includes('Dashboard 2026-11-19') && s.includes('Clerk: Wang Fang'));
    await visit('help on the dashboard', ['?'], (s) => s.includes('Keys on this screen:'));
    await visit('the dashboard again', ['Space'], (s) => s.includes('Dashboard 2026-11-19') && !s.includes('Keys on this screen:'));
    const back = async () => {
      await sleep(500);
      keys('Escape');
      await screenUntil((s) => s.includes('Dashboard 2026-11-19') && !s.includes('Keys on this screen:'), 'the dashboard');
    };
    // Each screen of the menu, opened from the dashboard: its title is in the header.
    for (const [key, title] of [['r', 'Recipients'], ['c', 'Cancellations'], ['n', 'Roster check'], ['/', 'Search'], ['l', 'Cases'], ['i', 'Intake'], ['a', 'Public-service labour'], ['p', 'Reports']] as const) {
      // The screens that read their own keys start on the frame after their first one.
      keys(key);
      await screenUntil((s) => s.split('\n')[0]!.includes(` ${title} `), `the ${title} screen`);
      await sleep(300);
      check(`the ${title} screen (${key})`, term.capture());
      await back();
    }
    expect(seen.length).toBe(14);
    keys('q');
    for (let i = 0; i < 50 && !existsSync(marker); i++) await sleep(100);
    expect(readFileSync(marker, 'utf8').trim()).toBe('0');
    expect(offenders.join('\n')).toBe('');
  }, 120_000);
});
