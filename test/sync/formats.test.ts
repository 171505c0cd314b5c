// Inbound files made the way Excel, WPS and LibreOffice make them, each
// merged end to end through syncOnce and checked through its receipt, the
// kept copy and the stores (spec/exchange.md). The cell and CSV parsers have
// their own unit tests in test/exchange; these go through the whole run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RECEIPT_COLUMNS } from '../../src/sync/receipts.js';
import type { FileReport } from '../../src/sync/report.js';
import {
  CASES,
  csv,
  expectedReceiptName,
  drop,
  fixtureRows,
  fixtureText,
  gb18030,
  listReceipts,
  makeOffice,
  outcomes,
  parseReceipt,
  removeAll,
  removeOffice,
  sha256,
  sync,
  utf16le,
  utf8,
  utf8Bom,
  type Receipt,
  type TestOffice,
} from './support/office.js';

/** The exact reason of exchange.md for an ID number a spreadsheet mangled. */
const ID_MANGLED = '身份证号被表格软件改成了科学计数法，请把该列设为文本后重新导出';
const SENDER_NOT_ANCESTOR = '发送单位不是本社区的上级单位';

const offices: TestOffice[] = [];
async function office(): Promise<TestOffice> {
  const o = await makeOffice({ prefix: 'jiuzhu-formats-' });
  offices.push(o);
  return o;
}
afterEach(() => {
  for (const o of offices.splice(0)) removeOffice(o);
});
afterAll(removeAll);

interface Processed {
  report: FileReport;
  receipt: Receipt;
}

/**
 * Drops one file, runs sync once, and checks what every inbound file gets:
 * one report, a receipt named by the rule (UTF-8 with BOM, the five columns),
 * and a byte-identical copy kept under sync/received/<sha256>.
 */
async function syncFile(o: TestOffice, rel: string, bytes: Buffer, opts: { strict?: boolean } = {}): Promise<Processed> {
  drop(o.inbox, rel, bytes);
  const result = await sync(o, opts);
  expect(result.problems).toEqual([]);
  const report = result.files.find((f) => f.name === rel);
  expect(report, `no report for ${rel}: ${JSON.stringify(result.files)}`).toBeDefined();
  const name = expectedReceiptName(rel, bytes);
  expect(report!.receipt).toBe(name);
  expect(listReceipts(o)).toContain(name);
  const receipt = parseReceipt(name, readFileSync(join(o.receipts, name)));
  expect(receipt.header).toEqual([...RECEIPT_COLUMNS]);
  const kept = join(o.data, 'sync', 'received', sha256(bytes));
  expect(existsSync(kept), 'the file is kept in sync/received').toBe(true);
  expect(readFileSync(kept).equals(bytes), 'the kept copy is byte-identical').toBe(true);
  return { report: report!, receipt };
}

const caseOf = (o: TestOffice, caseNo: string) => o.office.view.get('cases', caseNo)!;
const statuses = (o: TestOffice) => Object.values(CASES).map((c) => caseOf(o, c.caseNo).status);
const enrolmentOf = (o: TestOffice, householderId: string, program = '低保') => o.office.view.get('enrolments', `h${householderId}:${program}`);
const fileRecord = (o: TestOffice, bytes: Buffer) => o.office.view.get('files', sha256(bytes)) as { encoding: string | null; kind: string | null } | undefined;

/** Data rows 2…n+1 all with `result`. */
const allRows = (n: number, result: string): [string, string][] => Array.from({ length: n }, (_, i) => [String(i + 2), result]);

const REVIEW = fixtureRows('04-township-review.csv');
const DECISION = fixtureRows('05-county-decision.csv');
const REVIEW_APPLIED = ['township-approved', 'township-approved', 'returned', 'township-approved'];

/** A table with column `column` of data row i (0-based) replaced by `values[i]` (undefined: kept). */
function withColumn(rows: string[][], column: string, values: readonly (string | undefined)[]): string[][] {
  const at = rows[0]!.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  return rows.map((r, i) => (i === 0 || values[i - 1] === undefined ? r : r.map((c, j) => (j === at ? values[i - 1]! : c))));
}

