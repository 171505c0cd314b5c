// Township reviews and county decisions: kept, then the case (and for a
// county decision the household's enrolment) folded again.
import type { Case, Program } from '../../office/model.js';
import type { DeepReadonly } from '../../store/office.js';
import { raisePending } from '../../office/pending.js';
import type { CountyDecisionRecord, TownshipReviewRecord } from '../../exchange/inbound/index.js';
import { checkCase, stateKey, type Applier } from './context.js';
import { foldCase } from './caseFold.js';
import { refreshEnrolment } from './enrolmentFold.js';
import { mergeReasons } from './reasons.js';
import { tIn } from '../../i18n/index.js';

function programOfDecision(c: DeepReadonly<Case>, r: CountyDecisionRecord): Program {
  return r.program ?? c.program;
}

export const applyCaseDecision: Applier<TownshipReviewRecord | CountyDecisionRecord> = (ctx, row, rec) => {
  const checked = checkCase(ctx, rec.caseNo, rec.idNumber);
  if (!('c' in checked)) return checked;
  const { c } = checked;
  // Built whole, not pushed to: a pushed-to array keeps room for 17 (136 bytes more per kept decision).
  const subjects = rec.kind === 'county-decision' ? [`case:${rec.caseNo}`, `hp:${c.householdId}:${programOfDecision(c, rec)}`] : [`case:${rec.caseNo}`];
  const { dec, isNew } = ctx.keep(rec, row, subjects);

  if (c.status === 'withdrawn') {
    raisePending(ctx.tx, {
      id: `decision-on-withdrawn:${dec.id}`,
      kind: 'decision-on-withdrawn',
      caseNo: rec.caseNo,
      householderId: rec.idNumber,
      householderName: rec.name || ctx.nameOfHead(rec.idNumber),
      reason: tIn('zh', rec.kind === 'township-review' ? 'sync.pending.onWithdrawnTownship' : 'sync.pending.onWithdrawnCounty', { result: rec.result, date: rec.date }),
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
