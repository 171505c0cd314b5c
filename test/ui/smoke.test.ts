import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { CLI, PUBLIC_FIXTURES } from '../support/paths.js';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { useTerminal } from '../support/tmux.js';

const term = useTerminal('smoke');
const tmux = (...args: string[]) => term.run(args);
const session = term.session;
const screenUntil = term.until;

describe('the app in a real terminal', () => {
  it('opens on the dashboard at 80×24, fits the screen, and exits cleanly on q', async () => {
    const data = tempOffice();
    const env = { JIUZHU_NOW: '2026-11-19' };
    jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区', '--operator', '王芳'], env);
    for (const f of ['01-liu-jianguo.json', '02-huang-guiying.json']) {
      expect(jiuzhu(['case', 'add', '--from', join(PUBLIC_FIXTURES, 'intake', f), '--data', data], env).code).toBe(0);
    }
    const marker = join(data, '..', 'exit-code');
    tmux(
      'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
      `env -u CI JIUZHU_NOW=2026-11-19 NODE_ENV=production ${process.execPath} ${CLI} --data ${data}; echo $? > ${marker}; sleep 30`,
    );
    const screen = await screenUntil((s) => s.includes('工作台'), 'the dashboard');
    expect(screen).toContain('东风社区 工作台 2026-11-19');
    expect(screen).toContain('临近期限 2 件');
    expect(screen).toContain('刘建国');
    expect(screen.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(23);
    tmux('send-keys', '-t', session, 'q');
    const { readFileSync, existsSync } = await import('node:fs');
    for (let i = 0; i < 50 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(marker, 'utf8').trim()).toBe('0');
  });

  it('jiuzhu demo: the clerk picks the operator, visits every screen and comes back, and q exits cleanly', async () => {
    const data = tempOffice('jiuzhu-smoke-demo-');
    const marker = join(data, '..', 'exit-code');
    tmux(
      'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
      `env -u CI JIUZHU_NOW=2026-11-23 NODE_ENV=production ${process.execPath} ${CLI} demo --data ${data}; echo $? > ${marker}; sleep 30`,
    );
    const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
    const fits = (s: string) => expect(s.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(23);
    const visit = async (press: string[], expected: string) => {
      keys(...press);
      const s = await screenUntil((x) => x.includes(expected), expected);
      fits(s);
      return s;
    };
    await screenUntil((s) => s.includes('请选择经办人'), 'the operator screen');
    keys('王芳');
    await visit(['Enter'], '东风社区 工作台 2026-11-23');
    await visit(['r'], '月保障金');
    await visit(['v'], '历次复核');
    await visit(['Escape'], '月保障金');
    await visit(['e'], '渐退期登记');
    await visit(['Escape'], '月保障金');
    await visit(['x'], '停发以区县的待遇变更文件为准');
    await visit(['Escape'], '月保障金');
    await visit(['Enter'], '1成员');
    for (const [tab, text] of [['2', '2申请'], ['3', '自 '], ['4', '维持'], ['5', '5劳动'], ['6', '6备注'], ['7', '生成演示办公室数据']]) await visit([tab!], text!);
    await visit(['Escape'], '月保障金');
    await visit(['Escape'], '东风社区 工作台');
    await visit(['c'], '决定单位及文号');
    await visit(['Escape'], '东风社区 工作台');
    await visit(['n'], '花名册核对：');
    await visit(['Escape'], '东风社区 工作台');
    for (const [k, text] of [['i', '受理申请 ·'], ['a', '应到'], ['p', '报表  2026-11-23']] as const) {
      await visit([k], text);
      // These screens read their own keys, from the frame after their first one.
      await new Promise((r) => setTimeout(r, 500));
      await visit(['Escape'], '东风社区 工作台');
    }
    await visit(['/'], '例如：张三、zs');
    await visit(['zxl'], '找到 3 户');
    await visit(['Enter'], '张小龙  户主');
    await visit(['Escape'], '东风社区 工作台');
    await visit(['?'], '全局按键');
    await visit(['Space'], '东风社区 工作台');
    keys('q');
    const { readFileSync, existsSync } = await import('node:fs');
    for (let i = 0; i < 50 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(marker, 'utf8').trim()).toBe('0');
  });

  it('Ctrl-C in the middle of a form exits cleanly and keeps what was typed as a draft', async () => {
    const data = tempOffice('jiuzhu-smoke-ctrlc-');
    const marker = join(data, '..', 'exit-code');
    tmux(
      'new-session', '-d', '-s', session, '-x', '80', '-y', '24',
      `env -u CI JIUZHU_NOW=2026-11-23 NODE_ENV=production ${process.execPath} ${CLI} demo --data ${data} --operator 王芳; echo $? > ${marker}; sleep 30`,
    );
    await screenUntil((s) => s.includes('东风社区 工作台'), 'the dashboard');
    tmux('send-keys', '-t', session, 'r');
    await screenUntil((s) => s.includes('月保障金'), 'the recipients');
    tmux('send-keys', '-t', session, 'v');
    await screenUntil((s) => s.includes('历次复核'), 'the review form');
    tmux('send-keys', '-t', session, 'Down');
    tmux('send-keys', '-t', session, '户主外出打工，家中只有老人');
    await screenUntil((s) => s.includes('户主外出打工，家中只有老人▏'), 'the typed findings');
    tmux('send-keys', '-t', session, 'C-c');
    const { readFileSync, existsSync } = await import('node:fs');
    for (let i = 0; i < 80 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(marker, 'utf8').trim()).toBe('0');
    // Through the store: the store files are checkpoints, the draft may be in the journal only.
    const drafts = (await (await import('../../src/store/office.js')).Office.open(data, { repair: false })).view.all('drafts');
    expect(drafts).toEqual([expect.objectContaining({ by: '王芳', data: expect.objectContaining({ findings: '户主外出打工，家中只有老人' }) })]);
  });
});
