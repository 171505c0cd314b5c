// The demo's cases: materials, interviews and panels, a case at each stage,
// the scenarios each household lives, and the pending items left for the clerk.
import { COUNTY_APPROVERS, COUNTY_REFUSALS, DEMO_CLERKS, FAMILY_KINDS, FINDINGS, OPEN_PROGRAMS, PLAN, RETURN_NOTES, SUSPEND_REASONS, TOWNSHIP_REFUSALS, TOWNSHIP_REVIEWERS, WITHDRAW_NOTES, standardFen } from './tables.js';
import { type CaseEvent, type CaseStatus, type CountyDecision, type Program, type Source, type TownshipResult, type Verification, newCase } from '../office/model.js';
import type { CaseRec, Family, HouseholdRec, Person, Scenario, Timeline } from './records.js';
import type { Generator } from './generate.js';
import { addDays, addMonths, dateOf, dayNo } from '../rules/dayNumber.js';
import { ageFromBirth } from '../rules/idNumber.js';
import { alternatives, requiredMaterials } from '../rules/materials.js';
import { amountFor, category, enrol, enrolFromCase, terminateReason } from './enrolments.js';
import { arrivedOn, back, forward, monthOf, onWorkday, stamp, timeline, wd, workdaysBetween } from './timeline.js';
import { birthForAge, describe, family, givenName, household, makeEligible, perCapitaFen, surname } from './people.js';
import { fileSource } from './inbox.js';

export function clerk(g: Generator): string {
  return g.rng.pick(DEMO_CLERKS);
}

export function materials(g: Generator, f: Family, program: Program, complete: boolean): string[] {
  const items = requiredMaterials(program, f.circumstances).map((item) => {
    const alts = alternatives(item);
    if (alts.length === 1) return item;
    if (item.includes('死亡证明')) return f.widowed ? '死亡证明' : g.rng.chance(0.7) ? '离婚证' : '判决书';
    if (item.includes('租房协议')) return f.housingArea === null ? '租房协议' : '房权证';
    return alts[0]!;
  });
  if (!complete) {
    const optional = items.filter((i) => i !== '申请书');
    const missing = new Set([g.rng.pick(optional), g.rng.pick(optional)]);
    return items.filter((i) => !missing.has(i));
  }
  if (g.rng.chance(0.2) && !items.includes('收入证明')) items.push('收入证明');
  return items;
}

export function interview(g: Generator, f: Family): string {
  const h = f.people[0]!;
  const lines = f.people.map((p, i) => describe(g, p, i === 0));
  const tail = f.hardship ? `${f.hardship}。` : '';
  return `户主${h.name}自述：${lines.join('；')}。${tail}家中无车辆，无其他房产。以上情况属实。`;
}

export function panel(g: Generator): string[] {
  const n = g.rng.int(5, 7);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const birth = birthForAge(g, g.rng.int(40, 72));
    const sex = g.rng.chance(0.5) ? '男' : '女';
    out.push(surname(g) + givenName(g, birth, sex));
  }
  return out;
}

/**
 * A case of `status`, its fields and history consistent with the timeline;
 * `covered` narrows an approval to some members (单人保).
 */
