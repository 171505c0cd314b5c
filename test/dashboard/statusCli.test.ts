// `jiuzhu status` names a file with rejected rows that `sync once` read (not
// only the daemon's counts), and a refusal notice owed (issue 15 item 5).
import { describe, it, expect } from 'vitest';
import { cliOffice } from '../support/cliOffice.js';
import { CASE, CHEN, ZHAO } from '../support/office.js';

describe('jiuzhu status', () => {
  it('reminds of a file with rejected rows read by sync once, and of the refusal notice owed', () => {
    const { run, inbox } = cliOffice('jiuzhu-status-', '2026-11-26');
    inbox('county.csv', `\uFEFF申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,发送单位代码\r\n${CASE(4)},${ZHAO},赵德明,不予批准,2026-11-25,,,,,,存款超标,430105\r\n${CASE(3)},${CHEN},陈志强,批准,2026-13-45,低保,4,900,2026-12,A,,430105\r\n`);
    expect(run(['sync', 'once']).code).toBe(0);
    const status = run(['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/有拒收行的收到文件 1 个/);
    expect(status.stdout).toMatch(/county\.csv\s+拒收 1 行/);
    expect(status.stdout).toMatch(new RegExp(`${CASE(4)}.*2026-11-30 前送达不予批准通知书`));
    const json = run(['status', '--json']).json<{ reminders: { rejectedFiles: { name: string }[] } }>();
    expect(json.reminders.rejectedFiles.map((f) => f.name)).toEqual(['county.csv']);
  });
});
