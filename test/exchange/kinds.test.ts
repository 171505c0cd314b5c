import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReasons } from '../../src/exchange/cells.js';
import { KIND_SPECS, parseRows, type InboundKind, type RecordOf, type RowOutcome } from '../../src/exchange/inbound/index.js';
import { detectKind, detectReasons } from '../../src/exchange/inbound/detect.js';
import { rowReasons } from '../../src/exchange/inbound/reasons.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';
import { normalizeHeader, parseCsv, readCsvTable, type CsvTable } from '../../src/exchange/readCsv.js';
import { PROGRAMS, RELATIONS } from '../../src/office/model.js';

const OFFICE = '430105003001';
const INBOX = join(PUBLIC_FIXTURES, 'inbox');
const KINDS = Object.keys(KIND_SPECS) as InboundKind[];

const fixture = (name: string): CsvTable => {
  const r = readCsvTable(readFileSync(join(INBOX, name)));
  if (!r.ok) throw new Error(`fixture ${name} unreadable: ${r.reason}`);
  return r;
};

const csv = (...lines: string[]): CsvTable => {
  const r = parseCsv(lines.join('\r\n'), ',');
  if (!r.ok) throw new Error(`test CSV unreadable: ${r.reason}`);
  return r;
};

const records = <R>(outcomes: RowOutcome<R>[]): R[] =>
  outcomes.map((o) => {
    if (!o.ok) throw new Error(`row ${o.row} rejected: ${o.reason}`);
    return o.record;
  });

const only = <R>(outcomes: RowOutcome<R>[]): RowOutcome<R> => {
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};
const record = <R>(outcomes: RowOutcome<R>[]): R => records([only(outcomes)])[0]!;
const rejected = <R>(outcomes: RowOutcome<R>[]) => {
  const o = only(outcomes);
  if (o.ok) throw new Error(`expected a rejection, got ${JSON.stringify(o.record)}`);
  return o;
};
const reasonsOf = <R>(outcomes: RowOutcome<R>[]): string[] => rejected(outcomes).reason.split('；');

// Real people of the fixtures' households (ID numbers with correct check digits).
const LIU = '430105197803152315'; // 刘建国
const HUANG = '430105194612033264'; // 黄桂英
const CHEN = '43010519821128129X'; // 陈志强
const ZHOU = '430105198007222428'; // 周秀兰, 刘建国's wife
const CASE1 = '430105003001-2026-0001';

const DECISION_HEADER = '申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,审批人,发送单位代码';
const decision = (cells: string) => parseRows('county-decision', csv(DECISION_HEADER, cells), OFFICE);
const REVIEW_HEADER = '申请编号,身份证号,姓名,审核结果,审核意见,审核日期,审核人,发送单位代码';
const review = (cells: string) => parseRows('township-review', csv(REVIEW_HEADER, cells), OFFICE);
const CHANGE_HEADER = '身份证号,姓名,变更类型,生效年月,决定日期,月保障金额(元),救助类别,原因,发送单位代码';
const change = (cells: string) => parseRows('benefit-change', csv(CHANGE_HEADER, cells), OFFICE);
const ROSTER_HEADER = '户主姓名,户主身份证号,成员姓名,成员身份证号,与户主关系,救助类别,分类,月保障金额(元),起始年月,地区类型,住址,联系电话';
const roster = (cells: string) => parseRows('roster', csv(ROSTER_HEADER, cells), OFFICE);

describe('KIND_SPECS', () => {
  it('writes every column in the form the reader normalises headers to, so lookups by name work', () => {
    for (const kind of KINDS) {
      for (const column of [...KIND_SPECS[kind].required, ...KIND_SPECS[kind].optional]) {
        expect(normalizeHeader(column)).toBe(column);
      }
    }
  });

  it('gives each kind the title the upper levels use', () => {
    expect(KIND_SPECS['township-review'].title).toBe('街道审核结果');
    expect(KIND_SPECS['county-decision'].title).toBe('区县审批结果');
    expect(KIND_SPECS.roster.title).toBe('花名册');
  });
});

