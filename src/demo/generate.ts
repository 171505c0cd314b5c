// The demo office: a realistic community office (households, cases at every
// stage, recipients, pending items, inbound files waiting in the shared
// folder) generated from a seed, for `jiuzhu demo`, training and the benches.
// Pure and deterministic: its own PRNG, no clock ("today" is a parameter), no I/O.
//
// One office code holds every household, even at bench sizes (20,000 is a
// township's worth of recipients under one community code): the stores, the
// case numbers and the inbound files all belong to one office, and a bench
// measures the code paths, not the realism of one community's size.
import iconv from 'iconv-lite';
import { addDays, addMonths, dateOf, dayNo } from '../rules/dayNumber.js';
import { pinyin } from 'pinyin-pro';
import type {
  Area,
  Case,
  CaseEvent,
  CaseStatus,
  Category,
  Circumstance,
  CountyDecision,
  DisabilityGrade,
  Enrolment,
  EnrolmentStatus,
  Household,
  Income,
  LabourAbility,
  Member,
  PendingItem,
  Program,
  Relation,
  Source,
  Standard,
  TownshipResult,
  Verification,
} from '../office/model.js';
import { newCase } from '../office/model.js';
import { defaultSettings, type Settings } from '../office/settings.js';
import { checkCharacter } from '../rules/idNumber.js';
import { countyOf, formatCaseNo, isOfficeCode, townshipOf } from '../rules/officeCode.js';
import { alternatives, requiredMaterials } from '../rules/materials.js';
import { standardOn } from '../rules/eligibility.js';
import { WorkingCalendar } from '../rules/workingDays.js';
import { mulberry32 } from './rng.js';

export interface GenerateOptions {
  seed: number;
  households: number;
  officeCode: string;
  officeName: string;
  /** `YYYY-MM-DD`: every date is computed backwards from it. */
  today: string;
}

export interface InboxFile {
  /** Relative to `<shared>/inbox`, `/`-separated; may contain a subfolder. */
  path: string;
  content: Buffer;
}

export interface DemoOffice {
  settings: Settings;
  households: Household[];
  members: Member[];
  cases: Case[];
  enrolments: Enrolment[];
  standards: (Standard & { id: string })[];
  pending: PendingItem[];
  inbox: InboxFile[];
}

/** The clerks of the demo office (民政专干) and the people upstairs who sign decisions. */
export const DEMO_CLERKS = ['王芳', '李秀梅', '陈志华'] as const;
const TOWNSHIP_REVIEWERS = ['谭丽', '邹建平'] as const;
const COUNTY_APPROVERS = ['罗建华', '易晓峰'] as const;

// ------------------------------------------------------------------ PRNG

/** mulberry32 (rng.ts), its seed spread first. */
class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    // Small neighbouring seeds (1, 2, 3) start mulberry32 on visibly similar
    // runs; murmur3's finaliser spreads them first.
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    this.next = mulberry32((h ^ (h >>> 16)) >>> 0);
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Whole yuan in [lo, hi] on a `step` grid, as fen. */
  yuan(lo: number, hi: number, step = 10): number {
    return this.int(Math.ceil(lo / step), Math.floor(hi / step)) * step * 100;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  hex(n: number): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return s.slice(0, n);
  }
}

/** Items drawn by weight, with a binary search over the running totals. */
class Weighted<T> {
  private readonly totals: number[] = [];
  private readonly items: T[] = [];

