// A new office's first month (issue 15), as one script that the command line
// and the app both follow: what the clerk does on which day, the files the
// township and the county drop into the shared folder, and what the stores
// hold at the end, made comparable between two data folders.
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { COLLECTION_NAMES } from '../../src/store/schema.js';
import { alternatives, requiredMaterials } from '../../src/rules/materials.js';
import type { Circumstance, Program } from '../../src/office/model.js';
import { RECEIPTS_SEEN } from '../../src/dashboard/reminders.js';
import { FIXTURE_INTAKE } from '../support/office.js';

export const OFFICE = '430105003001';
export const CASE = (n: number) => `${OFFICE}-2026-${String(n).padStart(4, '0')}`;
export const LIU = CASE(1);
export const CHEN = CASE(2);
export const RENT = CASE(3);
export const LI_MEI = '430105198405061666';
export const CHEN_HAORAN = '430105201209014170';
export const CHEN_ZHIQIANG = '43010519821128129X';

/** The days of the month, each at the hour the clerk works. */
export const AT = {
  init: '2026-11-02T09:00:00+08:00',
  intake: '2026-11-02T09:30:00+08:00',
  investigate: '2026-11-04T10:00:00+08:00',
  review: '2026-11-06T10:00:00+08:00',
  notice: '2026-11-10T10:00:00+08:00',
  submit: '2026-11-17T10:00:00+08:00',
  verification: '2026-11-18T09:00:00+08:00',
  township: '2026-11-20T16:00:00+08:00',
  county: '2026-11-26T09:00:00+08:00',
  cover: '2026-11-26T09:10:00+08:00',
  payroll: '2026-12-01T09:00:00+08:00',
  badFile: '2026-12-01T10:00:00+08:00',
};

/** The two settings and the standard kept by hand. */
export const SETTINGS: [key: string, value: string][] = [
  ['communityWorkingDays', '20'],
  ['labourWeekdays', '2,4'],
];
export const STANDARD = { area: '城市', program: '低保', amount: '850', from: '2026-01-01' };

export interface IntakeDoc {
  program: Program;
  area: '城市' | '农村';
  applicationDate: string;
  address: string;
  phone: string;
  housingArea: number;
  circumstances: Circumstance[];
  materials: string[];
  interview: string;
  interviewConfirmed: boolean;
  members: { name: string; idNumber: string; relation: string; labourAbility: string; disability: string | null; monthlyIncome: number }[];
}

/**
 * Every required material handed in, each `A或B` as its first alternative, in
 * the order of the checklist: what a clerk ticking the checklist row by row
 * records, so the two ways of intake store the same list.
 */
function allMaterials(program: Program, circumstances: readonly Circumstance[]): string[] {
  return requiredMaterials(program, circumstances).map((item) => alternatives(item)[0]!);
}

function intake(file: string, change: (d: IntakeDoc) => void = () => undefined): IntakeDoc {
  const d = JSON.parse(readFileSync(join(FIXTURE_INTAKE, file), 'utf8')) as IntakeDoc;
  change(d);
  d.materials = allMaterials(d.program, d.circumstances);
  d.interviewConfirmed = true;
  return d;
}

/** Three applications on the first day: 刘建国 (3 persons), 陈志强 (4), and 黄桂英 for the rent subsidy without 低保, alone in 80 m². */
export const INTAKES: IntakeDoc[] = [
  intake('01-liu-jianguo.json'),
  intake('03-chen-zhiqiang.json'),
  intake('02-huang-guiying.json', (d) => {
    d.program = '廉租房补贴';
    d.housingArea = 80;
  }),
];