describe('the clean fixtures in shared/fixtures/inbox', () => {
  const expected: [string, InboundKind, number][] = [
    ['01-standard.csv', 'standard', 4],
    ['02-holidays.csv', 'holidays', 11],
    ['03-verification.csv', 'verification', 7],
    ['04-township-review.csv', 'township-review', 4],
    ['05-county-decision.csv', 'county-decision', 3],
    ['06-benefit-change.csv', 'benefit-change', 2],
    ['07-roster.csv', 'roster', 7],
  ];

  it.each(expected)('%s is detected as %s and every one of its %i rows is accepted', (name, kind, rows) => {
    const table = fixture(name);
    expect(detectKind(table.headers)).toEqual({ ok: true, kind, unknownColumns: [] });
    const outcomes = parseRows(kind, table, OFFICE);
    expect(records(outcomes)).toHaveLength(rows);
    expect(outcomes.map((o) => o.row)).toEqual(table.rows.map((r) => r.rowNumber));
  });

  it('reads the county decisions: an approval with its terms and a refusal with its reason', () => {
    const byRow = new Map(parseRows('county-decision', fixture('05-county-decision.csv'), OFFICE).map((o) => [o.row, o]));
    const approved = byRow.get(2);
    expect(approved?.ok && approved.record).toEqual({
      kind: 'county-decision',
      caseNo: CASE1,
      idNumber: LIU,
      result: '批准',
      date: '2026-11-25',
      time: null,
      program: '低保',
      persons: 3,
      monthlyAmountFen: 100000,
      startMonth: '2026-12',
      category: 'B',
      reason: '',
      by: '罗建华',
      name: '刘建国',
      sender: '430105',
    });
    const refused = byRow.get(4);
    expect(refused?.ok && refused.record).toMatchObject({
      caseNo: '430105003001-2026-0004',
      idNumber: '430105196908143576',
      result: '不予批准',
      program: null,
      persons: null,
      monthlyAmountFen: null,
      startMonth: null,
      category: null,
      reason: '经济状况核对发现家庭存款超过规定标准',
    });
  });

  it('reads the township review, keeping its note as written', () => {
    const rows = records(parseRows('township-review', fixture('04-township-review.csv'), OFFICE));
    expect(rows[2]).toEqual({
      kind: 'township-review',
      caseNo: '430105003001-2026-0003',
      idNumber: CHEN,
      result: '退回',
      date: '2026-11-20',
      time: null,
      note: '请补充陈志强近6个月工资流水及劳动合同后重新上报',
      by: '谭丽',
      name: '陈志强',
      sender: '430105003',
    });
  });

  it('reads the benefit changes with their new amounts', () => {
    const [liu] = records(parseRows('benefit-change', fixture('06-benefit-change.csv'), OFFICE));
    expect(liu).toEqual({
      kind: 'benefit-change',
      idNumber: LIU,
      change: '调整',
      effectiveMonth: '2027-01',
      date: '2026-12-20',
      time: null,
      monthlyAmountFen: 115000,
      program: '低保',
      reason: '2027年城市低保标准调整为900元',
      name: '刘建国',
      sender: '430105',
    });
  });

  it('reads the standards in fen with their document number', () => {
    const rows = records(parseRows('standard', fixture('01-standard.csv'), OFFICE));
    expect(rows[0]).toEqual({
      kind: 'standard',
      area: '城市',
      program: '低保',
      monthlyFen: 90000,
      from: '2027-01-01',
      ref: '长民发〔2026〕31号',
      sender: '430105',
    });
    expect(rows.map((r) => r.monthlyFen)).toEqual([90000, 72000, 117000, 93600]);
  });

  it('reads verification findings: 无 with nothing else, 有 with an amount and a description', () => {
    const rows = records(parseRows('verification', fixture('03-verification.csv'), OFFICE));
    expect(rows[0]).toMatchObject({ item: '车辆', found: false, amountFen: null, note: '', date: '2026-11-12' });
    expect(rows[4]).toEqual({
      kind: 'verification',
      caseNo: '430105003001-2026-0003',
      idNumber: CHEN,
      item: '住房公积金',
      found: true,
      date: '2026-11-12',
      time: null,
      amountFen: 432000,
      note: '陈志强在职单位缴存住房公积金，账户余额4320元',
    });
  });

  it('reads holidays and worked weekend days', () => {
    const rows = records(parseRows('holidays', fixture('02-holidays.csv'), OFFICE));
    expect(rows[1]).toEqual({ kind: 'holidays', date: '2027-01-31', type: '上班', name: '春节调休' });
    expect(rows.filter((r) => r.type === '休息')).toHaveLength(9);
  });

  it('reads the roster one member per row, the household amount repeated', () => {
    const rows = records(parseRows('roster', fixture('07-roster.csv'), OFFICE));
    expect(rows[1]).toEqual({
      kind: 'roster',
      householderId: LIU,
      memberId: ZHOU,
      memberName: '周秀兰',
      relation: '配偶',
      program: '低保',
      monthlyAmountFen: 115000,
      startMonth: '2026-12',
      householderName: '刘建国',
      category: 'B',
      area: '城市',
      address: '东风路158号东风二村7栋302',
      phone: '13873105126',
    });
    expect(rows[3]).toMatchObject({ memberName: '黄桂英', relation: '户主', category: 'A', phone: '0731-84523376' });
  });
});

