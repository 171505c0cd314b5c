// A small hand-built office for the report tests: five households whose
// figures the tests work out by hand (see the comments next to each record).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';
import { checkCharacter } from '../../src/rules/idNumber.js';
import { newCase, type Case, type Enrolment, type Household, type Member } from '../../src/office/model.js';

/** A valid ID number: region 430105, a birth date, a sequence; the check character computed. */
export function idNo(birth: string, seq: string): string {
  const first17 = `430105${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharacter(first17);
}

export const P = {
  liuJianguo: idNo('1978-03-15', '231'),
  zhouXiulan: idNo('1966-11-30', '242'), // turns 60 on 2026-11-30
  liuGuizhi: idNo('1946-11-08', '262'), // turns 80 on 2026-11-08
  huangGuiying: idNo('1972-05-20', '224'),
  huangXiaolong: idNo('2001-02-14', '215'),
  chenZhiqiang: idNo('1961-11-01', '253'), // turns 65 on 2026-11-01
  chenXiaojun: idNo('1990-07-07', '271'),
  zhaoDeming: idNo('1955-01-09', '219'),
  zhaoLi: idNo('1958-04-02', '226'),
  sunLi: idNo('1961-12-01', '248'), // turns 65 on 2026-12-01: not in November
  wuMeihua: idNo('1985-09-09', '286'),
  wuTao: idNo('2010-03-03', '297'),
} as const;

const AT = '2026-01-01T09:00:00+08:00';

function household(id: string, area: '城市' | '农村', address: string): Household {
  return { id: `h${id}`, householderId: id, area, address, phone: '13800000000', housingArea: 40, createdAt: AT, source: 'local', notes: [] };
}

function member(idNumber: string, householder: string, name: string, relation: Member['relation'], incomeFen = 0): Member {
  return {
    idNumber,
    householdId: `h${householder}`,
    name,
    relation,
    labourAbility: '有',
    disability: null,
    incomes: incomeFen ? [{ kind: '工资', amountFen: incomeFen }] : [],
    initials: '',
  };
}

type Ev = Enrolment['history'][number];
const ev = (event: string, month: string, date: string, amountFen?: number): Ev => ({
  at: `${date}T10:00:00+08:00`,
  event,
  month,
  date,
  source: 'local',
  ...(amountFen === undefined ? {} : { amountFen }),
});

function enrolment(householder: string, program: Enrolment['program'], e: Partial<Enrolment> & Pick<Enrolment, 'persons' | 'covered' | 'history' | 'since' | 'monthlyAmountFen'>): Enrolment {
  return { id: `h${householder}:${program}`, householdId: `h${householder}`, program, status: 'active', category: 'A', caseNo: null, ...e };
}

function aCase(caseNo: string, householder: string, patch: Partial<Case>): Case {
  return {
    ...newCase({
      caseNo,
      householdId: `h${householder}`,
      program: '低保',
      area: '城市',
      status: 'approved',
      applicationDate: '2025-02-10',
      acceptedOn: '2025-02-10',
      circumstances: [],
      materials: [],
      interview: '',
      history: [],
    }),
    ...patch,
  };
}

/**
 * 低保: 刘建国 (城市, A, 3 persons, from 2025-03 at 900 yuan, 960 from 2026-01),
 * 黄桂英 (城市, B, 1 of 2 covered, from 2026-10 at 500), 陈志强 (农村, C, 2
 * persons, roster from 2024-06 at 600, suspended from 2026-10), 赵德明 (农村,
 * A, 2 persons, from 2025-01 at 700, terminated from 2026-11). 特困: 孙丽 (城市,
 * A, 1 person, from 2025-06 at 1200). 临时救助: 刘建国's household, 2,000 yuan
 * for 2025-08 only. 吴美华 (城市) is in her public notice 2026-11-10…16.
 */
export async function buildReportOffice(dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-report-')), 'office')): Promise<{ office: Office; dir: string }> {
  const office = await Office.create(dir);
  await office.transact({ operator: '王芳', source: 'local', action: 'test.build' }, (tx) => {
    tx.put('settings', 'office', defaultSettings({ code: '430105003001', name: '东风社区' }));
    tx.put('standards', 'std-2026', { id: 'std-2026', area: '城市', program: '低保', monthlyFen: 80000, from: '2026-01-01', source: 'local' });
    const hh = [
      household(P.liuJianguo, '城市', '东风路12号3栋201'),
      household(P.huangGuiying, '城市', '东风路8号1栋502'),
      household(P.chenZhiqiang, '农村', '新塘村五组17号'),
      household(P.zhaoDeming, '农村', '新塘村二组3号'),
      household(P.sunLi, '城市', '东风路20号2栋101'),
      household(P.wuMeihua, '城市', '东风路6号4栋303'),
    ];
    for (const h of hh) tx.put('households', h.id, h);
    const members = [
      member(P.liuJianguo, P.liuJianguo, '刘建国', '户主'),
      member(P.zhouXiulan, P.liuJianguo, '周秀兰', '配偶'),
      member(P.liuGuizhi, P.liuJianguo, '刘桂芝', '父母'),
      member(P.huangGuiying, P.huangGuiying, '黄桂英', '户主'),
      member(P.huangXiaolong, P.huangGuiying, '黄小龙', '子女'),
      member(P.chenZhiqiang, P.chenZhiqiang, '陈志强', '户主'),
      member(P.chenXiaojun, P.chenZhiqiang, '陈小军', '子女'),
      member(P.zhaoDeming, P.zhaoDeming, '赵德明', '户主'),
      member(P.zhaoLi, P.zhaoDeming, '赵丽', '配偶'),
      member(P.sunLi, P.sunLi, '孙丽', '户主'),
      member(P.wuMeihua, P.wuMeihua, '吴美华', '户主', 100000),
      member(P.wuTao, P.wuMeihua, '吴涛', '子女'),
    ];
    for (const m of members) tx.put('members', m.idNumber, m);
    const enrolments = [
      enrolment(P.liuJianguo, '低保', {
        category: 'A', persons: 3, covered: [P.liuJianguo, P.zhouXiulan, P.liuGuizhi], since: '2025-03', monthlyAmountFen: 96000, caseNo: '430105003001-2025-0001',
        history: [ev('approved', '2025-03', '2025-02-28', 90000), ev('adjusted', '2026-01', '2025-12-20', 96000)],
      }),
      enrolment(P.huangGuiying, '低保', {
        category: 'B', persons: 1, covered: [P.huangGuiying], since: '2026-10', monthlyAmountFen: 50000, caseNo: '430105003001-2026-0003',
        history: [ev('approved', '2026-10', '2026-09-25', 50000)],
      }),
      enrolment(P.chenZhiqiang, '低保', {
        category: 'C', status: 'suspended', persons: 2, covered: [P.chenZhiqiang, P.chenXiaojun], since: '2024-06', monthlyAmountFen: 60000,
        history: [ev('roster', '2024-06', '2024-06-01', 60000), ev('suspended', '2026-10', '2026-09-20')],
      }),
      enrolment(P.zhaoDeming, '低保', {
        category: 'A', status: 'terminated', persons: 2, covered: [P.zhaoDeming, P.zhaoLi], since: '2025-01', monthlyAmountFen: 70000, caseNo: '430105003001-2024-0009',
        history: [ev('approved', '2025-01', '2025-01-10', 70000), ev('terminated', '2026-11', '2026-10-25')],
      }),
      enrolment(P.sunLi, '特困', {
        category: 'A', persons: 1, covered: [P.sunLi], since: '2025-06', monthlyAmountFen: 120000,
        history: [ev('approved', '2025-06', '2025-05-20', 120000)],
      }),
      enrolment(P.liuJianguo, '临时救助', {
        category: null, status: 'terminated', persons: 3, covered: [P.liuJianguo, P.zhouXiulan, P.liuGuizhi], since: '2025-08', monthlyAmountFen: 200000,
        history: [ev('approved', '2025-08', '2025-07-30', 200000), ev('terminated', '2025-09', '2025-08-05')],
      }),
    ];
    for (const e of enrolments) tx.put('enrolments', e.id, e);
    const cases = [
      aCase('430105003001-2025-0001', P.liuJianguo, {
        decision: { result: '批准', date: '2025-02-28', program: '低保', persons: 3, monthlyAmountFen: 90000, category: 'A', startMonth: '2025-03' },
      }),
      aCase('430105003001-2024-0009', P.zhaoDeming, {
        area: '农村', applicationDate: '2024-12-02', acceptedOn: '2024-12-02',
        decision: { result: '批准', date: '2025-01-10', program: '低保', persons: 2, monthlyAmountFen: 70000, category: 'A', startMonth: '2025-01' },
      }),
      aCase('430105003001-2026-0003', P.huangGuiying, {
        applicationDate: '2026-09-01', acceptedOn: '2026-09-01',
        decision: { result: '批准', date: '2026-09-25', program: '低保', persons: 1, monthlyAmountFen: 50000, category: 'B', startMonth: '2026-10' },
      }),
      aCase('430105003001-2026-0007', P.wuMeihua, {
        status: 'noticing', applicationDate: '2026-11-02', acceptedOn: '2026-11-02', notice: { start: '2026-11-10', end: '2026-11-16', objections: [] },
      }),
    ];
    for (const c of cases) tx.put('cases', c.caseNo, c);
    // Labour in October 2026: 刘建国 present, late, absent; 陈小军 absent three
    // times; 黄小龙 excused, absent, absent. One September session does not count.
    const session = (date: string, marks: Record<string, string>) =>
      tx.put('sessions', date, {
        id: date, date, start: '10:00', end: '11:00', task: '环境卫生清扫',
        marks: Object.fromEntries(Object.entries(marks).map(([k, status]) => [k, status === 'excused' ? { status, note: '看病' } : { status: status as 'present' | 'late' | 'absent' }])),
      });
    session('2026-09-30', { [P.liuJianguo]: 'absent', [P.chenXiaojun]: 'absent' });
    session('2026-10-12', { [P.liuJianguo]: 'present', [P.chenXiaojun]: 'absent', [P.huangXiaolong]: 'excused' });
    session('2026-10-14', { [P.liuJianguo]: 'late', [P.chenXiaojun]: 'absent', [P.huangXiaolong]: 'absent' });
    session('2026-10-16', { [P.liuJianguo]: 'absent', [P.chenXiaojun]: 'absent', [P.huangXiaolong]: 'absent' });
  });
  return { office, dir };
}
