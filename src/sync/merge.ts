// Merging one inbound file's rows into the stores (spec/exchange.md "Merge
// rules"). Every dated decision is kept as a record; a case's results and a
// household's enrolment are *folded* from all the decisions about them in
// the order of their dates, so the final state does not depend on the order
// in which the files arrive. The caller runs this inside one transaction
// together with the record that the file was processed.
import { sha256Hex } from '../store/journal.js';
import type { Case, CaseEvent, CaseStatus, Category, Enrolment, Household, Member, PendingItem, Program } from '../office/model.js';
import type { DeepReadonly, Tx } from '../store/office.js';
import { clearPending, raisePending } from '../office/pending.js';
import { initialsOf } from '../household/initials.js';
import { formatYuan } from '../rules/money.js';
import { settingsOf } from '../office/context.js';
import { COUNTY_STATUS, TOWNSHIP_STATUS, compareDecisions, type DatedRecord, type DecisionRecord } from './decisions.js';

import type {
  BenefitChangeRecord,
  CountyDecisionRecord,
  InboundKind,
  InboundRecord,
  RosterRecord,
  RowOutcome,
  TownshipReviewRecord,
} from '../exchange/kinds.js';

export type ReceiptResult = '已应用' | '未变化' | '已过时' | '拒绝' | '待处理' | '提示';

export interface ReceiptRow {
  row: number;
  result: ReceiptResult;
  reason: string;
  caseNo: string;
  idNumber: string;
}

export interface FileRef {
  sha256: string;
  name: string;
}

export const mergeReasons = {
  noCase: (caseNo: string) => `本社区没有申请编号为 ${caseNo} 的申请，请核对申请编号`,
  otherOffice: (caseNo: string) => `申请编号 ${caseNo} 不属于本社区，请确认文件是否发错了社区`,
  notHouseholder: (caseNo: string) =>
    `身份证号不是申请 ${caseNo} 的户主：请核对这一行是否错位（例如只对一列排序后错行），核对无误后重新导出`,
  withdrawn: (caseNo: string) => `申请 ${caseNo} 已撤回，该结果已保存，请工作人员处理`,
  stale: '比已收到的同类结果更早（或同日排序在后），已记入历史，不改变当前结果',
  beforeResubmit: '早于本社区重新上报的日期，已记入历史，不改变当前状态',
  noEnrolment: '本社区暂无此保障对象',
  rosterDiffers: (what: string) => `与本社区当前保障记录不一致：${what}；以区县的审批和变更决定为准，请工作人员核对`,
  rosterInconsistent: '同一户的各行救助类别、月保障金额、分类或起始年月不一致，请核对花名册',
  strict: '严格模式：文件中有被拒绝的行，整个文件未应用',
  unknownColumns: (cols: readonly string[]) => `已忽略不认识的列：${cols.join('、')}`,
} as const;

const CHANGE_EVENTS: Record<BenefitChangeRecord['change'], string> = { 停发: 'suspended', 调整: 'adjusted', 恢复: 'resumed', 退出: 'terminated' };

const whenOf = (r: DatedRecord) => (r.time ? `${r.date}T${r.time}` : r.date);
const contentId = (r: object) => sha256Hex(JSON.stringify(r)).slice(0, 24);

// ------------------------------------------------------------------ context

/** Lookups built once per file, kept current as the file's rows are merged. */
class MergeContext {
  readonly bySubject = new Map<string, DecisionRecord[]>();
  readonly householdByHead = new Map<string, DeepReadonly<Household>>();
  private membersByHousehold: Map<string, string[]> | null = null;

  constructor(
    readonly tx: Tx,
    readonly file: FileRef,
    readonly officeCode: string,
  ) {
    for (const d of tx.all('decisions') as unknown as DecisionRecord[]) this.index(d);
    for (const h of tx.all('households')) this.householdByHead.set(h.householderId, h);
  }