describe('detectKind', () => {
  it('finds the kind whatever the order of the columns', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((kind) => {
          const all = [...KIND_SPECS[kind].required, ...KIND_SPECS[kind].optional];
          return fc.tuple(fc.constant(kind), fc.shuffledSubarray(all, { minLength: all.length }));
        }),
        ([kind, columns]) => {
          expect(detectKind(columns)).toEqual({ ok: true, kind, unknownColumns: [] });
        },
      ),
    );
  });

  it('finds the kind with only the required columns, in a different order', () => {
    expect(detectKind(['审批日期', '审批结果', '身份证号', '申请编号'])).toMatchObject({ ok: true, kind: 'county-decision' });
  });

  it('reads full-width and spaced headers as their plain forms, in detection and in the rows', () => {
    const header = '申请编号, 身份证号 ,审批结果,审批　日期,救助类别,保障人数,月保障金额（元）,起始年月';
    expect(detectKind(header.split(','))).toEqual({ ok: true, kind: 'county-decision', unknownColumns: [] });
    const r = record(
      parseRows('county-decision', csv(header, `${CASE1},${LIU},批准,2026-11-25,低保,3,１０００,2026-12`), OFFICE),
    );
    expect(r.monthlyAmountFen).toBe(100000);
    expect(r.date).toBe('2026-11-25');
  });

  it('names every column that is no part of the kind, once, and ignores empty headers', () => {
    const result = detectKind(['日期', '类型', '名称', '备注', '', '录入人', '备注']);
    expect(result).toEqual({ ok: true, kind: 'holidays', unknownColumns: ['备注', '录入人'] });
  });

  it('rejects a header that fits no kind, naming the closest kind and the columns it lacks', () => {
    const result = detectKind(['申请编号', '身份证号', '姓名', '审批结果', '日期']);
    expect(result.ok).toBe(false);
    const reason = !result.ok ? result.reason : '';
    expect(reason).toBe(detectReasons.noKind([{ kind: 'county-decision', missing: ['审批日期'] }]));
    expect(reason).toContain('区县审批结果');
    expect(reason).toContain('缺少审批日期');
  });

  it('names each of the kinds tied for closest when the header could be completed more than one way', () => {
    const result = detectKind(['申请编号', '身份证号', '姓名']);
    expect(result.ok).toBe(false);
    const reason = !result.ok ? result.reason : '';
    expect(reason).toContain('“街道审核结果”，但缺少审核结果、审核日期');
    expect(reason).toContain('“区县审批结果”，但缺少审批结果、审批日期');
    // Verification lacks three columns, more than the two above.
    expect(reason).not.toContain('经济状况核对结果');
  });

  it('rejects a header with none of any kind’s required columns, listing the kinds it knows', () => {
    const result = detectKind(['序号', '户名', '金额']);
    expect(result).toEqual({ ok: false, reason: detectReasons.noColumnKnown });
    expect(detectReasons.noColumnKnown).toContain('花名册');
  });

  it('rejects a header that holds the required columns of two kinds, naming both', () => {
    const columns = [...new Set([...KIND_SPECS['county-decision'].required, ...KIND_SPECS.verification.required])];
    const result = detectKind(columns);
    expect(result).toEqual({ ok: false, reason: detectReasons.manyKinds(['county-decision', 'verification']) });
    expect(!result.ok && result.reason).toContain('“区县审批结果”和“经济状况核对结果”');
  });
});