// ------------------------------------------------------------------ encodings

describe('encodings', () => {
  it('reads UTF-8 without a BOM (a text editor, or a system export)', async () => {
    const o = await office();
    const bytes = utf8(fixtureText('04-township-review.csv'));
    const { report, receipt } = await syncFile(o, '04-township-review.csv', bytes);
    expect(report).toMatchObject({ kind: 'township-review', outcome: 'applied', applied: 4, rejected: 0 });
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(receipt.rows.map((r) => [r.申请编号, r.身份证号])).toEqual(Object.values(CASES).map((c) => [c.caseNo, c.id]));
    expect(statuses(o)).toEqual(REVIEW_APPLIED);
    expect(caseOf(o, CASES.chen.caseNo).township).toMatchObject({ result: '退回', date: '2026-11-20', note: '请补充陈志强近6个月工资流水及劳动合同后重新上报', by: '谭丽' });
    expect(fileRecord(o, bytes)?.encoding).toBe('utf-8');
  });

  it('reads GB18030 (Excel "CSV" on Chinese Windows): names and reasons in Chinese come through', async () => {
    const o = await office();
    // 䶮 (U+4DAE) and 𠀾 (U+2003E) are four-byte sequences in GB18030, outside GBK.
    const rows = withColumn(DECISION, '原因', [undefined, undefined, '经济状况核对发现家庭存款超过规定标准（经办：䶮𠀾）']);
    const bytes = gb18030(csv(rows));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const { report, receipt } = await syncFile(o, '区县审批结果.csv', bytes);
    expect(report).toMatchObject({ kind: 'county-decision', outcome: 'applied', applied: 3 });
    expect(outcomes(receipt)).toEqual(allRows(3, '已应用'));
    expect(caseOf(o, CASES.liu.caseNo)).toMatchObject({
      status: 'approved',
      decision: { result: '批准', date: '2026-11-25', program: '低保', persons: 3, monthlyAmountFen: 100000, category: 'B', startMonth: '2026-12', by: '罗建华' },
    });
    expect(caseOf(o, CASES.zhao.caseNo)).toMatchObject({
      status: 'rejected',
      decision: { result: '不予批准', reason: '经济状况核对发现家庭存款超过规定标准（经办：䶮𠀾）' },
    });
    expect(enrolmentOf(o, CASES.huang.id)).toMatchObject({ status: 'active', monthlyAmountFen: 65000, category: 'A', caseNo: CASES.huang.caseNo });
    expect(fileRecord(o, bytes)?.encoding).toBe('gb18030');
  });

  it('reads UTF-16LE with a BOM, tab-separated (Excel "Unicode text")', async () => {
    const o = await office();
    const bytes = utf16le(csv(fixtureRows('03-verification.csv'), { delimiter: '\t' }));
    const { report, receipt } = await syncFile(o, '经济状况核对结果.csv', bytes);
    expect(report).toMatchObject({ kind: 'verification', outcome: 'applied', applied: 7 });
    expect(outcomes(receipt)).toEqual(allRows(7, '已应用'));
    const chen = caseOf(o, CASES.chen.caseNo).verifications;
    expect(chen).toHaveLength(2);
    expect(chen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: '工商登记', found: false, date: '2026-11-12' }),
        expect.objectContaining({ item: '住房公积金', found: true, amountFen: 432000, note: '陈志强在职单位缴存住房公积金，账户余额4320元' }),
      ]),
    );
    expect(caseOf(o, CASES.zhao.caseNo).verifications).toContainEqual(
      expect.objectContaining({ item: '存款', found: true, amountFen: 8600000, note: '赵德明名下定期存款8.6万元' }),
    );
    expect(fileRecord(o, bytes)?.encoding).toBe('utf-16le');
  });
});

// -------------------------------------------------------------- header forms

