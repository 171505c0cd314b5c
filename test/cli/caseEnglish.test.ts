// `--lang en` over the case commands: their --help, a success and the
// errors a clerk meets come out in English; Chinese appears only in data
// (names, addresses, programs, the review results typed as data).
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { INTAKE, initOffice } from '../support/caseWay.js';
import { CIRCUMSTANCES, PROGRAMS } from '../../src/office/model.js';
import { REVIEW_RESULTS } from '../../src/case/steps.js';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const NOW = { JIUZHU_NOW: '2026-11-02T09:30:00+08:00', JIUZHU_OPERATOR: '王芳' };

/** The text with every data word taken out. */
function withoutData(text: string, data: readonly string[]): string {
  return [...data].sort((a, b) => b.length - a.length).reduce((s, d) => (d ? s.split(d).join('') : s), text);
}

/** Every string in a JSON value: the data a command shows. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const ENUMS = [...PROGRAMS, ...REVIEW_RESULTS, ...CIRCUMSTANCES];

describe('the case commands in English', () => {
  it('give their --help in English', () => {
    for (const args of [['case'], ['case', 'add'], ['case', 'list'], ['case', 'show'], ['case', 'advance'], ['case', 'correct'], ['case', 'export'], ['case', 'print'], ['notice', 'print']]) {
      const r = jiuzhu(['--lang', 'en', ...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(withoutData(r.stdout, ENUMS), args.join(' ')).not.toMatch(CJK);
    }
    expect(jiuzhu(['--lang', 'en', 'case', 'advance', '--help']).stdout).toContain('the date of the step, YYYY-MM-DD');
    expect(jiuzhu(['--lang', 'en', 'case', '--help']).stdout).toContain('Cases: intake, the steps');
  });

  it('take a case in, list it, show it, print its receipt and refuse a step, all in English', () => {
    const data = tempOffice();
    initOffice(data);
    const add = jiuzhu(['--lang', 'en', 'case', 'add', '--from', join(INTAKE, '01-liu-jianguo.json'), '--data', data], NOW);
    expect(add.code, add.stderr).toBe(0);
    const no = add.stdout.trim();
    const doc = jiuzhu(['case', 'show', no, '--json', '--data', data], NOW).json<Record<string, unknown>>();
    const dataWords = [...strings(doc), ...ENUMS];

    const list = jiuzhu(['--lang', 'en', 'case', 'list', '--data', data], NOW);
    expect(list.stdout).toContain('accepted');
    expect(list.stdout).toMatch(/\d+ working days? left/);
    expect(withoutData(list.stdout, dataWords)).not.toMatch(CJK);

    const show = jiuzhu(['--lang', 'en', 'case', 'show', no, '--data', data], NOW);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Householder');
    expect(show.stdout).toContain('next: home visit (investigate), withdraw the application (withdraw), correct (correct)');
    expect(withoutData(show.stdout, dataWords)).not.toMatch(CJK);

    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-en-')), 'receipt.html');
    const print = jiuzhu(['--lang', 'en', 'case', 'print', no, 'receipt', '--out', out, '--data', data], NOW);
    expect(print.code, print.stderr).toBe(0);
    expect(print.stderr + print.stdout).toContain('intake receipt saved to');

    const refused = jiuzhu(['--lang', 'en', 'case', 'advance', no, 'investigate', '--by', '王芳', '--data', data], { ...NOW, JIUZHU_NOW: '2026-11-03T10:00:00+08:00' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot home visit: a home visit needs two visitors at least');
    expect(withoutData(refused.stderr, dataWords)).not.toMatch(CJK);

    const review = jiuzhu(['--lang', 'en', 'case', 'advance', no, 'review', '--data', data], NOW);
    expect(review.code).toBe(1);
    expect(review.stderr).toContain('do the home visit first (investigate)');

    const missing = jiuzhu(['--lang', 'en', 'case', 'show', '430105003001-2026-0099', '--data', data], NOW);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no case numbered 430105003001-2026-0099');
    expect(missing.stderr).not.toMatch(CJK);

    const usage = jiuzhu(['--lang', 'en', 'case', 'list', '--due', 'soon', '--data', data], NOW);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--due: unknown value "soon"');
    expect(usage.stderr).not.toMatch(CJK);
  });

  it('name the problems of an intake file in English', () => {
    const data = tempOffice();
    initOffice(data);
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-en-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ program: '低保', area: '城市', applicationDate: '2026-13-40', address: '', members: [] }));
    const r = jiuzhu(['--lang', 'en', 'case', 'add', '--from', file, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The application has');
    expect(r.stderr).toContain('not filled in');
    expect(withoutData(r.stderr, ENUMS)).not.toMatch(CJK);
  });
});