describe('county decisions', () => {
  it('requires 救助类别, 保障人数, 月保障金额(元) and 起始年月 for 批准, naming each one missing', () => {
    const outcome = rejected(decision(`${CASE1},${LIU},刘建国,批准,2026-11-25,,,,,,,罗建华,430105`));
    const needed = rowReasons.requiredWhen('审批结果', '批准');
    expect(outcome.reason.split('；').sort()).toEqual(
      [`救助类别：${needed}`, `保障人数：${needed}`, `月保障金额(元)：${needed}`, `起始年月：${needed}`].sort(),
    );
    expect(outcome).toMatchObject({ row: 2, caseNo: CASE1, idNumber: LIU });
  });

  it.each([
    ['救助类别', `${CASE1},${LIU},刘建国,批准,2026-11-25,,3,1000,2026-12,B,,罗建华,430105`],
    ['保障人数', `${CASE1},${LIU},刘建国,批准,2026-11-25,低保,,1000,2026-12,B,,罗建华,430105`],
    ['月保障金额(元)', `${CASE1},${LIU},刘建国,批准,2026-11-25,低保,3,,2026-12,B,,罗建华,430105`],
    ['起始年月', `${CASE1},${LIU},刘建国,批准,2026-11-25,低保,3,1000,,B,,罗建华,430105`],
  ])('rejects an approval without %s', (column, cells) => {
    expect(reasonsOf(decision(cells))).toEqual([`${column}：${rowReasons.requiredWhen('审批结果', '批准')}`]);
  });

  it('requires them also when the file has no such column at all', () => {
    const table = csv('申请编号,身份证号,审批结果,审批日期', `${CASE1},${LIU},批准,2026-11-25`);
    expect(reasonsOf(parseRows('county-decision', table, OFFICE))).toHaveLength(4);
  });

  it('accepts a refusal with only the required columns', () => {
    const table = csv('申请编号,身份证号,审批结果,审批日期', `${CASE1},${LIU},不予批准,2026-11-25`);
    expect(record(parseRows('county-decision', table, OFFICE))).toMatchObject({
      result: '不予批准',
      program: null,
      reason: '',
      by: '',
      name: '',
      sender: null,
    });
  });

  it('still checks the optional cells of a refusal when they are filled in', () => {
    expect(reasonsOf(decision(`${CASE1},${LIU},赵德明,不予批准,2026-11-25,低保,三,,,,存款超标,罗建华,430105`))).toEqual([
      `保障人数：${cellReasons.integerUnknown('三')}`,
    ]);
  });

  it('rejects an approval covering nobody', () => {
    expect(reasonsOf(decision(`${CASE1},${LIU},刘建国,批准,2026-11-25,低保,0,1000,2026-12,B,,罗建华,430105`))).toEqual([
      `保障人数：${rowReasons.approvedPersons}`,
    ]);
  });

  it.each([
    ['同意', '批准'],
    ['通过', '批准'],
    [' 批准 ', '批准'],
    ['不批准', '不予批准'],
    ['不予 批准', '不予批准'],
  ] as const)('reads %s as %s', (word, result) => {
    const r = record(decision(`${CASE1},${LIU},刘建国,${word},2026-11-25,低保,3,1000,2026-12,B,,罗建华,430105`));
    expect(r.result).toBe(result);
  });

  it.each([
    ['一类', 'A'],
    ['二类', 'B'],
    ['三类', 'C'],
    ['b', 'B'],
    ['Ｃ', 'C'],
  ] as const)('reads 分类 %s as %s', (word, category) => {
    const r = record(decision(`${CASE1},${LIU},刘建国,批准,2026-11-25,低保,3,1000,2026-12,${word},,罗建华,430105`));
    expect(r.category).toBe(category);
  });

  it('names the allowed words when 审批结果 or 救助类别 is a word outside the list', () => {
    const reasons = reasonsOf(decision(`${CASE1},${LIU},刘建国,待定,2026-11-25,五保,3,1000,2026-12,B,,罗建华,430105`));
    expect(reasons).toEqual([
      `审批结果：${cellReasons.enumUnknown('待定', '批准、同意、通过、不予批准、不批准')}`,
      `救助类别：${cellReasons.enumUnknown('五保', PROGRAMS.join('、'))}`,
    ]);
  });

  it('keeps the time of a decision date and the date in ISO form', () => {
    const r = record(decision(`${CASE1},${LIU},刘建国,批准,2026年11月25日 星期三 14:30,低保,3,"1,000.50",202612,A,,罗建华,430105`));
    expect(r).toMatchObject({ date: '2026-11-25', time: '14:30', monthlyAmountFen: 100050, startMonth: '2026-12' });
  });
});

