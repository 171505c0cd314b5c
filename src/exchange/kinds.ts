// The seven inbound kinds of spec/exchange.md: which kind a header is, and
// each row as a typed record or the Chinese reasons it is rejected.

import {
  AREAS,
  CATEGORIES,
  PROGRAMS,
  RELATIONS,
  type Area,
  type Category,
  type Program,
  type Relation,
} from '../office/model.js';
import { CASE_NO_RE, isAncestor, isOfficeCode } from '../rules/officeCode.js';
import {
  cellReasons,
  isBlankCell,
  normalizeValue,
  parseAmountCell,
  parseDateCell,
  parseEnumCell,
  parseIdCell,
  parseIntegerCell,
  parseMonthCell,
  type CellResult,
  type ParsedDate,
} from './cells.js';
import { normalizeHeader, type CsvTable } from './readCsv.js';

export type InboundKind =
  | 'township-review'
  | 'county-decision'
  | 'benefit-change'
  | 'standard'
  | 'verification'
  | 'holidays'
  | 'roster';

export interface KindSpec {
  /** The name the upper levels give the file, as the receipt and the clerk say it. */
  title: string;
  required: readonly string[];
  optional: readonly string[];
}

// Column names exactly as spec/exchange.md writes them; they are already in
// the form normalizeHeader gives (ASCII parentheses, no spaces).
export const KIND_SPECS: Record<InboundKind, KindSpec> = {
  'township-review': {
    title: '街道审核结果',
    required: ['申请编号', '身份证号', '审核结果', '审核日期'],
    optional: ['姓名', '审核意见', '审核人', '发送单位代码'],
  },
  'county-decision': {
    title: '区县审批结果',
    required: ['申请编号', '身份证号', '审批结果', '审批日期'],
    optional: ['救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '审批人', '姓名', '发送单位代码'],
  },
  'benefit-change': {
    title: '待遇变更通知',
    required: ['身份证号', '变更类型', '生效年月', '决定日期'],
    optional: ['月保障金额(元)', '救助类别', '原因', '姓名', '发送单位代码'],
  },
  standard: {
    title: '保障标准',
    required: ['地区类型', '救助类别', '月标准(元)', '执行日期'],
    optional: ['文号', '发送单位代码'],
  },
  verification: {
    title: '经济状况核对结果',
    required: ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期'],
    optional: ['金额(元)', '说明'],
  },
  holidays: {
    title: '节假日安排',
    required: ['日期', '类型'],
    optional: ['名称'],
  },
  roster: {
    title: '花名册',
    required: ['户主身份证号', '成员身份证号', '成员姓名', '与户主关系', '救助类别', '月保障金额(元)', '起始年月'],
    optional: ['户主姓名', '分类', '地区类型', '住址', '联系电话'],
  },
};

const KINDS = Object.keys(KIND_SPECS) as InboundKind[];

// ------------------------------------------------------------------ records

/** `date` is `YYYY-MM-DD`; `time` is `HH:MM` or `HH:MM:SS` when the cell had one. */
export interface TownshipReviewRecord {
  kind: 'township-review';
  caseNo: string;
  idNumber: string;
  result: '同意' | '退回' | '不同意';
  date: string;
  time: string | null;
  /** 审核意见; free text is kept as written, `''` when the cell is empty or absent. */
  note: string;
  by: string;
  name: string;
  /** 发送单位代码 (6 or 9 digits, an ancestor of the office), null when not given. */
  sender: string | null;
}

export interface CountyDecisionRecord {
  kind: 'county-decision';
  caseNo: string;
  idNumber: string;
  result: '批准' | '不予批准';
  date: string;
  time: string | null;
  /** Never null for 批准 (the four are required then); for 不予批准 only when given. */
  program: Program | null;
  persons: number | null;
  monthlyAmountFen: number | null;
  startMonth: string | null;
  category: Category | null;
  reason: string;
  by: string;
  name: string;
  sender: string | null;
}

export interface BenefitChangeRecord {
  kind: 'benefit-change';
  /** The householder's ID number. */
  idNumber: string;
  change: '停发' | '调整' | '恢复' | '退出';
  effectiveMonth: string;
  date: string;
  time: string | null;
  /** Never null for 调整 and 恢复. */
  monthlyAmountFen: number | null;
  /** 低保 when the cell is empty or the column absent. */
  program: Program;
  reason: string;
  name: string;
  sender: string | null;
}

export interface StandardRecord {
  kind: 'standard';
  area: Area;
  program: Program;
  monthlyFen: number;
  /** 执行日期, `YYYY-MM-DD`. */
  from: string;
  /** 文号, `''` when not given. */
  ref: string;
  sender: string | null;
}

export interface VerificationRecord {
  kind: 'verification';
  caseNo: string;
  idNumber: string;
  item: string;
  /** 有 → true, 无 → false. */
  found: boolean;
  date: string;
  time: string | null;
  amountFen: number | null;
  note: string;
}

export interface HolidayRecord {
  kind: 'holidays';
  date: string;
  /** 休息: a day off; 上班: a weekend day that is worked. */
  type: '休息' | '上班';
  name: string;
}

export interface RosterRecord {
  kind: 'roster';
  householderId: string;
  memberId: string;
  memberName: string;
  relation: Relation;
  program: Program;
  /** The household's amount, repeated on each member's row. */
  monthlyAmountFen: number;
  startMonth: string;
  householderName: string;
  category: Category | null;
  area: Area | null;
  address: string;
  phone: string;
}

export type InboundRecord =
  | TownshipReviewRecord
  | CountyDecisionRecord
  | BenefitChangeRecord
  | StandardRecord
  | VerificationRecord
  | HolidayRecord
  | RosterRecord;

export type RecordOf<K extends InboundKind> = Extract<InboundRecord, { kind: K }>;

export type RowOutcome<R> =
  | { ok: true; row: number; record: R }
  | { ok: false; row: number; reason: string; caseNo?: string; idNumber?: string };

export type DetectResult = { ok: true; kind: InboundKind; unknownColumns: string[] } | { ok: false; reason: string };

// ------------------------------------------------------------------ reasons

const quoteTitle = (kind: InboundKind) => `“${KIND_SPECS[kind].title}”`;

export const kindReasons = {
  noKind: (closest: { kind: InboundKind; missing: readonly string[] }[]) =>
    '无法识别文件类型：表头不含任何一种交换文件的全部必填列，' +
    closest.map((c) => `最接近${quoteTitle(c.kind)}，但缺少${c.missing.join('、')}`).join('；或') +
    '。请核对表头的列名',
  noColumnKnown:
    '无法识别文件类型：表头里没有任何一种交换文件的必填列，' +
    `可识别的文件有${KINDS.map(quoteTitle).join('、')}，请核对这是不是发给本社区的文件`,
  manyKinds: (kinds: readonly InboundKind[]) =>
    `无法识别文件类型：表头同时含有${kinds.map(quoteTitle).join('和')}的全部必填列，分不清是哪一种，` +
    '请每种结果单独导出成一个文件',
  sender: '发送单位不是本社区的上级单位',
  caseNo: (v: string) => `“${v}”不是有效的申请编号，应为430105003001-2026-0007这样的“12位单位代码-年份-4位序号”`,
  requiredWhen: (column: string, word: string) => `${column}为“${word}”时必须填写`,
  approvedPersons: '批准时保障人数至少为1',
  householderRelation: '写的是“户主”，但成员身份证号与户主身份证号不同，请核对这一行是否错位',
  householderSelf: (relation: string) => `成员身份证号就是户主身份证号，与户主关系应为“户主”而不是“${relation}”，请核对`,
} as const;

// ---------------------------------------------------------------- detection

/**
 * The kind whose required columns the header has, and the columns no part
 * of that kind (ignored, but named in the receipt).
 */
export function detectKind(headers: readonly string[]): DetectResult {
  const present = new Set(headers.map(normalizeHeader));
  const fits = KINDS.map((kind) => {
    const { required } = KIND_SPECS[kind];
    return { kind, found: required.filter((c) => present.has(c)).length, missing: required.filter((c) => !present.has(c)) };
  });
  const matches = fits.filter((f) => f.missing.length === 0);

  if (matches.length > 1) return { ok: false, reason: kindReasons.manyKinds(matches.map((m) => m.kind)) };
  const match = matches[0];
  if (match) {
    const { required, optional } = KIND_SPECS[match.kind];
    const known = new Set([...required, ...optional]);
    const unknown = new Set<string>();
    for (const h of headers) {
      const name = normalizeHeader(h);
      if (name !== '' && !known.has(name)) unknown.add(name);
    }
    return { ok: true, kind: match.kind, unknownColumns: [...unknown] };
  }

  // Closest: most required columns present, then fewest missing; every kind
  // tied for closest is named, so the clerk sees each way the header could be fixed.
  const best = Math.max(...fits.map((f) => f.found));
  if (best === 0) return { ok: false, reason: kindReasons.noColumnKnown };
  const candidates = fits.filter((f) => f.found === best);
  const fewest = Math.min(...candidates.map((f) => f.missing.length));
  return { ok: false, reason: kindReasons.noKind(candidates.filter((f) => f.missing.length === fewest)) };
}

// ------------------------------------------------------------ value parsers

const wordsOf = <W extends string>(words: readonly W[]): Record<W, W> =>
  Object.fromEntries(words.map((w) => [w, w])) as Record<W, W>;

const PROGRAM_WORDS = wordsOf(PROGRAMS);
const AREA_WORDS = wordsOf(AREAS);
const RELATION_WORDS = wordsOf(RELATIONS);
const CATEGORY_WORDS: Record<string, Category> = { ...wordsOf(CATEGORIES), 一类: 'A', 二类: 'B', 三类: 'C' };
const REVIEW_WORDS = wordsOf(['同意', '退回', '不同意'] as const);
const DECISION_WORDS: Record<string, CountyDecisionRecord['result']> = {
  批准: '批准',
  同意: '批准',
  通过: '批准',
  不予批准: '不予批准',
  不批准: '不予批准',
};
const CHANGE_WORDS = wordsOf(['停发', '调整', '恢复', '退出'] as const);
const FOUND_WORDS: Record<string, boolean> = { 有: true, 无: false };
const HOLIDAY_WORDS = wordsOf(['休息', '上班'] as const);

type CellParser<T> = (raw: string) => CellResult<T>;

const enumOf =
  <T>(words: Readonly<Record<string, T>>): CellParser<T> =>
  (raw) =>
    parseEnumCell(raw, words);

// Excel marks a cell as text with a leading apostrophe; it is no part of a code.
const codeText = (raw: string) => normalizeValue(raw).replace(/^'\s*/, '');

/** 申请编号 in its form only; whether the office has the case is the merge's question. */
function parseCaseNoCell(raw: string): CellResult<string> {
  const v = codeText(raw);
  if (v === '') return { ok: false, reason: cellReasons.empty };
  return CASE_NO_RE.test(v) ? { ok: true, value: v } : { ok: false, reason: kindReasons.caseNo(v) };
}

// ---------------------------------------------------------------- row reader

/**
 * Reads one row's cells, collecting every reason instead of stopping at the
 * first, so a row with three bad cells is fixed in one round trip. A failed
 * read gives `undefined`; an empty optional cell gives `null`.
 */
class RowReader {
  readonly reasons: string[] = [];

  constructor(
    private readonly cells: Readonly<Record<string, string>>,
    private readonly officeCode: string,
  ) {}

  raw(column: string): string {
    return this.cells[column] ?? '';
  }

  blank(column: string): boolean {
    return isBlankCell(this.cells[column]);
  }

  fail(column: string, reason: string): undefined {
    this.reasons.push(`${column}：${reason}`);
    return undefined;
  }

  required<T>(column: string, parse: CellParser<T>): T | undefined {
    const r = parse(this.raw(column));
    return r.ok ? r.value : this.fail(column, r.reason);
  }

  optional<T>(column: string, parse: CellParser<T>): T | null | undefined {
    return this.blank(column) ? null : this.required(column, parse);
  }

  /** Optional in general, required when `when` holds (批准 needs an amount). */
  requiredWhen<T>(when: { holds: boolean; column: string; word: string }, column: string, parse: CellParser<T>): T | null | undefined {
    if (when.holds && this.blank(column)) return this.fail(column, kindReasons.requiredWhen(when.column, when.word));
    return this.optional(column, parse);
  }

  /** Free text (names, notes, addresses): kept exactly as written, `''` when empty. */
  text(column: string): string {
    return this.blank(column) ? '' : this.raw(column);
  }

  requiredText(column: string): string | undefined {
    return this.blank(column) ? this.fail(column, cellReasons.empty) : this.raw(column);
  }

  /** 发送单位代码: null when not given; its reason is the spec's own words, whole. */
  sender(): string | null | undefined {
    if (this.blank('发送单位代码')) return null;
    const code = codeText(this.raw('发送单位代码'));
    if (isAncestor(code, this.officeCode)) return code;
    this.reasons.push(kindReasons.sender);
    return undefined;
  }
}

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** The values, if every read succeeded (none is `undefined`). */
function allRead<T extends Record<string, unknown>>(values: T): Defined<T> | null {
  return Object.values(values).some((v) => v === undefined) ? null : (values as Defined<T>);
}

type RowParser<K extends InboundKind> = (r: RowReader) => Omit<RecordOf<K>, 'kind'> | null;

const dated = (d: ParsedDate) => ({ date: d.date, time: d.time });

const PARSERS: { [K in InboundKind]: RowParser<K> } = {
  'township-review': (r) => {
    const v = allRead({
      caseNo: r.required('申请编号', parseCaseNoCell),
      idNumber: r.required('身份证号', parseIdCell),
      result: r.required('审核结果', enumOf(REVIEW_WORDS)),
      date: r.required('审核日期', parseDateCell),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), note: r.text('审核意见'), by: r.text('审核人'), name: r.text('姓名') };
  },

  'county-decision': (r) => {
    // Read in the spec's column order, so the reasons come in the order the clerk reads the row.
    const caseNo = r.required('申请编号', parseCaseNoCell);
    const idNumber = r.required('身份证号', parseIdCell);
    const result = r.required('审批结果', enumOf(DECISION_WORDS));
    const date = r.required('审批日期', parseDateCell);
    const when = { holds: result === '批准', column: '审批结果', word: '批准' };
    const program = r.requiredWhen(when, '救助类别', enumOf(PROGRAM_WORDS));
    const persons = r.requiredWhen(when, '保障人数', parseIntegerCell);
    if (result === '批准' && persons === 0) r.fail('保障人数', kindReasons.approvedPersons);
    const v = allRead({
      caseNo,
      idNumber,
      result,
      date,
      program,
      persons,
      monthlyAmountFen: r.requiredWhen(when, '月保障金额(元)', parseAmountCell),
      startMonth: r.requiredWhen(when, '起始年月', parseMonthCell),
      category: r.optional('分类', enumOf(CATEGORY_WORDS)),
      sender: r.sender(),
    });
    if (!v || r.reasons.length > 0) return null;
    return { ...v, ...dated(v.date), reason: r.text('原因'), by: r.text('审批人'), name: r.text('姓名') };
  },

  'benefit-change': (r) => {
    const idNumber = r.required('身份证号', parseIdCell);
    const change = r.required('变更类型', enumOf(CHANGE_WORDS));
    const v = allRead({
      idNumber,
      change,
      effectiveMonth: r.required('生效年月', parseMonthCell),
      date: r.required('决定日期', parseDateCell),
      monthlyAmountFen: r.requiredWhen(
        { holds: change === '调整' || change === '恢复', column: '变更类型', word: change ?? '' },
        '月保障金额(元)',
        parseAmountCell,
      ),
      program: r.optional('救助类别', enumOf(PROGRAM_WORDS)),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), program: v.program ?? '低保', reason: r.text('原因'), name: r.text('姓名') };
  },

  standard: (r) => {
    const v = allRead({
      area: r.required('地区类型', enumOf(AREA_WORDS)),
      program: r.required('救助类别', enumOf(PROGRAM_WORDS)),
      monthlyFen: r.required('月标准(元)', parseAmountCell),
      from: r.required('执行日期', parseDateCell),
      sender: r.sender(),
    });
    if (!v) return null;
    return { ...v, from: v.from.date, ref: r.text('文号') };
  },

  verification: (r) => {
    const v = allRead({
      caseNo: r.required('申请编号', parseCaseNoCell),
      idNumber: r.required('身份证号', parseIdCell),
      item: r.requiredText('核对项目'),
      found: r.required('核对结果', enumOf(FOUND_WORDS)),
      date: r.required('核对日期', parseDateCell),
      amountFen: r.optional('金额(元)', parseAmountCell),
    });
    if (!v) return null;
    return { ...v, ...dated(v.date), note: r.text('说明') };
  },

  holidays: (r) => {
    const v = allRead({
      date: r.required('日期', parseDateCell),
      type: r.required('类型', enumOf(HOLIDAY_WORDS)),
    });
    if (!v) return null;
    return { ...v, date: v.date.date, name: r.text('名称') };
  },

  roster: (r) => {
    const householderId = r.required('户主身份证号', parseIdCell);
    const memberId = r.required('成员身份证号', parseIdCell);
    const relation = r.required('与户主关系', enumOf(RELATION_WORDS));
    // Within the row only: a column sorted on its own shows up as a member
    // who is their own householder's spouse, or a 户主 with someone else's number.
    if (householderId !== undefined && memberId !== undefined && relation !== undefined) {
      if (relation === '户主' && memberId !== householderId) r.fail('与户主关系', kindReasons.householderRelation);
      if (relation !== '户主' && memberId === householderId) r.fail('与户主关系', kindReasons.householderSelf(relation));
    }
    const v = allRead({
      householderId,
      memberId,
      memberName: r.requiredText('成员姓名'),
      relation,
      program: r.required('救助类别', enumOf(PROGRAM_WORDS)),
      monthlyAmountFen: r.required('月保障金额(元)', parseAmountCell),
      startMonth: r.required('起始年月', parseMonthCell),
      category: r.optional('分类', enumOf(CATEGORY_WORDS)),
      area: r.optional('地区类型', enumOf(AREA_WORDS)),
    });
    if (!v || r.reasons.length > 0) return null;
    return { ...v, householderName: r.text('户主姓名'), address: r.text('住址'), phone: r.text('联系电话') };
  },
};

// The columns a receipt shows for a rejected row, per kind.
const RECEIPT_COLUMNS: Record<InboundKind, { caseNo?: string; idNumber?: string }> = {
  'township-review': { caseNo: '申请编号', idNumber: '身份证号' },
  'county-decision': { caseNo: '申请编号', idNumber: '身份证号' },
  'benefit-change': { idNumber: '身份证号' },
  standard: {},
  verification: { caseNo: '申请编号', idNumber: '身份证号' },
  holidays: {},
  // One row per member: the member's number is what tells the rows apart.
  roster: { idNumber: '成员身份证号' },
};

/** The case number and ID number of a rejected row: normalised when valid, else as written. */
function receiptKeys(kind: InboundKind, cells: Readonly<Record<string, string>>): { caseNo?: string; idNumber?: string } {
  const columns = RECEIPT_COLUMNS[kind];
  const keys: { caseNo?: string; idNumber?: string } = {};
  const pick = (column: string, parse: CellParser<string>): string | undefined => {
    const raw = cells[column];
    if (raw === undefined || isBlankCell(raw)) return undefined;
    const r = parse(raw);
    return r.ok ? r.value : raw.trim();
  };
  const caseNo = columns.caseNo === undefined ? undefined : pick(columns.caseNo, parseCaseNoCell);
  const idNumber = columns.idNumber === undefined ? undefined : pick(columns.idNumber, parseIdCell);
  if (caseNo !== undefined) keys.caseNo = caseNo;
  if (idNumber !== undefined) keys.idNumber = idNumber;
  return keys;
}

/**
 * Every data row of a table of `kind` as a typed record or a rejection with
 * all its reasons (`列名：原因`, joined by `；`). `officeCode` is this
 * community's 12-digit code, against which 发送单位代码 is checked.
 */
export function parseRows<K extends InboundKind>(kind: K, table: CsvTable, officeCode: string): RowOutcome<RecordOf<K>>[] {
  if (!isOfficeCode(officeCode)) throw new Error(`parseRows: office code must be 12 digits, got ${JSON.stringify(officeCode)}`);
  const parse = PARSERS[kind] as RowParser<K>;
  return table.rows.map((row): RowOutcome<RecordOf<K>> => {
    const reader = new RowReader(row.cells, officeCode);
    const fields = parse(reader);
    if (fields && reader.reasons.length === 0) {
      return { ok: true, row: row.rowNumber, record: { kind, ...fields } as RecordOf<K> };
    }
    return { ok: false, row: row.rowNumber, reason: reader.reasons.join('；'), ...receiptKeys(kind, row.cells) };
  });
}
