// The enrolment fold: a household's enrolment in a programme from its roster
// base (or the office's own record) and all decisions about it, in rank order.
import type { Category, Enrolment, Program } from '../../office/model.js';
import type { DeepReadonly } from '../../store/office.js';
import { clearPending, raisePending } from '../../office/pending.js';
import type { DecisionRecord } from '../decisions.js';
import type { BenefitChangeRecord, CountyDecisionRecord } from '../../exchange/inbound/index.js';
import { dropUndefined, stateKey, type MergeContext } from './context.js';
import { mergeReasons } from './reasons.js';
import { tIn } from '../../i18n/index.js';
import { coverageOfApproval } from '../../recipients/coverage.js';

const CHANGE_EVENTS: Record<BenefitChangeRecord['change'], string> = { 停发: 'suspended', 调整: 'adjusted', 恢复: 'resumed', 退出: 'terminated' };

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
          covered: coverageOfApproval(ctx.tx, { caseNo: r.caseNo, householdId, householderId, persons: r.persons, memberIds: ctx.membersOf(householdId), reason: r.reason, source }),
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
          history: [...state.history, dropUndefined({ at: d.receivedAt, event: 'terminated', source, date: r.date, reason: r.reason || tIn('zh', 'sync.record.countyRefused') })],
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

function enrolmentKey(e: DeepReadonly<Enrolment> | undefined): string {
  if (!e) return 'none';
  return stateKey([e.status, e.monthlyAmountFen, e.persons, e.category, e.since, e.caseNo]);
}

/** Re-folds one household-program subject and stores the result; returns whether the enrolment changed. */
export function refreshEnrolment(ctx: MergeContext, householdId: string, program: Program, householderId: string): boolean {
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
        reason: tIn('zh', 'sync.pending.changeWithoutEnrolment', { change: r.change, month: r.effectiveMonth, reason: mergeReasons.noEnrolment }),
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
