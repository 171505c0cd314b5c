// Verification results: added to the case's list once, in a fixed order.
import type { Case } from '../../office/model.js';
import type { InboundRecord } from '../../exchange/inbound/index.js';
import { checkCase, contentId, dropUndefined, type Applier } from './context.js';

export const applyVerification: Applier<Extract<InboundRecord, { kind: 'verification' }>> = (ctx, _row, rec) => {
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
