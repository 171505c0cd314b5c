// Exemptions from labour (免于参加): a kind, a reason, a first and a last
// day. An expired exemption puts the person back on the roster by itself.
import type { Tx } from '../store/office.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { normalizeIdNumber } from '../rules/idNumber.js';
import { AttendanceError } from './errors.js';
import { EXEMPTION_KINDS, type Exemption, type ExemptionKind } from './types.js';

export interface ExemptionInput {
  idNumber: string;
  kind: string;
  reason?: string;
  from: string;
  to: string;
}

export function addExemption(tx: Tx, input: ExemptionInput): Exemption {
  const norm = normalizeIdNumber(input.idNumber);
  if (!norm.ok) throw new AttendanceError(`身份证号「${input.idNumber}」无效：请核对 18 位号码`);
  const m = tx.get('members', norm.id);
  if (!m) throw new AttendanceError(`身份证号 ${norm.id} 不是本社区登记的人员：请核对号码`);
  if (!(EXEMPTION_KINDS as readonly string[]).includes(input.kind)) {
    throw new AttendanceError(`免于参加的类别「${input.kind}」不认识：应为 ${EXEMPTION_KINDS.join('、')} 之一`);
  }
  for (const [name, d] of [['开始日期（--from）', input.from], ['结束日期（--to）', input.to]] as const) {
    if (!isIsoDate(d)) throw new AttendanceError(`${name}「${d}」格式不对：应为 YYYY-MM-DD，例如 2026-12-31`);
  }
  if (input.to < input.from) throw new AttendanceError(`结束日期 ${input.to} 早于开始日期 ${input.from}：请检查`);
  const reason = input.reason?.trim() || input.kind;
  // A short number the clerk can type (exempt end M0007), and no ID number in it to leak into output.
  const id = `M${String(tx.count('exemptions') + 1).padStart(4, '0')}`;
  const rec: Exemption = { id, idNumber: norm.id, kind: input.kind as ExemptionKind, reason, from: input.from, to: input.to, recordedOn: tx.now.date };
  tx.put('exemptions', rec.id, rec);
  return rec;
}

/** Ends an exemption early: the person is due again from the day after `lastDay`. */
export function endExemption(tx: Tx, id: string, lastDay: string): Exemption {
  const cur = tx.get('exemptions', id);
  if (!cur) throw new AttendanceError(`没有编号为 ${id} 的免于参加记录：用 jiuzhu attendance exempt list 查看编号`);
  if (!isIsoDate(lastDay)) throw new AttendanceError(`日期「${lastDay}」格式不对：应为 YYYY-MM-DD`);
  if (lastDay < cur.from) throw new AttendanceError(`${lastDay} 早于这条免于参加的开始日期 ${cur.from}`);
  if (lastDay >= cur.to) throw new AttendanceError(`这条免于参加到 ${cur.to} 本来就结束，无需提前结束`);
  return tx.update('exemptions', id, (x) => {
    x.to = lastDay;
    x.endedOn = tx.now.date;
  })!;
}