describe('headers', () => {
  it('matches full-width headers and headers with spaces inside (NFKC, spaces removed)', async () => {
    const o = await office();
    const header = [' 申请编号', '身份证号 ', '姓名', '审批结果', '审批\u3000日期', '救助类别', '保障　人数', '月保障金额（元）', '起始 年月', '分类', '原因', '审批人', '发送单位代码'];
    const bytes = utf8Bom(csv([header, ...DECISION.slice(1)]));
    const { report, receipt } = await syncFile(o, 'fullwidth.csv', bytes);
    expect(report).toMatchObject({ kind: 'county-decision', applied: 3, rejected: 0 });
    // Every column is known: no 提示 row.
    expect(outcomes(receipt)).toEqual(allRows(3, '已应用'));
    expect(enrolmentOf(o, CASES.liu.id)).toMatchObject({ monthlyAmountFen: 100000, persons: 3, since: '2026-12' });
  });

  it('names every unknown column in one 提示 row with 行号 1, and still applies the rows', async () => {
    const o = await office();
    const header = ['序号', ...DECISION[0]!, '备注', '经办单位', '联系电话'];
    const rows = DECISION.slice(1).map((r, i) => [String(i + 1), ...r, '已电话告知', '区民政局', '0731-8888']);
    const bytes = utf8Bom(csv([header, ...rows]));
    const { report, receipt } = await syncFile(o, 'extra-columns.csv', bytes);
    expect(report).toMatchObject({ kind: 'county-decision', applied: 3 });
    const notes = receipt.rows.filter((r) => r.行号 === '1');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.结果).toBe('提示');
    for (const name of ['序号', '备注', '经办单位', '联系电话']) expect(notes[0]!.原因).toContain(name);
    expect(receipt.rows.filter((r) => r.结果 === '提示')).toHaveLength(1);
    expect(outcomes(receipt).filter(([row]) => row !== '1')).toEqual(allRows(3, '已应用'));
  });

  it('ignores trailing empty columns (a spreadsheet that once had wider content)', async () => {
    const o = await office();
    const std = fixtureRows('01-standard.csv');
    const text = std.map((r, i) => r.join(',') + ',,,' + (i % 2 ? ',' : '')).join('\r\n') + '\r\n';
    const bytes = utf8Bom(text);
    const { report, receipt } = await syncFile(o, 'standard-trailing.csv', bytes);
    expect(report).toMatchObject({ kind: 'standard', applied: 4, rejected: 0 });
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(o.office.view.get('standards', '城市:低保:2027-01-01')).toMatchObject({ monthlyFen: 90000, ref: '长民发〔2026〕31号' });
    expect(o.office.view.get('standards', '农村:特困:2027-01-01')).toMatchObject({ monthlyFen: 93600 });
  });
});

// ----------------------------------------------------------- rows and quoting

