// Standards: one per area, programme and start date; a higher-ranked row replaces.
import type { DeepReadonly } from '../../store/office.js';
import type { InboundRecord } from '../../exchange/inbound/index.js';
import { formatYuan } from '../../rules/money.js';
import { outranks, type Applier } from './context.js';
import { tIn } from '../../i18n/index.js';

export const applyStandard: Applier<Extract<InboundRecord, { kind: 'standard' }>> = (ctx, row, rec) => {
  const id = `${rec.area}:${rec.program}:${rec.from}`;
  const cur = ctx.tx.get('standards', id) as (DeepReadonly<{ monthlyFen: number; ref?: string }> & { sha256?: string; row?: number }) | undefined;
  if (cur && cur.monthlyFen === rec.monthlyFen) return { result: '未变化', reason: '' };
  if (cur && !outranks(ctx.file, row, cur)) {
    return { result: '已过时', reason: tIn('zh', 'sync.reason.standardKept', { amount: formatYuan(cur.monthlyFen) }) };
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
