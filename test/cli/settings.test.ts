// Issue 15 item 1: the office keeps its own rules and standards by hand, journaled, so doctor stays clean.
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { FIXTURE_INTAKE, CASE } from '../support/office.js';
import { Office } from '../../src/store/office.js';
import { caseEligibility } from '../../src/case/household.js';

const CJK = /[\u3400-\u9fff]/;
const ENV = { JIUZHU_NOW: '2026-12-01T10:00:00+08:00', JIUZHU_OPERATOR: '王芳' };

function newOffice(shared?: string) {
  const data = tempOffice('jiuzhu-settings-');
  const run = (...args: string[]) => jiuzhu(['--data', data, ...(shared ? ['--shared', shared] : []), ...args], ENV);
  expect(run('init', '--office', '430105003001', '--name', '东风社区').code).toBe(0);
  return { data, run };
}

describe('jiuzhu settings', () => {
  it('shows every setting with value, default and meaning; set checks the range, is journaled, and doctor stays clean', () => {
    const { data, run } = newOffice();
    const shown = run('settings', 'show', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const doc = shown.json<Record<string, { value: unknown; default: unknown; description: string }>>();
    for (const k of ['communityWorkingDays', 'investigationStartWorkingDays', 'noticeDays', 'warnWorkingDays', 'reviewMonths.A', 'reviewMonths.B', 'reviewMonths.C', 'gradualExitMonths', 'labourAgeMin', 'labourAgeMax', 'warnAbsences', 'recommendAbsences', 'nearPovertyFactor', 'excludedIncomeKinds', 'labourWeekdays', 'csvEncoding']) {
      expect(doc[k], k).toMatchObject({ value: expect.anything(), default: expect.anything(), description: expect.any(String) });
    }
    expect(doc.nearPovertyFactor).toMatchObject({ value: 1.5, default: 1.5 });

    const bad = run('settings', 'set', 'communityWorkingDays', '99');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('1 到 60 之间的整数');
    const en = jiuzhu(['--lang', 'en', '--data', data, 'settings', 'set', 'labourAgeMin', '70'], ENV);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('a whole number from 16 to 60');
    expect(en.stderr).not.toMatch(CJK);
    const cross = run('settings', 'set', 'warnAbsences', '5');
    expect(cross.code).toBe(1);
    expect(cross.stderr).toContain('提醒的缺勤次数（5）不能多于建议处理的次数（3）');
    expect(run('settings', 'set', 'nosuch', '1').stderr).toContain('不认识的设置「nosuch」');

    const ok = run('settings', 'set', 'communityWorkingDays', '20');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('15 → 20');
    expect(run('settings', 'set', 'csvEncoding', 'gb18030').code).toBe(0);
    expect(run('settings', 'set', 'nearPovertyFactor', '2').code).toBe(0);
    const after = run('settings', 'show', '--json').json<Record<string, { value: unknown; default: unknown }>>();
    expect(after.communityWorkingDays).toMatchObject({ value: 20, default: 15 });
    expect(after.csvEncoding).toMatchObject({ value: 'gb18030', default: 'utf-8-bom' });
    expect(after.nearPovertyFactor).toMatchObject({ value: 2, default: 1.5 });
    expect(run('settings', 'show').stdout).toContain('communityWorkingDays = 20（默认 15）');

    const journal = readFileSync(join(data, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; operator: string; summary?: string });
    expect(journal.filter((e) => e.action === 'settings.set').map((e) => e.summary)).toEqual(['设置 communityWorkingDays = 20', '设置 csvEncoding = gb18030', '设置 nearPovertyFactor = 2']);
    const doctor = run('doctor');
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  });

  it('a new office judges against a standard kept by hand; a later-dated county file wins, and the list shows the source', async () => {
    const shared = join(tempOffice('jiuzhu-settings-shared-'), 'shared');
    mkdirSync(join(shared, 'inbox'), { recursive: true });
    const { data, run } = newOffice(shared);
    expect(run('case', 'add', '--from', join(FIXTURE_INTAKE, '01-liu-jianguo.json')).code).toBe(0);
    const verdict = async () => {
      const o = await Office.open(data);
      const e = caseEligibility(o.view, o.view.get('cases', CASE(1))!);
      return [e.verdict, e.standard?.monthlyFen ?? null];
    };
    expect(await verdict()).toEqual(['no-standard', null]);
    expect(run('standard', 'list').stderr).toContain('还没有保障标准');

    const bad = run('standard', 'set', '--area', '城区', '--program', '低保', '--amount', '-5', '--from', '2026-1-1');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('城乡「城区」不对');
    expect(bad.stderr).toContain('标准「-5」不对');
    expect(bad.stderr).toContain('执行日期「2026-1-1」不对');

    const set = run('standard', 'set', '--area', '城市', '--program', '低保', '--amount', '850', '--from', '2026-01-01');
    expect(set.code, set.stderr).toBe(0);
    expect(await verdict()).toEqual(['eligible', 85000]);
    expect(run('standard', 'list').stdout).toContain('现行 城市 低保 850.00 元  自 2026-01-01  手工录入');

    // The county's file: a later date and one of the same date as another hand-kept row.
    expect(run('standard', 'set', '--area', '农村', '--program', '低保', '--amount', '600', '--from', '2026-11-01').code).toBe(0);
    const csv = join(shared, 'inbox', 'standard-2026.csv');
    writeFileSync(csv, '\uFEFF地区类型,救助类别,月标准(元),执行日期,文号\r\n城市,低保,900,2026-10-01,长民发〔2026〕31号\r\n农村,低保,650,2026-11-01,长民发〔2026〕31号\r\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(csv, past, past);
    expect(run('sync', 'once').code).toBe(0);
    const list = run('standard', 'list', '--json').json<{ area: string; program: string; amount: string; from: string; inForce: boolean; source: string; file: string | null; ref: string | null }[]>();
    expect(list.map((r) => [r.area, r.amount, r.from, r.inForce, r.source])).toEqual([
      ['农村', '650.00', '2026-11-01', true, 'county'],
      ['城市', '900.00', '2026-10-01', true, 'county'],
      ['城市', '850.00', '2026-01-01', false, 'hand'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(list.find((r) => r.amount === '900.00')).toMatchObject({ file: 'standard-2026.csv', ref: '长民发〔2026〕31号' });
    expect(run('standard', 'list').stdout).toContain('县级文件 standard-2026.csv（长民发〔2026〕31号）');
    // A hand-kept row cannot overwrite the county's of the same date.
    const over = run('standard', 'set', '--area', '城市', '--program', '低保', '--amount', '800', '--from', '2026-10-01');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('以县级文件为准');
    expect(run('doctor').code).toBe(0);
  });

  it('speaks English on request; only data (names, area and programme words) stays Chinese', () => {
    const { data } = newOffice();
    const en = (...args: string[]) => jiuzhu(['--lang', 'en', '--data', data, ...args], ENV);
    const show = en('settings', 'show');
    expect(show.code).toBe(0);
    const descs = show.stdout.split('\n').filter((l) => l.startsWith('    '));
    expect(descs.length).toBeGreaterThan(20);
    for (const l of descs) expect(l, l).not.toMatch(CJK);
    expect(show.stdout).toContain('From acceptance to submitting to the township (working days); allowed: a whole number from 1 to 60');
    const set = en('standard', 'set', '--area', '城市', '--program', '低保', '--amount', '850', '--from', '2026-01-01');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr.replace(/城市|低保/g, '')).not.toMatch(CJK);
    const list = en('standard', 'list');
    expect(list.stdout.replace(/城市|低保/g, '')).toMatch(/in force\s+850\.00 yuan\s+from 2026-01-01\s+kept by hand/);
    expect(en('settings', 'set', 'noticeDays', 'x').stderr.replace(/「|」/g, '')).not.toMatch(CJK);
  });
});
