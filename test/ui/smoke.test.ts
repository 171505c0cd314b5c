import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, SHARED } from '../support/paths.js';
import { jiuzhu, tempOffice } from '../support/cli.js';

const session = `jiuzhu-smoke-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

afterEach(() => {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    /* already gone */
  }
});

async function screenUntil(pred: (s: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = tmux('capture-pane', '-p', '-t', session);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the screen never showed ${what}:\n${last}`);
}

describe('the app in a real terminal', () => {
  it('opens on the dashboard at 80×24, fits the screen, and exits cleanly on q', async () => {
    const data = tempOffice();
    const env = { JIUZHU_NOW: '2026-11-19' };
    jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区', '--operator', '王芳'], env);
    for (const f of ['01-liu-jianguo.json', '02-huang-guiying.json']) {
      expect(jiuzhu(['case', 'add', '--from', join(SHARED, 'fixtures', 'intake', f), '--data', data], env).code).toBe(0);
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
});
