import { describe, it, expect, afterEach } from 'vitest';
import React from 'react';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice, step } from '../support/caseWay.js';
import { KEY, overflow, press, until, type Rendered } from '../support/ink.js';
import { Office } from '../../src/store/office.js';
import { CaseListScreen } from '../../src/ui/screens/caseList/view.js';
import { renderScreen } from '../support/screen.js';

const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});

async function fourCases(): Promise<string> {
  const data = tempOffice();
  initOffice(data);
  for (const f of ['01-liu-jianguo.json', '02-huang-guiying.json', '03-chen-zhiqiang.json', '04-zhao-deming.json']) {
    expect(jiuzhu(['case', 'add', '--from', join(INTAKE, f), '--data', data], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
  }
  expect(step(data, '430105003001-2026-0004', 'withdraw', '2026-11-03', '--note', '申请人撤回').code).toBe(0);
  return data;
}

describe('the case list screen', () => {
  it('marks overdue cases, finds households by pinyin initials and ID digits, and opens the chosen case', async () => {
    const data = await fourCases();
    const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: '2026-11-24' } });
    let opened = '';
    const r = renderScreen(office, <CaseListScreen office={office} operator="王芳" onBack={() => undefined} onOpen={(no) => (opened = no)} />);
    mounted.push(r);
    const first = await until(r, (f) => f.includes('申请列表'), 'the list');
    // the withdrawn case is not open; the three accepted ones are one working day overdue
    expect(first).toContain('在办 · 全部类别 · 3 件 超期 3');
    expect(first).toContain('2026-0001 刘建国   低保       已受理     2026-11-23 超期1天');
    expect(first).not.toContain('赵德明');
    expect(overflow(first)).toEqual([]);

    await press(r, 'hgy');
    const found = await until(r, (f) => f.includes('· 1 件'), 'one household found');
    expect(found).toContain('黄桂英');
    await press(r, KEY.enter);
    for (let i = 0; i < 100 && !opened; i++) await new Promise((res) => setTimeout(res, 20));
    expect(opened).toBe('430105003001-2026-0002');

    await press(r, KEY.escape, '3152315');
    await until(r, (f) => f.includes('刘建国') && f.includes('· 1 件'), 'a household found by ID digits');

    await press(r, KEY.escape, KEY.tab);
    const all = await until(r, (f) => f.includes('全部 · 全部类别 · 4 件'), 'all cases');
    expect(all).toContain('赵德明');
    expect(all).toContain('已撤回');

    // ? lists the list's keys through the shell, and any key closes the list again
    await press(r, '?');
    const help = await until(r, (f) => f.includes('本页按键：') && f.includes('Ctrl+P 公示名单'), 'the keys of the list');
    expect(help).toContain('Tab 状态');
    await press(r, KEY.escape);
    await until(r, (f) => f.includes('全部 · 全部类别 · 4 件'), 'the list again');

    await press(r, '\u0010'); // Ctrl+P
    const printed = await until(r, (f) => f.includes('公示名单（0 户'), 'the notice saved');
    expect(overflow(printed)).toEqual([]);
    expect(existsSync(join(data, 'prints', '公示名单-2026-11-24.html'))).toBe(true);
  });
});

describe('the case screens in English', () => {
  it('show their own words in English, Chinese only in data', async () => {
    const { setLang } = await import('../../src/i18n/index.js');
    const { CaseScreen } = await import('../../src/ui/screens/case/view.js');
    const data = await fourCases();
    const office = await Office.open(data, { env: { ...process.env, JIUZHU_NOW: '2026-11-24' } });
    setLang('en');
    try {
      const r = renderScreen(office, <CaseListScreen office={office} operator="王芳" onBack={() => undefined} />);
      mounted.push(r);
      const f = await until(r, (fr) => fr.includes('Cases · open · all programs · 3'), 'the list in English');
      const own = f.split('\n').slice(1, 3).join('\n'); // the screen's title and find lines
      expect(own).toContain('overdue 3');
      expect(own).toContain('Find:');
      expect(own).not.toMatch(/[\u3400-\u9fff]/);
      expect(f).toContain('2026-11-23 1d overdue');
      await until(r, (fr) => fr.includes('Tab status'), 'the keys in English');

      const c = renderScreen(office, <CaseScreen office={office} operator="王芳" onBack={() => undefined} caseNo="430105003001-2026-0001" />);
      mounted.push(c);
      const cf = await until(c, (fr) => fr.includes('Next'), 'the case in English');
      for (const s of ['"accepted"', 'Deadline 2026-11-23 (1 working day overdue)', 'Home visit must start by', 'home visit', 'print the intake receipt']) expect(cf).toContain(s);
    } finally {
      setLang('zh');
    }
  });
});
