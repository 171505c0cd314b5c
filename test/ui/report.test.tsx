import { describe, it, expect, vi, beforeAll } from 'vitest';
import React from 'react';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { buildReportOffice } from '../support/reportOffice.js';
import { reducer, initialState } from '../../src/ui/screens/report/state.js';
import { visibleColumns } from '../../src/ui/screens/report/view.js';

// Ink renders only the last frame when CI is set (pitfalls 11); these tests read every frame.
process.env.CI = 'false';
process.env.JIUZHU_NOW = '2026-11-23T10:00:00+08:00';

const KEY = { down: '\u001B[B', right: '\u001B[C', enter: '\r', backspace: '\u007F' };

let screen: typeof import('../../src/ui/screens/report/view.js');
let renderEntry: typeof import('../support/screen.js').renderEntry;
beforeAll(async () => {
  screen = await import('../../src/ui/screens/report/view.js');
  ({ renderEntry } = await import('../support/screen.js'));
});

async function until(frame: () => string | undefined, pred: (s: string) => boolean): Promise<string> {
  let last = '';
  await vi.waitFor(
    () => {
      last = frame() ?? '';
      if (!pred(last)) throw new Error(`frame not ready:\n${last}`);
    },
    { timeout: 5000, interval: 20 },
  );
  return last;
}

function fits80x24(frame: string): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(23);
  for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
}