describe('rows, quoting and line endings', () => {
  it('reads quoted cells with commas, quotes and line breaks; a multi-line cell is one row in the receipt', async () => {
    const o = await office();
    const notes = ['经入户核查,情况属实,同意上报', '独居老人"情况属实"，同意上报', '请补充:\n1. 工资流水\n2. 劳动合同', '同意上报'];
    const rows = withColumn(REVIEW, '审核意见', notes);
    // A fifth data row after the multi-line cell, with a wrong check digit: spreadsheet row 6.
    rows.push([CASES.liu.caseNo, '430105197803152316', '刘建国', '同意', '"再次"核查', '2026-11-21', '谭丽', '430105003']);
    const text = csv(rows);
    expect(text.split('\r\n')).toHaveLength(7); // six rows and the end…
    expect(text.split('\n').length).toBeGreaterThan(7); // …with line breaks inside cells
    const bytes = utf8Bom(text);
    const { receipt } = await syncFile(o, 'quoted.csv', bytes);
    expect(outcomes(receipt)).toEqual([...allRows(4, '已应用'), ['6', '拒绝']]);
    expect(receipt.rows[4]!.原因).toContain('身份证号');
    // Free text is kept exactly as written.
    expect(caseOf(o, CASES.liu.caseNo).township?.note).toBe(notes[0]);
    expect(caseOf(o, CASES.huang.caseNo).township?.note).toBe(notes[1]);
    expect(caseOf(o, CASES.chen.caseNo).township?.note).toBe(notes[2]);
  });

  it('gives the same result for CRLF and LF files', async () => {
    const results = [];
    for (const eol of ['\r\n', '\n']) {
      const o = await office();
      const rows = withColumn(REVIEW, '审核意见', [undefined, '第一行\n第二行', undefined, undefined]);
      const bytes = utf8Bom(csv(rows, { eol }));
      expect(bytes.includes('\r')).toBe(eol === '\r\n');
      const { receipt } = await syncFile(o, `review-${eol === '\n' ? 'lf' : 'crlf'}.csv`, bytes);
      expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
      expect(statuses(o)).toEqual(REVIEW_APPLIED);
      results.push({ rows: receipt.rows, township: Object.values(CASES).map((c) => caseOf(o, c.caseNo).township) });
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('skips blank rows and all-empty rows, numbering the others as a spreadsheet shows them', async () => {
    const o = await office();
    const [header, ...data] = fixtureRows('02-holidays.csv');
    const lines = [
      header!.join(','), // 1
      data[0]!.join(','), // 2
      '', // 3: blank
      data[1]!.join(','), // 4
      ',,', // 5: all cells empty
      data[2]!.join(','), // 6
      '"","",""', // 7: all cells empty, quoted
      '', // 8
      '', // 9
      data[3]!.join(','), // 10
      '', // 11: trailing blank rows
      ',,',
    ];
    const bytes = utf8Bom(lines.join('\r\n') + '\r\n');
    const { report, receipt } = await syncFile(o, 'holidays-gaps.csv', bytes);
    expect(report).toMatchObject({ kind: 'holidays', applied: 4 });
    expect(outcomes(receipt)).toEqual([
      ['2', '已应用'],
      ['4', '已应用'],
      ['6', '已应用'],
      ['10', '已应用'],
    ]);
    expect(o.office.view.all('holidays').map((h) => h.id).sort()).toEqual(['2027-01-01', '2027-01-31', '2027-02-05', '2027-02-06']);
  });
});

// --------------------------------------------------- whole-file rejections

describe('files that cannot be read at all', () => {
  const binary = Buffer.alloc(600);
  for (let i = 0, x = 12345; i < binary.length; i++) binary[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
  const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), binary.subarray(100)]);

  const cases: [string, Buffer][] = [
    ['no-kind.csv', utf8Bom('姓名,年龄,住址\r\n张三,30,东风路1号\r\n')],
    ['some-columns.csv', utf8Bom('申请编号,身份证号,姓名\r\n430105003001-2026-0001,430105197803152315,刘建国\r\n')],
    [
      'two-kinds.csv',
      utf8Bom(csv([
        ['申请编号', '身份证号', '审核结果', '审核日期', '审批结果', '审批日期'],
        [CASES.liu.caseNo, CASES.liu.id, '同意', '2026-11-20', '批准', '2026-11-25'],
      ])),
    ],
    ['binary.csv', binary],
    ['workbook.csv', xlsx],
    ['empty.csv', Buffer.alloc(0)],
    ['only-blank-lines.csv', utf8('\r\n\r\n\r\n')],
  ];

  it.each(cases)('%s: one receipt row, 行号 0, 拒绝, nothing applied', async (name, bytes) => {
    const o = await office();
    const before = JSON.stringify(o.office.view.all('cases'));
    const { report, receipt } = await syncFile(o, name, bytes);
    expect(report.outcome).toBe('rejected');
    expect(receipt.rows).toHaveLength(1);
    expect(receipt.rows[0]).toMatchObject({ 行号: '0', 结果: '拒绝', 申请编号: '', 身份证号: '' });
    expect(receipt.rows[0]!.原因.length).toBeGreaterThan(4);
    expect(JSON.stringify(o.office.view.all('cases'))).toBe(before);
    expect(o.office.view.all('decisions')).toEqual([]);
  });

  it('rejects a file whose quote opens after many good rows, read as they come: nothing of the good rows is applied', async () => {
    const o = await office();
    const good = [CASES.liu.caseNo, CASES.liu.id, '同意', '2026-11-20', '情况属实'];
    // Well past the parser's first chunks, so the good rows are merged before the text breaks off.
    const rows = Array.from({ length: 3000 }, () => good);
    const text = csv([['申请编号', '身份证号', '审核结果', '审核日期', '审核意见'], ...rows]) + `${CASES.liu.caseNo},${CASES.liu.id},同意,2026-11-21,"他说\r\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 64 * 1024);
    const before = JSON.stringify(o.office.view.all('cases'));
    const { report, receipt } = await syncFile(o, 'open-quote.csv', utf8Bom(text));
    expect(report).toMatchObject({ outcome: 'rejected', applied: 0, rejected: 0 });
    expect(receipt.rows).toHaveLength(1);
    expect(receipt.rows[0]).toMatchObject({ 行号: '0', 结果: '拒绝' });
    expect(receipt.rows[0]!.原因).toContain('第3002行');
    expect(JSON.stringify(o.office.view.all('cases'))).toBe(before);
    expect(o.office.view.all('decisions')).toEqual([]);
  });

  it('says which kinds a two-kind header matched', async () => {
    const o = await office();
    const { receipt } = await syncFile(o, cases[2]![0], cases[2]![1]);
    expect(receipt.rows[0]!.原因).toContain('街道审核结果');
    expect(receipt.rows[0]!.原因).toContain('区县审批结果');
  });
});

// --------------------------------------------------------------- ID numbers

describe('ID numbers a spreadsheet mangled', () => {
  it('rejects scientific notation and lost digits with the reason of exchange.md, and applies the good row', async () => {
    const o = await office();
    const ids = ['4.30105E+17', '4.30105194612033E+017', '430105198211281000', undefined];
    const bytes = utf8Bom(csv(withColumn(REVIEW, '身份证号', ids)));
    const { report, receipt } = await syncFile(o, 'ids.csv', bytes);
    expect(report).toMatchObject({ outcome: 'partial', applied: 1, rejected: 3 });
    expect(outcomes(receipt)).toEqual([
      ['2', '拒绝'],
      ['3', '拒绝'],
      ['4', '拒绝'],
      ['5', '已应用'],
    ]);
    for (const r of receipt.rows.slice(0, 3)) expect(r.原因).toContain(ID_MANGLED);
    expect(receipt.rows[0]!.申请编号).toBe(CASES.liu.caseNo);
    expect(statuses(o)).toEqual(['accepted', 'accepted', 'accepted', 'township-approved']);
  });

  it('accepts the forms exchange.md allows: a leading apostrophe, a lower-case x, a 15-digit old number', async () => {
    const o = await office();
    // 430105780315231 is 刘建国's number before 1999: 430105 78 0315 231, upgraded with its check digit.
    const ids = ['430105780315231', "'430105194612033264", '43010519821128129x', ' 430105196908143576 '];
    const { receipt } = await syncFile(o, 'id-forms.csv', utf8Bom(csv(withColumn(REVIEW, '身份证号', ids))));
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(receipt.rows.map((r) => r.身份证号)).toEqual(Object.values(CASES).map((c) => c.id));
    expect(statuses(o)).toEqual(REVIEW_APPLIED);
  });

  it('rejects a number rounded to 15 significant digits (430105199001011000, 430105197803152000)', async () => {
    const o = await office();
    const ids = ['430105197803152000', '430105199001011000', undefined, undefined];
    const { receipt } = await syncFile(o, 'rounded.csv', utf8Bom(csv(withColumn(REVIEW, '身份证号', ids))));
    expect(outcomes(receipt)).toEqual([
      ['2', '拒绝'],
      ['3', '拒绝'],
      ['4', '已应用'],
      ['5', '已应用'],
    ]);
    for (const r of receipt.rows.slice(0, 2)) expect(r.原因).toContain(ID_MANGLED);
  });
});

// ---------------------------------------------------------------- cell forms

describe('dates, amounts and words as spreadsheets write them', () => {
  it('accepts 2026年11月20日, 26年11月20日, 2026/11/20 星期五 14:30 and an Excel serial day', async () => {
    const o = await office();
    const dates = ['2026年11月20日', '26年11月20日', '2026/11/20 星期五 14:30', '46346'];
    const { receipt } = await syncFile(o, 'dates.csv', utf8Bom(csv(withColumn(REVIEW, '审核日期', dates))));
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(statuses(o)).toEqual(REVIEW_APPLIED);
    for (const c of Object.values(CASES)) expect(caseOf(o, c.caseNo).township?.date).toBe('2026-11-20');
    const whens = (o.office.view.all('decisions') as { when: string; record: { caseNo: string } }[]).map((d) => [d.record.caseNo, d.when]).sort();
    expect(whens).toContainEqual([CASES.chen.caseNo, '2026-11-20T14:30']);
  });

  it('ignores a wrong weekday and reads a month written as a date', async () => {
    const o = await office();
    const rows = withColumn(withColumn(DECISION, '审批日期', ['2026/11/25 周一', '2026-11-25 星期三 09:15:30', undefined]), '起始年月', ['2026年12月', '2026-12-01', undefined]);
    const { receipt } = await syncFile(o, 'weekday.csv', utf8Bom(csv(rows)));
    expect(outcomes(receipt)).toEqual(allRows(3, '已应用'));
    expect(caseOf(o, CASES.liu.caseNo).decision).toMatchObject({ date: '2026-11-25', startMonth: '2026-12' });
    expect(enrolmentOf(o, CASES.huang.id)).toMatchObject({ since: '2026-12' });
  });

  it('rejects the ambiguous 11/20/2026 and 20/11/26 with a reason asking for 2026-11-20', async () => {
    const o = await office();
    const dates = ['11/20/2026', '20/11/26', undefined, undefined];
    const { receipt } = await syncFile(o, 'ambiguous.csv', utf8Bom(csv(withColumn(REVIEW, '审核日期', dates))));
    expect(outcomes(receipt)).toEqual([
      ['2', '拒绝'],
      ['3', '拒绝'],
      ['4', '已应用'],
      ['5', '已应用'],
    ]);
    for (const r of receipt.rows.slice(0, 2)) {
      expect(r.原因).toContain('审核日期');
      expect(r.原因).toContain('2026-11-20');
    }
    expect(statuses(o)).toEqual(['accepted', 'accepted', 'returned', 'township-approved']);
  });

  it('reads amounts ￥1,234.50, 800元 and full-width digits, and a full-width count', async () => {
    const o = await office();
    const rows = [
      DECISION[0]!,
      [CASES.liu.caseNo, CASES.liu.id, '刘建国', '批准', '2026-11-25', '低保', '3', '￥1,234.50', '2026-12', 'B', '', '罗建华', '430105'],
      [CASES.huang.caseNo, CASES.huang.id, '黄桂英', '批准', '2026-11-25', '低保', '1', '800元', '2026-12', 'A', '', '罗建华', '430105'],
      [CASES.chen.caseNo, CASES.chen.id, '陈志强', '批准', '２０２６－１１－２５', '低保', '４', '１２００．５', '２０２６－１２', 'Ｃ', '', '罗建华', '４３０１０５'],
      [CASES.zhao.caseNo, CASES.zhao.id, '赵德明', '批准', '2026-11-25', '低保', '2', '¥ 800.5', '2026-12', 'B', '', '罗建华', '430105'],
    ];
    const { receipt } = await syncFile(o, 'amounts.csv', utf8Bom(csv(rows)));
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(enrolmentOf(o, CASES.liu.id)).toMatchObject({ monthlyAmountFen: 123450, persons: 3 });
    expect(enrolmentOf(o, CASES.huang.id)).toMatchObject({ monthlyAmountFen: 80000, persons: 1 });
    expect(enrolmentOf(o, CASES.chen.id)).toMatchObject({ monthlyAmountFen: 120050, persons: 4, category: 'C', since: '2026-12' });
    expect(enrolmentOf(o, CASES.zhao.id)).toMatchObject({ monthlyAmountFen: 80050 });
  });

  it('reads the synonyms 同意/通过 for 批准, 不批准 for 不予批准, 一类/二类/三类 for A/B/C', async () => {
    const o = await office();
    const rows = [
      DECISION[0]!,
      [CASES.liu.caseNo, CASES.liu.id, '刘建国', '同意', '2026-11-25', '低保', '3', '1000', '2026-12', '一类', '', '罗建华', '430105'],
      [CASES.huang.caseNo, CASES.huang.id, '黄桂英', ' 通过 ', '2026-11-25', '低保', '1', '650', '2026-12', '二类', '', '罗建华', '430105'],
      [CASES.chen.caseNo, CASES.chen.id, '陈志强', '批准', '2026-11-25', '低保', '4', '500', '2026-12', '三类', '', '罗建华', '430105'],
      [CASES.zhao.caseNo, CASES.zhao.id, '赵德明', '不批准', '2026-11-25', '', '', '', '', '', '存款超标', '罗建华', '430105'],
    ];
    const { receipt } = await syncFile(o, 'synonyms.csv', utf8Bom(csv(rows)));
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(statuses(o)).toEqual(['approved', 'approved', 'approved', 'rejected']);
    expect(caseOf(o, CASES.liu.caseNo).decision).toMatchObject({ result: '批准', category: 'A' });
    expect(caseOf(o, CASES.zhao.caseNo).decision).toMatchObject({ result: '不予批准', reason: '存款超标' });
    expect([CASES.liu, CASES.huang, CASES.chen].map((c) => enrolmentOf(o, c.id)?.category)).toEqual(['A', 'B', 'C']);
  });
});

// ------------------------------------------------------------------ senders

describe('发送单位代码', () => {
  it('applies rows from this community’s township and county and rejects any other sender', async () => {
    const o = await office();
    const senders = ['430105003', '430105', '430106', '430105004'];
    const { receipt } = await syncFile(o, 'senders.csv', utf8Bom(csv(withColumn(REVIEW, '发送单位代码', senders))));
    expect(outcomes(receipt)).toEqual([
      ['2', '已应用'],
      ['3', '已应用'],
      ['4', '拒绝'],
      ['5', '拒绝'],
    ]);
    for (const r of receipt.rows.slice(2)) expect(r.原因).toContain(SENDER_NOT_ANCESTOR);
    expect(statuses(o)).toEqual(['township-approved', 'township-approved', 'accepted', 'accepted']);
  });

  it('rejects the community’s own 12-digit code, a 4-digit prefix and another county, and accepts a text-marked county code', async () => {
    const o = await office();
    const std = fixtureRows('01-standard.csv');
    const { receipt } = await syncFile(o, 'std-senders.csv', utf8Bom(csv(withColumn(std, '发送单位代码', ['430105003001', '4301', "'430105", '440105']))));
    expect(outcomes(receipt)).toEqual([
      ['2', '拒绝'],
      ['3', '拒绝'],
      ['4', '已应用'],
      ['5', '拒绝'],
    ]);
    for (const i of [0, 1, 3]) expect(receipt.rows[i]!.原因).toContain(SENDER_NOT_ANCESTOR);
    expect(o.office.view.all('standards').map((s) => s.id)).toEqual(['城市:特困:2027-01-01']);
  });
});

// ------------------------------------------------------------------- strict

describe('--strict', () => {
  it('rejects every row of a file with a bad row, the bad one with its own reason, and applies nothing', async () => {
    const o = await office();
    const rows = withColumn(REVIEW, '身份证号', [undefined, undefined, '43010519821128129Y', undefined]);
    const bytes = utf8Bom(csv(rows));
    const { report, receipt } = await syncFile(o, 'strict.csv', bytes, { strict: true });
    expect(report).toMatchObject({ outcome: 'rejected', applied: 0, rejected: 4 });
    expect(outcomes(receipt)).toEqual(allRows(4, '拒绝'));
    expect(receipt.rows[2]!.原因).toContain('身份证号');
    for (const i of [0, 1, 3]) expect(receipt.rows[i]!.原因).not.toBe('');
    expect(statuses(o)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(o.office.view.all('decisions')).toEqual([]);
  });

  it('applies a file without bad rows as usual', async () => {
    const o = await office();
    const { receipt } = await syncFile(o, 'strict-ok.csv', utf8Bom(fixtureText('04-township-review.csv')), { strict: true });
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
    expect(statuses(o)).toEqual(REVIEW_APPLIED);
  });
});

// ----------------------------------------------------------------- receipts

describe('receipts and kept copies', () => {
  it('names the receipt receipt-<8 hex of sha256>-<base name>.csv, in outbox/receipts, one row per data row', async () => {
    const o = await office();
    const roster = utf8Bom(fixtureText('07-roster.csv'));
    const rel = '区县/2026年11月/07-roster.csv';
    const { report, receipt } = await syncFile(o, rel, roster);
    const sha = sha256(roster);
    expect(report.receipt).toBe(`receipt-${sha.slice(0, 8)}-07-roster.csv`);
    expect(listReceipts(o)).toEqual([`receipt-${sha.slice(0, 8)}-07-roster.csv`]);
    expect(receipt.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('行号,结果,原因,申请编号,身份证号');
    expect(receipt.rows).toHaveLength(7);
    expect(receipt.rows.map((r) => r.行号)).toEqual(['2', '3', '4', '5', '6', '7', '8']);
    expect(receipt.rows.map((r) => r.身份证号)[0]).toBe(CASES.liu.id);
  });

  it('keeps a file that changed nothing and one that was rejected, byte for byte', async () => {
    const o = await office();
    const a = utf8Bom(fixtureText('02-holidays.csv'));
    await syncFile(o, 'a.csv', a);
    const b = gb18030('姓名\r\n张三\r\n');
    await syncFile(o, 'sub/b.csv', b);
    expect(readFileSync(join(o.data, 'sync', 'received', sha256(a))).equals(a)).toBe(true);
    expect(readFileSync(join(o.data, 'sync', 'received', sha256(b))).equals(b)).toBe(true);
  });

  it('writes the receipt of a file whose long Chinese name still fits the file system', async () => {
    const o = await office();
    // 228 bytes of base name: the receipt's name, receipt-xxxxxxxx-….csv, is 249 bytes (a name may have 255).
    const rel = `${'东风社区二〇二六年十一月审批结果'.repeat(4)}区县民政局审批结果汇总表.csv`;
    expect(Buffer.byteLength(rel)).toBe(232);
    expect(Buffer.byteLength(expectedReceiptName(rel, Buffer.alloc(0)))).toBe(249);
    const bytes = utf8Bom(fixtureText('05-county-decision.csv'));
    const { receipt } = await syncFile(o, rel, bytes);
    expect(outcomes(receipt)).toEqual(allRows(3, '已应用'));
  });

  it('does not let the receipt of a second copy (same content, same base name, another folder) replace the first one’s', async () => {
    const o = await office();
    const bytes = utf8Bom(fixtureText('01-standard.csv'));
    drop(o.inbox, '街道/std.csv', bytes);
    drop(o.inbox, '区县/std.csv', bytes);
    const r = await sync(o);
    expect(r.files.map((f) => [f.name, f.outcome]).sort()).toEqual([
      ['区县/std.csv', 'applied'],
      ['街道/std.csv', 'duplicate'],
    ]);
    // The rows' results must stay readable in the outbox: the upper level acts on them.
    const name = expectedReceiptName('std.csv', bytes);
    const receipt = parseReceipt(name, readFileSync(join(o.receipts, name)));
    expect(outcomes(receipt)).toEqual(allRows(4, '已应用'));
  });
});
