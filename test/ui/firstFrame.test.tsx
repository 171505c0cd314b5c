// The app's first frame from the summary (src/ui/run.tsx, src/ui/firstFrame.ts):
// the dashboard drawn over the stand-in shows what the whole office shows, keys
// typed before the office is read wait, and are handled once it replaces the stand-in.
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { handBuiltOffice, TODAY } from '../support/handBuilt.js';
import { renderApp } from '../support/ui.js';
import { ShellView } from '../../src/ui/shell.js';
import { shellOptions } from '../../src/ui/app.js';
import { dashboardEntry } from '../../src/ui/screens/dashboard/entry.js';
import { firstFrameOffice } from '../../src/ui/firstFrame.js';

process.env.JIUZHU_NOW = TODAY;
const size = { cols: 80, rows: 24 };

async function until(frame: () => string, pred: (f: string) => boolean, what: string): Promise<string> {
  const end = Date.now() + 8000;
  for (;;) {
    const f = frame();
    if (pred(f)) return f;
    if (Date.now() > end) throw new Error(`the frame never showed ${what}:\n${f}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the first frame from the summary', () => {
  it('shows the dashboard the whole office shows, and keys wait for the office', async () => {
    const { office, dir } = await handBuiltOffice();
    await office.checkpoint({ force: true });
    const standIn = await firstFrameOffice(dir);
    expect(standIn).not.toBeNull();

    const whole = renderApp(office);
    const settled = (f: string) => f.includes('到期复核 3 户') && f.includes('↑↓ Enter');
    const expected = await whole.until(settled, 'the dashboard and its keys');
    whole.unmount();

    const r = render(<ShellView office={standIn!} operator="王芳" registry={{ dashboard: dashboardEntry }} globalHelp={[]} ready={false} size={size} pollMs={50} />);
    const frame = () => r.lastFrame() ?? '';
    expect(await until(frame, settled, 'the dashboard and its keys')).toBe(expected);

    // Typed before the office is read: nothing happens yet.
    for (const k of ['/', 's', 'm', 'g', 'm']) {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 15));
    }
    expect(frame()).toBe(expected);

    r.rerender(<ShellView {...shellOptions({ office, operator: '王芳', size, pollMs: 50 })} />);
    await until(frame, (f) => f.includes('找到 1 户'), 'the search the waiting keys typed');
    r.unmount();
  });
});