describe('the report screen', () => {
  it('keeps the cursor column in view when a wide form scrolls sideways', () => {
    const widths = [11, 8, 8, 8, 8, 13, 12, 16, 13];
    expect(visibleColumns(widths, 1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(visibleColumns(widths, 8)).toEqual([4, 5, 6, 7, 8]);
  });

  it('the reducer keeps typed cells and clamps the cursor', () => {
    let s = reducer(initialState, { type: 'open', templateId: 'dibao-monthly', period: '2026-10', manual: {} });
    s = reducer(s, { type: 'move', rows: 6, cols: 9, dRow: 10, dCol: 20 });
    expect([s.row, s.col]).toEqual([5, 8]);
    s = reducer(s, { type: 'edit', fields: [{ key: 'all.disabled', label: '合计·其中残疾人数' }] });
    s = reducer(s, { type: 'type', text: '12' });
    s = reducer(s, { type: 'erase' });
    s = reducer(s, { type: 'commit' });
    expect(s.manual).toEqual({ 'all.disabled': '1' });
    expect(s.mode).toBe('table');
  });

  it('opens 低保月报 at 80×24, scrolls to the typed column, shows a failed check, refuses the export, then exports once corrected', async () => {
    const { office } = await buildReportOffice();
    const exportDir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-exports-')), '报表');
    // The app's report entry, with the exports in a folder of the test's own.
    const entries = { report: { title: () => '报表', render: (p: { onBack: () => void; rows: number }) => <screen.ReportScreen office={office} operator="王芳" onBack={p.onBack} rows={p.rows} exportDir={exportDir} /> } };
    const { lastFrame, stdin, unmount } = renderEntry(office, 'report', { entries });
    // Ready when the footer lists the screen's keys: the shell has its key handler then.
    let f = await until(lastFrame, (s) => s.includes('城乡低保月报表') && s.includes('↑↓ 选择'));
    expect(f).toContain('社会救助年度统计表');
    expect(f).toMatch(/城乡低保月报表\s+次月5日前\s+已超期 2026-10/);
    expect(f).toMatch(/城乡低保季度统计表\s+季度结束后5个工作日内\s+已超期 2026-Q3/);
    expect(f).toMatch(/低保金发放签字表\s+当月月底前\s+2026-11 限 2026-11-30/);
    fits80x24(f);

    stdin.write(KEY.down);
    await until(lastFrame, (s) => /› 低保动态管理变动台账/.test(s));
    stdin.write(KEY.down);
    await until(lastFrame, (s) => /› 城乡低保月报表/.test(s));
    stdin.write(KEY.enter);
    f = await until(lastFrame, (s) => s.includes('城乡低保月报表（2026年10月）'));
    expect(f).toContain('A类（一类）');
    expect(f).toContain('←→ 还有 2 列');
    expect(f).not.toContain('1660.00');
    expect(f).toContain('✓ 4 项核对全部通过');
    fits80x24(f);

    for (let i = 0; i < 7; i++) stdin.write(KEY.right);
    // The shell takes keys one per render: wait for the last of the seven.
    f = await until(lastFrame, (s) => s.includes('1660.00') && s.includes('✎其中残疾人数'));
    expect(f).toContain('2160.00');
    expect(f).toContain('✎其中残疾人数');
    fits80x24(f);

    stdin.write(KEY.enter);
    await until(lastFrame, (s) => s.includes('填写 A类（一类）·其中残疾人数'));
    stdin.write('9');
    await until(lastFrame, (s) => s.includes('其中残疾人数：9'));
    stdin.write(KEY.enter);
    f = await until(lastFrame, (s) => s.includes('✗ 1 项核对没有通过'));
    expect(f).toContain('残疾人数不超过在保人数');
    fits80x24(f);

    stdin.write('x');
    await until(lastFrame, (s) => s.includes('导出：1 CSV'));
    stdin.write('1');
    f = await until(lastFrame, (s) => s.includes('没有导出'));
    expect(f).toContain('有 1 项核对没有通过');
    expect(office.view.count('reports')).toBe(0);

    stdin.write('\u001B');
    await until(lastFrame, (s) => !s.includes('导出：1 CSV'));
    stdin.write(KEY.enter);
    await until(lastFrame, (s) => s.includes('其中残疾人数：9'));
    stdin.write(KEY.backspace);
    stdin.write('1');
    await until(lastFrame, (s) => s.includes('其中残疾人数：1'));
    stdin.write(KEY.enter);
    await until(lastFrame, (s) => s.includes('✓ 4 项核对全部通过'));
    stdin.write('x');
    await until(lastFrame, (s) => s.includes('导出：1 CSV'));
    stdin.write('1');
    f = await until(lastFrame, (s) => s.includes('已导出到'));
    const file = join(exportDir, '城乡低保月报表-2026-10.csv');
    expect(existsSync(file)).toBe(true);
    expect(office.view.get('reports', 'dibao-monthly:2026-10:1')).toMatchObject({ manual: { 'A.disabled': '1' }, forced: false, by: '王芳' });
    unmount();
  });

  it('moves between periods with [ and ], and types the header fields in turn with f', async () => {
    const { office } = await buildReportOffice();
    const { lastFrame, stdin, unmount, backs } = renderEntry(office, 'report');
    await until(lastFrame, (s) => s.includes('低保金发放签字表') && s.includes('↑↓ 选择'));
    for (let i = 0; i < 3; i++) stdin.write(KEY.down);
    await until(lastFrame, (s) => /› 低保金发放签字表/.test(s));
    stdin.write(KEY.enter);
    let f = await until(lastFrame, (s) => s.includes('低保金发放签字表（2026年11月）'));
    // November: 刘建国 and 黄桂英; 赵德明 ended in November.
    expect(f).toContain('黄桂英');
    expect(f).not.toContain('赵德明');
    fits80x24(f);
    stdin.write('[');
    f = await until(lastFrame, (s) => s.includes('低保金发放签字表（2026年10月）'));
    expect(f).toContain('赵德明');
    fits80x24(f);
    stdin.write('f');
    await until(lastFrame, (s) => s.includes('填写 经办人：'));
    // Typed in one go, as fast typing or a paste delivers keys: each sees the state the one before left.
    stdin.write('王芳');
    stdin.write(KEY.enter);
    stdin.write(KEY.enter);
    f = await until(lastFrame, (s) => s.includes('经办人：王芳') && !s.includes('填写 审核人'));
    expect(f).toContain('审核人：（未填）');
    stdin.write(']');
    await until(lastFrame, (s) => s.includes('低保金发放签字表（2026年11月）'));
    stdin.write('p');
    await until(lastFrame, (s) => s.includes('填写 报表期'));
    stdin.write('2026-Q4');
    stdin.write(KEY.enter);
    f = await until(lastFrame, (s) => s.includes('这张表是月报'));
    for (let i = 0; i < 7; i++) stdin.write(KEY.backspace);
    stdin.write('2025-08');
    stdin.write(KEY.enter);
    f = await until(lastFrame, (s) => s.includes('低保金发放签字表（2025年8月）'));
    expect(f).toContain('陈志强');
    // ? lists the table's keys and leaves the table as it was; Esc goes back to the forms, Esc again leaves the screen.
    stdin.write('?');
    f = await until(lastFrame, (s) => s.includes('全局按键'));
    for (const k of ['f 表头', 'c 核对', 'x 导出', 'p 输入报表期']) expect(f).toContain(k);
    stdin.write('x');
    // The same form and period as before the overlay.
    f = await until(lastFrame, (s) => s.includes('低保金发放签字表（2025年8月）'));
    expect(f).toContain('陈志强');
    stdin.write('\u001B');
    await until(lastFrame, (s) => /› 低保金发放签字表/.test(s));
    stdin.write('\u001B');
    await until(() => String(backs()), (b) => b === '1');
    unmount();
  });
});
