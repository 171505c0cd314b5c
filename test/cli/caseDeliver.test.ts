// `jiuzhu case deliver` (docs/decisions.md, round 3): the refusal notice
// recorded as delivered, in child processes. `status` (read from the summary)
// and `case show` stop reminding; text, --json and the archive say when it
// was delivered; the same in English with --lang en.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliOffice } from '../support/cliOffice.js';
import { CASE, ZHAO } from '../support/office.js';
import { untranslated } from '../support/english.js';

function refused() {
  const o = cliOffice('jiuzhu-deliver-', '2026-11-27');
  o.inbox('county.csv', `\uFEFF申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,发送单位代码\r\n${CASE(4)},${ZHAO},赵德明,不予批准,2026-11-25,,,,,,存款超标,430105\r\n`);
  expect(o.run(['sync', 'once']).code).toBe(0);
  return o;
}

describe('jiuzhu case deliver', () => {
  it('records the delivery; the reminder stops in status and case show, which say when it was delivered', () => {
    const { data, run } = refused();
    expect(existsSync(join(data, 'summary.json'))).toBe(true);
    expect(run(['status']).stdout).toContain('2026-11-30 前送达不予批准通知书');
    expect(run(['case', 'show', CASE(4)]).stdout).toContain('不予批准通知书须于 2026-11-30 前送达');

    const early = run(['case', 'deliver', CASE(4), '--date', '2026-11-24']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('送达日期 2026-11-24 早于区县不予批准的日期 2026-11-25');
    expect(run(['case', 'deliver', CASE(3)]).stderr).toContain('区县没有不予批准这件申请');

    const ok = run(['case', 'deliver', CASE(4), '--date', '2026-11-26', '--by', '李强', '--note', '本人签收']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`已记录：${CASE(4)} 不予批准通知书 2026-11-26 送达（送达人 李强）`);
    expect(run(['case', 'deliver', CASE(4)]).stderr).toContain('已于 2026-11-26 记录送达');

    const status = run(['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).not.toContain('送达不予批准通知书');
    expect(run(['status', '--json']).json<{ reminders: { refusalNotices: unknown[] } }>().reminders.refusalNotices).toEqual([]);

    const show = run(['case', 'show', CASE(4)]).stdout;
    expect(show).toContain('通知书已送达 2026-11-26（送达人 李强）本人签收');
    expect(show).not.toContain('前送达');
    expect(show).toMatch(/2026-11-27 09:00 通知书送达 \S+ 不予批准通知书 2026-11-26 送达，送达人 李强/);
    const json = run(['case', 'show', CASE(4), '--json']).json<Record<string, unknown>>();
    expect(json.refusalNotice).toEqual({ due: null, overdue: false, delivered: { date: '2026-11-26', by: '李强', note: '本人签收' } });
    expect(json.decision).toMatchObject({ result: '不予批准', date: '2026-11-25' });
    expect(json.history).toContainEqual(expect.objectContaining({ event: 'refusalDelivered', source: 'local' }));

    const archive = run(['household', 'show', ZHAO]).stdout;
    expect(archive).toContain('通知书已送达 2026-11-26（送达人 李强）');
    const archiveJson = run(['household', 'show', ZHAO, '--json']).json<{ cases: { caseNo: string; refusalNotice: unknown }[] }>();
    expect(archiveJson.cases.find((c) => c.caseNo === CASE(4))!.refusalNotice).toMatchObject({ delivered: { date: '2026-11-26' } });
    expect(run(['doctor']).code).toBe(0);
  });

  it('says it in English with --lang en', () => {
    const { run } = refused();
    const help = run(['--lang', 'en', 'case', 'deliver', '--help']);
    expect(help.stdout).toContain('Record that the refusal notice reached the applicant');
    expect(untranslated(help.stdout)).toEqual([]);
    const bad = run(['--lang', 'en', 'case', 'deliver', CASE(4), '--date', '2026-11-28']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is after today');
    expect(untranslated(bad.stderr)).toEqual([]);
    const ok = run(['--lang', 'en', 'case', 'deliver', CASE(4), '--by', '李强']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Recorded: the refusal notice of ${CASE(4)} delivered 2026-11-27 (by 李强)`);
    const show = run(['--lang', 'en', 'case', 'show', CASE(4)]).stdout;
    const line = show.split('\n').find((l) => l.startsWith('Notice delivered'))!;
    expect(line).toBe('Notice delivered 2026-11-27 (by 李强)');
    expect(untranslated(line, ['李强'])).toEqual([]);
  });
});