  index(d: DecisionRecord): void {
    for (const s of d.subjects) {
      const list = this.bySubject.get(s);
      if (list) {
        const at = list.findIndex((x) => x.id === d.id);
        if (at >= 0) list[at] = d;
        else list.push(d);
      } else this.bySubject.set(s, [d]);
    }
  }

  decisionsOf(subject: string): DecisionRecord[] {
    return [...(this.bySubject.get(subject) ?? [])].sort(compareDecisions);
  }

  /** Keeps a decision; returns it and whether its content was new. */
  keep(record: DatedRecord, row: number, subjects: string[]): { dec: DecisionRecord; isNew: boolean } {
    const id = contentId(record);
    const cur = this.tx.get('decisions', id) as unknown as DecisionRecord | undefined;
    const level = record.kind === 'township-review' ? 1 : 2;
    // The same decision again, from this or another file: kept as it first came,
    // so a re-export changes nothing (not even which file it is credited to).
    if (cur) return { dec: cur, isNew: false };
    const dec: DecisionRecord = {
      id,
      kind: record.kind,
      subjects,
      when: whenOf(record),
      level,
      sha256: this.file.sha256,
      row,
      receivedAt: this.tx.now.iso,
      record,
    };
    this.tx.put('decisions', id, dec as unknown as Record<string, unknown>);
    this.index(dec);
    return { dec, isNew: true };
  }

  /** ID numbers of a household's present members (index built on first use). */
  membersOf(householdId: string): string[] {
    if (!this.membersByHousehold) {
      this.membersByHousehold = new Map();
      for (const m of this.tx.all('members') as DeepReadonly<Member>[]) if (!m.leftOn) this.addMember(m.householdId, m.idNumber);
    }
    return this.membersByHousehold.get(householdId) ?? [];
  }

  addMember(householdId: string, idNumber: string): void {
    if (!this.membersByHousehold) return;
    const list = this.membersByHousehold.get(householdId);
    if (list) list.push(idNumber);
    else this.membersByHousehold.set(householdId, [idNumber]);
  }

  householdOfHead(idNumber: string): DeepReadonly<Household> | undefined {
    return this.householdByHead.get(idNumber);
  }

  nameOfHead(idNumber: string): string {
    return (this.tx.get('members', idNumber)?.name as string | undefined) ?? '';
  }
}

// --------------------------------------------------------------- case fold

type CaseState = Pick<Case, 'status' | 'township' | 'decision'>;

function stateKey(s: unknown): string {
  return JSON.stringify(s);
}

/** The case's results and status from all decisions about it, in rank order. */
function foldCase(c: DeepReadonly<Case>, decs: readonly DecisionRecord[]): CaseState {
  const lastT = decs.filter((d) => d.kind === 'township-review').at(-1);
  const lastC = decs.filter((d) => d.kind === 'county-decision').at(-1);

  let status: CaseStatus = c.status;
  const latest = decs.at(-1);
  if (latest && !(c.submittedOn && latest.when.slice(0, 10) < c.submittedOn)) {
    const r = latest.record as TownshipReviewRecord | CountyDecisionRecord;
    status = r.kind === 'township-review' ? TOWNSHIP_STATUS[r.result].status : COUNTY_STATUS[r.result].status;
  }
  const lt = lastT?.record as TownshipReviewRecord | undefined;
  const lc = lastC?.record as CountyDecisionRecord | undefined;
  return {
    status,
    township: lt ? { result: lt.result, date: lt.date, note: lt.note, ...(lt.by ? { by: lt.by } : {}) } : null,
    decision: lc
      ? {
          result: lc.result,
          date: lc.date,
          program: lc.program,
          persons: lc.persons,
          monthlyAmountFen: lc.monthlyAmountFen,
          category: lc.category,
          startMonth: lc.startMonth,
          ...(lc.reason ? { reason: lc.reason } : {}),
          ...(lc.by ? { by: lc.by } : {}),
        }
      : null,
  };
}

// ---------------------------------------------------------- enrolment fold

