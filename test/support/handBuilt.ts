// A small office built by hand, every record chosen so that the dashboard's
// lists at 2026-11-19 (a Thursday) are known in advance: one case 3 working
// days overdue, one 2 days from its deadline, one notice ending today with an
// open objection, three reviews due (two late), a roster mismatch, today's
// labour session, a terminated benefit not yet in the cancellation register.
// Names are Chinese (compound surnames, polyphones) and addresses long.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { defaultSettings } from '../../src/office/settings.js';
import { newCase, type Case, type CaseStatus, type Enrolment, type Household, type Member, type PendingItem, type Relation } from '../../src/office/model.js';
import { checkCharacter } from '../../src/rules/idNumber.js';
import { initialsOf } from '../../src/household/initials.js';
import type { Review } from '../../src/recipients/reviews.js';

export const TODAY = '2026-11-19';

export function idNo(birth: string, seq: string): string {
  const first17 = `430105${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharacter(first17);
}

interface P {
  name: string;
  birth: string;
  seq: string;
  relation: Relation;
  income?: number;
}

export const LONG_ADDRESS = '湖南省长沙市开福区东风路街道东风路社区幸福里小区十二栋三单元一零二室（原纺织厂宿舍）';

const FAMILIES: { address: string; phone: string; people: P[] }[] = [
  {
    address: LONG_ADDRESS,
    phone: '13807310001',
    people: [
      { name: '欧阳建国', birth: '1968-03-15', seq: '001', relation: '户主', income: 1200 },
      { name: '李秀英', birth: '1970-07-02', seq: '002', relation: '配偶', income: 800 },
      { name: '欧阳小明', birth: '2012-09-01', seq: '003', relation: '子女' },
    ],
  },
  { address: '东风路12号3栋201', phone: '13807310002', people: [{ name: '张三丰', birth: '1958-01-20', seq: '011', relation: '户主', income: 600 }] },
  { address: '新华路94号电机厂宿舍23栋404', phone: '13807310003', people: [{ name: '单田芳', birth: '1975-05-05', seq: '021', relation: '户主', income: 900 }] },
  {
    address: '幸福里小区七栋二单元六零一室',
    phone: '13807310004',
    people: [
      { name: '王翠兰', birth: '1980-02-29', seq: '032', relation: '户主', income: 500 },
      { name: '刘洋', birth: '2005-06-18', seq: '031', relation: '子女' },
    ],
  },
  { address: '东风路83号院8栋3单元603', phone: '13807310005', people: [{ name: '黎明', birth: '1949-12-01', seq: '041', relation: '户主' }] },
  { address: '纺织厂宿舍区北院五栋', phone: '13807310006', people: [{ name: '司马光明', birth: '1985-10-10', seq: '051', relation: '户主', income: 300 }] },
  { address: '东风路社区南区一栋', phone: '13807310007', people: [{ name: '赵钱孙', birth: '1966-04-04', seq: '061', relation: '户主' }] },
];

export const H = FAMILIES.map((f) => `h${idNo(f.people[0]!.birth, f.people[0]!.seq)}`);
export const ID = (family: number, member = 0): string => idNo(FAMILIES[family]!.people[member]!.birth, FAMILIES[family]!.people[member]!.seq);
export const CASE_NO = (n: number): string => `430105003001-2026-${String(n).padStart(4, '0')}`;
export const FILE_SHA = 'a'.repeat(64);

function caseOf(n: number, family: number, status: CaseStatus, acceptedOn: string, more: Partial<Case> = {}): Case {
  return {
    ...newCase({
      caseNo: CASE_NO(n),
      householdId: H[family]!,
      program: '低保',
      area: '城市',
      status,
      applicationDate: acceptedOn,
      acceptedOn,
      circumstances: [],
      materials: ['申请书', '户口簿', '身份证', '照片'],
      interview: '户主自述家庭困难',
      history: [{ at: `${acceptedOn}T09:30:00+08:00`, event: 'accepted', by: '王芳', source: 'local' }],
    }),
    ...more,
  };
}

function enrolment(family: number, program: Enrolment['program'], category: Enrolment['category'], since: string, status: Enrolment['status'] = 'active', extra: Partial<Enrolment> = {}): Enrolment {
  return {
    id: `${H[family]}:${program}`,
    householdId: H[family]!,
    program,
    status,
    monthlyAmountFen: 65000,
    persons: FAMILIES[family]!.people.length,
    covered: FAMILIES[family]!.people.map((p) => idNo(p.birth, p.seq)),
    category,
    since,
    caseNo: null,
    history: [{ at: `${since}-01T09:00:00+08:00`, event: 'roster', month: since, amountFen: 65000, source: 'local' }],
    ...extra,
  };
}

function review(family: number, program: string, date: string): Review {
  return {
    id: `${H[family]}:${program}@${date}`,
    enrolmentId: `${H[family]}:${program}`,
    householdId: H[family]!,
    program,
    date,
    findings: '入户查看，情况无变化',
    incomeRechecked: true,
    perCapitaIncomeFen: null,
    recommendation: 'keep',
    by: '王芳',
    at: `${date}T10:00:00+08:00`,
  };
}

export async function handBuiltOffice(dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-hand-')), 'office')): Promise<{ dir: string; office: Office }> {
  const office = await Office.create(dir, { ...process.env, JIUZHU_NOW: TODAY });
  await office.transact({ operator: '王芳', source: 'local', action: 'test.build', summary: '手工建立的测试社区' }, (tx) => {
    tx.put('settings', 'office', defaultSettings({ code: '430105003001', name: '东风社区' }));
    tx.put('meta', 'operator', { id: 'operator', name: '王芳' });
    FAMILIES.forEach((f, i) => {
      const hid = H[i]!;
      const household: Household = {
        id: hid,
        householderId: ID(i),
        area: '城市',
        address: f.address,
        phone: f.phone,
        housingArea: 40,
        createdAt: '2026-10-01T09:00:00+08:00',
        source: 'local',
        notes: [],
      };
      tx.put('households', hid, household);
      for (const p of f.people) {
        const m: Member = {
          idNumber: idNo(p.birth, p.seq),
          householdId: hid,
          name: p.name,
          relation: p.relation,
          labourAbility: '有',
          disability: null,
          incomes: p.income ? [{ kind: '工资', amountFen: p.income * 100 }] : [],
          initials: initialsOf(p.name),
        };
        tx.put('members', m.idNumber, m);
      }
    });
    tx.put('cases', CASE_NO(1), caseOf(1, 0, 'investigated', '2026-10-26'));
    tx.put('cases', CASE_NO(2), caseOf(2, 1, 'reviewed', '2026-11-02'));
    tx.put(
      'cases',
      CASE_NO(3),
      caseOf(3, 2, 'noticing', '2026-11-05', { notice: { start: '2026-11-13', end: TODAY, objections: [{ id: 1, raisedOn: '2026-11-15', note: '邻居反映家中有车' }] } }),
    );
    tx.put('enrolments', `${H[1]}:特困`, enrolment(1, '特困', 'B', '2026-05'));
    tx.put('enrolments', `${H[3]}:低保`, enrolment(3, '低保', 'C', '2026-09'));
    tx.put('enrolments', `${H[4]}:低保`, enrolment(4, '低保', 'A', '2026-01'));
    tx.put('enrolments', `${H[5]}:低保`, enrolment(5, '低保', 'B', '2026-08'));
    tx.put(
      'enrolments',
      `${H[6]}:低保`,
      enrolment(6, '低保', 'B', '2025-03', 'terminated', {
        history: [
          { at: '2025-03-01T09:00:00+08:00', event: 'roster', month: '2025-03', amountFen: 65000, source: 'local' },
          { at: '2026-11-12T10:00:00+08:00', event: 'terminated', month: '2026-12', source: `file:${FILE_SHA}`, reason: '家庭收入超过保障标准', date: '2026-11-10' },
        ],
      }),
    );
    for (const r of [review(1, '特困', '2026-08-25'), review(3, '低保', '2026-10-10'), review(4, '低保', '2026-06-30')]) tx.put('reviews', r.id, r);
    const pending: PendingItem = {
      id: `roster-unlisted:${H[4]}`,
      kind: 'roster-unlisted',
      caseNo: null,
      householderId: ID(4),
      householderName: '黎明',
      reason: '区县2026年10月花名册中没有该户（本社区在保：低保，650元），请与区县核对',
      since: '2026-11-01',
      source: `file:${FILE_SHA}`,
    };
    tx.put('pending', pending.id, pending);
    tx.put('sessions', TODAY, { id: TODAY, date: TODAY, start: '10:00', end: '11:00', task: '环境卫生清扫', marks: { [ID(3, 1)]: { status: 'present' }, [ID(5)]: { status: 'absent' } } });
    tx.put('sessions', '2026-11-16', { id: '2026-11-16', date: '2026-11-16', start: '10:00', end: '11:00', task: '治安巡逻', marks: { [ID(3, 1)]: { status: 'excused', note: '看病' } } });
  });
  return { dir, office };
}