  constructor(table: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [item, w] of table) {
      sum += w;
      this.items.push(item);
      this.totals.push(sum);
    }
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.totals[this.totals.length - 1]!;
    let lo = 0;
    let hi = this.totals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.totals[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ------------------------------------------------------------------ dates

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const monthOf = (d: string): string => d.slice(0, 7);

/** A roster lists the amount in force when it was read; an approval the one of its first month. */
function firstAmountMonth(s: { month: string; date: string; event: string }): string {
  return s.event === 'roster' && monthOf(s.date) > s.month ? monthOf(s.date) : s.month;
}

function ageOn(birth: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) age -= 1;
  return age;
}

/** `2026/1/5`: how Excel on a Chinese Windows writes a date cell to CSV. */
const excelDate = (d: string): string => `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;

// ------------------------------------------------------------------ names

// Frequencies roughly as in the 2020 census (per cent); the long tail is flattened.
const SURNAMES = new Weighted<string>([
  ['王', 7.1], ['李', 7.0], ['张', 6.6], ['刘', 5.4], ['陈', 4.6], ['杨', 3.1], ['黄', 2.3], ['赵', 2.0],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.5], ['马', 1.3], ['朱', 1.3], ['胡', 1.3], ['郭', 1.2],
  ['何', 1.2], ['林', 1.1], ['高', 1.1], ['罗', 1.0], ['郑', 1.0], ['梁', 0.9], ['谢', 0.8], ['宋', 0.7],
  ['唐', 0.7], ['许', 0.6], ['韩', 0.6], ['邓', 0.6], ['冯', 0.6], ['曹', 0.6], ['彭', 0.6], ['曾', 0.6],
  ['肖', 0.6], ['田', 0.5], ['董', 0.5], ['潘', 0.5], ['袁', 0.5], ['蔡', 0.5], ['蒋', 0.5], ['余', 0.5],
  ['于', 0.5], ['杜', 0.5], ['叶', 0.4], ['程', 0.4], ['魏', 0.4], ['苏', 0.4], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.4], ['卢', 0.4], ['姚', 0.4], ['沈', 0.4], ['钟', 0.3], ['姜', 0.3], ['崔', 0.3], ['谭', 0.3],
  ['陆', 0.3], ['范', 0.3], ['汪', 0.3], ['廖', 0.3], ['石', 0.3], ['金', 0.3], ['贾', 0.2], ['夏', 0.2],
  ['付', 0.2], ['方', 0.2], ['邹', 0.2], ['熊', 0.2], ['白', 0.2], ['孟', 0.2], ['秦', 0.2], ['邱', 0.2],
  ['侯', 0.2], ['江', 0.2], ['尹', 0.2], ['薛', 0.2], ['段', 0.2], ['雷', 0.2], ['龙', 0.2], ['黎', 0.2],
  ['史', 0.2], ['陶', 0.2], ['贺', 0.2], ['毛', 0.2], ['郝', 0.2], ['顾', 0.2], ['龚', 0.2], ['邵', 0.2],
  ['万', 0.2], ['易', 0.2], ['文', 0.2], ['向', 0.15], ['汤', 0.15], ['戴', 0.15], ['严', 0.15], ['欧阳', 0.05],
]);

const words = (s: string): readonly string[] => s.split(/\s+/).filter(Boolean);

// Given names by generation (birth year) and sex: the names parents chose then.
const GIVEN: readonly { until: number; male: readonly string[]; female: readonly string[] }[] = [
  {
    until: 1955,
    male: words('建国 德明 福生 国华 志明 永福 金山 长根 德华 玉林 树生 国庆 春生 根生 建华 桂生 德胜 振华 富贵 福林 炳坤 茂林 光明 新民 德福 海清 全福 志高'),
    female: words('桂英 秀兰 淑珍 桂芝 翠兰 玉兰 秀英 凤英 兰英 桂兰 素珍 秀珍 玉珍 冬梅 金花 淑英 玉华 桂香 凤兰 秀芝 菊英 翠英 月娥 银花 玉梅'),
  },
  {
    until: 1975,
    male: words('建军 卫东 红兵 志强 国平 学军 立新 卫国 志刚 建新 建平 海涛 跃进 向阳 伟 勇 军 平 小平 建林 国强 爱国 新华 光辉 振国 红军'),
    female: words('丽华 红梅 秀芳 桂华 玉梅 春燕 丽 红 芳 英 淑芬 美华 小红 建英 红霞 爱华 卫红 秀梅 丽萍 晓红 素华 玉芳 金凤 彩霞'),
  },
  {
    until: 1995,
    male: words('伟 磊 强 军 涛 勇 斌 鹏 超 杰 刚 明 海波 建波 小龙 俊 浩 波 亮 宇 峰 凯 鑫 帅 志伟 文杰'),
    female: words('丽 芳 娟 敏 静 艳 霞 燕 婷 丽娟 海燕 晓燕 慧 梅 玲 倩 颖 琳 雪 佳 丹 莉 晓丽'),
  },
  {
    until: 9999,
    male: words('浩然 子轩 宇轩 梓豪 俊杰 浩宇 皓轩 一鸣 子豪 睿 博文 宇航 晨 俊熙 梓睿 宇泽 子墨 沐阳 奕辰 明轩 嘉豪 天佑'),
    female: words('子涵 欣怡 梓涵 雨桐 诗涵 可馨 语嫣 一诺 梦琪 思涵 雨欣 佳怡 紫萱 欣妍 若曦 梓萱 诗琪 雨萱 心怡 佳琪'),
  },
];

const initialsCache = new Map<string, string>();

/** Pinyin initials for search (刘建国 → ljg), surnames read as surnames (曾 → z). */
export function nameInitials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
    initialsCache.set(name, v);
  }
  return v;
}

// ------------------------------------------------------------------ places

const STREETS = [
  { street: '东风路', estates: ['东风一村', '东风二村', '东风新村'] },
  { street: '建设路', estates: ['建设新村', '机械厂宿舍'] },
  { street: '人民路', estates: ['人民小区', '粮站宿舍'] },
  { street: '解放路', estates: ['纺织厂宿舍', '和平里'] },
  { street: '新华路', estates: ['新华苑', '电机厂宿舍'] },
] as const;
const VILLAGES = ['东风村', '新塘村', '杨家湾村', '大塘村'] as const;

const MOBILE_PREFIXES = words('138 139 135 136 137 150 151 152 158 159 182 187 188 130 131 132 155 156 185 186 133 153 180 189 177 199');

// Area codes of the cities whose offices are most likely to try the demo; elsewhere mobiles only.
const AREA_CODES: Record<string, string> = {
  '1101': '010', '1201': '022', '3101': '021', '5001': '023', '4301': '0731', '4401': '020',
  '4201': '027', '5101': '028', '3201': '025', '3301': '0571', '3701': '0531', '4101': '0371',
};

// ------------------------------------------------------------------ texts

const JOBS = ['在小区物业做保安', '在超市做理货员', '在餐馆做帮厨', '在工地做小工', '在保洁公司做保洁', '在快递站做分拣'];
const GIGS = ['打零工', '摆摊卖菜', '送外卖', '做钟点工', '骑三轮车拉货'];
const ILLNESSES = ['尿毒症，每周透析三次', '乳腺癌术后化疗', '脑梗后遗症，行动不便', '肝硬化，常年服药', '慢性阻塞性肺病，常年吸氧'];
const DISABILITY_KINDS = ['肢体', '视力', '听力', '智力', '精神'];
const FINDINGS = [
  '入户查看，家中陈设简陋，无高档家电，与申请人自述基本一致。',
  '经入户调查和邻里走访，家庭成员及收入情况与申报一致，无车辆，无经营性收入。',
  '实地查看住房为老旧单位房，室内简陋；向用工单位核实工资收入属实。',
  '入户核实家庭人口与户口簿一致，邻居反映该户生活确实困难。',
];
const SUSPEND_REASONS = ['连续三个月未按规定参加公益劳动', '外出务工，收入情况待核实', '长期外出，多次联系不上'];
const RETURN_NOTES = [
  '请补充户主近6个月工资流水及劳动合同后重新上报',
  '申请审批表缺民主评议记录，请补充后重新上报',
  '请补充残疾证复印件及医院诊断证明',
];
const TOWNSHIP_REFUSALS = [
  '经核查该户名下有小型汽车一辆，不符合低保条件',
  '经核查该户在本街道有门面出租收入，家庭人均收入超过低保标准',
];
const COUNTY_REFUSALS = [
  '经济状况核对发现家庭存款超过规定标准',
  '经核查家庭人均收入超过当地低保标准',
];
const WITHDRAW_NOTES = ['申请人已找到稳定工作，主动撤回申请', '申请人外出务工，主动撤回申请', '申请人家庭情况好转，撤回申请'];
const VERIFY_ITEMS = ['车辆', '房产', '存款', '工商登记', '住房公积金', '社保缴费'] as const;

// ------------------------------------------------------------------ people

interface Person {
  name: string;
  surname: string;
  sex: '男' | '女';
  birth: string;
  relation: Relation;
  disability: DisabilityGrade | null;
  disabilityKind?: string;
  illness?: string;
  school?: string;
  labourAbility: LabourAbility;
  incomes: Income[];
  idNumber: string;
}

type FamilyKind =
  | 'single-elder'
  | 'elder-couple'
  | 'couple-kids'
  | 'three-gen'
  | 'single-parent'
  | 'single-adult'
  | 'elder-disabled-child'
  | 'elder-grandchild'
  | 'tekun';

const FAMILY_KINDS = new Weighted<FamilyKind>([
  ['single-elder', 18],
  ['elder-couple', 14],
  ['couple-kids', 25],
  ['three-gen', 10],
  ['single-parent', 12],
  ['single-adult', 8],
  ['elder-disabled-child', 8],
  ['elder-grandchild', 5],
]);

const GRADES = new Weighted<DisabilityGrade>([
  ['一级', 15],
  ['二级', 30],
  ['三级', 30],
  ['四级', 25],
]);

const severe = (g: DisabilityGrade | null): boolean => g === '一级' || g === '二级';

interface Family {
  kind: FamilyKind;
  people: Person[];
  area: Area;
  address: string;
  phone: string;
  housingArea: number | null;
  circumstances: Circumstance[];
  /** 单亲 because of a death, not a divorce (decides which paper proves it). */
  widowed: boolean;
  /** What happened, for 临时救助. */
  hardship?: string;
}

// ------------------------------------------------------------------ scenarios

type Scenario =
  | 'dibao'
  | 'dibao-roster'
  | 'tekun'
  | 'tekun-roster'
  | 'temp'
  | 'draft'
  | 'accepted'
  | 'investigated'
  | 'reviewed'
  | 'noticing'
  | 'submitted'
  | 'returned'
  | 'township-approved'
  | 'rejected'
  | 'withdrawn';

/** Share of the households and the minimum count, in the order quotas are filled when households are few. */
const PLAN: readonly (readonly [Scenario, number, number])[] = [
  ['submitted', 0.025, 5],
  ['township-approved', 0.025, 5],
  ['noticing', 0.025, 4],
  ['reviewed', 0.02, 3],
  ['investigated', 0.02, 3],
  ['accepted', 0.02, 3],
  ['draft', 0.01, 2],
  ['returned', 0.01, 2],
  ['rejected', 0.03, 3],
  ['withdrawn', 0.015, 3],
  ['tekun', 0.06, 3],
  ['tekun-roster', 0.015, 1],
  ['dibao-roster', 0.1, 3],
  ['temp', 0.02, 2],
];

const OPEN_PROGRAMS = new Weighted<Program>([
  ['低保', 85],
  ['特困', 8],
  ['临时救助', 7],
]);

// ------------------------------------------------------------------ generator

interface Timeline {
  app: string;
  accepted?: string;
  inv?: string;
  rev?: string;
  nStart?: string;
  nEnd?: string;
  sub?: string;
  twp?: string;
  cty?: string;
  withdrawn?: string;
}

interface HouseholdRec {
  household: Household;
  family: Family;
  members: Member[];
  householder: Person;
}

/** A case before numbering, with what the inbound files and enrolments need to know about it. */
interface CaseRec {
  c: Case;
  order: number;
  hh: HouseholdRec;
}

interface EnrolmentRec {
  e: Enrolment;
  cr: CaseRec | null;
  hh: HouseholdRec;
}

class Generator {
  private readonly rng: Rng;
  private readonly cal = new WorkingCalendar();
  private readonly today: string;
  private readonly lastWorkday: string;
  private readonly year: number;
  private readonly region: string;
  private readonly usedIds = new Set<string>();
  private readonly fileShas = new Map<string, string>();
  private readonly landline: string | null;
  private readonly settings: Settings;
  readonly standards: (Standard & { id: string })[];

  readonly households: HouseholdRec[] = [];
  readonly cases: CaseRec[] = [];
  readonly enrolments: EnrolmentRec[] = [];
  readonly pending: PendingItem[] = [];
  // Targets of the inbound files, picked while the households are made.
  private readonly reviewTargets: CaseRec[] = [];
  private readonly decisionTargets: CaseRec[] = [];
  private readonly verifyTargets: CaseRec[] = [];
  private readonly changeTargets: { er: EnrolmentRec; kind: '调整' | '停发' | '恢复' | '退出' }[] = [];
  private readonly tempAmounts = new Map<HouseholdRec, number>();

  constructor(private readonly opts: GenerateOptions) {
    if (!isOfficeCode(opts.officeCode)) throw new RangeError(`办公室代码应为12位数字：${opts.officeCode}`);
    if (!DATE_RE.test(opts.today) || dateOf(dayNo(opts.today)) !== opts.today) {
      throw new RangeError(`today 应为 YYYY-MM-DD 格式的有效日期：${opts.today}`);
    }
    if (!Number.isInteger(opts.households) || opts.households < 1) throw new RangeError(`户数应为正整数：${opts.households}`);
    this.rng = new Rng(opts.seed);
    this.today = opts.today;
    this.lastWorkday = this.onWorkday(this.today);
    this.year = Number(this.today.slice(0, 4));
    this.region = opts.officeCode.slice(0, 6);
    this.landline = AREA_CODES[opts.officeCode.slice(0, 4)] ?? null;
    this.settings = defaultSettings({ code: opts.officeCode, name: opts.officeName, area: '城市' });
    this.standards = this.makeStandards();
  }

  // ---------------------------------------------------------------- helpers

  // The calendar decides which days are worked; stepping over day numbers
  // here, each day asked once, keeps 20,000 households' timelines fast.
  private readonly workCache = new Map<number, boolean>();

  private isWork(n: number): boolean {
    let w = this.workCache.get(n);
    if (w === undefined) {
      w = this.cal.day(dateOf(n)).work;
      this.workCache.set(n, w);
    }
    return w;
  }

  /** The n-th working day after `date` (before it when n < 0), as WorkingCalendar.addWorkingDays counts. */
  private wd(date: string, n: number): string {
    let cur = dayNo(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      cur += step;
      if (this.isWork(cur)) left--;
    }
    return dateOf(cur);
  }

  private back(date: string, n: number): string {
    return this.wd(date, -n);
  }

  /** Working days in (from, to]. */
  private workdaysBetween(from: string, to: string): number {
    let days = 0;
    for (let n = dayNo(from) + 1, end = dayNo(to); n <= end; n++) if (this.isWork(n)) days++;
    return days;
  }

  /** When a file signed on `date` reached the office: the next working day, never after today. */
  private arrivedOn(date: string): string {
    const d = this.wd(date, 1);
    return d > this.today ? this.today : d;
  }

  /** A working day on or before `date`. */
  private onWorkday(date: string): string {
    return this.isWork(dayNo(date)) ? date : this.wd(date, -1);
  }

  /** ISO timestamp on `date` in office hours; today's stay before 09:00 (JIUZHU_NOW=<date> is 09:00). */
  private stamp(date: string, after?: string): string {
    let minutes = date === this.today ? 8 * 60 + this.rng.int(0, 40) : this.rng.int(8 * 60 + 20, 17 * 60 + 30);
    if (after && after.startsWith(date)) {
      const prev = Number(after.slice(11, 13)) * 60 + Number(after.slice(14, 16));
      if (minutes <= prev) minutes = prev + this.rng.int(5, 40);
    }
    minutes = Math.min(minutes, 23 * 60 + 59);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${date}T${hh}:${mm}:00+08:00`;
  }

  /** A made-up sha256 for an inbound file processed in the past, one per kind and date. */
  private fileSource(kind: string, date: string): Source {
    const key = `${kind}@${date}`;
    let sha = this.fileShas.get(key);
    if (!sha) {
      sha = this.rng.hex(64);
      this.fileShas.set(key, sha);
    }
    return `file:${sha}`;
  }

  private clerk(): string {
    return this.rng.pick(DEMO_CLERKS);
  }

  private makeStandards(): (Standard & { id: string })[] {
    const rows: [Area, Program, number, number][] = [
  ['城市', '低保', 85000, 80000],
  ['农村', '低保', 68000, 64000],
  ['城市', '特困', 110500, 104000],
  ['农村', '特困', 88400, 83200],
    ];
    const out: (Standard & { id: string })[] = [];
    for (const [year, col, ref] of [
      [this.year - 1, 3, `民发〔${this.year - 2}〕41号`],
      [this.year, 2, `民发〔${this.year - 1}〕38号`],
    ] as const) {
      for (const r of rows) {
        const from = `${year}-01-01`;
        out.push({
          id: `${r[0]}:${r[1]}:${from}`,
          area: r[0],
          program: r[1],
          monthlyFen: r[col],
          from,
          ref,
          source: this.fileSource('standard', `${year - 1}-12-10`),
        });
      }
    }
    return out;
  }

  private standardFen(area: Area, program: '低保' | '特困', month: string): number {
    const s = standardOn(this.standards, area, program, `${month}-01`);
    // Older than the stored standards: the oldest one stands in.
    return s ? s.monthlyFen : this.standards.find((x) => x.area === area && x.program === program)!.monthlyFen;
  }

  // ---------------------------------------------------------------- people

  private idNumber(birth: string, sex: '男' | '女'): string {
    const base = this.region + birth.replaceAll('-', '');
    for (;;) {
      // Sequence 001–999: odd for men, even for women (GB 11643).
      const seq = this.rng.int(0, 498) * 2 + (sex === '男' ? 1 : 2);
      const first17 = base + String(seq).padStart(3, '0');
      if (this.usedIds.has(first17)) continue;
      this.usedIds.add(first17);
      return first17 + checkCharacter(first17);
    }
  }

  private birthForAge(age: number): string {
    const end = dayNo(this.today) - Math.round(age * 365.2425);
    return dateOf(this.rng.int(end - 364, end));
  }

  private givenName(birth: string, sex: '男' | '女'): string {
    const year = Number(birth.slice(0, 4));
    const band = GIVEN.find((g) => year <= g.until) ?? GIVEN[GIVEN.length - 1]!;
    return this.rng.pick(sex === '男' ? band.male : band.female);
  }

  private surname(not?: string): string {
    for (;;) {
      const s = SURNAMES.draw(this.rng);
      if (s !== not) return s;
    }
  }

  private person(relation: Relation, birth: string, sex: '男' | '女', surname: string): Person {
    return {
      name: surname + this.givenName(birth, sex),
      surname,
      sex,
      birth,
      relation,
      disability: null,
      labourAbility: '有',
      incomes: [],
      idNumber: '',
    };
  }

  /** Someone born `minYears`–`maxYears` after each of `births` (both parents), at least a month old today. */
  private youngerBirth(births: string[], minYears: number, maxYears: number): string | null {
    let lo = -Infinity;
    let hi = dayNo(this.today) - 30;
    for (const b of births) {
      lo = Math.max(lo, dayNo(b) + Math.ceil(minYears * 365.25));
      hi = Math.min(hi, dayNo(b) + Math.floor(maxYears * 365.25));
    }
    return hi < lo ? null : dateOf(this.rng.int(lo, hi));
  }

  private family(kind: FamilyKind, tekun = false): Family {
    const r = this.rng;
    const people: Person[] = [];
    let widowed = false;
    const add = (p: Person): Person => {
      people.push(p);
      return p;
    };
    const householder = (ageLo: number, ageHi: number, maleShare: number): Person => {
      const birth = this.birthForAge(r.int(ageLo, ageHi));
      return add(this.person('户主', birth, r.chance(maleShare) ? '男' : '女', this.surname()));
    };
    const spouseOf = (h: Person): Person => {
      let birth = dateOf(dayNo(h.birth) + r.int(-5 * 365, 5 * 365));
      if (ageOn(birth, this.today) < 22) birth = dateOf(dayNo(h.birth) + r.int(0, 3 * 365));
      return add(this.person('配偶', birth, h.sex === '男' ? '女' : '男', this.surname(h.surname)));
    };
    const fatherSurname = (h: Person, spouse: Person | null): string =>
      h.sex === '男' ? h.surname : spouse && spouse.sex === '男' ? spouse.surname : r.chance(0.5) ? h.surname : this.surname(h.surname);
    const children = (h: Person, spouse: Person | null, count: number, relation: Relation, minGap: number, maxGap: number): Person[] => {
      const out: Person[] = [];
      const parents = spouse ? [h.birth, spouse.birth] : [h.birth];
      for (let i = 0; i < count; i++) {
        const birth = this.youngerBirth(parents, minGap, maxGap);
        if (!birth) break;
        out.push(add(this.person(relation, birth, r.chance(0.52) ? '男' : '女', fatherSurname(h, spouse))));
      }
      return out;
    };

    switch (kind) {
      case 'tekun': {
        if (r.chance(0.75)) householder(60, 85, 0.55);
        else {
          const h = householder(30, 59, 0.6);
          h.disability = r.chance(0.5) ? '一级' : '二级';
          h.disabilityKind = r.pick(DISABILITY_KINDS);
        }
        break;
      }
      case 'single-elder':
        householder(60, 85, 0.35);
        break;
      case 'elder-couple': {
        const h = householder(62, 85, 0.85);
        spouseOf(h);
        break;
      }
      case 'couple-kids': {
        const h = householder(28, 55, 0.8);
        const s = spouseOf(h);
        children(h, s, r.chance(0.05) ? 3 : r.int(1, 2), '子女', 20, 35);
        break;
      }
      case 'three-gen': {
        const h = householder(35, 58, 0.8);
        const s = spouseOf(h);
        children(h, s, r.int(1, 2), '子女', 22, 35);
        // The householder's own parents, 20–35 years older: the father shares the surname.
        const both = r.chance(0.4);
        const father = both || r.chance(0.4);
        const fatherBirth = dateOf(dayNo(h.birth) - r.int(24 * 365, 35 * 365));
        const motherBirth = dateOf(dayNo(fatherBirth) + r.int(0, 4 * 365));
        if (father && ageOn(fatherBirth, this.today) <= 92) add(this.person('父母', fatherBirth, '男', h.surname));
        if ((both || !father) && ageOn(motherBirth, this.today) <= 92) add(this.person('父母', motherBirth, '女', this.surname(h.surname)));
        break;
      }
      case 'single-parent': {
        const h = householder(28, 50, 0.3);
        widowed = r.chance(0.3);
        children(h, null, r.int(1, 2), '子女', 20, 32);
        break;
      }
      case 'single-adult': {
        const h = householder(35, 60, 0.6);
        if (r.chance(0.5)) {
          h.disability = GRADES.draw(r);
          h.disabilityKind = r.pick(DISABILITY_KINDS);
        } else h.illness = r.pick(ILLNESSES);
        break;
      }
      case 'elder-disabled-child': {
        const h = householder(55, 80, 0.6);
        const s = r.chance(0.6) ? spouseOf(h) : null;
        const [c] = children(h, s, 1, '子女', 22, 35);
        if (c) {
          c.disability = r.chance(0.6) ? '一级' : '二级';
          c.disabilityKind = r.pick(['智力', '精神', '肢体']);
        }
        break;
      }
      case 'elder-grandchild': {
        const h = householder(55, 75, 0.5);
        const s = r.chance(0.5) ? spouseOf(h) : null;
        const birth = this.youngerBirth(s ? [h.birth, s.birth] : [h.birth], 42, 55);
        if (birth) add(this.person('孙子女', birth, r.chance(0.5) ? '男' : '女', h.sex === '男' ? h.surname : (s?.surname ?? this.surname())));
        break;
      }
    }

    // Disability and illness beyond what the family kind brings.
    for (const p of people) {
      const age = ageOn(p.birth, this.today);
      if (!tekun && p.disability === null && age >= 18 && r.chance(age >= 60 ? 0.08 : 0.05)) {
        p.disability = GRADES.draw(r);
        p.disabilityKind = r.pick(DISABILITY_KINDS);
      }
      if (age >= 6 && age <= 22 && (p.relation === '子女' || p.relation === '孙子女')) {
        if (age <= 11) p.school = '小学';
        else if (age <= 14) p.school = '初中';
        else if (age <= 17) p.school = r.chance(0.7) ? '高中' : '中职学校';
        else if (r.chance(0.5)) p.school = '大学';
      }
    }
    if (!tekun && r.chance(0.08)) {
      const adults = people.filter((p) => ageOn(p.birth, this.today) >= 30 && p.disability === null && !p.illness);
      if (adults.length) r.pick(adults).illness = r.pick(ILLNESSES);
    }

    for (const p of people) {
      p.labourAbility = this.ability(p);
      p.incomes = tekun ? [] : this.incomes(p);
    }
    for (const p of people) p.idNumber = this.idNumber(p.birth, p.sex);

    const area: Area = r.chance(0.08) ? '农村' : '城市';
    const circumstances: Circumstance[] = [];
    if (people.some((p) => p.disability)) circumstances.push('残疾');
    if (people.some((p) => p.illness)) circumstances.push('重大疾病');
    if (kind === 'single-parent') circumstances.push('单亲');
    if (people.some((p) => p.school && p.relation !== '户主')) circumstances.push('子女就学');
    return {
      kind,
      people,
      area,
      address: this.address(area),
      phone: this.phone(ageOn(people[0]!.birth, this.today) >= 60),
      housingArea: this.housing(area, people.length),
      circumstances,
      widowed,
    };
  }

  private ability(p: Person): LabourAbility {
    const age = ageOn(p.birth, this.today);
    if (age < 16 || (age < 18 && p.school) || p.school === '大学') return '无';
    if (severe(p.disability)) return '无';
    if (p.disability) return '部分';
    if (p.illness) return this.rng.chance(0.6) ? '无' : '部分';
    if (age > 70) return '无';
    if (age > 60) return '部分';
    return this.rng.chance(0.06) ? '部分' : '有';
  }

  private incomes(p: Person): Income[] {
    const r = this.rng;
    const age = ageOn(p.birth, this.today);
    const out: Income[] = [];
    if (age >= 60) {
      if (r.chance(0.85)) out.push({ kind: '养老金', amountFen: r.yuan(140, 450), note: '城乡居民基本养老金' });
      if (p.sex === '男' && age >= 68 && r.chance(0.1)) out.push({ kind: '优抚金', amountFen: r.yuan(900, 1500), note: '退役军人定期抚恤补助' });
      if (r.chance(0.12)) out.push({ kind: '计划生育奖励扶助金', amountFen: 10000 });
    } else if (age >= 18 && !p.school) {
      if (p.labourAbility === '有') {
        const x = r.next();
        if (x < 0.5) out.push({ kind: '工资', amountFen: r.yuan(1300, 2600, 50) });
        else if (x < 0.9) out.push({ kind: '灵活就业', amountFen: r.yuan(600, 1800, 50) });
      } else if (p.labourAbility === '部分' && r.chance(0.5)) {
        out.push({ kind: '灵活就业', amountFen: r.yuan(300, 900, 50) });
      }
    } else if (p.school && age >= 12 && r.chance(0.05)) {
      out.push({ kind: '奖学金', amountFen: r.yuan(100, 300), note: '学校助学奖学金' });
    }
    return out;
  }

  /** Scales counted incomes down until the household's per-capita income is below `share` of the 低保 standard. */
  private makeEligible(f: Family, share: number): void {
    const std = this.standardFen(f.area, '低保', monthOf(this.today));
    const excluded = this.settings.excludedIncomeKinds;
    const target = Math.floor(std * share) * f.people.length;
    const counted = () => this.countedFen(f);
    let total = counted();
    if (total <= target) return;
    const factor = target / total;
    for (const p of f.people) {
      p.incomes = p.incomes
        .map((i) => (excluded.includes(i.kind) ? i : { ...i, amountFen: Math.floor((i.amountFen * factor) / 1000) * 1000 }))
        .filter((i) => i.amountFen >= 5000);
    }
    total = counted();
    if (total > target) for (const p of f.people) p.incomes = p.incomes.filter((i) => excluded.includes(i.kind));
  }

  private address(area: Area): string {
    const r = this.rng;
    if (area === '农村') return `${r.pick(VILLAGES)}${r.int(1, 12)}组${r.int(1, 86)}号`;
    const { street, estates } = r.pick(STREETS);
    const no = r.int(1, 240);
    const room = `${r.int(1, 7)}${String(r.int(1, 4)).padStart(2, '0')}`;
    const x = r.next();
    if (x < 0.4) return `${street}${no}号${r.pick(estates)}${r.int(1, 24)}栋${room}`;
    if (x < 0.65) return `${street}${no}号院${r.int(1, 12)}栋${r.int(1, 4)}单元${room}`;
    if (x < 0.85) return `${r.pick(estates)}${r.int(1, 24)}栋${room}`;
    return `${street}${no}号${r.int(1, 9)}栋${room}`;
  }

  private phone(elderly: boolean): string {
    const r = this.rng;
    if (this.landline && r.chance(elderly ? 0.4 : 0.05)) {
      return `${this.landline}-${this.landline.length === 3 ? r.int(5, 8) : 8}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
    }
    return `${r.pick(MOBILE_PREFIXES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  private housing(area: Area, persons: number): number | null {
    const r = this.rng;
    if (r.chance(0.05)) return null;
    const m2 = area === '农村' ? r.int(600, 1400) : r.int(180, 650 + persons * 60);
    return m2 / 10;
  }

  // ---------------------------------------------------------------- households

  private household(f: Family, createdOn: string, source: Source): HouseholdRec {
    const h = f.people[0]!;
    const household: Household = {
      id: `h${h.idNumber}`,
      householderId: h.idNumber,
      area: f.area,
      address: f.address,
      phone: f.phone,
      housingArea: f.housingArea,
      createdAt: this.stamp(createdOn),
      source,
      notes: [],
    };
    if (this.rng.chance(0.04)) {
      household.notes.push({
        at: this.stamp(createdOn, household.createdAt),
        by: this.clerk(),
        text: this.rng.pick(['户主行动不便，入户前请先电话联系', '白天家中常无人，请傍晚入户', '户主耳背，电话请找邻居转告']),
      });
    }
    const members = f.people.map(
      (p): Member => ({
        idNumber: p.idNumber,
        householdId: household.id,
        name: p.name,
        relation: p.relation,
        labourAbility: p.labourAbility,
        disability: p.disability,
        incomes: p.incomes,
        initials: nameInitials(p.name),
      }),
    );
    const rec: HouseholdRec = { household, family: f, members, householder: h };
    this.households.push(rec);
    return rec;
  }

  // ---------------------------------------------------------------- money

  private countedFen(f: Family): number {
    const excluded = this.settings.excludedIncomeKinds;
    return f.people.reduce((s, p) => s + p.incomes.filter((i) => !excluded.includes(i.kind)).reduce((a, i) => a + i.amountFen, 0), 0);
  }

  private perCapitaFen(f: Family): number {
    return this.countedFen(f) / f.people.length;
  }

  private perCapitaShortfall(f: Family, month: string, persons: number): number {
    const std = this.standardFen(f.area, '低保', month);
    const counted = this.countedFen(f);
    // (standard − per-capita income) × persons, in whole yuan.
    const fen = ((std * f.people.length - counted) * persons) / f.people.length;
    return Math.max(100, Math.round(fen / 100) * 100);
  }

  /** The monthly amount of a program for a household from `month`, as the county computes it. */
  private amount(hh: HouseholdRec, program: Program, covered: Person[], month: string): number {
    const f = hh.family;
    switch (program) {
      case '低保':
        return this.perCapitaShortfall(f, month, covered.length);
      case '特困':
        return this.standardFen(f.area, '特困', month) * covered.length;
      case '残疾人补贴': {
        const std = this.standardFen(f.area, '低保', month);
        return covered.reduce((s, p) => s + Math.round((std * (severe(p.disability) ? 35 : 20)) / 10000) * 100, 0);
      }
      case '廉租房补贴':
        return Math.min(covered.length * 15000, 60000);
      case '临时救助':
        return this.tempAmounts.get(hh) ?? 200000;
      default:
        return 0;
    }
  }

  private category(f: Family, program: Program): Category | null {
    if (program === '特困') return 'A';
    if (program !== '低保') return null;
    const people = f.people;
    const able = people.filter((p) => p.labourAbility === '有' && ageOn(p.birth, this.today) >= 18 && ageOn(p.birth, this.today) <= 60);
    if (able.length === 0) return people.some((p) => p.labourAbility === '部分') ? 'B' : 'A';
    return able.some((p) => p.incomes.some((i) => i.kind === '灵活就业') || p.incomes.length === 0) ? 'C' : 'B';
  }

  // ---------------------------------------------------------------- timelines

  /** A complete run from acceptance `a`: every step on time, decisions a few working days apart. */
  private forward(a: string, upTo: 'sub' | 'twp' | 'cty'): Timeline {
    const r = this.rng;
    const inv = this.wd(a, r.int(1, 3));
    const rev = this.wd(inv, r.int(1, 3));
    const nStart = this.wd(rev, r.int(1, 2));
    const nEnd = addDays(nStart, 6);
    const sub = this.wd(nEnd, 1);
    const t: Timeline = { app: a, accepted: a, inv, rev, nStart, nEnd, sub };
    if (upTo !== 'sub') t.twp = this.wd(sub, r.int(2, 5));
    if (upTo === 'cty') t.cty = this.wd(t.twp!, r.int(3, 8));
    return t;
  }

  /** Steps before submission, worked out backwards from the submission day. */
  private backFromSub(sub: string): Timeline {
    const r = this.rng;
    const nEnd = addDays(sub, -1);
    const nStart = addDays(nEnd, -6);
    const rev = this.back(nStart, r.int(1, 2));
    const inv = this.back(rev, r.int(1, 3));
    const a = this.back(inv, r.int(1, 3));
    return { app: a, accepted: a, inv, rev, nStart, nEnd, sub };
  }

  private timeline(status: CaseStatus, variant: number, target: boolean): Timeline {
    const r = this.rng;
    const lw = this.lastWorkday;
    switch (status) {
      case 'draft':
        return { app: this.onWorkday(addDays(this.today, -r.int(0, 6))) };
      case 'accepted': {
        // The first one is late for its investigation (due within 3 working days).
        const a = this.back(lw, variant === 0 ? 5 : r.int(0, 2));
        return { app: a, accepted: a };
      }
      case 'investigated': {
        if (variant === 0) {
          // Near its deadline: 15 working days after acceptance.
          const a = this.back(lw, r.int(12, 14));
          return { app: a, accepted: a, inv: this.wd(a, r.int(1, 3)) };
        }
        const inv = this.back(lw, r.int(0, 3));
        const a = this.back(inv, r.int(1, 3));
        return { app: a, accepted: a, inv };
      }
      case 'reviewed': {
        if (variant <= 1) {
          // The first one is overdue, the second near its deadline.
          const a = this.back(lw, variant === 0 ? r.int(16, 19) : r.int(13, 14));
          const inv = this.wd(a, r.int(2, 3));
          return { app: a, accepted: a, inv, rev: this.wd(inv, r.int(3, 5)) };
        }
        const rev = this.back(lw, r.int(0, 2));
        const inv = this.back(rev, r.int(1, 3));
        const a = this.back(inv, r.int(1, 3));
        return { app: a, accepted: a, inv, rev };
      }
      case 'noticing': {
        const options: string[] = [];
        for (let d = 0; d <= 6; d++) {
          const day = addDays(this.today, -d);
          if (this.isWork(dayNo(day))) options.push(day);
        }
        const nStart = options.length ? r.pick(options) : addDays(this.today, -r.int(0, 6));
        const rev = this.back(nStart, r.int(1, 2));
        const inv = this.back(rev, r.int(1, 3));
        const a = this.back(inv, r.int(1, 3));
        return { app: a, accepted: a, inv, rev, nStart, nEnd: addDays(nStart, 6) };
      }
      case 'submitted':
        return this.backFromSub(this.back(lw, target ? r.int(2, 6) : r.int(0, 1)));
      case 'returned': {
        const twp = this.back(lw, r.int(1, 8));
        return { ...this.backFromSub(this.back(twp, r.int(2, 5))), twp };
      }
      case 'township-approved': {
        const twp = this.back(lw, target ? r.int(2, 6) : r.int(0, 1));
        return { ...this.backFromSub(this.back(twp, r.int(2, 5))), twp };
      }
      case 'rejected': {
        // variant 0: the township refused; otherwise the county.
        const last = this.back(lw, r.int(3, 40));
        if (variant % 2 === 0) return { ...this.backFromSub(this.back(last, r.int(2, 5))), twp: last };
        const twp = this.back(last, r.int(3, 8));
        return { ...this.backFromSub(this.back(twp, r.int(2, 5))), twp, cty: last };
      }
      case 'withdrawn': {
        if (variant === 0) {
          // Withdrawn after the township agreed; the county's approval came afterwards.
          const cty = this.back(lw, r.int(1, 3));
          const withdrawn = this.back(cty, r.int(1, 2));
          const twp = this.back(withdrawn, r.int(1, 2));
          return { ...this.backFromSub(this.back(twp, r.int(2, 4))), twp, withdrawn, cty };
        }
        const a = this.back(lw, r.int(5, 60));
        const inv = r.chance(0.5) ? this.wd(a, r.int(1, 3)) : undefined;
        return { app: a, accepted: a, ...(inv ? { inv } : {}), withdrawn: this.wd(inv ?? a, r.int(1, 4)) };
      }
      case 'approved':
        // Up to six years back; a calendar-day offset, since counting 1,500 working days for each of 20,000 households is slow.
        return this.forward(this.onWorkday(addDays(lw, -r.int(65, 6 * 365))), 'cty');
    }
  }

  // ---------------------------------------------------------------- cases

  private materials(f: Family, program: Program, complete: boolean): string[] {
    const items = requiredMaterials(program, f.circumstances).map((item) => {
      const alts = alternatives(item);
      if (alts.length === 1) return item;
      if (item.includes('死亡证明')) return f.widowed ? '死亡证明' : this.rng.chance(0.7) ? '离婚证' : '判决书';
      if (item.includes('租房协议')) return f.housingArea === null ? '租房协议' : '房权证';
      return alts[0]!;
    });
    if (!complete) {
      const optional = items.filter((i) => i !== '申请书');
      const missing = new Set([this.rng.pick(optional), this.rng.pick(optional)]);
      return items.filter((i) => !missing.has(i));
    }
    if (this.rng.chance(0.2) && !items.includes('收入证明')) items.push('收入证明');
    return items;
  }

  private describe(p: Person, self: boolean): string {
    const parts: string[] = [];
    const relWord: Partial<Record<Relation, string>> = {
      配偶: p.sex === '男' ? '丈夫' : '妻子',
      子女: p.sex === '男' ? '儿子' : '女儿',
      父母: p.sex === '男' ? '父亲' : '母亲',
      孙子女: p.sex === '男' ? '孙子' : '孙女',
    };
    const who = self ? '本人' : `${relWord[p.relation] ?? ''}${p.name}`;
    if (p.school) parts.push(`在${p.school}读书`);
    if (p.disability) parts.push(`${p.disabilityKind ?? '肢体'}残疾${p.disability}`);
    if (p.illness) parts.push(`患${p.illness}`);
    for (const i of p.incomes) {
      const y = i.amountFen / 100;
      if (i.kind === '工资') parts.push(`${this.rng.pick(JOBS)}，月工资约${y}元`);
      else if (i.kind === '灵活就业') parts.push(`${this.rng.pick(GIGS)}，收入不稳定，月均约${y}元`);
      else if (i.kind === '养老金') parts.push(`每月领取城乡居民养老金约${y}元`);
      else if (i.kind === '优抚金') parts.push(`系退役军人，每月领取优抚金${y}元`);
      else if (i.kind === '计划生育奖励扶助金') parts.push(`每月领取计划生育奖励扶助金${y}元`);
      else parts.push(`有${i.kind}${y}元`);
    }
    if (p.incomes.length === 0 && !p.school && ageOn(p.birth, this.today) >= 18) {
      parts.push(p.labourAbility === '有' ? '目前失业在家，正在找工作' : '无劳动能力，无收入');
    }
    if (ageOn(p.birth, this.today) < 6) parts.push('年幼');
    return `${who}${parts.join('，')}`;
  }

  private interview(f: Family): string {
    const h = f.people[0]!;
    const lines = f.people.map((p, i) => this.describe(p, i === 0));
    const tail = f.hardship ? `${f.hardship}。` : '';
    return `户主${h.name}自述：${lines.join('；')}。${tail}家中无车辆，无其他房产。以上情况属实。`;
  }

  private panel(): string[] {
    const n = this.rng.int(5, 7);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const birth = this.birthForAge(this.rng.int(40, 72));
      const sex = this.rng.chance(0.5) ? '男' : '女';
      out.push(this.surname() + this.givenName(birth, sex));
    }
    return out;
  }

  /**
   * A case of `status`, its fields and history consistent with the timeline;
   * `covered` narrows an approval to some members (单人保).
   */
  private makeCase(hh: HouseholdRec, program: Program, status: CaseStatus, t: Timeline, opts: { objection?: 'open' | 'resolved'; covered?: Person[] } = {}): CaseRec {
    const r = this.rng;
    const f = hh.family;
    const history: CaseEvent[] = [];
    const last = (): string | undefined => history[history.length - 1]?.at;
    const local = (date: string, event: string, by: string, note?: string): void => {
      history.push({ at: this.stamp(date, last()), event, by, source: 'local', ...(note ? { note } : {}) });
    };
    const fromFile = (kind: string, date: string, event: string, by: string, note?: string): void => {
      // The daemon applied the file on the day it arrived, at most a working day after it was signed.
      const arrived = date >= this.lastWorkday ? this.today : this.wd(date, r.int(0, 1));
      const at = this.stamp(arrived > this.today ? this.today : arrived, last());
      history.push({ at, event, by, source: this.fileSource(kind, date), date, ...(note ? { note } : {}) });
    };
    const owner = this.clerk();
    const c = newCase({
      caseNo: '',
      householdId: hh.household.id,
      program,
      area: f.area,
      status,
      applicationDate: t.app,
      acceptedOn: t.accepted ?? null,
      circumstances: [...f.circumstances],
      materials: this.materials(f, program, t.accepted !== undefined),
      interview: t.accepted !== undefined || r.chance(0.5) ? this.interview(f) : '',
      history,
    });
    if (t.accepted) local(t.accepted, 'accepted', owner);
    else {
      const missing = requiredMaterials(program, f.circumstances).filter((m) => !alternatives(m).some((a) => c.materials.includes(a)));
      local(t.app, 'created', owner, `材料未齐，待补交：${missing.join('、')}`);
    }
    if (t.inv) {
      const other = DEMO_CLERKS.filter((x) => x !== owner);
      c.investigation = { date: t.inv, by: [owner, r.pick(other)], findings: r.pick(FINDINGS), incomeVerified: true };
      local(t.inv, 'investigated', owner);
    }
    if (t.rev) {
      const held = !(program === '特困' || program === '临时救助') || r.chance(0.3);
      c.review = held
        ? { date: t.rev, result: '通过', panel: this.panel(), note: r.pick(['评议小组一致同意', '评议小组多数同意，认为该户情况属实']) }
        : { date: t.rev, result: '未评议', panel: [], note: '家庭情况无争议，未组织民主评议' };
      local(t.rev, 'reviewed', owner, c.review.result === '未评议' ? c.review.note : undefined);
    }
    if (t.nStart && t.nEnd) {
      c.notice = { start: t.nStart, end: t.nEnd, objections: [] };
      local(t.nStart, 'notice', owner, `公示至${t.nEnd}`);
      if (opts.objection) {
        const raised = addDays(t.nStart, r.int(1, Math.min(3, Math.max(1, dayNo(this.today) - dayNo(t.nStart)))));
        const raisedOn = raised > this.today ? this.today : raised;
        const note = r.pick(['有居民反映该户家中有小汽车一辆，要求核实', '有居民反映户主在外打工收入较高，要求核实']);
        local(raisedOn, 'objection', owner, note);
        if (opts.objection === 'resolved') {
          const resolvedOn = this.wd(raisedOn, 1) < (t.sub ?? this.today) ? this.wd(raisedOn, 1) : raisedOn;
          const resolution = '经再次入户核实及车管所查询，反映情况不属实，异议不成立';
          c.notice.objections.push({ id: 1, raisedOn, note, resolvedOn, resolution });
          local(resolvedOn, 'resolved', owner, resolution);
        } else c.notice.objections.push({ id: 1, raisedOn, note });
      }
    }
    if (t.sub) {
      c.submittedOn = t.sub;
      local(t.sub, 'submitted', owner);
      if (r.chance(0.6)) c.verifications = this.pastVerifications(t);
    }
    const withdrawnBeforeTwp = t.withdrawn && (!t.twp || t.withdrawn < t.twp);
    if (t.withdrawn && withdrawnBeforeTwp) local(t.withdrawn, 'withdrawn', owner, r.pick(WITHDRAW_NOTES));
    if (t.twp) {
      const by = r.pick(TOWNSHIP_REVIEWERS);
      let tr: TownshipResult;
      if (status === 'returned') tr = { result: '退回', date: t.twp, note: r.pick(RETURN_NOTES), by };
      else if (status === 'rejected' && !t.cty) tr = { result: '不同意', date: t.twp, note: r.pick(TOWNSHIP_REFUSALS), by };
      else tr = { result: '同意', date: t.twp, note: '经审核情况属实，同意上报区民政局审批', by };
      c.township = tr;
      const event = tr.result === '同意' ? 'township-approved' : tr.result === '退回' ? 'returned' : 'township-rejected';
      fromFile('township-review', t.twp, event, by, tr.note);
    }
    if (t.withdrawn && !withdrawnBeforeTwp) local(t.withdrawn, 'withdrawn', owner, r.pick(WITHDRAW_NOTES));
    if (t.cty) {
      const by = r.pick(COUNTY_APPROVERS);
      if (status === 'withdrawn') {
        // A decision on a withdrawn case is kept for the clerk, not applied.
        fromFile('county-decision', t.cty, 'approved', by, '申请已撤回，审批结果待专干处理');
      } else if (status === 'rejected') {
        const reason = this.perCapitaFen(f) >= this.standardFen(f.area, '低保', monthOf(t.cty)) ? COUNTY_REFUSALS[1]! : COUNTY_REFUSALS[0]!;
        c.decision = { result: '不予批准', date: t.cty, program: null, persons: null, monthlyAmountFen: null, category: null, startMonth: null, reason, by };
        fromFile('county-decision', t.cty, 'rejected', by, reason);
        if (reason.includes('存款')) {
          c.verifications = c.verifications.filter((v) => v.item !== '存款');
          c.verifications.push({
            item: '存款',
            found: true,
            date: this.wd(t.sub!, 1),
            amountFen: r.yuan(50000, 150000, 1000),
            note: `${hh.householder.name}名下定期存款`,
            source: this.fileSource('verification', this.wd(t.sub!, 1)),
          });
        }
      } else {
        c.decision = this.approval(hh, program, t.cty, by, opts.covered);
        fromFile('county-decision', t.cty, 'approved', by);
      }
    }
    const cr: CaseRec = { c, order: this.cases.length, hh };
    this.cases.push(cr);
    return cr;
  }

  private approval(hh: HouseholdRec, program: Program, date: string, by: string, covered?: Person[]): CountyDecision {
    const people = covered ?? hh.family.people;
    const startMonth = addMonths(monthOf(date), 1);
    return {
      result: '批准',
      date,
      program,
      persons: people.length,
      monthlyAmountFen: this.amount(hh, program, people, startMonth),
      category: this.category(hh.family, program),
      startMonth,
    };
  }

  private pastVerifications(t: Timeline): Verification[] {
    const date = this.wd(t.accepted!, this.rng.int(3, 6));
    const d = date < t.sub! ? date : t.sub!;
    const source = this.fileSource('verification', d);
    return (['车辆', '房产', '存款'] as const).map((item) => ({ item, found: false, date: d, amountFen: null, source }));
  }

  // ---------------------------------------------------------------- enrolments

  /** An enrolment from a start (approval or roster) with the county's later changes, amounts following the standards. */
  private enrol(
    hh: HouseholdRec,
    program: Program,
    covered: Person[],
    start: { month: string; date: string; event: 'approved' | 'roster'; at: string; source: Source },
    fate: { suspend?: string; resume?: boolean; terminate?: string },
    cr: CaseRec | null,
  ): EnrolmentRec {
    const r = this.rng;
    const history: Enrolment['history'] = [];
    const amountAt = (month: string) => this.amount(hh, program, covered, month);
    const since = start.month;
    let amount = amountAt(firstAmountMonth(start));
    history.push({ at: start.at, event: start.event, month: since, amountFen: amount, source: start.source, date: start.date });
    let status: EnrolmentStatus = 'active';
    // When it ends, if it does: some time after it started here (a roster lists only current recipients).
    const startDay = Math.max(dayNo(`${since}-01`), dayNo(start.date));
    const span = dayNo(this.lastWorkday) - startDay;
    let endDate: string | null = null;
    if (fate.terminate && span > 120) endDate = this.onWorkday(dateOf(startDay + r.int(90, span - 20)));
    // The county re-sets the amounts each December for the new year's standard.
    const standardYears = [this.year - 1, this.year];
    if (program === '低保' || program === '特困' || program === '残疾人补贴') {
      for (const y of standardYears) {
        const month = `${y}-01`;
        const decided = this.onWorkday(`${y - 1}-12-20`);
        if (month <= since || decided <= start.date || (endDate && decided >= endDate) || decided > this.lastWorkday) continue;
        const next = amountAt(month);
        if (next === amount) continue;
        amount = next;
        history.push({
          at: this.stamp(this.arrivedOn(decided)),
          event: 'adjusted',
          month,
          amountFen: amount,
          source: this.fileSource('benefit-change', decided),
          reason: `${y}年保障标准调整`,
          date: decided,
        });
      }
    }
    const lastDate = history[history.length - 1]!.date ?? start.date;
    // A change the county decided on `date`, effective the next month.
    const change = (date: string, event: string, reason: string, amountFen?: number): void => {
      history.push({
        at: this.stamp(this.arrivedOn(date)),
        event,
        month: addMonths(monthOf(date), 1),
        ...(amountFen === undefined ? {} : { amountFen }),
        source: this.fileSource('benefit-change', date),
        reason,
        date,
      });
    };
    if (fate.suspend && !endDate) {
      const lo = Math.max(dayNo(lastDate) + 20, dayNo(this.today) - 150);
      const hi = dayNo(this.lastWorkday) - 15;
      if (hi > lo) {
        const d = this.onWorkday(dateOf(r.int(lo, hi)));
        change(d, 'suspended', fate.suspend);
        status = 'suspended';
        if (fate.resume) {
          const back = this.onWorkday(dateOf(Math.min(dayNo(d) + r.int(40, 90), hi + 10)));
          if (back > d && back < this.lastWorkday) {
            change(back, 'resumed', '已按规定参加公益劳动，恢复发放', amount);
            status = 'active';
          }
        }
      }
    }
    if (endDate) {
      const reason = program === '临时救助' ? '临时救助为一次性救助，已发放完毕' : fate.terminate!;
      change(endDate, 'terminated', reason);
      status = 'terminated';
    }
    const e: Enrolment = {
      id: `${hh.household.id}:${program}`,
      householdId: hh.household.id,
      program,
      status,
      monthlyAmountFen: amount,
      persons: covered.length,
      covered: covered.map((p) => p.idNumber),
      category: this.category(hh.family, program),
      since,
      caseNo: null,
      history,
    };
    const er: EnrolmentRec = { e, cr, hh };
    this.enrolments.push(er);
    return er;
  }

  private enrolFromCase(cr: CaseRec, fate: { suspend?: string; resume?: boolean; terminate?: string }, covered?: Person[]): EnrolmentRec {
    const d = cr.c.decision!;
    const ev = cr.c.history.find((h) => h.event === 'approved')!;
    const start = { month: d.startMonth!, date: d.date, event: 'approved' as const, at: ev.at, source: ev.source };
    return this.enrol(cr.hh, cr.c.program, covered ?? cr.hh.family.people, start, fate, cr);
  }

  // ---------------------------------------------------------------- scenarios

  private scenarios(): Scenario[] {
    const n = this.opts.households;
    const list: Scenario[] = [];
    for (const [s, share, min] of PLAN) {
      const count = Math.max(min, Math.round(share * n));
      for (let i = 0; i < count && list.length < n; i++) list.push(s);
    }
    while (list.length < n) list.push('dibao');
    return this.rng.shuffle(list);
  }

  generate(): DemoOffice {
    const counters = new Map<Scenario, number>();
    const rosterDate = this.onWorkday(addDays(this.today, -200));
    const rosterSource = this.fileSource('roster', rosterDate);
    for (const s of this.scenarios()) {
      const k = counters.get(s) ?? 0;
      counters.set(s, k + 1);
      this.scenario(s, k, rosterDate, rosterSource);
    }

    // Case numbers in order of application, the sequence restarting each year.
    this.cases.sort((a, b) => (a.c.applicationDate < b.c.applicationDate ? -1 : a.c.applicationDate > b.c.applicationDate ? 1 : a.order - b.order));
    const seq = new Map<number, number>();
    for (const cr of this.cases) {
      const y = Number(cr.c.applicationDate.slice(0, 4));
      const n = (seq.get(y) ?? 0) + 1;
      if (n > 9999) throw new RangeError(`${y} 年的申请超过 9999 件，申请编号只有四位：请减少户数`);
      seq.set(y, n);
      cr.c.caseNo = formatCaseNo(this.opts.officeCode, y, n);
    }
    for (const er of this.enrolments) if (er.cr) er.e.caseNo = er.cr.c.caseNo;
    this.makePending();

    return {
      settings: this.settings,
      households: this.households.map((h) => h.household),
      members: this.households.flatMap((h) => h.members),
      cases: this.cases.map((cr) => cr.c),
      enrolments: this.enrolments.map((er) => er.e),
      standards: this.standards,
      pending: this.pending,
      inbox: this.inbox(),
    };
  }

  private scenario(s: Scenario, k: number, rosterDate: string, rosterSource: Source): void {
    const r = this.rng;
    switch (s) {
      case 'dibao': {
        const f = this.family(FAMILY_KINDS.draw(r));
        this.makeEligible(f, r.next() * 0.5 + 0.35);
        const t = this.timeline('approved', k, false);
        const hh = this.household(f, t.app, 'local');
        // Single-person coverage (单人保) for some larger households: only the member who cannot work.
        let covered: Person[] | undefined;
        if (k % 12 === 5 && f.people.length >= 3) {
          const weak = f.people.filter((p) => p.labourAbility === '无' && ageOn(p.birth, this.today) >= 18);
          if (weak.length) covered = [weak[0]!];
        }
        const cr = this.makeCase(hh, '低保', 'approved', t, { ...(covered ? { covered } : {}) });
        const fate =
          k % 16 === 3
            ? { suspend: r.pick(SUSPEND_REASONS) }
            : k % 16 === 7
              ? { terminate: this.terminateReason(f) }
              : k % 16 === 11
                ? { suspend: SUSPEND_REASONS[0]!, resume: true }
                : {};
        const er = this.enrolFromCase(cr, fate, covered);
        if (er.e.status === 'active') {
          if (k % 80 === 4 || k % 80 === 5) this.changeTargets.push({ er, kind: '调整' });
          else if (k % 80 === 6) this.changeTargets.push({ er, kind: '停发' });
          else if (k % 80 === 8) this.changeTargets.push({ er, kind: '退出' });
        } else if (er.e.status === 'suspended' && k % 96 === 3) this.changeTargets.push({ er, kind: '恢复' });
        if (er.e.status === 'active') this.extras(hh, cr, k);
        return;
      }
      case 'dibao-roster':
      case 'tekun-roster': {
        const program: Program = s === 'tekun-roster' ? '特困' : '低保';
        const f = this.family(program === '特困' ? 'tekun' : FAMILY_KINDS.draw(r), program === '特困');
        if (program === '低保') this.makeEligible(f, r.next() * 0.5 + 0.35);
        const hh = this.household(f, rosterDate, rosterSource);
        const sinceDate = dateOf(dayNo(rosterDate) - r.int(60, 6 * 365));
        this.enrol(
          hh,
          program,
          f.people,
          { month: monthOf(sinceDate), date: rosterDate, event: 'roster', at: hh.household.createdAt, source: rosterSource },
          k % 10 === 5 ? { suspend: r.pick(SUSPEND_REASONS) } : k % 10 === 8 ? { terminate: this.terminateReason(f) } : {},
          null,
        );
        return;
      }
      case 'tekun': {
        const f = this.family('tekun', true);
        const t = this.timeline('approved', k, false);
        const hh = this.household(f, t.app, 'local');
        const cr = this.makeCase(hh, '特困', 'approved', t);
        this.enrolFromCase(cr, k % 9 === 4 ? { terminate: '保障对象去世' } : {});
        return;
      }
      case 'temp': {
        const f = this.family(FAMILY_KINDS.draw(r));
        this.hardship(f);
        const t = this.timeline('approved', k, false);
        const hh = this.household(f, t.app, 'local');
        this.tempAmounts.set(hh, r.yuan(1000, 5000, 100));
        const cr = this.makeCase(hh, '临时救助', 'approved', t);
        this.enrolFromCase(cr, { terminate: '临时救助为一次性救助，已发放完毕' });
        return;
      }
      default:
        this.openCase(s, k);
    }
  }

  /** Why a household left: a reason that fits who lives in it. */
  private terminateReason(f: Family): string {
    const r = this.rng;
    const options = ['经济状况核对发现购置车辆，不再符合条件', '家庭迁出本社区，转至户籍地办理'];
    if (f.people.length === 1) options.push('保障对象去世');
    if (f.people.some((p) => p.relation === '子女' && ageOn(p.birth, this.today) >= 19)) options.push('子女就业后家庭人均收入超过低保标准');
    if (f.people[0]!.labourAbility !== '无' && ageOn(f.people[0]!.birth, this.today) < 60) options.push('户主再就业，渐退期满');
    return r.pick(options);
  }

  private hardship(f: Family): void {
    f.hardship = this.rng.pick(['上月家中突发火灾，家具衣物全部烧毁', '户主上月遭遇车祸住院，肇事方无力赔偿', '家庭成员突患重病，自付医疗费用约3万元']);
    if (!f.circumstances.includes('其他') && !f.circumstances.includes('重大疾病')) f.circumstances.push('其他');
  }

  /** Programs a 低保 household often has too: 残疾人补贴, 廉租房补贴, an occasional 临时救助. */
  private extras(hh: HouseholdRec, base: CaseRec, k: number): void {
    const r = this.rng;
    const f = hh.family;
    const after = (): Timeline | null => {
      const from = dayNo(base.c.decision!.date) + r.int(20, 200);
      const to = dayNo(this.lastWorkday) - 60;
      if (from > to) return null;
      return this.forward(this.onWorkday(dateOf(from)), 'cty');
    };
    const disabled = f.people.filter((p) => p.disability);
    if (disabled.length && r.chance(0.6)) {
      const t = after();
      if (t) {
        const cr = this.makeCase(hh, '残疾人补贴', 'approved', t, { covered: disabled });
        this.enrolFromCase(cr, {}, disabled);
      }
    }
    if (k % 15 === 2) {
      // Rent subsidy: renting, or under 15 m² per head.
      f.housingArea = r.chance(0.5) ? null : Math.round(f.people.length * r.int(80, 140)) / 10;
      hh.household.housingArea = f.housingArea;
      const t = after();
      if (t) {
        const cr = this.makeCase(hh, '廉租房补贴', 'approved', t);
        this.enrolFromCase(cr, {});
      }
    }
    if (k % 33 === 9) {
      const t = after();
      if (t) {
        this.tempAmounts.set(hh, r.yuan(1000, 3000, 100));
        const cr = this.makeCase(hh, '临时救助', 'approved', t);
        this.enrolFromCase(cr, { terminate: '临时救助为一次性救助，已发放完毕' });
      }
    }
  }

  private openCase(status: Exclude<Scenario, 'dibao' | 'dibao-roster' | 'tekun' | 'tekun-roster' | 'temp'>, k: number): void {
    const r = this.rng;
    let program = OPEN_PROGRAMS.draw(r);
    if (status === 'withdrawn' && k === 0) program = '低保';
    const f = program === '特困' ? this.family('tekun', true) : this.family(FAMILY_KINDS.draw(r));
    if (program === '临时救助') this.hardship(f);
    // A refused household keeps what it earns: the county may refuse it for that.
    if (program === '低保' && status !== 'rejected') this.makeEligible(f, r.next() * 0.6 + 0.35);
    // The first few submitted / township-approved cases are the ones the waiting inbound files answer.
    const target = (status === 'submitted' && k % 5 < 3) || (status === 'township-approved' && k % 5 < 4);
    const t = this.timeline(status, k, target);
    const hh = this.household(f, t.app, 'local');
    if (program === '临时救助') this.tempAmounts.set(hh, r.yuan(1000, 5000, 100));
    const objection = status === 'noticing' && k === 0 ? 'open' : status === 'submitted' && k === 1 ? 'resolved' : undefined;
    const cr = this.makeCase(hh, program, status, t, objection ? { objection } : {});
    if (target && status === 'submitted') this.reviewTargets.push(cr);
    if (target && status === 'township-approved') this.decisionTargets.push(cr);
    // The verification platform answers a few working days after acceptance.
    const verifiable = status === 'investigated' || status === 'reviewed' || status === 'noticing' || status === 'submitted';
    if (verifiable && this.workdaysBetween(t.accepted!, this.lastWorkday) >= 3) this.verifyTargets.push(cr);
  }

  // ---------------------------------------------------------------- pending

  private makePending(): void {
    const withdrawn = this.cases.find((cr) => cr.c.status === 'withdrawn' && cr.c.history.some((h) => h.event === 'approved'));
    if (withdrawn) {
      const ev = withdrawn.c.history.find((h) => h.event === 'approved')!;
      this.pending.push({
        id: `decision-on-withdrawn:${withdrawn.c.caseNo}`,
        kind: 'decision-on-withdrawn',
        caseNo: withdrawn.c.caseNo,
        householderId: withdrawn.hh.householder.idNumber,
        householderName: withdrawn.hh.householder.name,
        reason: `申请已于${withdrawn.c.history.find((h) => h.event === 'withdrawn')!.at.slice(0, 10)}撤回，区县${ev.date}批准了该申请，请与区县核实后处理`,
        since: ev.at.slice(0, 10),
        source: ev.source,
      });
    }
    // A benefit change for a household that has no enrolment here (its application was refused).
    const refused = this.cases.find((cr) => cr.c.status === 'rejected');
    if (refused) {
      const date = this.back(this.lastWorkday, 4);
      this.pending.push({
        id: `change-without-enrolment:${refused.hh.householder.idNumber}:${date}`,
        kind: 'change-without-enrolment',
        caseNo: null,
        householderId: refused.hh.householder.idNumber,
        householderName: refused.hh.householder.name,
        reason: `本社区暂无此保障对象：区县${date}通知该户低保停发，请与区县核对`,
        since: this.arrivedOn(date),
        source: this.fileSource('benefit-change', date),
      });
    }
    // Recipients the county's last roster did not list.
    const rosterDate = this.onWorkday(addDays(this.today, -200));
    const unlisted = this.enrolments.filter((er) => er.cr && er.e.status === 'active' && er.e.program === '低保' && er.e.since < monthOf(rosterDate));
    const changeIds = new Set(this.changeTargets.map((x) => x.er.e.id));
    for (const er of unlisted.filter((x) => !changeIds.has(x.e.id)).slice(0, Math.max(2, Math.round(this.opts.households / 150)))) {
      this.pending.push({
        id: `roster-unlisted:${er.hh.householder.idNumber}`,
        kind: 'roster-unlisted',
        caseNo: er.e.caseNo,
        householderId: er.hh.householder.idNumber,
        householderName: er.hh.householder.name,
        reason: `区县${rosterDate.slice(0, 7).replace('-', '年')}月花名册中没有该户（本社区在保：${er.e.program}，${er.e.monthlyAmountFen / 100}元），请与区县核对`,
        since: rosterDate,
        source: this.fileSource('roster', rosterDate),
      });
    }
  }

  // ---------------------------------------------------------------- inbox

  private inbox(): InboxFile[] {
    const files: InboxFile[] = [];
    const township = townshipOf(this.opts.officeCode);
    const county = countyOf(this.opts.officeCode);
    const compact = this.today.replaceAll('-', '');
    const r = this.rng;
    const lw = this.lastWorkday;
    const after = (d: string): string => {
      const gap = this.workdaysBetween(d, lw);
      return gap < 1 ? lw : this.wd(d, r.int(1, Math.min(gap, 5)));
    };

    if (this.reviewTargets.length) {
      const rows = this.reviewTargets.map((cr, i) => {
        const h = cr.hh.householder;
        const [result, note] =
          i === 0
            ? ['退回', r.pick(RETURN_NOTES)]
            : i === 5
              ? ['不同意', r.pick(TOWNSHIP_REFUSALS)]
              : ['同意', r.pick(['经审核情况属实，同意上报区民政局审批', '情况属实，同意上报'])];
        return [cr.c.caseNo, h.idNumber, h.name, result, note, after(cr.c.submittedOn!), r.pick(TOWNSHIP_REVIEWERS), township];
      });
      files.push({
        path: `街道审核结果-${township}-${compact}.csv`,
        content: csvBytes(['申请编号', '身份证号', '姓名', '审核结果', '审核意见', '审核日期', '审核人', '发送单位代码'], rows, 'utf-8-bom', '\r\n'),
      });
    }

    if (this.decisionTargets.length) {
      const rows = this.decisionTargets.map((cr, i) => {
        const h = cr.hh.householder;
        const date = after(cr.c.township!.date);
        const by = r.pick(COUNTY_APPROVERS);
        if (i === 0) return [cr.c.caseNo, h.idNumber, h.name, '不予批准', excelDate(date), '', '', '', '', '', COUNTY_REFUSALS[0]!, by, county];
        const d = this.approval(cr.hh, cr.c.program, date, by);
        return [
          cr.c.caseNo,
          h.idNumber,
          h.name,
          '批准',
          excelDate(date),
          d.program!,
          String(d.persons),
          yuanCell(d.monthlyAmountFen!),
          d.startMonth!.replace('-', '/'),
          d.category ?? '',
          '',
          by,
          county,
        ];
      });
      files.push({
        path: `区县审批结果-${county}-${compact}.csv`,
        content: csvBytes(
          ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '审批人', '发送单位代码'],
          rows,
          'gb18030',
          '\r\n',
        ),
      });
    }

    if (this.verifyTargets.length) {
      const rows: string[][] = [];
      for (const cr of this.verifyTargets) {
        const h = cr.hh.householder;
        const date = this.wd(cr.c.acceptedOn!, r.int(2, 3)) > lw ? lw : this.wd(cr.c.acceptedOn!, r.int(2, 3));
        const items = r.shuffle([...VERIFY_ITEMS]).slice(0, r.int(2, 3));
        for (const item of items) {
          if (r.chance(0.1)) {
            const amount = item === '存款' ? r.yuan(3000, 30000, 100) : item === '车辆' ? r.yuan(20000, 60000, 1000) : r.yuan(1000, 8000, 10);
            const note =
              item === '车辆'
                ? `${h.name}名下有二手小型汽车一辆，估值约${amount / 100}元`
                : item === '存款'
                  ? `${h.name}名下活期存款${amount / 100}元`
                  : item === '房产'
                    ? `${h.name}名下另有住房一套（老旧平房），评估价${amount / 100}元`
                    : `${h.name}${item}记录，金额${amount / 100}元`;
            rows.push([cr.c.caseNo, h.idNumber, item, '有', date, yuanCell(amount), note]);
          } else rows.push([cr.c.caseNo, h.idNumber, item, '无', date, '', '']);
        }
      }
      files.push({
        path: `核对平台/经济状况核对结果_${compact}.csv`,
        content: csvBytes(['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'], rows, 'utf-8', '\n'),
      });
    }

    if (this.changeTargets.length) {
      const date = this.back(lw, 1);
      const effective = addMonths(monthOf(this.today), 1);
      const rows = this.changeTargets.map(({ er, kind }) => {
        const h = er.hh.householder;
        const e = er.e;
        let amount = '';
        let reason = '';
        if (kind === '调整') {
          amount = yuanCell(Math.max(10000, e.monthlyAmountFen + (r.chance(0.5) ? 1 : -1) * r.yuan(50, 150)));
          reason = '年度复核，家庭成员收入发生变化，重新核定保障金额';
        } else if (kind === '恢复') {
          amount = yuanCell(e.monthlyAmountFen);
          reason = '经复核情况属实，恢复发放';
        } else if (kind === '停发') reason = '连续三个月未参加公益劳动，经街道核实，暂停发放';
        else reason = '经入户复核，家庭人均收入超过保障标准，退出低保';
        return [h.idNumber, h.name, kind, effective, date, amount, e.program, reason, county];
      });
      files.push({
        path: `待遇变更通知-${county}-${compact}.csv`,
        content: csvBytes(['身份证号', '姓名', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '救助类别', '原因', '发送单位代码'], rows, 'utf-8-bom', '\r\n'),
      });
    }
    return files;
  }
}

// ------------------------------------------------------------------ CSV

const yuanCell = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A CSV file as a spreadsheet would save it: the header, the rows, a final line break. */
function csvBytes(header: string[], rows: string[][], encoding: 'utf-8' | 'utf-8-bom' | 'gb18030', eol: '\n' | '\r\n'): Buffer {
  const text = [header, ...rows].map((row) => row.map(csvCell).join(',')).join(eol) + eol;
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// ------------------------------------------------------------------ entry

/** A whole demo office, the same for the same options. */
export function generateOffice(opts: GenerateOptions): DemoOffice {
  return new Generator(opts).generate();
}