describe('township reviews', () => {
  it.each(['同意', '退回', '不同意'] as const)('reads %s', (word) => {
    expect(record(review(`${CASE1},${LIU},刘建国,${word},情况属实,2026-11-20,谭丽,430105003`)).result).toBe(word);
  });

  it('does not take the county’s synonyms: 通过 is not a township word', () => {
    expect(reasonsOf(review(`${CASE1},${LIU},刘建国,通过,情况属实,2026-11-20,谭丽,430105003`))).toEqual([
      `审核结果：${cellReasons.enumUnknown('通过', '同意、退回、不同意')}`,
    ]);
  });

  it('prefixes a date the cell parser cannot read with the column name', () => {
    expect(reasonsOf(review(`${CASE1},${LIU},刘建国,同意,,11/20/2026,谭丽,430105003`))).toEqual([
      `审核日期：${cellReasons.dateAmbiguous('11/20/2026')}`,
    ]);
  });
});

describe('发送单位代码', () => {
  it.each([
    ['the county', '430105'],
    ['the township', '430105003'],
    ['a code marked as text by Excel', "'430105003"],
    ['full-width digits', '４３０１０５'],
  ])('accepts %s', (_, code) => {
    expect(record(review(`${CASE1},${LIU},刘建国,同意,,2026-11-20,谭丽,${code}`)).sender).toMatch(/^430105(003)?$/);
  });

  it('is optional: an empty cell or a missing column leaves it null', () => {
    expect(record(review(`${CASE1},${LIU},刘建国,同意,,2026-11-20,谭丽,`)).sender).toBeNull();
    const table = csv('申请编号,身份证号,审核结果,审核日期', `${CASE1},${LIU},同意,2026-11-20`);
    expect(record(parseRows('township-review', table, OFFICE)).sender).toBeNull();
  });

  it.each([
    ['another county', '430111'],
    ['another township of the same county', '430105004'],
    ['the community itself', '430105003001'],
    ['the city', '4301'],
  ])('rejects %s with the spec’s exact reason', (_, code) => {
    const outcome = rejected(decision(`${CASE1},${LIU},刘建国,批准,2026-11-25,低保,3,1000,2026-12,B,,罗建华,${code}`));
    expect(outcome.reason).toBe('发送单位不是本社区的上级单位');
    expect(outcome).toMatchObject({ caseNo: CASE1, idNumber: LIU });
  });

  it('checks the sender of standards and benefit changes too', () => {
    const standard = parseRows('standard', csv('地区类型,救助类别,月标准(元),执行日期,发送单位代码', '城市,低保,900,2027-01-01,430104'), OFFICE);
    expect(rejected(standard).reason).toBe(rowReasons.sender);
    expect(rejected(change(`${LIU},刘建国,停发,2027-01,2026-12-20,,,,430104`)).reason).toBe(rowReasons.sender);
  });
});

describe('benefit changes', () => {
  it.each(['调整', '恢复'] as const)('requires 月保障金额(元) for %s', (word) => {
    expect(reasonsOf(change(`${LIU},刘建国,${word},2027-01,2026-12-20,,低保,,430105`))).toEqual([
      `月保障金额(元)：${rowReasons.requiredWhen('变更类型', word)}`,
    ]);
  });

  it.each(['停发', '退出'] as const)('accepts %s without an amount, the program defaulting to 低保', (word) => {
    const r = record(change(`${LIU},刘建国,${word},2027-01,2026-12-20,,,家庭收入超过标准,430105`));
    expect(r).toMatchObject({ change: word, monthlyAmountFen: null, program: '低保', reason: '家庭收入超过标准' });
  });

  it('keeps a program other than 低保 when it is given', () => {
    expect(record(change(`${HUANG},黄桂英,恢复,2027-03,2027-02-20,1170,特困,,430105`))).toMatchObject({
      program: '特困',
      monthlyAmountFen: 117000,
      effectiveMonth: '2027-03',
    });
  });
});