/** The steps of the way, the same for each case; the rent subsidy's submit is refused. */
export const WAY = [
  { step: 'investigate', at: AT.investigate, by: '王芳,李强', note: '入户核实，情况与申请一致' },
  { step: 'review', at: AT.review, by: '楼栋长张伟,党员代表李华,居民代表陈红', note: '评议小组一致同意' },
  { step: 'notice', at: AT.notice },
  { step: 'submit', at: AT.submit },
] as const;
export const RENT_REFUSAL = '家庭没有在保的低保，廉租房补贴须先享受低保';
export const WITHDRAW_NOTE = '不符合廉租房补贴条件，申请人撤回';

const BOM = '\uFEFF';
const csv = (rows: string[]) => BOM + rows.map((r) => `${r}\r\n`).join('');

/** The files of the upper levels, in the order they arrive. */
export const FILES = {
  verification: {
    name: '核对结果-1118.csv',
    at: AT.verification,
    content: csv(['申请编号,身份证号,核对项目,核对结果,核对日期,金额(元),说明', `${CHEN},${CHEN_ZHIQIANG},工商登记,有,2026-11-18,7240,个体工商户一户`]),
  },
  township: {
    name: '街道审核-1120.csv',
    at: AT.township,
    content: csv([
      '申请编号,身份证号,姓名,审核结果,审核意见,审核日期,审核人,发送单位代码',
      `${LIU},430105197803152315,刘建国,同意,情况属实,2026-11-20,谭丽,430105003`,
      `${CHEN},${CHEN_ZHIQIANG},陈志强,同意,情况属实,2026-11-20,谭丽,430105003`,
    ]),
  },
  county: {
    name: '区县审批-1125.csv',
    at: AT.county,
    content: csv([
      '申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,审批人,发送单位代码',
      `${LIU},430105197803152315,刘建国,批准,2026-11-25,低保,3,1000,2026-12,B,,罗建华,430105`,
      `${CHEN},${CHEN_ZHIQIANG},陈志强,批准,2026-11-25,低保,2,500,2026-12,A,仅保障李梅、陈浩然,罗建华,430105`,
    ]),
  },
  /** Two of three rows bad: a wrong check digit and the month 13. */
  bad: {
    name: '待遇变更-1201.csv',
    at: AT.badFile,
    content: csv([
      '身份证号,姓名,变更类型,生效年月,决定日期,月保障金额(元),救助类别,原因,发送单位代码',
      '430105197803152315,刘建国,调整,2027-01,2026-11-30,1100,低保,标准调整,430105',
      '430105197803152316,刘建国,调整,2027-01,2026-11-30,1100,低保,标准调整,430105',
      `${CHEN_ZHIQIANG},陈志强,调整,2027-13,2026-11-30,600,低保,标准调整,430105`,
    ]),
  },
} as const;

/** Puts a file into the shared inbox as if it was copied there two minutes ago (settled). */
export function drop(shared: string, f: { name: string; content: string }): void {
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const file = join(shared, 'inbox', f.name);
  writeFileSync(file, f.content);
  const past = new Date(Date.now() - 120_000);
  utimesSync(file, past, past);
}

/** Where the two runs may differ and nothing a clerk relies on does: the folder paths, and when the receipts screen was opened. */
function comparable(dir: string, shared: string, v: unknown): unknown {
  return JSON.parse(JSON.stringify(v).split(JSON.stringify(dir).slice(1, -1)).join('<data>').split(JSON.stringify(shared).slice(1, -1)).join('<shared>'));
}

/** Every record of every collection, by collection and id, made comparable between two data folders. */
export async function storesOf(dir: string, shared: string): Promise<Record<string, Record<string, unknown>>> {
  const office = await Office.open(dir);
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of COLLECTION_NAMES) {
    const records: Record<string, unknown> = {};
    for (const r of office.view.all(name) as { id?: string; caseNo?: string; date?: string }[]) {
      const rec = comparable(dir, shared, r);
      const id = String(r.id ?? r.caseNo ?? r.date ?? JSON.stringify(rec));
      if (name === 'meta' && id === RECEIPTS_SEEN) continue;
      records[id] = rec;
    }
    out[name] = records;
  }
  return out;
}
