import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { CLI } from '../support/paths.js';
import { handBuiltOffice, ID, TODAY } from '../support/handBuilt.js';
import { renderApp } from '../support/ui.js';

process.env.JIUZHU_NOW = TODAY;

function jiuzhuAsync(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NODE_ENV: 'production', JIUZHU_NOW: TODAY }, stdio: 'ignore' });
    p.on('exit', (code) => resolve(code ?? -1));
  });
}

let app: ReturnType<typeof renderApp> | null = null;
afterEach(() => app?.unmount());

describe('changes written by another process', () => {
  it('appear in the open app without a restart: the dashboard and an open archive follow', async () => {
    const { office, dir } = await handBuiltOffice();
    app = renderApp(office);
    await app.see('到期复核 3 户');
    expect(app.frame()).toContain('待处理 1 项');
    // Another process (the CLI here; the daemon writes the same way) records a review.
    expect(await jiuzhuAsync(['review', 'add', '--household', ID(5), '--findings', '已在物业公司上班', '--recommend', 'stop', '--operator', '李娜', '--data', dir])).toBe(0);
    await app.see('到期复核 2 户');
    await app.see('待处理 2 项');
    expect(app.frame()).toContain('复核建议 司马光明');
    app.fits();

    await app.press('/', 'smgm');
    await app.see('找到 1 户');
    await app.press('\r', '7');
    await app.see('李娜  本社区  复核');
    expect(await jiuzhuAsync(['household', 'note', ID(5), '已电话回访，下月复查', '--operator', '李娜', '--data', dir])).toBe(0);
    await app.see('李娜  本社区  备注：已电话回访');
    await app.press('6');
    await app.see('李娜：已电话回访，下月复查');
  });
});