describe('ID numbers, case numbers and rejected rows', () => {
  it('gives Excel’s scientific notation its fixed reason, and keeps the mangled number for the receipt', () => {
    const outcome = rejected(decision(`${CASE1},4.30105E+17,刘建国,批准,2026-11-25,低保,3,1000,2026-12,B,,罗建华,430105`));
    expect(outcome.reason).toBe('身份证号：身份证号被表格软件改成了科学计数法，请把该列设为文本后重新导出');
    expect(outcome.idNumber).toBe('4.30105E+17');
    expect(outcome.caseNo).toBe(CASE1);
  });

  it('reports the normalised ID number of a rejected row when the number itself is valid', () => {
    const outcome = rejected(review(`${CASE1},430105780315231,刘建国,同意,,2026-13-01,谭丽,430105003`));
    expect(outcome.idNumber).toBe(LIU);
    expect(rejected(review(`${CASE1},43010519821128129x,陈志强,同意,,,谭丽,430105003`)).idNumber).toBe(CHEN);
  });

  it('rejects a case number not shaped <office>-<year>-<sequence>, keeping it as written', () => {
    const outcome = rejected(review(`430105003001-26-7,${LIU},刘建国,同意,,2026-11-20,谭丽,430105003`));
    expect(outcome.reason).toBe(`申请编号：${rowReasons.caseNo('430105003001-26-7')}`);
    expect(outcome.caseNo).toBe('430105003001-26-7');
  });

  it('accepts a case number of another office: whether it exists here is for the merge to say', () => {
    expect(record(review(`430105003002-2026-0001,${LIU},刘建国,同意,,2026-11-20,谭丽,430105003`)).caseNo).toBe(
      '430105003002-2026-0001',
    );
  });

  it('lists every bad cell of a row, each with its column, joined by ；', () => {
    const outcome = rejected(decision(`${CASE1},43010519780315231,刘建国,批准,2026/13/01,低保,3,-1000,2026-12,D,,罗建华,430111`));
    expect(outcome.reason.split('；')).toEqual([
      `身份证号：${cellReasons.idLength(17)}`,
      `审批日期：${cellReasons.dateUnknown('2026/13/01')}`,
      `月保障金额(元)：${cellReasons.amountNegative('-1000')}`,
      `分类：${cellReasons.enumUnknown('D', 'A、B、C、一类、二类、三类')}`,
      rowReasons.sender,
    ]);
    expect(outcome.idNumber).toBe('43010519780315231');
  });

  it('says 未填写 for an empty required cell, and leaves the receipt keys out when the cells are empty', () => {
    const outcome = rejected(review(',,刘建国,同意,,2026-11-20,谭丽,430105003'));
    expect(outcome.reason).toBe(`申请编号：${cellReasons.empty}；身份证号：${cellReasons.empty}`);
    expect(outcome).not.toHaveProperty('caseNo');
    expect(outcome).not.toHaveProperty('idNumber');
  });

  it('keeps the spreadsheet row numbers, blank rows included, and accepts the good rows beside a bad one', () => {
    const table = csv(
      REVIEW_HEADER,
      `${CASE1},${LIU},刘建国,同意,,2026-11-20,谭丽,430105003`,
      ',,,,,,,',
      `430105003001-2026-0002,${HUANG},黄桂英,同意吧,,2026-11-20,谭丽,430105003`,
      `430105003001-2026-0003,${CHEN},陈志强,退回,"请补充
工资流水",2026-11-20,谭丽,430105003`,
      `430105003001-2026-0004,430105196908143576,赵德明,同意,,2026-11-20,谭丽,430105003`,
    );
    const outcomes = parseRows('township-review', table, OFFICE);
    expect(outcomes.map((o) => [o.row, o.ok])).toEqual([
      [2, true],
      [4, false],
      [5, true],
      [6, true],
    ]);
    expect(outcomes[2]?.ok && outcomes[2].record.note).toBe('请补充\n工资流水');
  });

  it('refuses an office code that is not 12 digits: that is a bug in the caller, not a bad file', () => {
    expect(() => parseRows('holidays', csv('日期,类型', '2027-01-01,休息'), '430105003')).toThrow(/12 digits/);
  });
});

