// `jiuzhu --lang en` on the attendance and report commands: help, successes
// and refusals in English; Chinese only in data (names, holiday names,
// exemption kinds, form titles and period labels of the county's forms).
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { enrolment, family, labourOffice } from '../support/labour.js';
import { buildReportOffice } from '../support/reportOffice.js';
import { EXEMPTION_KINDS } from '../../src/attendance/types.js';

const CJK = /[\u3400-\u9fff]/;

/** The text with the given data words taken out: what is left must be English. */
function withoutData(text: string, data: readonly string[]): string {
  let out = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) out = out.split(d).join('');
  return out;
}

function english(text: string, data: readonly string[] = []): void {
  const rest = withoutData(text, data);
  expect(rest, rest).not.toMatch(CJK);
}

describe('jiuzhu --lang en attendance', () => {
  it('gives help, successes and refusals in English', async () => {
    const a = family([{ name: '刘建国', birth: '1978-03-15' }]);
    const b = family([{ name: '欧阳明', birth: '1950-01-01' }]);
    const data = tempOffice('jiuzhu-att-en-');
    await labourOffice(data, { families: [a, b], enrolments: [enrolment(a), enrolment(b)] });
    const env = { JIUZHU_NOW: '2026-10-31T17:00:00+08:00', JIUZHU_OPERATOR: '王芳' };
    const run = (...args: string[]) => jiuzhu(['--lang', 'en', 'attendance', ...args, '--data', data], env);
    const names = ['刘建国', '欧阳明', '国庆节'];

    const help = jiuzhu(['--lang', 'en', 'attendance', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Public-service labour: planning, marking, month summary, closing and corrections');
    expect(help.stdout).toContain('Subcommands:');
    english(help.stdout, EXEMPTION_KINDS);
    for (const sub of [['plan'], ['roster'], ['mark'], ['summary'], ['close'], ['amend'], ['exempt'], ['exempt', 'add'], ['exempt', 'list'], ['exempt', 'end'], ['group', 'move'], ['session', 'add'], ['session', 'cancel'], ['sheet']]) {
      const h = jiuzhu(['--lang', 'en', 'attendance', ...sub, '--help']);
      expect(h.code, sub.join(' ')).toBe(0);
      english(h.stdout, EXEMPTION_KINDS);
    }

    const plan = run('plan', '--month', '2026-10');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr).toContain('2026-10: 10 sessions created, 0 already there.');
    expect(plan.stderr).toContain('2026-10-02 国庆节: no session');
    english(plan.stderr, names);

    const mark = run('mark', '--date', '2026-10-09', '--rest', 'present');
    expect(mark.code, mark.stderr).toBe(0);
    expect(mark.stderr.trim()).toBe('2026-10-09: present 1, late 0, excused 0, absent 0, not marked 0.');

    const noNote = run('mark', '--date', '2026-10-12', '--id', a.members[0]!.idNumber, '--status', 'excused');
    expect([noNote.code, noNote.stderr.trim()]).toEqual([1, 'A leave needs a reason (--note), e.g. "doctor"']);
    const tooOld = run('mark', '--date', '2026-10-12', '--id', b.members[0]!.idNumber, '--status', 'present');
    expect(tooOld.code).toBe(1);
    expect(tooOld.stderr).toContain('欧阳明 is not on the roster of 2026-10-12: aged 60 or over');
    english(tooOld.stderr, names);
    const badMonth = run('plan', '--month', '2026-13');
    expect([badMonth.code, badMonth.stderr.trim()]).toEqual([2, '--month must be YYYY-MM, e.g. 2026-11 (got "2026-13")']);
    const early = run('close', '--month', '2026-10');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('2026-10 has sessions not fully marked');
    english(early.stderr);

    const summary = run('summary', '--month', '2026-10');
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('Labour attendance 2026-10 (as of 2026-10-31, 10 sessions)');
    english(summary.stdout + summary.stderr, names);
  });
});

describe('jiuzhu --lang en report', () => {
  it('gives help, a fill and its refusals in English; the form itself stays Chinese', async () => {
    const { dir: data } = await buildReportOffice();
    const env = { JIUZHU_NOW: '2026-11-23T10:00:00+08:00', JIUZHU_OPERATOR: '王芳' };
    const run = (...args: string[]) => jiuzhu(['--lang', 'en', 'report', ...args, '--data', data], env);

    for (const sub of [[], ['list'], ['show'], ['fill'], ['export']]) {
      const h = jiuzhu(['--lang', 'en', 'report', ...sub, '--help']);
      expect(h.code, sub.join(' ')).toBe(0);
      english(h.stdout);
    }
    const forms = run('list', '--json').json<{ id: string; title: string }[]>();
    const titles = forms.map((f) => f.title);
    const list = run('list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/dibao-monthly .* by day 5 of the next month {2}overdue: 2026-10 \(2026-10 due by 2026-11-05\)/);
    english(list.stdout, titles);

    const file = join(data, '..', 'payroll.csv');
    const fill = run('fill', 'dibao-payroll', '--period', '2026-10', '--out', file);
    expect(fill.code, fill.stderr).toBe(0);
    expect(fill.stderr).toContain(`Exported 低保金发放签字表 (2026年10月) to ${file}: fill 1 of this period`);
    english(fill.stderr, [...titles, '2026年10月']);

    const kind = run('fill', 'dibao-payroll', '--period', '2026-Q4', '--out', file);
    expect([kind.code, kind.stderr.trim()]).toEqual([1, 'This is a monthly form: write the period like 2026-11, not "2026-Q4"']);
    const cell = run('show', 'dibao-monthly', '--period', '2026-10', '--set', 'nosuch=1');
    expect(cell.code).toBe(1);
    expect(cell.stderr).toContain('This form has no cell "nosuch" to fill: the cells to fill are ');
    english(cell.stderr);
    const format = run('fill', 'dibao-payroll', '--period', '2026-10', '--out', file, '--format', 'pdf');
    expect([format.code, format.stderr.trim()]).toEqual([2, '--format must be one of csv, xlsx, html, not "pdf"']);
    const again = run('export', 'dibao-monthly', '--period', '2026-10', '--out', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('has never been filled: fill it first with jiuzhu report fill');
    english(again.stderr, titles);
  });
});
