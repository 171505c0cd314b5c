// Correcting a case (更正): after the township returns it (退回), or before it
// is submitted. The clerk records what was corrected and why; materials can be
// added and the household re-entered from an intake file. The old values stay
// in the journal (nothing is ever deleted); a returned case may then be submitted again.
import { RELATIONS, type CaseStatus } from '../office/model.js';
import type { Tx } from '../store/office.js';
import { StepRefused } from './steps.js';

import { IntakeError, memberConflicts, writeHousehold, type CheckedIntake } from './intake.js';
import { checklist } from '../rules/materials.js';
import { t, word } from '../i18n/index.js';
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
    throw new StepRefused(t(c.status === 'submitted' || c.status === 'township-approved' ? 'case.correctUpstream' : 'case.correctClosed', { caseNo, status: word('status', c.status) }));
  }
  const note = corr.note.trim();
  if (!note) throw new StepRefused(t('case.correctNoteNeeded', { caseNo }));
  if (corr.intake) {
    const { input, members } = corr.intake;
    const problems = memberConflicts(tx, c.householdId, members, true);
    if (input.program !== c.program) problems.push({ field: 'program', label: t('case.fProgram'), message: t('case.correctProgram', { program: c.program }) });
    const head = members.find((m) => m.relation === RELATIONS[0])!;
    const hh = tx.get('households', c.householdId);
    if (hh && head.idNumber !== hh.householderId) problems.push({ field: 'members', label: t('case.fMembers'), message: t('case.correctHouseholder') });
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