export function makeCase(g: Generator, hh: HouseholdRec, program: Program, status: CaseStatus, t: Timeline, opts: { objection?: 'open' | 'resolved'; covered?: Person[] } = {}): CaseRec {
  const r = g.rng;
  const f = hh.family;
  const history: CaseEvent[] = [];
  const last = (): string | undefined => history[history.length - 1]?.at;
  const local = (date: string, event: string, by: string, note?: string): void => {
    history.push({ at: stamp(g, date, last()), event, by, source: 'local', ...(note ? { note } : {}) });
  };
  const fromFile = (kind: string, date: string, event: string, by: string, note?: string): void => {
    // The daemon applied the file on the day it arrived, at most a working day after it was signed.
    const arrived = date >= g.lastWorkday ? g.today : wd(g, date, r.int(0, 1));
    const at = stamp(g, arrived > g.today ? g.today : arrived, last());
    history.push({ at, event, by, source: fileSource(g, kind, date), date, ...(note ? { note } : {}) });
  };
  const owner = clerk(g);
  const c = newCase({
    caseNo: '',
    householdId: hh.household.id,
    program,
    area: f.area,
    status,
    applicationDate: t.app,
    acceptedOn: t.accepted ?? null,
    circumstances: [...f.circumstances],
    materials: materials(g, f, program, t.accepted !== undefined),
    interview: t.accepted !== undefined || r.chance(0.5) ? interview(g, f) : '',
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
      ? { date: t.rev, result: '通过', panel: panel(g), note: r.pick(['评议小组一致同意', '评议小组多数同意，认为该户情况属实']) }
      : { date: t.rev, result: '未评议', panel: [], note: '家庭情况无争议，未组织民主评议' };
    local(t.rev, 'reviewed', owner, c.review.result === '未评议' ? c.review.note : undefined);
  }
  if (t.nStart && t.nEnd) {
    c.notice = { start: t.nStart, end: t.nEnd, objections: [] };
    local(t.nStart, 'notice', owner, `公示至${t.nEnd}`);
    if (opts.objection) {
      const raised = addDays(t.nStart, r.int(1, Math.min(3, Math.max(1, dayNo(g.today) - dayNo(t.nStart)))));
      const raisedOn = raised > g.today ? g.today : raised;
      const note = r.pick(['有居民反映该户家中有小汽车一辆，要求核实', '有居民反映户主在外打工收入较高，要求核实']);
      local(raisedOn, 'objection', owner, note);
      if (opts.objection === 'resolved') {
        const resolvedOn = wd(g, raisedOn, 1) < (t.sub ?? g.today) ? wd(g, raisedOn, 1) : raisedOn;
        const resolution = '经再次入户核实及车管所查询，反映情况不属实，异议不成立';
        c.notice.objections.push({ id: 1, raisedOn, note, resolvedOn, resolution });
        local(resolvedOn, 'resolved', owner, resolution);
      } else c.notice.objections.push({ id: 1, raisedOn, note });
    }
  }
  if (t.sub) {
    c.submittedOn = t.sub;
    local(t.sub, 'submitted', owner);
    if (r.chance(0.6)) c.verifications = pastVerifications(g, t);
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
      const reason = perCapitaFen(g, f) >= standardFen(g, f.area, '低保', monthOf(t.cty)) ? COUNTY_REFUSALS[1]! : COUNTY_REFUSALS[0]!;
      c.decision = { result: '不予批准', date: t.cty, program: null, persons: null, monthlyAmountFen: null, category: null, startMonth: null, reason, by };
      fromFile('county-decision', t.cty, 'rejected', by, reason);
      if (reason.includes('存款')) {
        c.verifications = c.verifications.filter((v) => v.item !== '存款');
        c.verifications.push({
          item: '存款',
          found: true,
          date: wd(g, t.sub!, 1),
          amountFen: r.yuan(50000, 150000, 1000),
          note: `${hh.householder.name}名下定期存款`,
          source: fileSource(g, 'verification', wd(g, t.sub!, 1)),
        });
      }
    } else {
      c.decision = approval(g, hh, program, t.cty, by, opts.covered);
      fromFile('county-decision', t.cty, 'approved', by);
    }
  }
  const cr: CaseRec = { c, order: g.cases.length, hh };
  g.cases.push(cr);
  return cr;
}

export function approval(g: Generator, hh: HouseholdRec, program: Program, date: string, by: string, covered?: Person[]): CountyDecision {
  const people = covered ?? hh.family.people;
  const startMonth = addMonths(monthOf(date), 1);
  return {
    result: '批准',
    date,
    program,
    persons: people.length,
    monthlyAmountFen: amountFor(g, hh, program, people, startMonth),
    category: category(g, hh.family, program),
    startMonth,
  };
}

export function pastVerifications(g: Generator, t: Timeline): Verification[] {
  const date = wd(g, t.accepted!, g.rng.int(3, 6));
  const d = date < t.sub! ? date : t.sub!;
  const source = fileSource(g, 'verification', d);
  return (['车辆', '房产', '存款'] as const).map((item) => ({ item, found: false, date: d, amountFen: null, source }));
}

export function scenarios(g: Generator): Scenario[] {
  const n = g.opts.households;
  const list: Scenario[] = [];
  for (const [s, share, min] of PLAN) {
    const count = Math.max(min, Math.round(share * n));
    for (let i = 0; i < count && list.length < n; i++) list.push(s);
  }
  while (list.length < n) list.push('dibao');
  return g.rng.shuffle(list);
}

