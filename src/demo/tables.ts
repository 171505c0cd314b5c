// The demo's tables: clerks and signers, names by census frequency and
// generation, streets and villages, the texts of hardship and refusal, the
// mix of families and scenarios, and the standards of the demo office.
import type { Area, DisabilityGrade, Program, Standard } from '../office/model.js';
import type { FamilyKind, Scenario } from './records.js';
import type { Generator } from './generate.js';
import { Weighted } from './rng.js';
import { fileSource } from './inbox.js';
import { standardOn } from '../rules/eligibility.js';

/** The clerks of the demo office (民政专干) and the people upstairs who sign decisions. */
export const DEMO_CLERKS = ['王芳', '李秀梅', '陈志华'] as const;
export const TOWNSHIP_REVIEWERS = ['谭丽', '邹建平'] as const;
export const COUNTY_APPROVERS = ['罗建华', '易晓峰'] as const;

export const words = (s: string): readonly string[] => s.split(/\s+/).filter(Boolean);

/** `王7.1 李7.0 …`: a word and its weight, written as one. */
const weighted = (s: string): (readonly [string, number])[] => words(s).map((w) => {
  const at = w.search(/[\d.]+$/);
  return [w.slice(0, at), Number(w.slice(at))] as const;
});

// Frequencies roughly as in the 2020 census (per cent); the long tail is flattened.
export const SURNAMES = new Weighted<string>(
  weighted(`
    王7.1 李7.0 张6.6 刘5.4 陈4.6 杨3.1 黄2.3 赵2.0 吴2.0 周1.9 徐1.5 孙1.5
    马1.3 朱1.3 胡1.3 郭1.2 何1.2 林1.1 高1.1 罗1.0 郑1.0 梁0.9 谢0.8 宋0.7
    唐0.7 许0.6 韩0.6 邓0.6 冯0.6 曹0.6 彭0.6 曾0.6 肖0.6 田0.5 董0.5 潘0.5
    袁0.5 蔡0.5 蒋0.5 余0.5 于0.5 杜0.5 叶0.4 程0.4 魏0.4 苏0.4 吕0.4 丁0.4
    任0.4 卢0.4 姚0.4 沈0.4 钟0.3 姜0.3 崔0.3 谭0.3 陆0.3 范0.3 汪0.3 廖0.3
    石0.3 金0.3 贾0.2 夏0.2 付0.2 方0.2 邹0.2 熊0.2 白0.2 孟0.2 秦0.2 邱0.2
    侯0.2 江0.2 尹0.2 薛0.2 段0.2 雷0.2 龙0.2 黎0.2 史0.2 陶0.2 贺0.2 毛0.2
    郝0.2 顾0.2 龚0.2 邵0.2 万0.2 易0.2 文0.2 向0.15 汤0.15 戴0.15 严0.15 欧阳0.05
  `),
);

