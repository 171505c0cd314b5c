// Correcting a case (更正): after the township returns it (退回), or before it
// is submitted. The clerk records what was corrected and why; materials can be
// added and the household re-entered from an intake file. The old values stay
// in the journal (nothing is ever deleted); a returned case may then be submitted again.
import type { CaseStatus } from '../office/model.js';
import type { Tx } from '../store/office.js';
import { StepRefused } from './steps.js';

import { IntakeError, memberConflicts, writeHousehold, type CheckedIntake } from './intake.js';
import { checklist } from '../rules/materials.js';
import { word } from '../i18n/index.js';
import { caseOrThrow } from './lookup.js';
import { canCorrect } from './statuses.js';


export interface Correction {
  /** what was corrected and why (required) */
  note: string;
  /** materials received now */
  materials?: string[];
  /** the household as it is now, from an intake document (same program) */
  intake?: CheckedIntake;
}

export function correctCase(tx: Tx, caseNo: string, corr: Correction): { caseNo: string; status: CaseStatus; missing: string[] } {
  const c = caseOrThrow(tx, caseNo);
  if (!canCorrect(c.status)) {
    throw new StepRefused(`${caseNo} 不能更正：现在是「${word('status', c.status)}」，${c.status === 'submitted' || c.status === 'township-approved' ? '已在街道或区县审核，等退回后再更正' : '申请已办结'}`);
  }
  const note = corr.note.trim();
  if (!note) throw new StepRefused(`${caseNo} 不能更正：请用 --note 写明更正了什么、依据什么（例如：按街道退回意见补交工资流水）`);
  if (corr.intake) {
    const { input, members } = corr.intake;
    const problems = memberConflicts(tx, c.householdId, members, true);
    if (input.program !== c.program) problems.push({ field: 'program', label: '救助类别', message: `更正不能改变救助类别（原为${c.program}）：请撤回后重新申请` });
    const head = members.find((m) => m.relation === '户主')!;
    const hh = tx.get('households', c.householdId);
    if (hh && head.idNumber !== hh.householderId) problems.push({ field: 'members', label: '家庭成员', message: '更正不能更换户主：户主变更请撤回后重新申请' });
    if (problems.length) throw new IntakeError(problems);
    writeHousehold(tx, c.householdId, corr.intake, 'local', true);
  }
  const extra = (corr.materials ?? []).map((m) => m.trim()).filter(Boolean);
  let missing: string[] = [];
  const next = tx.update('cases', caseNo, (d) => {
    d.materials = [...new Set([...d.materials, ...extra, ...(corr.intake?.input.materials ?? [])])];
    if (corr.intake) {
      d.circumstances = [...corr.intake.input.circumstances];
      if (corr.intake.input.interview.trim()) d.interview = corr.intake.input.interview;
    }
    missing = checklist(d.program, d.circumstances, d.materials).missing;
    d.history.push({ at: tx.now.iso, event: 'corrected', by: tx.meta.operator, source: 'local', date: tx.now.date, note });
  })!;
  return { caseNo, status: next.status, missing };
}
