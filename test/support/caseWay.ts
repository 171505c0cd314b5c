// The typical run of the fixtures' README driven through the CLI, and what a
// test compares afterwards: the stored case and the queued outbound rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { jiuzhu } from './cli.js';
import { PUBLIC_FIXTURES } from './paths.js';

export const INTAKE = join(PUBLIC_FIXTURES, 'intake');
export const OFFICE = '430105003001';

export function initOffice(data: string, now = '2026-11-02T09:30:00+08:00'): void {
  const r = jiuzhu(['init', '--data', data, '--office', OFFICE, '--name', '东风社区', '--operator', '王芳'], { JIUZHU_NOW: now });
  expect(r.code, r.stderr).toBe(0);
}

/** `jiuzhu case advance` on `date` (also the step's date); returns the result. */
export function step(data: string, caseNo: string, stepName: string, date: string, ...args: string[]) {
  return jiuzhu(['case', 'advance', caseNo, stepName, '--data', data, ...args], { JIUZHU_NOW: `${date}T10:00:00+08:00`, JIUZHU_OPERATOR: '王芳' });
}

/** The README's typical run, with one objection raised and resolved. */
export const WAY: { step: string; date: string; args: string[] }[] = [
  { step: 'investigate', date: '2026-11-04', args: ['--by', '王芳,李强', '--note', '入户核实：户主在物业做保安，月工资1200元；无车辆，无其他房产'] },
  { step: 'review', date: '2026-11-06', args: ['--by', '楼栋长张伟,党员代表李华,居民代表陈红', '--result', '通过', '--note', '评议小组一致同意'] },
  { step: 'notice', date: '2026-11-10', args: [] },
  { step: 'objection', date: '2026-11-12', args: ['--note', '有居民反映该户家中有小汽车一辆，要求核实'] },
  { step: 'resolve', date: '2026-11-13', args: ['--note', '经再次入户核实及车管所查询，反映情况不属实'] },
  { step: 'submit', date: '2026-11-17', args: [] },
];

interface Store {
  collections: Record<string, Record<string, Record<string, unknown>>>;
}

export function readStore(data: string, name: string): Store {
  return JSON.parse(readFileSync(join(data, `${name}.json`), 'utf8')) as Store;
}

/** The case as stored, and the outbound files queued (without their ids), for comparing two offices. */
export function outcome(data: string, caseNo: string) {
  const c = readStore(data, 'cases').collections.cases![caseNo];
  const outbound = Object.values(readStore(data, 'sync').collections.outbound!).map((o) => ({ kind: o.kind as string, columns: o.columns as string[], rows: o.rows as string[][], queuedAt: o.queuedAt as string }));
  const members = Object.values(readStore(data, 'households').collections.members!);
  return { c, outbound, members };
}
