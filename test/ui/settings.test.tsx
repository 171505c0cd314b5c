// The settings screen at 80×24: the range in view, a refusal that changes nothing, a journaled change.
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { labourOffice } from '../support/labour.js';
import { renderEntry } from '../support/screen.js';
import { jiuzhu } from '../support/cli.js';
import { settingsOf } from '../../src/office/context.js';
import { tick, until } from '../support/until.js';


describe('the settings screen', () => {
  it('edits a setting with its range shown, refuses one out of range, saves a good one through the journal', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-settings-ui-')), 'office');
    await labourOffice(dir, { families: [] });
    const office = await Office.open(dir);
    const ui = renderEntry(office, 'settings');
    const first = await until(ui.lastFrame, (f) => f.includes('communityWorkingDays'), 'the settings');
    for (const line of first.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(first.split('\n').length).toBeLessThanOrEqual(24);
    ui.stdin.write('\u001B[B'); // ↓ to communityWorkingDays
    await until(ui.lastFrame, (f) => f.includes('可取：1 到 60 之间的整数'), 'the range');
    ui.stdin.write('\r');
    await until(ui.lastFrame, (f) => f.includes('新的值 communityWorkingDays：15'), 'the edit line');
    for (const k of ['\u007F', '\u007F', '9', '9', '\r']) {
      ui.stdin.write(k);
      await tick();
    }
    await until(ui.lastFrame, (f) => f.includes('设置 communityWorkingDays 的值「99」不行：应为1 到 60 之间的整数'), 'the refusal');
    expect(settingsOf(office.view).deadlines.communityWorkingDays).toBe(15);
    for (const k of ['\u007F', '\u007F', '2', '0', '\r']) {
      ui.stdin.write(k);
      await tick();
    }
    const saved = await until(ui.lastFrame, (f) => f.includes('20（默认 15）'), 'the saved value');
    expect(saved).toContain('communityWorkingDays');
    expect(settingsOf(office.view).deadlines.communityWorkingDays).toBe(20);
    ui.unmount();
    await office.settled();
    const journal = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; summary?: string; operator: string });
    expect(journal.at(-1)).toMatchObject({ action: 'settings.set', summary: '设置 communityWorkingDays = 20', operator: '王芳' });
    expect(jiuzhu(['doctor', '--data', dir]).code).toBe(0);
  });

  it('keeps a standard by hand from the settings screen (t), listed with its source and marked in force', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-standards-ui-')), 'office');
    await labourOffice(dir, { families: [] }, '2026-12-01');
    const office = await Office.open(dir, { env: { ...process.env, JIUZHU_NOW: '2026-12-01' } });
    const ui = renderEntry(office, 'settings');
    await until(ui.lastFrame, (f) => f.includes('communityWorkingDays'), 'the settings');
    ui.stdin.write('t');
    const form = await until(ui.lastFrame, (f) => f.includes('手工录入保障标准') && f.includes('还没有保障标准'), 'the standards form');
    for (const line of form.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const keys = ['\u001B[B', '\u001B[B', ...'abc', '\u001B[B', ...'2026-01-01', '\u0013'];
    for (const k of keys) {
      ui.stdin.write(k);
      // The form reads its state from the last render: one key per frame.
      await tick(40);
    }
    await until(ui.lastFrame, (f) => f.includes('标准「abc」不对'), 'the refusal of a bad amount');
    expect(office.view.all('standards')).toEqual([]);
    for (const k of ['\u001B[A', '\u007F', '\u007F', '\u007F', ...'850', '\u0013']) {
      ui.stdin.write(k);
      // The form reads its state from the last render: one key per frame.
      await tick(40);
    }
    await until(() => String(office.view.all('standards').length), (n) => n === '1', 'the saved standard');
    expect(office.view.all('standards')).toEqual([{ id: '城市:低保:2026-01-01', area: '城市', program: '低保', monthlyFen: 85000, from: '2026-01-01', source: 'local' }]);
    // Saved, the form goes back to the settings; t opens it again.
    await until(ui.lastFrame, (f) => f.includes('已录入保障标准') && f.includes('communityWorkingDays'), 'back on the settings');
    ui.stdin.write('t');
    const list = await until(ui.lastFrame, (f) => f.includes('手工录入保障标准') && f.includes('850.00'), 'the list with the new standard');
    expect(list).toMatch(/现行\s+城市\s+低保\s+850\.00\s+2026-01-01\s+手工录入/);
    ui.unmount();
    await office.settled();
  });
});