export interface RosterBase {
  sha256: string;
  /** When the roster that made the enrolment was received. */
  at: string;
  row: number;
  monthlyAmountFen: number;
  persons: number;
  covered: string[];
  category: Category | null;
  since: string;
}

/**
 * An enrolment the office had before any file decided on it (entered from an
 * old ledger, the demo): kept as it was when the first decision about it
 * arrived, and folded on like a roster base.
 */
export type LocalBase = Omit<Enrolment, 'id' | 'householdId' | 'program'>;

type EnrolmentState = Omit<Enrolment, 'id' | 'householdId' | 'program'> & { rosterBase?: RosterBase; localBase?: LocalBase };

interface EnrolmentFold {
  state: EnrolmentState | null;
  /** Benefit changes that found no enrolment to act on. */
  orphanChanges: DecisionRecord[];
}

function coveredMembers(ctx: MergeContext, householdId: string, householderId: string, persons: number | null): string[] {
  const members = [...ctx.membersOf(householdId)].sort((a, b) => (a === householderId ? -1 : b === householderId ? 1 : a.localeCompare(b)));
  return persons === null ? members : members.slice(0, persons);
}

function foldEnrolment(
  ctx: MergeContext,
  householdId: string,
  householderId: string,
  base: RosterBase | null,
  decs: readonly DecisionRecord[],
  localBase: LocalBase | null = null,
): EnrolmentFold {
  const usable = decs.filter((d) => {
    if (d.kind !== 'county-decision') return d.kind === 'benefit-change';
    const c = ctx.tx.get('cases', (d.record as CountyDecisionRecord).caseNo);
    return c !== undefined && c.status !== 'withdrawn';
  });
  const approved = usable.some((d) => d.kind === 'county-decision' && (d.record as CountyDecisionRecord).result === '批准');
  let state: EnrolmentState | null = null;
  if (base && !approved) {
    state = {
      status: 'active',
      monthlyAmountFen: base.monthlyAmountFen,
      persons: base.persons,
      covered: [...base.covered],
      category: base.category,
      since: base.since,
      caseNo: null,
      history: [{ at: base.at, event: 'roster', month: base.since, amountFen: base.monthlyAmountFen, source: `file:${base.sha256}` }],
      rosterBase: base,
    };
  } else if (localBase && !approved) {
    state = { ...structuredClone(localBase), localBase };
  }
  const orphanChanges: DecisionRecord[] = [];
  for (const d of usable) {
    const source = `file:${d.sha256}` as const;
    if (d.kind === 'county-decision') {
      const r = d.record as CountyDecisionRecord;
      if (r.result === '批准') {
        state = {
          status: 'active',
          monthlyAmountFen: r.monthlyAmountFen ?? 0,
          persons: r.persons ?? 1,
          covered: coveredMembers(ctx, householdId, householderId, r.persons),
          category: r.category,
          since: r.startMonth ?? r.date.slice(0, 7),
          caseNo: r.caseNo,
          history: [
            ...(state?.history ?? []).filter((h) => h.event !== 'roster'),
            { at: d.receivedAt, event: 'approved', month: r.startMonth ?? undefined, amountFen: r.monthlyAmountFen ?? undefined, source, date: r.date },
          ].map(dropUndefined),
        };
      } else if (state && state.caseNo === r.caseNo) {
        state = {
          ...state,
          status: 'terminated',
          history: [...state.history, dropUndefined({ at: d.receivedAt, event: 'terminated', source, date: r.date, reason: r.reason || '区县不予批准' })],
        };
      }
      continue;
    }
    const r = d.record as BenefitChangeRecord;
    if (!state) {
      orphanChanges.push(d);
      continue;
    }
    const next = { ...state };
    if (r.change === '停发') next.status = 'suspended';
    else if (r.change === '退出') next.status = 'terminated';
    else {
      if (r.change === '恢复') next.status = 'active';
      if (r.monthlyAmountFen !== null) next.monthlyAmountFen = r.monthlyAmountFen;
    }
    next.history = [
      ...state.history,
      dropUndefined({
        at: d.receivedAt,
        event: CHANGE_EVENTS[r.change],
        month: r.effectiveMonth,
        amountFen: r.monthlyAmountFen ?? undefined,
        source,
        reason: r.reason || undefined,
        date: r.date,
      }),
    ];
    state = next;
  }
  return { state, orphanChanges };
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function enrolmentKey(e: DeepReadonly<Enrolment> | undefined): string {
  if (!e) return 'none';
  return stateKey([e.status, e.monthlyAmountFen, e.persons, e.category, e.since, e.caseNo]);
}

/** Re-folds one household-program subject and stores the result; returns whether the enrolment changed. */
function refreshEnrolment(ctx: MergeContext, householdId: string, program: Program, householderId: string): boolean {
  const { tx } = ctx;
  const id = `${householdId}:${program}`;
  const cur = tx.get('enrolments', id) as DeepReadonly<Enrolment & { rosterBase?: RosterBase; localBase?: LocalBase }> | undefined;
  const decs = ctx.decisionsOf(`hp:${householdId}:${program}`);
  let localBase = (cur?.localBase as LocalBase | undefined) ?? null;
  const approvedByFile = decs.some((d) => d.kind === 'county-decision' && (d.record as CountyDecisionRecord).result === '批准');
  if (cur && !cur.rosterBase && !localBase && !approvedByFile) {
    const { id: _i, householdId: _h, program: _p, ...own } = structuredClone(cur) as Enrolment & { rosterBase?: RosterBase; localBase?: LocalBase };
    localBase = own;
  }
  const { state, orphanChanges } = foldEnrolment(ctx, householdId, householderId, (cur?.rosterBase as RosterBase | undefined) ?? null, decs, localBase);

  const orphanIds = new Set(orphanChanges.map((d) => d.id));
  for (const d of decs) {
    if (d.kind !== 'benefit-change') continue;
    const pid = `change-without-enrolment:${d.id}`;
    if (orphanIds.has(d.id)) {
      const r = d.record as BenefitChangeRecord;
      raisePending(tx, {
        id: pid,
        kind: 'change-without-enrolment',
        caseNo: null,
        householderId: r.idNumber,
        householderName: r.name || ctx.nameOfHead(r.idNumber),
        reason: `${r.change}（${r.effectiveMonth}起）：${mergeReasons.noEnrolment}`,
        source: `file:${d.sha256}`,
      });
    } else clearPending(tx, pid);
  }

  if (!state) return false;
  const next: Enrolment & { rosterBase?: RosterBase; localBase?: LocalBase } = { id, householdId, program, ...state };
  if (!next.rosterBase) delete next.rosterBase;
  if (!next.localBase) delete next.localBase;
  const before = enrolmentKey(cur);
  tx.put('enrolments', id, next);
  return before !== enrolmentKey(next);
}

// --------------------------------------------------------------- per kind

interface RowResult {
  result: ReceiptResult;
  reason: string;
  /** For a dated decision: checked again once the whole file is merged (a later row may outrank it). */
  dec?: DecisionRecord;
}

type Applier<R> = (ctx: MergeContext, row: number, rec: R) => RowResult;

/** Cross-check of a row about a case: the case is ours and the ID is its householder's. */
function checkCase(ctx: MergeContext, caseNo: string, idNumber: string): { c: DeepReadonly<Case> } | RowResult {
  if (!caseNo.startsWith(`${ctx.officeCode}-`)) return { result: '拒绝', reason: mergeReasons.otherOffice(caseNo) };
  const c = ctx.tx.get('cases', caseNo);
  if (!c) return { result: '拒绝', reason: mergeReasons.noCase(caseNo) };
  const h = ctx.tx.get('households', c.householdId);
  if (!h || h.householderId !== idNumber) return { result: '拒绝', reason: mergeReasons.notHouseholder(caseNo) };
  return { c };
}

function programOfDecision(c: DeepReadonly<Case>, r: CountyDecisionRecord): Program {
  return r.program ?? c.program;
}

const applyCaseDecision: Applier<TownshipReviewRecord | CountyDecisionRecord> = (ctx, row, rec) => {
  const checked = checkCase(ctx, rec.caseNo, rec.idNumber);
  if (!('c' in checked)) return checked;
  const { c } = checked;
  const subjects = [`case:${rec.caseNo}`];
  if (rec.kind === 'county-decision') subjects.push(`hp:${c.householdId}:${programOfDecision(c, rec)}`);
  const { dec, isNew } = ctx.keep(rec, row, subjects);

  if (c.status === 'withdrawn') {
    raisePending(ctx.tx, {
      id: `decision-on-withdrawn:${dec.id}`,
      kind: 'decision-on-withdrawn',
      caseNo: rec.caseNo,
      householderId: rec.idNumber,
      householderName: rec.name || ctx.nameOfHead(rec.idNumber),
      reason: `${rec.kind === 'township-review' ? `街道审核${rec.result}` : `区县${rec.result}`}（${rec.date}），但申请已撤回`,
      source: `file:${dec.sha256}`,
    });
    return { result: '待处理', reason: mergeReasons.withdrawn(rec.caseNo) };
  }

  const decs = ctx.decisionsOf(`case:${rec.caseNo}`);
  const before = stateKey([c.status, c.township, c.decision]);
  const next = foldCase(c, decs);
  let changed = before !== stateKey([next.status, next.township, next.decision]);
  if (changed) ctx.tx.put('cases', c.caseNo, { ...(c as Case), ...next });
  if (rec.kind === 'county-decision') {
    const h = ctx.tx.get('households', c.householdId)!;
    changed = refreshEnrolment(ctx, c.householdId, programOfDecision(c, rec), h.householderId) || changed;
  }

  if (c.submittedOn && dec.when.slice(0, 10) < c.submittedOn && decs.at(-1)?.id === dec.id) {
    return { result: '已过时', reason: mergeReasons.beforeResubmit };
  }
  if (!isNew || !changed) return { result: '未变化', reason: '', dec };
  return { result: '已应用', reason: '', dec };
};

const applyBenefitChange: Applier<BenefitChangeRecord> = (ctx, row, rec) => {
  const h = ctx.householdOfHead(rec.idNumber);
  const householdId = h?.id ?? `h${rec.idNumber}`;
  const subject = `hp:${householdId}:${rec.program}`;
  const { dec, isNew } = ctx.keep(rec, row, [subject]);
  const changed = refreshEnrolment(ctx, householdId, rec.program, rec.idNumber);
  const pending = ctx.tx.get('pending', `change-without-enrolment:${dec.id}`);
  if (pending && !pending.resolvedOn) return { result: '待处理', reason: mergeReasons.noEnrolment };
  if (!isNew || !changed) return { result: '未变化', reason: '', dec };
  return { result: '已应用', reason: '', dec };
};

/** Whether a decision is outranked by another of its kind about the same case, or about the same household and program. */
function isStale(ctx: MergeContext, dec: DecisionRecord): boolean {
  const subject = dec.kind === 'benefit-change' ? dec.subjects[0]! : `case:${(dec.record as { caseNo: string }).caseNo}`;
  const same = ctx.decisionsOf(subject).filter((d) => dec.kind === 'benefit-change' || d.kind === dec.kind);
  return same.at(-1)?.id !== dec.id;
}

const applyVerification: Applier<Extract<InboundRecord, { kind: 'verification' }>> = (ctx, _row, rec) => {
  const checked = checkCase(ctx, rec.caseNo, rec.idNumber);
  if (!('c' in checked)) return checked;
  const { c } = checked;
  const key = contentId(rec);
  if (c.verifications.some((v) => (v as { key?: string }).key === key)) return { result: '未变化', reason: '' };
  const v = dropUndefined({
    key,
    item: rec.item,
    found: rec.found,
    date: rec.date,
    amountFen: rec.amountFen,
    note: rec.note || undefined,
    source: `file:${ctx.file.sha256}` as const,
  });
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Code-point order, not the machine's locale: every office sorts the same way.
  const verifications = [...c.verifications, v].sort((a, b) => cmp(a.date, b.date) || cmp(a.item, b.item) || cmp((a as { key?: string }).key ?? '', (b as { key?: string }).key ?? ''));
  ctx.tx.put('cases', c.caseNo, { ...(c as Case), verifications });
  return { result: '已应用', reason: '' };
};

/** Records ranked by file and row, for the undated kinds: a higher rank replaces. */
function outranks(file: FileRef, row: number, cur: { sha256?: string; row?: number }): boolean {
  const s = cur.sha256 ?? '';
  return file.sha256 > s || (file.sha256 === s && row > (cur.row ?? 0));
}

const applyStandard: Applier<Extract<InboundRecord, { kind: 'standard' }>> = (ctx, row, rec) => {
  const id = `${rec.area}:${rec.program}:${rec.from}`;
  const cur = ctx.tx.get('standards', id) as (DeepReadonly<{ monthlyFen: number; ref?: string }> & { sha256?: string; row?: number }) | undefined;
  if (cur && cur.monthlyFen === rec.monthlyFen) return { result: '未变化', reason: '' };
  if (cur && !outranks(ctx.file, row, cur)) {
    return { result: '已过时', reason: `已有同一执行日期的标准 ${formatYuan(cur.monthlyFen)} 元，本行未采用` };
  }
  ctx.tx.put('standards', id, {
    id,
    area: rec.area,
    program: rec.program,
    monthlyFen: rec.monthlyFen,
    from: rec.from,
    ...(rec.ref ? { ref: rec.ref } : {}),
    source: `file:${ctx.file.sha256}`,
    ...({ sha256: ctx.file.sha256, row } as object),
  });
  return { result: '已应用', reason: '' };
};

const applyHoliday: Applier<Extract<InboundRecord, { kind: 'holidays' }>> = (ctx, row, rec) => {
  const cur = ctx.tx.get('holidays', rec.date) as { type?: string; sha256?: string; row?: number } | undefined;
  if (cur && cur.type === rec.type) return { result: '未变化', reason: '' };
  if (cur && !outranks(ctx.file, row, cur)) return { result: '已过时', reason: `已有该日期的安排（${cur.type}），本行未采用` };
  ctx.tx.put('holidays', rec.date, { id: rec.date, date: rec.date, type: rec.type, ...(rec.name ? { name: rec.name } : {}), sha256: ctx.file.sha256, row });
  return { result: '已应用', reason: '' };
};

// ------------------------------------------------------------------ roster

function applyRoster(ctx: MergeContext, rows: { row: number; record: RosterRecord }[], out: Map<number, RowResult>): void {
  const { tx } = ctx;
  const byHead = new Map<string, { row: number; record: RosterRecord }[]>();
  for (const r of rows) {
    const list = byHead.get(r.record.householderId);
    if (list) list.push(r);
    else byHead.set(r.record.householderId, [r]);
  }
  const listed = new Set<string>();
  const settingsArea = settingsOf(tx).office.area;

  for (const [headId, list] of byHead) {
    const first = list[0]!.record;
    const sig = (r: RosterRecord) => stateKey([r.program, r.monthlyAmountFen, r.category, r.startMonth]);
    if (list.some((r) => sig(r.record) !== sig(first))) {
      for (const r of list) out.set(r.row, { result: '拒绝', reason: mergeReasons.rosterInconsistent });
      continue;
    }
    const program = first.program;
    let household = ctx.householdOfHead(headId);
    const householdId = household?.id ?? `h${headId}`;
    listed.add(`${householdId}:${program}`);
    const persons = new Set(list.map((r) => r.record.memberId)).size;

    if (!household) {
      const h: Household = {
        id: householdId,
        householderId: headId,
        area: first.area ?? settingsArea,
        address: first.address,
        phone: first.phone,
        housingArea: null,
        createdAt: tx.now.iso,
        source: `file:${ctx.file.sha256}`,
        notes: [{ at: tx.now.iso, by: '区县花名册', text: '由区县花名册导入；成员的劳动能力、残疾等级和收入待社区核实' }],
      };
      tx.put('households', householdId, h);
      ctx.householdByHead.set(headId, h);
      household = h;
      // A roster that lists the family but not the householder's own row still names the householder.
      const people = list.map((r) => r.record);
      if (!people.some((m) => m.memberId === headId)) {
        people.unshift({ ...first, memberId: headId, memberName: first.householderName || '户主（花名册未列出姓名）', relation: '户主' });
      }
      for (const m of people) {
        if (tx.get('members', m.memberId)) continue;
        ctx.addMember(householdId, m.memberId);
        tx.put('members', m.memberId, {
          idNumber: m.memberId,
          householdId,
          name: m.memberName,
          relation: m.memberId === headId ? '户主' : m.relation,
          labourAbility: '无',
          disability: null,
          incomes: [],
          initials: initialsOf(m.memberName),
        });
      }
    }

    const enrolmentId = `${householdId}:${program}`;
    const cur = tx.get('enrolments', enrolmentId);
    if (!cur) {
      const base: RosterBase = {
        sha256: ctx.file.sha256,
        at: tx.now.iso,
        row: list[0]!.row,
        monthlyAmountFen: first.monthlyAmountFen,
        persons,
        covered: [...new Set(list.map((r) => r.record.memberId))],
        category: first.category,
        since: first.startMonth,
      };
      {
        tx.put('enrolments', enrolmentId, {
          id: enrolmentId,
          householdId,
          program,
          status: 'active',
          monthlyAmountFen: base.monthlyAmountFen,
          persons,
          covered: base.covered,
          category: base.category,
          since: base.since,
          caseNo: null,
          history: [],
          rosterBase: base,
        } as Enrolment);
      }
      // A new enrolment (and, for a household the office lacked, a new household).
      refreshEnrolment(ctx, householdId, program, headId);
      for (const r of list) out.set(r.row, { result: '已应用', reason: '' });
      clearPending(tx, `roster-differs:${enrolmentId}`);
      continue;
    }

    const diffs: string[] = [];
    if (cur.monthlyAmountFen !== first.monthlyAmountFen) diffs.push(`月保障金额 花名册${formatYuan(first.monthlyAmountFen)}元、本社区${formatYuan(cur.monthlyAmountFen)}元`);
    if (first.category !== null && cur.category !== first.category) diffs.push(`分类 花名册${first.category}、本社区${cur.category ?? '无'}`);
    if (cur.persons !== persons) diffs.push(`保障人数 花名册${persons}人、本社区${cur.persons}人`);
    if (cur.status === 'suspended') diffs.push('本社区记录为停发');
    if (cur.status === 'terminated') diffs.push('本社区记录为已退出');
    if (diffs.length === 0) {
      for (const r of list) out.set(r.row, { result: '未变化', reason: '' });
      clearPending(tx, `roster-differs:${enrolmentId}`);
      continue;
    }
    const reason = mergeReasons.rosterDiffers(diffs.join('；'));
    for (const r of list) out.set(r.row, { result: '待处理', reason });
    raisePending(tx, {
      id: `roster-differs:${enrolmentId}`,
      kind: 'roster-differs',
      caseNo: cur.caseNo,
      householderId: headId,
      householderName: first.householderName || ctx.nameOfHead(headId),
      reason,
      source: `file:${ctx.file.sha256}`,
    });
  }

  // The office's recipients the county's list does not name: flagged, never removed.
  for (const e of tx.all('enrolments')) {
    if (e.status === 'terminated') continue;
    const pid = `roster-unlisted:${e.id}`;
    if (listed.has(e.id)) {
      clearPending(tx, pid);
      continue;
    }
    const h = tx.get('households', e.householdId);
    raisePending(tx, {
      id: pid,
      kind: 'roster-unlisted',
      caseNo: e.caseNo,
      householderId: h?.householderId ?? null,
      householderName: h ? ctx.nameOfHead(h.householderId) : '',
      reason: `区县花名册没有列出本社区的${e.program}保障户，请与区县核对（记录未删除）`,
      source: `file:${ctx.file.sha256}`,
    });
  }
}

// ------------------------------------------------------------------- entry

export interface MergeResult {
  rows: ReceiptRow[];
  counts: { applied: number; unchanged: number; stale: number; rejected: number; pending: number };
}

const COUNT_KEY: Record<ReceiptResult, keyof MergeResult['counts'] | null> = {
  已应用: 'applied',
  未变化: 'unchanged',
  已过时: 'stale',
  拒绝: 'rejected',
  待处理: 'pending',
  提示: null,
};

/**
 * Merges the parsed rows of one file of `kind` into `tx`. Returns the
 * receipt's rows (without the header-row note). With `strict`, a file with
 * any rejected row changes nothing and every row is 拒绝.
 */
export function mergeRows(
  tx: Tx,
  kind: InboundKind,
  outcomes: readonly RowOutcome<InboundRecord>[],
  file: FileRef,
  officeCode: string,
  strict = false,
): MergeResult {
  const ctx = new MergeContext(tx, file, officeCode);
  const results = new Map<number, RowResult>();
  const good: { row: number; record: InboundRecord }[] = [];
  for (const o of outcomes) {
    if (o.ok) good.push({ row: o.row, record: o.record });
    else results.set(o.row, { result: '拒绝', reason: o.reason });
  }

  if (kind === 'roster') applyRoster(ctx, good as { row: number; record: RosterRecord }[], results);
  else {
    for (const { row, record } of good) {
      let r: RowResult;
      switch (record.kind) {
        case 'township-review':
        case 'county-decision':
          r = applyCaseDecision(ctx, row, record);
          break;
        case 'benefit-change':
          r = applyBenefitChange(ctx, row, record);
          break;
        case 'verification':
          r = applyVerification(ctx, row, record);
          break;
        case 'standard':
          r = applyStandard(ctx, row, record);
          break;
        case 'holidays':
          r = applyHoliday(ctx, row, record);
          break;
        default:
          throw new Error(`unexpected record kind ${(record as { kind: string }).kind}`);
      }
      results.set(row, r);
    }
  }

  for (const [row, r] of results) {
    if (r.dec && (r.result === '已应用' || r.result === '未变化') && isStale(ctx, r.dec)) results.set(row, { result: '已过时', reason: mergeReasons.stale });
  }

  const anyRejected = [...results.values()].some((r) => r.result === '拒绝');
  if (strict && anyRejected) {
    tx.pending.clear();
    for (const [row, r] of results) if (r.result !== '拒绝') results.set(row, { result: '拒绝', reason: mergeReasons.strict });
  }

  const counts: MergeResult['counts'] = { applied: 0, unchanged: 0, stale: 0, rejected: 0, pending: 0 };
  const rows: ReceiptRow[] = outcomes.map((o) => {
    const r = results.get(o.row)!;
    const key = COUNT_KEY[r.result];
    if (key) counts[key]++;
    const keys = o.ok ? keysOf(o.record) : { caseNo: o.caseNo ?? '', idNumber: o.idNumber ?? '' };
    return { row: o.row, result: r.result, reason: r.reason, ...keys };
  });
  return { rows, counts };
}

function keysOf(r: InboundRecord): { caseNo: string; idNumber: string } {
  switch (r.kind) {
    case 'township-review':
    case 'county-decision':
    case 'verification':
      return { caseNo: r.caseNo, idNumber: r.idNumber };
    case 'benefit-change':
      return { caseNo: '', idNumber: r.idNumber };
    case 'roster':
      return { caseNo: '', idNumber: r.memberId };
    default:
      return { caseNo: '', idNumber: '' };
  }
}

