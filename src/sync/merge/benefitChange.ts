// Benefit changes (停发, 调整, 恢复, 退出): kept, then the enrolment folded again.
import type { BenefitChangeRecord } from '../../exchange/inbound/index.js';
import type { Applier } from './context.js';
import { refreshEnrolment } from './enrolmentFold.js';
import { mergeReasons } from './reasons.js';

export const applyBenefitChange: Applier<BenefitChangeRecord> = (ctx, row, rec) => {
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