// Given names by generation (birth year) and sex: the names parents chose then.
export const GIVEN: readonly { until: number; male: readonly string[]; female: readonly string[] }[] = [
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

export const STREETS = [
  { street: '东风路', estates: ['东风一村', '东风二村', '东风新村'] },
  { street: '建设路', estates: ['建设新村', '机械厂宿舍'] },
  { street: '人民路', estates: ['人民小区', '粮站宿舍'] },
  { street: '解放路', estates: ['纺织厂宿舍', '和平里'] },
  { street: '新华路', estates: ['新华苑', '电机厂宿舍'] },
] as const;
export const VILLAGES = ['东风村', '新塘村', '杨家湾村', '大塘村'] as const;

export const MOBILE_PREFIXES = words('138 139 135 136 137 150 151 152 158 159 182 187 188 130 131 132 155 156 185 186 133 153 180 189 177 199');

// Area codes of the cities whose offices are most likely to try the demo; elsewhere mobiles only.
export const AREA_CODES: Record<string, string> = {
  '1101': '010', '1201': '022', '3101': '021', '5001': '023', '4301': '0731', '4401': '020',
  '4201': '027', '5101': '028', '3201': '025', '3301': '0571', '3701': '0531', '4101': '0371',
};

// ------------------------------------------------------------------ texts

export const JOBS = ['在小区物业做保安', '在超市做理货员', '在餐馆做帮厨', '在工地做小工', '在保洁公司做保洁', '在快递站做分拣'];
export const GIGS = ['打零工', '摆摊卖菜', '送外卖', '做钟点工', '骑三轮车拉货'];
export const ILLNESSES = ['尿毒症，每周透析三次', '乳腺癌术后化疗', '脑梗后遗症，行动不便', '肝硬化，常年服药', '慢性阻塞性肺病，常年吸氧'];
export const DISABILITY_KINDS = ['肢体', '视力', '听力', '智力', '精神'];
export const FINDINGS = [
  '入户查看，家中陈设简陋，无高档家电，与申请人自述基本一致。',
  '经入户调查和邻里走访，家庭成员及收入情况与申报一致，无车辆，无经营性收入。',
  '实地查看住房为老旧单位房，室内简陋；向用工单位核实工资收入属实。',
  '入户核实家庭人口与户口簿一致，邻居反映该户生活确实困难。',
];
export const SUSPEND_REASONS = ['连续三个月未按规定参加公益劳动', '外出务工，收入情况待核实', '长期外出，多次联系不上'];
export const RETURN_NOTES = [
  '请补充户主近6个月工资流水及劳动合同后重新上报',
  '申请审批表缺民主评议记录，请补充后重新上报',
  '请补充残疾证复印件及医院诊断证明',
];
export const TOWNSHIP_REFUSALS = [
  '经核查该户名下有小型汽车一辆，不符合低保条件',
  '经核查该户在本街道有门面出租收入，家庭人均收入超过低保标准',
];
export const COUNTY_REFUSALS = [
  '经济状况核对发现家庭存款超过规定标准',
  '经核查家庭人均收入超过当地低保标准',
];
export const WITHDRAW_NOTES = ['申请人已找到稳定工作，主动撤回申请', '申请人外出务工，主动撤回申请', '申请人家庭情况好转，撤回申请'];
export const VERIFY_ITEMS = ['车辆', '房产', '存款', '工商登记', '住房公积金', '社保缴费'] as const;

export const FAMILY_KINDS = new Weighted<FamilyKind>([
  ['single-elder', 18],
  ['elder-couple', 14],
  ['couple-kids', 25],
  ['three-gen', 10],
  ['single-parent', 12],
  ['single-adult', 8],
  ['elder-disabled-child', 8],
  ['elder-grandchild', 5],
]);

export const GRADES = new Weighted<DisabilityGrade>([
  ['一级', 15],
  ['二级', 30],
  ['三级', 30],
  ['四级', 25],
]);

export const severe = (g: DisabilityGrade | null): boolean => g === '一级' || g === '二级';

/** Share of the households and the minimum count, in the order quotas are filled when households are few. */
export const PLAN: readonly (readonly [Scenario, number, number])[] = [
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

export const OPEN_PROGRAMS = new Weighted<Program>([
  ['低保', 85],
  ['特困', 8],
  ['临时救助', 7],
]);

export function makeStandards(g: Generator): (Standard & { id: string })[] {
  const rows: [Area, Program, number, number][] = [
['城市', '低保', 85000, 80000],
['农村', '低保', 68000, 64000],
['城市', '特困', 110500, 104000],
['农村', '特困', 88400, 83200],
  ];
  const out: (Standard & { id: string })[] = [];
  for (const [year, col, ref] of [
    [g.year - 1, 3, `民发〔${g.year - 2}〕41号`],
    [g.year, 2, `民发〔${g.year - 1}〕38号`],
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
        source: fileSource(g, 'standard', `${year - 1}-12-10`),
      });
    }
  }
  return out;
}

export function standardFen(g: Generator, area: Area, program: '低保' | '特困', month: string): number {
  const s = standardOn(g.standards, area, program, `${month}-01`);
  // Older than the stored standards: the oldest one stands in.
  return s ? s.monthlyFen : g.standards.find((x) => x.area === area && x.program === program)!.monthlyFen;
}
