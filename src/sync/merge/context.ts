// The merge's context (lookups built once per file, kept current as its rows
// are merged), a row's result, and the small helpers every kind shares.
import { sha256Hex } from '../../store/journal.js';
import type { Case, Household, Member } from '../../office/model.js';
import type { DeepReadonly, Tx } from '../../store/office.js';
import { compareDecisions, type DatedRecord, type DecisionRecord } from '../decisions.js';
import type { FileRef, ReceiptResult } from './types.js';
import { mergeReasons } from './reasons.js';

export const whenOf = (r: DatedRecord) => (r.time ? `${r.date}T${r.time}` : r.date);
export const contentId = (r: object) => sha256Hex(JSON.stringify(r)).slice(0, 24);

/** Lookups built once per file, kept current as the file's rows are merged. */
export class MergeContext {
  readonly bySubject = new Map<string, DecisionRecord[]>();
  readonly householdByHead = new Map<string, DeepReadonly<Household>>();
  private membersByHousehold: Map<string, string[]> | null = null;

  constructor(
    readonly tx: Tx,
    readonly file: FileRef,
    readonly officeCode: string,
  ) {
    for (const d of tx.all('decisions') as unknown as DecisionRecord[]) this.index(d);
    for (const h of tx.all('households')) this.householdByHead.set(h.householderId, h);
  }

  /** Subjects whose list has changed since it was last sorted. */
  private readonly unsorted = new Set<string>();

  index(d: DecisionRecord): void {
    for (const s of d.subjects) {
      const list = this.bySubject.get(s);
      if (list) {
        const at = list.findIndex((x) => x.id === d.id);
        if (at >= 0) list[at] = d;
        else list.push(d);
        this.unsorted.add(s);
      } else this.bySubject.set(s, [d]);
    }
  }

  /** The decisions about `subject` in rank order (sorted when asked after a change, not copied). */
  decisionsOf(subject: string): readonly DecisionRecord[] {
    const list = this.bySubject.get(subject);
    if (!list) return [];
    if (this.unsorted.delete(subject)) list.sort(compareDecisions);
    return list;
  }

  /** Keeps a decision; returns it and whether its content was new. */
  keep(record: DatedRecord, row: number, subjects: string[]): { dec: DecisionRecord; isNew: boolean } {
    const id = contentId(record);
    const cur = this.tx.get('decisions', id) as unknown as DecisionRecord | undefined;
    const level = record.kind === 'township-review' ? 1 : 2;
    // The same decision again, from this or another file: kept as it first came,
    // so a re-export changes nothing (not even which file it is credited to).
    if (cur) return { dec: cur, isNew: false };
    const dec: DecisionRecord = {
      id,
      kind: record.kind,
      subjects,
      when: whenOf(record),
      level,
      sha256: this.file.sha256,
      row,
      receivedAt: this.tx.now.iso,
      record,
    };
    this.tx.put('decisions', id, dec as unknown as Record<string, unknown>);
    this.index(dec);
    return { dec, isNew: true };
  }

  /** ID numbers of a household's present members (index built on first use). */
  membersOf(householdId: string): string[] {
    if (!this.membersByHousehold) {
      this.membersByHousehold = new Map();
      for (const m of this.tx.all('members') as DeepReadonly<Member>[]) if (!m.leftOn) this.addMember(m.householdId, m.idNumber);
    }
    return this.membersByHousehold.get(householdId) ?? [];
  }

  addMember(householdId: string, idNumber: string): void {
    if (!this.membersByHousehold) return;
    const list = this.membersByHousehold.get(householdId);
    if (list) list.push(idNumber);
    else this.membersByHousehold.set(householdId, [idNumber]);
  }

  householdOfHead(idNumber: string): DeepReadonly<Household> | undefined {
    return this.householdByHead.get(idNumber);
  }

  nameOfHead(idNumber: string): string {
    return (this.tx.get('members', idNumber)?.name as string | undefined) ?? '';
  }
}

export function stateKey(s: unknown): string {
  return JSON.stringify(s);
}

export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export interface RowResult {
  result: ReceiptResult;
  reason: string;
  /** For a dated decision: checked again once the whole file is merged (a later row may outrank it). */
  dec?: DecisionRecord;
}

export type Applier<R> = (ctx: MergeContext, row: number, rec: R) => RowResult;

/** Cross-check of a row about a case: the case is ours and the ID is its householder's. */
export function checkCase(ctx: MergeContext, caseNo: string, idNumber: string): { c: DeepReadonly<Case> } | RowResult {
  if (!caseNo.startsWith(`${ctx.officeCode}-`)) return { result: '拒绝', reason: mergeReasons.otherOffice(caseNo) };
  const c = ctx.tx.get('cases', caseNo);
  if (!c) return { result: '拒绝', reason: mergeReasons.noCase(caseNo) };
  const h = ctx.tx.get('households', c.householdId);
  if (!h || h.householderId !== idNumber) return { result: '拒绝', reason: mergeReasons.notHouseholder(caseNo) };
  return { c };
}

/** Records ranked by file and row, for the undated kinds: a higher rank replaces. */
export function outranks(file: FileRef, row: number, cur: { sha256?: string; row?: number }): boolean {
  const s = cur.sha256 ?? '';
  return file.sha256 > s || (file.sha256 === s && row > (cur.row ?? 0));
}
