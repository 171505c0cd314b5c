import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOffice, type DemoOffice, type GenerateOptions } from '../../src/demo/generate.js';
import { writeDemoOffice } from '../../src/demo/write.js';
import { readCsvTable } from '../../src/exchange/readCsv.js';
import { parseRows } from '../../src/exchange/inbound/index.js';
import { detectKind } from '../../src/exchange/inbound/detect.js';
import { ageFromBirth, birthDate, isValidIdNumber, normalizeIdNumber } from '../../src/rules/idNumber.js';
import { CASE_NO_RE } from '../../src/rules/officeCode.js';
import { checklist } from '../../src/rules/materials.js';
import { standardOn } from '../../src/rules/eligibility.js';
import { CASE_STATUSES, CATEGORIES, type Member } from '../../src/office/model.js';
import { Office } from '../../src/store/office.js';

const base: GenerateOptions = { seed: 1, households: 300, officeCode: '430105003001', officeName: '东风社区', today: '2026-11-23' };
const demo = generateOffice(base);

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'jiuzhu-demo-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;

function membersByHousehold(d: DemoOffice): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  for (const m of d.members) out.set(m.householdId, [...(out.get(m.householdId) ?? []), m]);
  return out;
}

describe('generateOffice', () => {
  it('gives the same office for the same seed and another for another seed', () => {
    expect(generateOffice(base)).toEqual(demo);
    const other = generateOffice({ ...base, seed: 2 });
    expect(other.households.map((h) => h.id)).not.toEqual(demo.households.map((h) => h.id));
  });

  it('makes valid, unique ID numbers of the office region', () => {
    const ids = demo.members.map((m) => m.idNumber);
    for (const id of ids) {
      expect(isValidIdNumber(id), id).toBe(true);
      expect(normalizeIdNumber(id)).toEqual({ ok: true, id });
      expect(id.slice(0, 6)).toBe('430105');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every household exactly one householder whose number names the household', () => {
    const byHousehold = membersByHousehold(demo);
    expect(demo.households).toHaveLength(300);
    for (const h of demo.households) {
      const heads = (byHousehold.get(h.id) ?? []).filter((m) => m.relation === '户主');
      expect(heads).toHaveLength(1);
      expect(heads[0]!.idNumber).toBe(h.householderId);
      expect(h.id).toBe(`h${h.householderId}`);
    }
    expect(new Set(demo.households.map((h) => h.id)).size).toBe(300);
  });

  it('makes ages fit the relations: householder 25–85, spouse within 5 years, children 20–35 and parents 20–35 years apart', () => {
    const byHousehold = membersByHousehold(demo);
    for (const h of demo.households) {
      const hb = birthDate(h.householderId);
      const age = ageFromBirth(hb, base.today);
      expect(age).toBeGreaterThanOrEqual(25);
      expect(age).toBeLessThanOrEqual(85);
      for (const m of byHousehold.get(h.id) ?? []) {
        const gapYears = days(hb, birthDate(m.idNumber)) / 365.25;
        if (m.relation === '配偶') expect(Math.abs(gapYears)).toBeLessThanOrEqual(5.01);
        if (m.relation === '子女') expect(gapYears).toBeGreaterThanOrEqual(19.99);
        if (m.relation === '子女') expect(gapYears).toBeLessThanOrEqual(35.01);
        if (m.relation === '父母') expect(-gapYears).toBeGreaterThanOrEqual(19.99);
        if (m.relation === '父母') expect(-gapYears).toBeLessThanOrEqual(35.01);
        expect(birthDate(m.idNumber) < base.today).toBe(true);
      }
    }
  });

  it('writes pinyin initials and marks children and the severely disabled as unable to work', () => {
    const liu = demo.members.find((m) => m.name.startsWith('刘'));
    expect(liu?.initials.startsWith('l')).toBe(true);
    for (const m of demo.members) {
      expect(m.initials).toMatch(/^[a-z]{2,4}$/);
      if (ageFromBirth(birthDate(m.idNumber), base.today) < 16) expect(m.labourAbility).toBe('无');
      if (m.disability === '一级' || m.disability === '二级') expect(m.labourAbility).toBe('无');
    }
    const kinds = new Set(demo.members.flatMap((m) => m.incomes.map((i) => i.kind)));
    for (const k of ['工资', '养老金', '灵活就业', '优抚金', '计划生育奖励扶助金']) expect(kinds).toContain(k);
  });

  it('has a case at every stage, and a few that are near or past their deadline', () => {
    const statuses = new Set(demo.cases.map((c) => c.status));
    for (const s of CASE_STATUSES) expect(statuses, s).toContain(s);
    const open = demo.cases.filter((c) => ['accepted', 'investigated', 'reviewed', 'noticing'].includes(c.status));
    // 15 working days are at least 19 calendar days; 21 calendar days since acceptance is past any deadline.
    expect(open.some((c) => days(c.acceptedOn!, base.today) > 21)).toBe(true);
    const noticing = demo.cases.filter((c) => c.status === 'noticing');
    for (const c of noticing) {
      expect(c.notice!.start <= base.today && base.today <= c.notice!.end).toBe(true);
      expect(days(c.notice!.start, c.notice!.end)).toBe(6);
    }
    expect(noticing.some((c) => c.notice!.objections.some((o) => !o.resolvedOn))).toBe(true);
  });

  it('keeps each case consistent with its status', () => {
    for (const c of demo.cases) {
      const reached = (s: string) => CASE_STATUSES.indexOf(c.status) >= CASE_STATUSES.indexOf(s as never);
      expect(c.history.length).toBeGreaterThan(0);
      const ats = c.history.map((h) => h.at);
      expect([...ats].sort()).toEqual(ats);
      for (const h of c.history) {
        expect(h.at.slice(0, 10) <= base.today).toBe(true);
        expect(h.source === 'local' || /^file:[0-9a-f]{64}$/.test(h.source)).toBe(true);
      }
      if (c.status === 'draft') {
        expect(c.acceptedOn).toBeNull();
        expect(checklist(c.program, c.circumstances, c.materials).complete).toBe(false);
        continue;
      }
      expect(checklist(c.program, c.circumstances, c.materials).complete).toBe(true);
      if (c.status === 'withdrawn' || c.status === 'rejected') continue;
      if (reached('investigated')) expect(c.investigation!.by.length).toBeGreaterThanOrEqual(2);
      if (reached('reviewed')) expect(c.review).not.toBeNull();
      if (reached('submitted')) expect(c.submittedOn! > c.notice!.end).toBe(true);
      if (c.status === 'returned') expect(c.township!.result).toBe('退回');
      if (c.status === 'township-approved' || c.status === 'approved') expect(c.township!.result).toBe('同意');
      if (c.status === 'approved') expect(c.decision!.result).toBe('批准');
    }
    expect(demo.cases.filter((c) => c.status === 'rejected').some((c) => c.township?.result === '不同意')).toBe(true);
    expect(demo.cases.filter((c) => c.status === 'rejected').some((c) => c.decision?.result === '不予批准')).toBe(true);
  });

  it('numbers cases in order of application, restarting each year', () => {
    const byYear = new Map<string, typeof demo.cases>();
    for (const c of demo.cases) {
      const m = CASE_NO_RE.exec(c.caseNo)!;
      expect(m[1]).toBe(base.officeCode);
      expect(m[2]).toBe(c.applicationDate.slice(0, 4));
      byYear.set(m[2]!, [...(byYear.get(m[2]!) ?? []), c]);
    }
    for (const cases of byYear.values()) {
      const sorted = [...cases].sort((a, b) => Number(a.caseNo.slice(-4)) - Number(b.caseNo.slice(-4)));
      expect(sorted.map((c) => Number(c.caseNo.slice(-4)))).toEqual(sorted.map((_, i) => i + 1));
      const dates = sorted.map((c) => c.applicationDate);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('makes recipients in every category and several programs, their amounts following the standards', () => {
    const households = new Set(demo.households.map((h) => h.id));
    const cases = new Map(demo.cases.map((c) => [c.caseNo, c]));
    const byHousehold = membersByHousehold(demo);
    for (const e of demo.enrolments) {
      expect(households.has(e.householdId)).toBe(true);
      expect(e.id).toBe(`${e.householdId}:${e.program}`);
      if (e.caseNo !== null) expect(cases.get(e.caseNo)?.householdId).toBe(e.householdId);
      const ids = new Set((byHousehold.get(e.householdId) ?? []).map((m) => m.idNumber));
      for (const id of e.covered) expect(ids.has(id)).toBe(true);
      expect(e.persons).toBe(e.covered.length);
    }
    expect(new Set(demo.enrolments.map((e) => e.id)).size).toBe(demo.enrolments.length);
    const dibao = demo.enrolments.filter((e) => e.program === '低保');
    for (const cat of CATEGORIES) expect(dibao.some((e) => e.category === cat), cat).toBe(true);
    for (const p of ['特困', '临时救助', '廉租房补贴', '残疾人补贴']) expect(demo.enrolments.some((e) => e.program === p), p).toBe(true);
    expect(dibao.some((e) => e.status === 'suspended')).toBe(true);
    expect(dibao.some((e) => e.status === 'terminated' && e.history.some((h) => h.event === 'terminated'))).toBe(true);
    expect(dibao.some((e) => e.caseNo === null)).toBe(true);
    for (const e of demo.enrolments) {
      const ats = e.history.map((h) => h.at);
      expect([...ats].sort(), e.id).toEqual(ats);
      expect(ats.every((at) => at.slice(0, 10) <= base.today)).toBe(true);
      expect(e.history.at(-1)?.event).toBe({ active: e.history.at(-1)?.event, suspended: 'suspended', terminated: 'terminated' }[e.status]);
    }

    // (standard − per-capita counted income) × persons, in whole yuan, for every current 低保 recipient.
    const excluded = demo.settings.excludedIncomeKinds;
    for (const e of dibao.filter((x) => x.status !== 'terminated')) {
      const members = byHousehold.get(e.householdId)!;
      const area = demo.households.find((h) => h.id === e.householdId)!.area;
      const std = standardOn(demo.standards, area, '低保', base.today)!.monthlyFen;
      const counted = members.flatMap((m) => m.incomes).filter((i) => !excluded.includes(i.kind)).reduce((s, i) => s + i.amountFen, 0);
      const expected = Math.round(((std - counted / members.length) * e.persons) / 100) * 100;
      expect(e.monthlyAmountFen, e.id).toBe(expected);
    }
    expect(demo.members.some((m) => m.incomes.some((i) => excluded.includes(i.kind)))).toBe(true);
  });

  it('lists the standards of this year and last year', () => {
    const now = demo.standards.filter((s) => s.from === '2026-01-01');
    expect(now.map((s) => `${s.area}${s.program}${s.monthlyFen}`).sort()).toEqual(['农村低保68000', '农村特困88400', '城市低保85000', '城市特困110500']);
    expect(demo.standards.filter((s) => s.from === '2025-01-01')).toHaveLength(4);
  });

  it('leaves pending items of each kind the demo shows', () => {
    const kinds = new Set(demo.pending.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['change-without-enrolment', 'decision-on-withdrawn', 'roster-unlisted']);
    const withdrawn = demo.pending.find((p) => p.kind === 'decision-on-withdrawn')!;
    expect(demo.cases.find((c) => c.caseNo === withdrawn.caseNo)?.status).toBe('withdrawn');
  });

  it('writes inbound files that read cleanly, with the columns of their kind, about cases that exist', () => {
    const headers: Record<string, string[]> = {
      'township-review': ['申请编号', '身份证号', '审核结果', '审核日期', '姓名', '审核意见', '审核人', '发送单位代码'],
      'county-decision': ['申请编号', '身份证号', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '审批人', '姓名', '发送单位代码'],
      verification: ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'],
      'benefit-change': ['身份证号', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '救助类别', '原因', '姓名', '发送单位代码'],
    };
    const cases = new Map(demo.cases.map((c) => [c.caseNo, c]));
    const holders = new Map(demo.households.map((h) => [h.id, h.householderId]));
    const seen = new Map<string, string>();
    expect(demo.inbox).toHaveLength(4);
    for (const f of demo.inbox) {
      const t = readCsvTable(f.content);
      if (!t.ok) throw new Error(`${f.path}: ${t.reason}`);
      const kind = Object.entries(headers).find(([, h]) => [...h].sort().join() === [...t.headers].sort().join())?.[0];
      expect(kind, f.path).toBeDefined();
      seen.set(kind!, t.encoding);
      expect(t.rows.length).toBeGreaterThan(0);
      const detected = detectKind(t.headers);
      expect(detected).toEqual({ ok: true, kind, unknownColumns: [] });
      if (detected.ok) expect(parseRows(detected.kind, t, base.officeCode).filter((r) => !r.ok)).toEqual([]);
      for (const row of t.rows) {
        const caseNo = row.cells['申请编号'];
        if (caseNo !== undefined) expect(holders.get(cases.get(caseNo)!.householdId)).toBe(row.cells['身份证号']);
        const sender = row.cells['发送单位代码'];
        if (sender !== undefined) expect(['430105', '430105003']).toContain(sender);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(headers).sort());
    expect([...seen.values()]).toContain('gb18030');
    expect([...seen.values()]).toContain('utf-8-bom');
    expect(demo.inbox.some((f) => f.path.includes('/'))).toBe(true);
    expect(demo.inbox.some((f) => f.content.includes('\r\n'))).toBe(true);
    const county = readCsvTable(demo.inbox.find((f) => f.path.includes('区县审批'))!.content);
    if (!county.ok) throw new Error(county.reason);
    const results = county.rows.map((r) => r.cells['审批结果']);
    expect(results).toContain('批准');
    expect(results).toContain('不予批准');
    for (const r of county.rows) {
      expect(cases.get(r.cells['申请编号']!)!.status).toBe('township-approved');
      if (r.cells['审批结果'] === '批准') for (const k of ['救助类别', '保障人数', '月保障金额(元)', '起始年月']) expect(r.cells[k]).not.toBe('');
      else expect(r.cells['原因']).not.toBe('');
    }
  });

  it.each([
    [3, '2026-11-22'], // a Sunday
    [4, '2027-01-01'], // New Year's Day, in a year whose holidays are not published yet
    [5, '2025-10-04'], // inside the National Day week
    [6, '2026-02-20'], // just after the Spring Festival
  ])('stays consistent for seed %i on %s', (seed, today) => {
    const d = generateOffice({ ...base, seed, today });
    const statuses = new Set(d.cases.map((c) => c.status));
    for (const s of CASE_STATUSES) expect(statuses, s).toContain(s);
    for (const rec of [...d.cases, ...d.enrolments]) {
      const ats = rec.history.map((h) => h.at);
      expect([...ats].sort()).toEqual(ats);
      expect(ats.every((at) => at.slice(0, 10) <= today)).toBe(true);
    }
    for (const c of d.cases.filter((x) => x.status === 'noticing')) expect(c.notice!.start <= today && today <= c.notice!.end).toBe(true);
    expect(d.inbox).toHaveLength(4);
    for (const f of d.inbox) {
      const t = readCsvTable(f.content);
      if (!t.ok) throw new Error(t.reason);
      const detected = detectKind(t.headers);
      if (!detected.ok) throw new Error(detected.reason);
      expect(parseRows(detected.kind, t, base.officeCode).filter((r) => !r.ok)).toEqual([]);
      for (const row of t.rows) for (const k of ['审核日期', '审批日期', '核对日期', '决定日期']) {
        const v = row.cells[k];
        if (v) expect(v.replaceAll('/', '-').replace(/-(\d)(?!\d)/g, '-0$1') <= today, `${k} ${v}`).toBe(true);
      }
    }
  });

  it('scales to a community bench and a township bench', () => {
    const community = generateOffice({ ...base, households: 2000 });
    expect(community.households).toHaveLength(2000);
    expect(community.members.length).toBeGreaterThan(2000);
    const township = generateOffice({ ...base, households: 20_000, seed: 7 });
    expect(township.households).toHaveLength(20_000);
    expect(new Set(township.members.map((m) => m.idNumber)).size).toBe(township.members.length);
    expect(township.cases.length).toBeGreaterThan(15_000);
    for (const c of township.cases) expect(c.caseNo).toMatch(CASE_NO_RE);
  });
});

describe('writeDemoOffice', () => {
  it('fills an empty data folder in one change, puts the files in the inbox, and refuses a second time', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const shared = join(dir, 'shared');
    const made = await writeDemoOffice(data, shared, base);
    expect(made).toEqual({ households: 300, cases: demo.cases.length, inboxFiles: 4 });

    const office = await Office.open(data);
    const v = office.view;
    expect(v.count('households')).toBe(300);
    expect(v.count('members')).toBe(demo.members.length);
    expect(v.count('cases')).toBe(demo.cases.length);
    expect(v.count('enrolments')).toBe(demo.enrolments.length);
    expect(v.count('standards')).toBe(8);
    const recommendations = v.all('pending').filter((p) => p.kind === 'attendance-recommendation');
    expect(v.count('pending')).toBe(demo.pending.length + recommendations.length);
    expect(recommendations.length).toBeGreaterThan(0);
    for (const r of recommendations) expect(r.reason).toMatch(/公益劳动无故缺勤 [3-9] 次/);
    expect(v.get('settings', 'office')?.office.shared).toBe(shared);
    expect(office.journalHead.seq).toBe(1);
    const last2026 = Math.max(...demo.cases.filter((c) => c.caseNo.includes('-2026-')).map((c) => Number(c.caseNo.slice(-4))));
    expect(v.get('counters', 'caseSeq-2026')).toEqual({ id: 'caseSeq-2026', value: last2026 });

    const inbox = join(shared, 'inbox');
    for (const f of demo.inbox) expect(await readFile(join(inbox, ...f.path.split('/')))).toEqual(f.content);
    expect((await readdir(inbox)).some((n) => n.startsWith('.'))).toBe(false);
    expect((await stat(join(shared, 'outbox', 'receipts'))).isDirectory()).toBe(true);

    await expect(writeDemoOffice(data, shared, base)).rejects.toThrow(/已经有办公室的数据/);
    expect((await Office.open(data)).journalHead.seq).toBe(1);
  });
});

describe('the demo attendance history', () => {
  it('holds Monday/Wednesday/Friday sessions of the last two months, none on a holiday, marked up to yesterday for exactly the derived roster', async () => {
    const { demoAttendance } = await import('../../src/demo/attendance.js');
    const { generateOffice } = await import('../../src/demo/generate.js');
    const { rosterOn } = await import('../../src/attendance/roster.js');
    const { ageOn } = await import('../../src/rules/idNumber.js');
    // 2026-10-19 looks back over the National Day week (10-01…10-07 off).
    const demo = generateOffice({ seed: 3, households: 300, officeCode: '430105003001', officeName: '东风社区', today: '2026-10-19' });
    const { sessions, groups } = demoAttendance({ seed: 3, today: '2026-10-19', settings: demo.settings, members: demo.members, enrolments: demo.enrolments, cases: demo.cases });
    const dates = sessions.map((s) => s.date);
    expect(dates).toContain('2026-09-30'); // a Wednesday before the holiday
    expect(dates).not.toContain('2026-10-02'); // Friday of National Day
    expect(dates).not.toContain('2026-10-05'); // Monday of National Day
    expect(dates).toContain('2026-10-09'); // Friday after it
    expect(dates).toContain('2026-10-30'); // the rest of this month is planned …
    expect(Object.keys(sessions.find((s) => s.date === '2026-10-19')!.marks)).toEqual([]); // … but not marked
    for (const d of dates) expect([1, 3, 5]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    const data = { members: demo.members, enrolments: demo.enrolments, cases: demo.cases, exemptions: [], labour: demo.settings.labour };
    const members = new Map(demo.members.map((m) => [m.idNumber, m]));
    let marks = 0;
    for (const s of sessions.filter((x) => x.date < '2026-10-19')) {
      const due = rosterOn(data, s.date).map((r) => r.idNumber).sort();
      expect(Object.keys(s.marks).sort()).toEqual(due);
      marks += due.length;
      for (const id of due) {
        const p = members.get(id)!;
        expect(p.labourAbility).not.toBe('无');
        expect(ageOn(id, s.date)).toBeGreaterThanOrEqual(18);
        expect(ageOn(id, s.date)).toBeLessThan(60);
      }
    }
    expect(marks).toBeGreaterThan(sessions.length);
    expect(groups.length).toBeGreaterThan(0);
    expect(new Set(groups.map((g) => g.group))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});