export function scenario(g: Generator, s: Scenario, k: number, rosterDate: string, rosterSource: Source): void {
  const r = g.rng;
  switch (s) {
    case 'dibao': {
      const f = family(g, FAMILY_KINDS.draw(r));
      makeEligible(g, f, r.next() * 0.5 + 0.35);
      const t = timeline(g, 'approved', k, false);
      const hh = household(g, f, t.app, 'local');
      // Single-person coverage (单人保) for some larger households: only the member who cannot work.
      let covered: Person[] | undefined;
      if (k % 12 === 5 && f.people.length >= 3) {
        const weak = f.people.filter((p) => p.labourAbility === '无' && ageFromBirth(p.birth, g.today) >= 18);
        if (weak.length) covered = [weak[0]!];
      }
      const cr = makeCase(g, hh, '低保', 'approved', t, { ...(covered ? { covered } : {}) });
      const fate =
        k % 16 === 3
          ? { suspend: r.pick(SUSPEND_REASONS) }
          : k % 16 === 7
            ? { terminate: terminateReason(g, f) }
            : k % 16 === 11
              ? { suspend: SUSPEND_REASONS[0]!, resume: true }
              : {};
      const er = enrolFromCase(g, cr, fate, covered);
      if (er.e.status === 'active') {
        if (k % 80 === 4 || k % 80 === 5) g.changeTargets.push({ er, kind: '调整' });
        else if (k % 80 === 6) g.changeTargets.push({ er, kind: '停发' });
        else if (k % 80 === 8) g.changeTargets.push({ er, kind: '退出' });
      } else if (er.e.status === 'suspended' && k % 96 === 3) g.changeTargets.push({ er, kind: '恢复' });
      if (er.e.status === 'active') extras(g, hh, cr, k);
      return;
    }
    case 'dibao-roster':
    case 'tekun-roster': {
      const program: Program = s === 'tekun-roster' ? '特困' : '低保';
      const f = family(g, program === '特困' ? 'tekun' : FAMILY_KINDS.draw(r), program === '特困');
      if (program === '低保') makeEligible(g, f, r.next() * 0.5 + 0.35);
      const hh = household(g, f, rosterDate, rosterSource);
      const sinceDate = dateOf(dayNo(rosterDate) - r.int(60, 6 * 365));
      enrol(g, 
        hh,
        program,
        f.people,
        { month: monthOf(sinceDate), date: rosterDate, event: 'roster', at: hh.household.createdAt, source: rosterSource },
        k % 10 === 5 ? { suspend: r.pick(SUSPEND_REASONS) } : k % 10 === 8 ? { terminate: terminateReason(g, f) } : {},
        null,
      );
      return;
    }
    case 'tekun': {
      const f = family(g, 'tekun', true);
      const t = timeline(g, 'approved', k, false);
      const hh = household(g, f, t.app, 'local');
      const cr = makeCase(g, hh, '特困', 'approved', t);
      enrolFromCase(g, cr, k % 9 === 4 ? { terminate: '保障对象去世' } : {});
      return;
    }
    case 'temp': {
      const f = family(g, FAMILY_KINDS.draw(r));
      hardship(g, f);
      const t = timeline(g, 'approved', k, false);
      const hh = household(g, f, t.app, 'local');
      g.tempAmounts.set(hh, r.yuan(1000, 5000, 100));
      const cr = makeCase(g, hh, '临时救助', 'approved', t);
      enrolFromCase(g, cr, { terminate: '临时救助为一次性救助，已发放完毕' });
      return;
    }
    default:
      openCase(g, s, k);
  }
}

export function hardship(g: Generator, f: Family): void {
  f.hardship = g.rng.pick(['上月家中突发火灾，家具衣物全部烧毁', '户主上月遭遇车祸住院，肇事方无力赔偿', '家庭成员突患重病，自付医疗费用约3万元']);
  if (!f.circumstances.includes('其他') && !f.circumstances.includes('重大疾病')) f.circumstances.push('其他');
}

/** Programs a 低保 household often has too: 残疾人补贴, 廉租房补贴, an occasional 临时救助. */
export function extras(g: Generator, hh: HouseholdRec, base: CaseRec, k: number): void {
  const r = g.rng;
  const f = hh.family;
  const after = (): Timeline | null => {
    const from = dayNo(base.c.decision!.date) + r.int(20, 200);
    const to = dayNo(g.lastWorkday) - 60;
    if (from > to) return null;
    return forward(g, onWorkday(g, dateOf(from)), 'cty');
  };
  const disabled = f.people.filter((p) => p.disability);
  if (disabled.length && r.chance(0.6)) {
    const t = after();
    if (t) {
      const cr = makeCase(g, hh, '残疾人补贴', 'approved', t, { covered: disabled });
      enrolFromCase(g, cr, {}, disabled);
    }
  }
  if (k % 15 === 2) {
    // Rent subsidy: renting, or under 15 m² per head.
    f.housingArea = r.chance(0.5) ? null : Math.round(f.people.length * r.int(80, 140)) / 10;
    hh.household.housingArea = f.housingArea;
    const t = after();
    if (t) {
      const cr = makeCase(g, hh, '廉租房补贴', 'approved', t);
      enrolFromCase(g, cr, {});
    }
  }
  if (k % 33 === 9) {
    const t = after();
    if (t) {
      g.tempAmounts.set(hh, r.yuan(1000, 3000, 100));
      const cr = makeCase(g, hh, '临时救助', 'approved', t);
      enrolFromCase(g, cr, { terminate: '临时救助为一次性救助，已发放完毕' });
    }
  }
}

