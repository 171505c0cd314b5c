// The county's roster: households and enrolments the office lacks are made,
// differences are raised for the clerk, unlisted recipients flagged, never removed.
import type { Enrolment, Household } from '../../office/model.js';
import { clearPending, raisePending } from '../../office/pending.js';
import { initialsOf } from '../../household/initials.js';
import { formatYuan } from '../../rules/money.js';
import { settingsOf } from '../../office/context.js';
import type { RosterRecord } from '../../exchange/inbound/index.js';
import { stateKey, type MergeContext, type RowResult } from './context.js';
import { refreshEnrolment, type RosterBase } from './enrolmentFold.js';
import { mergeReasons } from './reasons.js';
import { tIn } from '../../i18n/index.js';

export function applyRoster(ctx: MergeContext, rows: { row: number; record: RosterRecord }[], out: Map<number, RowResult>): void {
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
        notes: [{ at: tx.now.iso, by: tIn('zh', 'sync.record.rosterBy'), text: tIn('zh', 'sync.record.rosterNote') }],
      };
      tx.put('households', householdId, h);
      ctx.householdByHead.set(headId, h);
      household = h;
      // A roster that lists the family but not the householder's own row still names the householder.
      const people = list.map((r) => r.record);
      if (!people.some((m) => m.memberId === headId)) {
        people.unshift({ ...first, memberId: headId, memberName: first.householderName || tIn('zh', 'sync.record.unnamedHouseholder'), relation: '户主' });
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
    if (cur.monthlyAmountFen !== first.monthlyAmountFen) diffs.push(tIn('zh', 'sync.reason.differsAmount', { roster: formatYuan(first.monthlyAmountFen), office: formatYuan(cur.monthlyAmountFen) }));
    if (first.category !== null && cur.category !== first.category) diffs.push(tIn('zh', 'sync.reason.differsCategory', { roster: first.category, office: cur.category ?? tIn('zh', 'sync.reason.none') }));
    if (cur.persons !== persons) diffs.push(tIn('zh', 'sync.reason.differsPersons', { roster: persons, office: cur.persons }));
    if (cur.status === 'suspended') diffs.push(tIn('zh', 'sync.reason.officeSuspended'));
    if (cur.status === 'terminated') diffs.push(tIn('zh', 'sync.reason.officeTerminated'));
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
      reason: tIn('zh', 'sync.pending.unlisted', { program: e.program }),
      source: `file:${ctx.file.sha256}`,
    });
  }
}
