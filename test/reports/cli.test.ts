import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { jiuzhu } from '../support/cli.js';
import { buildReportOffice, P } from '../support/reportOffice.js';
import { readCsvTable } from '../../src/exchange/readCsv.js';
import { Office } from '../../src/store/office.js';

const NOW = { JIUZHU_NOW: '2026-11-23T10:00:00+08:00', JIUZHU_OPERATOR: '王芳' };

async function office(): Promise<string> {
  const { dir } = await buildReportOffice();
  return dir;
}

describe('jiuzhu report', () => {
  it('writes the signature sheet as xlsx whose ID cells read back as 18-character text, with A4 print setup', async () => {
    const data = await office();
    const file = join(data, '..', '发放表.xlsx');
    const r = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', file, '--data', data], NOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导出 低保金发放签字表（2026年10月）');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('低保金发放签字表（2026年10月）');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '户主姓名', '身份证号', '住址', '保障人数', '保障成员', '分类', '本月金额(元)', '领取人签字', '领取日期']);
    const ids = [4, 5, 6].map((row) => ws.getCell(row, 3).value);
    expect(ids).toEqual([P.zhaoDeming, P.huangGuiying, P.liuJianguo]);
    for (const id of ids) {
      expect(typeof id).toBe('string');
      expect((id as string).length).toBe(18);
    }
    expect(ws.getCell(4, 3).numFmt).toBe('@');
    expect(ws.getCell(4, 8).value).toBe(700);
    expect(ws.getCell(4, 8).numFmt).toBe('0.00');
    expect(ws.getCell(7, 8).value).toBe(2160);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(18);
  });

  it('writes CSV in UTF-8 with BOM by default and in GB18030 on request, both read back the same', async () => {
    const data = await office();
    const utf8 = join(data, '..', 'payroll-utf8.csv');
    const gb = join(data, '..', 'payroll-gb.csv');
    expect(jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', utf8, '--data', data], NOW).code).toBe(0);
    const r = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', gb, '--encoding', 'gb18030', '--data', data], NOW);
    expect(r.code, r.stderr).toBe(0);
    const a = readFileSync(utf8);
    const b = readFileSync(gb);
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.includes(Buffer.from('刘建国', 'utf8'))).toBe(false);
    const ta = readCsvTable(a);
    const tb = readCsvTable(b);
    if (!ta.ok || !tb.ok) throw new Error('unreadable');
    expect(ta.encoding).toBe('utf-8-bom');
    expect(tb.encoding).toBe('gb18030');
    expect(ta.headers).toEqual(['序号', '户主姓名', '身份证号', '住址', '保障人数', '保障成员', '分类', '本月金额(元)', '领取人签字', '领取日期']);
    expect(tb.headers).toEqual(ta.headers);
    const cells = (t: typeof ta) => t.rows.map((row) => t.headers.map((h) => row.cells[h]));
    expect(cells(tb)).toEqual(cells(ta));
    expect(cells(ta)[2]!.slice(0, 3)).toEqual(['3', '刘建国', P.liuJianguo]);
    expect(cells(ta)[3]!.slice(0, 8)).toEqual(['合计', '3', '', '', '6', '', '', '2160.00']);
    // The same figures in another encoding are the same 填报 (issue 15): nothing changed.
    expect(r.stderr).toContain('本期第 1 次填报');
    expect(r.stderr).toContain('没有变化');
  });

  it('refuses a template with an error, naming the file, the field and the problem', async () => {
    const data = await office();
    const dir = join(data, 'templates', 'reports');
    mkdirSync(dir, { recursive: true });
    const t = JSON.parse(readFileSync(join(process.cwd(), 'templates', 'reports', 'dibao-monthly.json'), 'utf8'));
    t.columns[1].measure = 'inForce.person';
    t.rows[0].filter = { category: 'D' };
    writeFileSync(join(dir, 'dibao-monthly.json'), JSON.stringify(t, null, 2));
    const r = jiuzhu(['report', 'list', '--data', data], NOW);
    expect(r.code).toBe(1);
    const file = join(dir, 'dibao-monthly.json');
    expect(r.stderr).toContain(`报表模板 ${file} 有 2 处问题`);
    expect(r.stderr).toContain('字段 columns[1].measure 取值不对，应为 "inForce.households"');
    expect(r.stderr).toContain('字段 rows[0].filter.category 取值不对，应为 "A"、"B"、"C" 之一');

    t.columns[1].measure = 'inForce.persons';
    t.rows[0].filter = { category: 'A' };
    t.checks[2].right = ['household'];
    writeFileSync(join(dir, 'dibao-monthly.json'), JSON.stringify(t, null, 2));
    const r2 = jiuzhu(['report', 'list', '--data', data], NOW);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('字段 checks[2].right[0] 没有列「household」');

    writeFileSync(join(dir, 'dibao-monthly.json'), '{ "id": "dibao-monthly", ');
    const r3 = jiuzhu(['report', 'list', '--data', data], NOW);
    expect(r3.stderr).toContain(`报表模板 ${file} 不是有效的 JSON`);
  });

  it('refuses to export a form whose check fails unless --force, and keeps a forced export marked as such', async () => {
    const data = await office();
    const file = join(data, '..', 'yearly.html');
    const r = jiuzhu(['report', 'fill', 'assistance-yearly', '--period', '2025', '--out', file, '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('报表有 1 项核对没有通过，没有导出');
    expect(r.stderr).toContain('表头「填报人」还没有填写');
    expect(r.stderr).toContain('--force');
    expect(existsSync(file)).toBe(false);

    const forced = jiuzhu(['report', 'fill', 'assistance-yearly', '--period', '2025', '--out', file, '--force', '--json', '--data', data], NOW);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.json()).toMatchObject({ id: 'assistance-yearly:2025:1', forced: true, failed: [{ name: '填报人和单位负责人已填写' }] });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('Noto Serif CJK SC');
    expect(html).toContain('<td class="num">35000.00</td>');

    const ok = jiuzhu(['report', 'fill', 'assistance-yearly', '--period', '2025', '--out', file, '--set', 'preparer=王芳', '--set', 'head=李主任', '--json', '--data', data], NOW);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ id: 'assistance-yearly:2025:2', forced: false, failed: [] });
    expect(ok.json<{ changes: unknown[] }>().changes).toEqual([
      { row: '表头', column: '填报人', was: '', now: '王芳' },
      { row: '表头', column: '单位负责人', was: '', now: '李主任' },
    ]);
  });

  it('a re-fill after late data says what changed, and the typed cells are kept from the last fill', async () => {
    const data = await office();
    const file = join(data, '..', 'monthly.csv');
    const first = jiuzhu(['report', 'fill', 'dibao-monthly', '--period', '2026-10', '--out', file, '--set', 'A.disabled=1', '--set', 'preparer=王芳', '--data', data], NOW);
    expect(first.code, first.stderr).toBe(0);
    // A county adjustment for 刘建国 effective October arrives late: 960 → 1,000 yuan.
    const o = await Office.open(data);
    await o.transact({ operator: '系统', source: 'local', action: 'test.late' }, (tx) =>
      tx.update('enrolments', `h${P.liuJianguo}:低保`, (e) => {
        e.history.push({ at: '2026-11-20T10:00:00+08:00', event: 'adjusted', month: '2026-10', date: '2026-10-28', amountFen: 100000, source: 'local' });
        e.monthlyAmountFen = 100000;
      }),
    );
    const again = jiuzhu(['report', 'fill', 'dibao-monthly', '--period', '2026-10', '--out', file, '--json', '--data', data], NOW);
    expect(again.code, again.stderr).toBe(0);
    const doc = again.json<{ id: string; changes: { row: string; column: string; was: string; now: string }[] }>();
    expect(doc.id).toBe('dibao-monthly:2026-10:2');
    expect(doc.changes).toEqual(
      expect.arrayContaining([
        { row: 'A类（一类）', column: '调整金额户数', was: '0', now: '1' },
        { row: 'A类（一类）', column: '本月发放金额(元)', was: '1660.00', now: '1700.00' },
        { row: '合计', column: '本月发放金额(元)', was: '2160.00', now: '2200.00' },
      ]),
    );
    // Adjusted households and the amount, in the rows A, 城市 and 合计.
    expect(doc.changes).toHaveLength(6);
    expect(doc.changes).toContainEqual({ row: '城市', column: '本月发放金额(元)', was: '1460.00', now: '1500.00' });
    const table = readCsvTable(readFileSync(file));
    if (!table.ok) throw new Error('unreadable');
    expect(table.rows[0]!.cells['其中残疾人数']).toBe('1');
  });

  it('lists each form with its next due date, whether it is done and what is overdue', async () => {
    const data = await office();
    expect(jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-11', '--out', join(data, '..', 'p.html'), '--data', data], NOW).code).toBe(0);
    const r = jiuzhu(['report', 'list', '--json', '--data', data], NOW);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.json<Record<string, unknown>[]>();
    expect(rows.map((x) => x.id)).toEqual(['assistance-yearly', 'dibao-changes', 'dibao-monthly', 'dibao-payroll', 'dibao-quarterly', 'elderly-monthly', 'labour-monthly', 'notice-list', 'tekun-monthly']);
    expect(rows.find((x) => x.id === 'dibao-payroll')).toMatchObject({ title: '低保金发放签字表', period: 'monthly', dueFor: '2026-12', due: '2026-12-31', done: true, overdue: false });
    expect(rows.find((x) => x.id === 'dibao-quarterly')).toMatchObject({ dueFor: '2026-Q3', due: '2026-10-13', done: false, overdue: true, overduePeriods: ['2026-Q3'] });
    const text = jiuzhu(['report', 'list', '--data', data], NOW);
    expect(text.stdout).toContain('dibao-quarterly  城乡低保季度统计表');
    expect(text.stdout).toContain('已超期：2026-Q3');
  });

  it('says which cells can be typed when an unknown one is set, and refuses a period of the wrong kind', async () => {
    const data = await office();
    const out = join(data, '..', 'x.csv');
    const r = jiuzhu(['report', 'fill', 'dibao-monthly', '--period', '2026-10', '--out', out, '--set', 'Z.disabled=1', '--data', data], NOW);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('这张表没有可填写的「Z.disabled」：可填写的有 preparer、reviewer、A.disabled');
    const q = jiuzhu(['report', 'fill', 'dibao-quarterly', '--period', '2026-10', '--out', out, '--data', data], NOW);
    expect(q.code).toBe(1);
    expect(q.stderr).toContain('这张表是季报，报表期应写成 2026-Q4 这样');
    const bad = jiuzhu(['report', 'fill', 'dibao-monthly', '--period', '2026-10', '--out', out, '--set', 'A.disabled=两个', '--data', data], NOW);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('「A.disabled」（其中残疾人数）');
  });

  it('exports a kept fill again exactly as filed, and queues an outbound copy for the township when asked', async () => {
    const data = await office();
    const first = join(data, '..', 'p1.csv');
    const r = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', first, '--send', '--json', '--data', data], NOW);
    expect(r.code, r.stderr).toBe(0);
    const outboundId = r.json<{ outbound: string }>().outbound;
    const o = await Office.open(data);
    expect(o.view.get('outbound', outboundId)).toMatchObject({
      kind: 'dibao-payroll',
      columns: ['序号', '户主姓名', '身份证号', '住址', '保障人数', '保障成员', '分类', '本月金额(元)', '领取人签字', '领取日期'],
      rows: [
        ['1', '赵德明', P.zhaoDeming, '新塘村二组3号', '2', '赵德明、赵丽', 'A', '700.00', '', ''],
        ['2', '黄桂英', P.huangGuiying, '东风路8号1栋502', '1', '黄桂英', 'B', '500.00', '', ''],
        ['3', '刘建国', P.liuJianguo, '东风路12号3栋201', '3', '刘建国、周秀兰、刘桂芝', 'A', '960.00', '', ''],
        ['合计', '3', '', '', '6', '', '', '2160.00', '', ''],
      ],
      writtenAs: null,
    });
    // Late data: 黄桂英's first amount was 550 yuan, not 500.
    await o.transact({ operator: '系统', source: 'local', action: 'test.late' }, (tx) =>
      tx.update('enrolments', `h${P.huangGuiying}:低保`, (e) => void (e.history[0]!.amountFen = 55000)),
    );
    const again = join(data, '..', 'again.csv');
    const ex = jiuzhu(['report', 'export', 'dibao-payroll', '--period', '2026-10', '--out', again, '--data', data], NOW);
    expect(ex.code, ex.stderr).toBe(0);
    expect(ex.stderr).toContain('第 1 次填报的数字导出');
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    const show = jiuzhu(['report', 'show', 'dibao-payroll', '--period', '2026-10', '--data', data], NOW);
    expect(show.stdout).toContain('550.00');
    expect(show.stdout).toContain('2210.00');
    const xlsx = jiuzhu(['report', 'export', 'dibao-payroll', '--period', '2026-10', '--out', join(data, '..', 'again.xlsx'), '--data', data], NOW);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const none = jiuzhu(['report', 'export', 'dibao-monthly', '--period', '2026-10', '--out', again, '--data', data], NOW);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('城乡低保月报表 2026-10 还没有填报过');
  });

  it('a re-fill drops what was typed for a row that has gone, instead of refusing', async () => {
    const data = await office();
    const file = join(data, '..', 'payroll.csv');
    const key = `h${P.huangGuiying}:低保.signedOn`;
    const first = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', file, '--set', `${key}=2026-10-26`, '--set', 'handler=王芳', '--data', data], NOW);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('2026-10-26');
    // The county's late file: 黄桂英's approval is withdrawn, her enrolment never started.
    const o = await Office.open(data);
    await o.transact({ operator: '系统', source: 'local', action: 'test.late' }, (tx) => tx.delete('enrolments', `h${P.huangGuiying}:低保`));
    const again = jiuzhu(['report', 'fill', 'dibao-payroll', '--period', '2026-10', '--out', file, '--json', '--data', data], NOW);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json<{ changes: { row: string; column: string; was: string; now: string }[] }>().changes).toContainEqual({ row: '黄桂英', column: '领取日期', was: '2026-10-26', now: '' });
    const kept = (await Office.open(data)).view.get('reports', 'dibao-payroll:2026-10:2');
    expect(kept?.manual).toEqual({ handler: '王芳' });
  });
});