describe('standards, verifications and holidays', () => {
  it('names the two area words when 地区类型 is neither', () => {
    const table = csv('地区类型,救助类别,月标准(元),执行日期', '城镇,低保,900,2027-01-01');
    expect(reasonsOf(parseRows('standard', table, OFFICE))).toEqual([`地区类型：${cellReasons.enumUnknown('城镇', '城市、农村')}`]);
  });

  it('takes a standard’s 执行日期 as a date, whatever spreadsheet form it is in', () => {
    const table = csv('地区类型,救助类别,月标准(元),执行日期,文号', '农村,特困,￥936,46388,');
    expect(record(parseRows('standard', table, OFFICE))).toMatchObject({ from: '2027-01-01', monthlyFen: 93600, ref: '' });
  });

  it('requires 核对项目 and reads 核对结果 only as 有 or 无', () => {
    const table = csv('申请编号,身份证号,核对项目,核对结果,核对日期,金额(元),说明', `${CASE1},${LIU}, ,是,2026-11-12,,`);
    expect(reasonsOf(parseRows('verification', table, OFFICE))).toEqual([
      `核对项目：${cellReasons.empty}`,
      `核对结果：${cellReasons.enumUnknown('是', '有、无')}`,
    ]);
  });

  it('rejects a holiday row whose type is neither 休息 nor 上班', () => {
    const table = csv('日期,类型,名称', '2027-10-01,放假,国庆节');
    expect(reasonsOf(parseRows('holidays', table, OFFICE))).toEqual([`类型：${cellReasons.enumUnknown('放假', '休息、上班')}`]);
  });
});

describe('rosters', () => {
  it('accepts a member row without the optional columns, keeping free text exactly as written', () => {
    const table = csv(
      '户主身份证号,成员身份证号,成员姓名,与户主关系,救助类别,月保障金额(元),起始年月,住址',
      `${LIU},${ZHOU}, 周秀兰,配偶,低保,1150,2026年12月,"东风路158号 7栋302 "`,
    );
    const r: RecordOf<'roster'> = record(parseRows('roster', table, OFFICE));
    expect(r).toMatchObject({
      memberName: ' 周秀兰',
      householderName: '',
      category: null,
      area: null,
      address: '东风路158号 7栋302 ',
      phone: '',
      startMonth: '2026-12',
    });
  });

  it('names the relation words of the model when 与户主关系 is another word', () => {
    const outcome = rejected(roster(`刘建国,${LIU},周秀兰,${ZHOU},妻子,低保,B,1150,2026-12,城市,东风二村7栋302,13873105126`));
    expect(outcome.reason).toBe(`与户主关系：${cellReasons.enumUnknown('妻子', RELATIONS.join('、'))}`);
    expect(outcome.idNumber).toBe(ZHOU);
  });

  it('rejects a 户主 row whose member is someone else, and a householder listed as their own spouse', () => {
    expect(reasonsOf(roster(`刘建国,${LIU},周秀兰,${ZHOU},户主,低保,B,1150,2026-12,城市,,`))).toEqual([
      `与户主关系：${rowReasons.householderRelation}`,
    ]);
    expect(reasonsOf(roster(`刘建国,${LIU},刘建国,${LIU},配偶,低保,B,1150,2026-12,城市,,`))).toEqual([
      `与户主关系：${rowReasons.householderSelf('配偶')}`,
    ]);
  });

  it('reads 分类 一类 as A and a lower-case letter as its capital', () => {
    expect(record(roster(`黄桂英,${HUANG},黄桂英,${HUANG},户主,低保,一类,700,2026-12,城市,,`)).category).toBe('A');
    expect(record(roster(`黄桂英,${HUANG},黄桂英,${HUANG},户主,低保,c,700,2026-12,农村,,`))).toMatchObject({
      category: 'C',
      area: '农村',
    });
  });
});
