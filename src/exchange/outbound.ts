// Files this office publishes upward (spec/exchange.md "Outbound files").
// A module that has something to send queues it inside its own transaction;
// the sync run (`sync once`, the daemon) writes what is queued into
// `<shared>/outbox/`, so a submit made while the share is away is sent when
// it returns, and the queueing commits atomically with the change it reports.
import type { Tx } from '../store/office.js';
import { compactStamp } from '../office/time.js';

export const OUTBOUND_COLUMNS = {
  applications: [
    '申请编号', '户主姓名', '户主身份证号', '申请类别', '家庭人口', '家庭月总收入(元)', '人均月收入(元)',
    '住房面积(平方米)', '地区类型', '申请日期', '评议结果', '公示开始日期', '公示结束日期', '公示异议', '住址', '联系电话',
  ],
  members: ['申请编号', '姓名', '身份证号', '与户主关系', '劳动能力', '残疾等级', '月收入(元)'],
  attendance: ['年月', '身份证号', '姓名', '应参加次数', '实参加次数', '请假次数', '缺勤次数', '处理建议'],
} as const;

export type FixedOutboundKind = keyof typeof OUTBOUND_COLUMNS;

export interface OutboundFile {
  id: string;
  /** `applications`, `members`, `attendance`, or a report template's id. */
  kind: string;
  columns: string[];
  /** Cells as text, in column order; amounts already as yuan (`1234.50`). */
  rows: string[][];
  queuedAt: string;
  /** What it is about, for the clerk: `430105003001-2026-0007 上报` … */
  summary: string;
  /** Set once written: the file name in the outbox. */
  writtenAs: string | null;
  writtenAt: string | null;
}

/**
 * Queues one outbound file in the caller's transaction; returns its id.
 * `kind` is one of OUTBOUND_COLUMNS' kinds (columns must then be those) or a
 * report template id with the template's own columns.
 */
export function queueOutbound(tx: Tx, kind: string, columns: readonly string[], rows: readonly (readonly string[])[], summary: string): string {
  const fixed = OUTBOUND_COLUMNS[kind as FixedOutboundKind] as readonly string[] | undefined;
  if (fixed && fixed.join(',') !== columns.join(',')) {
    throw new Error(`outbound ${kind}: columns must be exactly ${fixed.join(',')}`);
  }
  const n = tx.all('outbound').length + 1;
  const id = `${compactStamp(tx.now.iso)}-${String(n).padStart(5, '0')}-${kind}`;
  const rec: OutboundFile = {
    id,
    kind,
    columns: [...columns],
    rows: rows.map((r) => [...r]),
    queuedAt: tx.now.iso,
    summary,
    writtenAs: null,
    writtenAt: null,
  };
  tx.put('outbound', id, rec as unknown as Record<string, unknown>);
  return id;
}
