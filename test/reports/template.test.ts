import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, parseTemplateText } from '../../src/reports/template.js';

const FILE = 'county/dibao-monthly.json';
const base = JSON.parse(readFileSync(join(process.cwd(), 'templates', 'reports', 'dibao-monthly.json'), 'utf8'));

function problem(change: (t: Record<string, any>) => void): string {
  const t = structuredClone(base);
  change(t);
  try {
    parseTemplate(t, FILE);
  } catch (err) {
    return (err as Error).message.split('\n').slice(1).join('\n');
  }
  return 'accepted';
}

describe('report templates are refused with the file, the field and the problem', () => {
  it.each([
    ['no kind', (t: any) => delete t.kind, '字段 kind 应为 "summary"（汇总表：固定的行×统计项）或 "list"（清单表：每条记录一行）'],
    ['an unknown field', (t: any) => (t.colour = 'red'), '字段 （顶层） 有不认识的字段 colour'],
    ['day 31', (t: any) => (t.due = { type: 'dayOfMonth', day: 31, month: 'next' }), '字段 due.day 应为 1 到 28 的日子，或 "last"（月底）'],
    ['an unknown due rule', (t: any) => (t.due = { type: 'weekly' }), '字段 due.type 应为 "dayOfMonth"（每月几日前）或 "workingDays"（期满后几个工作日内）'],
    ['a column both measured and typed', (t: any) => (t.columns[0].manual = true), '字段 columns[0] 每一列要么写 measure（从数据统计），要么写 "manual": true（由专干填写），二者选一'],
    ['no title', (t: any) => delete t.title, '字段 title 缺少这个字段'],
    ['a weekly period', (t: any) => (t.period = 'weekly'), '字段 period 取值不对，应为 "monthly"、"quarterly"、"yearly" 之一'],
    ['a total naming no row', (t: any) => (t.checks[0].total = 'sum'), '字段 checks[0].total 没有行「sum」，行有 A、B、C、city、rural、all'],
    ['two columns with one key', (t: any) => (t.columns[5].key = 'stopped'), '字段 columns[5].key 列「stopped」重复了'],
  ])('%s', (_name, change, expected) => {
    expect(problem(change)).toBe(`  ${FILE}：${expected}`);
  });

  it('names a list field its source does not offer, and an id that is not the file name', () => {
    const list = JSON.parse(readFileSync(join(process.cwd(), 'templates', 'reports', 'notice-list.json'), 'utf8'));
    list.columns.push({ key: 'id', header: '身份证号', field: 'idNumber' });
    expect(() => parseTemplate(list, 'notice-list.json')).toThrow(
      'notice-list.json：字段 columns[6].field 数据来源 notices 没有字段「idNumber」，可用的有 caseNo、maskedName、persons、program、amount、noticeStart、noticeEnd、blank',
    );
    expect(() => parseTemplate(base, 'other.json')).toThrow('报表模板 other.json：字段 id 是「dibao-monthly」，应与文件名「other」一致');
    expect(() => parseTemplateText('{"id": ', 'x.json')).toThrow('报表模板 x.json 不是有效的 JSON');
  });
});
