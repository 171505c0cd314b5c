// The holiday calendar: one entry per date; a higher-ranked row replaces.
import type { InboundRecord } from '../../exchange/inbound/index.js';
import { outranks, type Applier } from './context.js';
import { tIn } from '../../i18n/index.js';

export const applyHoliday: Applier<Extract<InboundRecord, { kind: 'holidays' }>> = (ctx, row, rec) => {
  const cur = ctx.tx.get('holidays', rec.date) as { type?: string; sha256?: string; row?: number } | undefined;
  if (cur && cur.type === rec.type) return { result: '未变化', reason: '' };
  if (cur && !outranks(ctx.file, row, cur)) return { result: '已过时', reason: tIn('zh', 'sync.reason.holidayKept', { type: String(cur.type) }) };
  ctx.tx.put('holidays', rec.date, { id: rec.date, date: rec.date, type: rec.type, ...(rec.name ? { name: rec.name } : {}), sha256: ctx.file.sha256, row });
  return { result: '已应用', reason: '' };
};