export function openCase(g: Generator, status: Exclude<Scenario, 'dibao' | 'dibao-roster' | 'tekun' | 'tekun-roster' | 'temp'>, k: number): void {
  const r = g.rng;
  let program = OPEN_PROGRAMS.draw(r);
  if (status === 'withdrawn' && k === 0) program = '低保';
  const f = program === '特困' ? family(g, 'tekun', true) : family(g, FAMILY_KINDS.draw(r));
  if (program === '临时救助') hardship(g, f);
  // A refused household keeps what it earns: the county may refuse it for that.
  if (program === '低保' && status !== 'rejected') makeEligible(g, f, r.next() * 0.6 + 0.35);
  // The first few submitted / township-approved cases are the ones the waiting inbound files answer.
  const target = (status === 'submitted' && k % 5 < 3) || (status === 'township-approved' && k % 5 < 4);
  const t = timeline(g, status, k, target);
  const hh = household(g, f, t.app, 'local');
  if (program === '临时救助') g.tempAmounts.set(hh, r.yuan(1000, 5000, 100));
  const objection = status === 'noticing' && k === 0 ? 'open' : status === 'submitted' && k === 1 ? 'resolved' : undefined;
  const cr = makeCase(g, hh, program, status, t, objection ? { objection } : {});
  if (target && status === 'submitted') g.reviewTargets.push(cr);
  if (target && status === 'township-approved') g.decisionTargets.push(cr);
  // The verification platform answers a few working days after acceptance.
  const verifiable = status === 'investigated' || status === 'reviewed' || status === 'noticing' || status === 'submitted';
  if (verifiable && workdaysBetween(g, t.accepted!, g.lastWorkday) >= 3) g.verifyTargets.push(cr);
}

export function makePending(g: Generator): void {
  const withdrawn = g.cases.find((cr) => cr.c.status === 'withdrawn' && cr.c.history.some((h) => h.event === 'approved'));
  if (withdrawn) {
    const ev = withdrawn.c.history.find((h) => h.event === 'approved')!;
    g.pending.push({
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
  const refused = g.cases.find((cr) => cr.c.status === 'rejected');
  if (refused) {
    const date = back(g, g.lastWorkday, 4);
    g.pending.push({
      id: `change-without-enrolment:${refused.hh.householder.idNumber}:${date}`,
      kind: 'change-without-enrolment',
      caseNo: null,
      householderId: refused.hh.householder.idNumber,
      householderName: refused.hh.householder.name,
      reason: `本社区暂无此保障对象：区县${date}通知该户低保停发，请与区县核对`,
      since: arrivedOn(g, date),
      source: fileSource(g, 'benefit-change', date),
    });
  }
  // Recipients the county's last roster did not list.
  const rosterDate = onWorkday(g, addDays(g.today, -200));
  const unlisted = g.enrolments.filter((er) => er.cr && er.e.status === 'active' && er.e.program === '低保' && er.e.since < monthOf(rosterDate));
  const changeIds = new Set(g.changeTargets.map((x) => x.er.e.id));
  for (const er of unlisted.filter((x) => !changeIds.has(x.e.id)).slice(0, Math.max(2, Math.round(g.opts.households / 150)))) {
    g.pending.push({
      id: `roster-unlisted:${er.hh.householder.idNumber}`,
      kind: 'roster-unlisted',
      caseNo: er.e.caseNo,
      householderId: er.hh.householder.idNumber,
      householderName: er.hh.householder.name,
      reason: `区县${rosterDate.slice(0, 7).replace('-', '年')}月花名册中没有该户（本社区在保：${er.e.program}，${er.e.monthlyAmountFen / 100}元），请与区县核对`,
      since: rosterDate,
      source: fileSource(g, 'roster', rosterDate),
    });
  }
}
