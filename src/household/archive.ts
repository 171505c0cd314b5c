// The household archive (一户一档): one household's whole story — members,
// every case and decision, benefits, reviews, attendance, notes — and every
// change from the journal that touched it (who, when, from where). Notes are
// appended; nothing is ever edited away.
import type { Case, CaseStatus, Enrolment, Household, Member, Source } from '../office/model.js';
import type { DeepReadonly, Office, Tx, View } from '../store/office.js';
import { readJournalBytes, type Change, type JournalEntry } from '../store/journal.js';
import { caseHistory } from '../case/history.js';
import { householderOf } from '../case/household.js';
import { maskIds } from '../office/privacy.js';
import { ageOn } from '../rules/idNumber.js';
import { reviewsOf, type Review } from '../recipients/reviews.js';
import { enrolmentRow, gradualExitsOf, type Cancellation, type EnrolmentRow, type GradualExit } from '../recipients/recipients.js';
import { UserFacingError } from '../office/errors.js';

export class ArchiveError extends UserFacingError {}

export interface HistoryLine {
  seq: number;
  at: string;
  operator: string;
  source: Source;
  action: string;
  summary: string;
  /** what it changed in this household's records: 申请 …0007：status、history */
  what: string[];
}

const COLLECTION_WORDS: Partial<Record<string, string>> = {
  households: '户',
  members: '成员',
  cases: '申请',
  enrolments: '保障',
  reviews: '复核',
  cancellations: '撤消登记',
  gradualExits: '渐退期',
  pending: '待处理',
  sessions: '公益劳动',
};

const OP_WORDS = { create: '新建', update: '修改', delete: '删除' } as const;

/**
 * Which households a journal change is about. `view` resolves records whose
 * change does not name the household (an update of a case's status).
 */
export function householdsOfChange(ch: Change, view: View): string[] {
  const field = (k: string): unknown => ch.set?.[k] ?? ch.was?.[k];
  const viaMember = (id: unknown) => (typeof id === 'string' ? view.get('members', id)?.householdId : undefined);
  let ids: (string | undefined)[] = [];
  switch (ch.c) {
    case 'households':
      ids = [ch.id];
      break;
    case 'members':
      ids = [(field('householdId') as string | undefined) ?? view.get('members', ch.id)?.householdId];
      break;
    case 'cases':
      ids = [(field('householdId') as string | undefined) ?? view.get('cases', ch.id)?.householdId];
      break;
    case 'enrolments':
      ids = [(field('householdId') as string | undefined) ?? ch.id.split(':')[0]];
      break;
    case 'reviews':
    case 'cancellations':
    case 'gradualExits': {
      const cur = view.get(ch.c, ch.id) as { householdId?: string } | undefined;
      ids = [(field('householdId') as string | undefined) ?? cur?.householdId];
      break;
    }
    case 'pending':
      ids = [viaMember(field('householderId') ?? view.get('pending', ch.id)?.householderId)];
      break;
    case 'sessions': {
      // Only the members whose mark this change set or altered.
      const after = (ch.set?.marks ?? {}) as Record<string, unknown>;
      const before = (ch.was?.marks ?? {}) as Record<string, unknown>;
      const touched = new Set<string>();
      for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) {
        if (JSON.stringify(after[k]) !== JSON.stringify(before[k])) touched.add(k);
      }
      ids = [...touched].map(viaMember);
      break;
    }
    default:
      ids = [];
  }
  return [...new Set(ids.filter((x): x is string => typeof x === 'string' && x.length > 0))];
}

/** Field names as the clerk knows them; others show as stored. */
const FIELD_WORDS: Partial<Record<string, string>> = {
  status: '状态',
  history: '经过',
  notes: '备注',
  marks: '点名',
  notice: '公示',
  decision: '区县审批',
  township: '街道审核',
  investigation: '入户调查',
  review: '民主评议',
  submittedOn: '上报日期',
  acceptedOn: '受理日期',
  materials: '材料',
  verifications: '核对结果',
  monthlyAmountFen: '月保障金',
  persons: '保障人数',
  covered: '保障成员',
  category: '分类',
  incomes: '收入',
  address: '住址',
  phone: '电话',
  resolvedOn: '处理日期',
  leftOn: '迁出日期',
};

function describe(ch: Change): string {
  const word = COLLECTION_WORDS[ch.c] ?? ch.c;
  const fields = ch.op === 'update' ? `：${[...Object.keys(ch.set ?? {}), ...(ch.unset ?? [])].map((f) => FIELD_WORDS[f] ?? f).join('、')}` : '';
  const id = ch.c === 'members' ? maskIds(ch.id) : ch.id;
  return `${word}${OP_WORDS[ch.op]} ${id}${fields}`;
}

/**
 * Complete journal lines from byte `offset`, parsed but not hash-checked:
 * reading history for the screen must be quick (a demo office's first entry
 * is ~10 MB, and re-hashing it costs most of a second on an old PC), and the
 * chain is what `jiuzhu doctor` checks. A torn last line is left for later.
 */
async function readEntriesFrom(path: string, offset: number, afterSeq: number): Promise<{ entry: JournalEntry; end: number }[]> {
  const buf = await readJournalBytes(path, offset);
  if (!buf) return [];
  const out: { entry: JournalEntry; end: number }[] = [];
  for (let pos = 0; pos < buf.length; ) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    try {
      const entry = JSON.parse(buf.toString('utf8', pos, nl)) as JournalEntry;
      if (entry.seq > afterSeq) out.push({ entry, end: offset + nl + 1 });
    } catch {
      break; // damage: doctor's business; show what came before it
    }
    pos = nl + 1;
  }
  return out;
}

/**
 * The journal, indexed by household. The app builds it once from the whole
 * journal and then adds the entries each refresh brings.
 */
export class HouseholdHistory {
  private readonly by = new Map<string, HistoryLine[]>();
  private lastSeq = 0;
  private read = { end: 0, seq: 0 };

  private chain: Promise<unknown> = Promise.resolve();

  /** Reads the journal lines written since the last call (all of them the first time). */
  update(office: Office): Promise<boolean> {
    const p = this.chain.then(() => this.readTail(office));
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async readTail(office: Office): Promise<boolean> {
    const entries = await readEntriesFrom(office.journalPath, this.read.end, this.read.seq);
    const last = entries.at(-1);
    if (!last) return false;
    this.read = { end: last.end, seq: last.entry.seq };
    this.add(
      entries.map((e) => e.entry),
      office.view,
    );
    return true;
  }

  add(entries: readonly JournalEntry[], view: View): void {
    for (const e of entries) {
      if (e.seq <= this.lastSeq) continue;
      this.lastSeq = e.seq;
      const per = new Map<string, string[]>();
      for (const ch of e.changes) {
        for (const h of householdsOfChange(ch, view)) {
          const list = per.get(h) ?? [];
          if (list.length < 6) list.push(describe(ch));
          else if (list.length === 6) list.push('……');
          per.set(h, list);
        }
      }
      for (const [h, what] of per) {
        const lines = this.by.get(h) ?? [];
        lines.push({ seq: e.seq, at: e.at, operator: e.operator, source: e.source, action: e.action, summary: e.summary ?? '', what });
        this.by.set(h, lines);
      }
    }
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Oldest first. */
  of(householdId: string): HistoryLine[] {
    return this.by.get(householdId) ?? [];
  }
}

/** Reads the whole journal once (the chain is checked on the way) and indexes it. */
export async function readHouseholdHistory(office: Office): Promise<HouseholdHistory> {
  const history = new HouseholdHistory();
  await history.update(office);
  return history;
}

export interface AttendanceLine {
  month: string;
  idNumber: string;
  name: string;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

export interface Archive {
  household: DeepReadonly<Household>;
  householder: { name: string; idNumber: string };
  members: (DeepReadonly<Member> & { age: number; monthlyIncomeFen: number })[];
  cases: { caseNo: string; program: string; status: CaseStatus; applicationDate: string; acceptedOn: string | null; decision: DeepReadonly<Case['decision']>; township: DeepReadonly<Case['township']>; events: DeepReadonly<Case['history']> }[];
  enrolments: (EnrolmentRow & { history: DeepReadonly<Enrolment['history']> })[];
  reviews: DeepReadonly<Review>[];
  gradualExits: DeepReadonly<GradualExit>[];
  cancellations: DeepReadonly<Cancellation>[];
  attendance: AttendanceLine[];
  notes: DeepReadonly<Household['notes']>;
  pending: { kind: string; reason: string; since: string; resolvedOn: string | null }[];
}

/** Accepts a household id, an ID number of any member (past ones too) or a case number. */
export function resolveHousehold(view: View, key: string): string | null {
  const k = key.trim();
  if (view.get('households', k)) return k;
  const up = k.toUpperCase();
  const m = view.get('members', up);
  if (m) return m.householdId;
  const c = view.get('cases', k);
  if (c) return c.householdId;
  if (view.get('households', `h${up}`)) return `h${up}`;
  return null;
}

export function householdArchive(view: View, householdId: string, today: string): Archive {
  const household = view.get('households', householdId);
  if (!household) throw new ArchiveError(`没有这一户：「${householdId}」（可用户主或成员的身份证号、申请编号查找）`);
  const members = view
    .all('members')
    .filter((m) => m.householdId === householdId)
    .sort((a, b) => Number(Boolean(a.leftOn)) - Number(Boolean(b.leftOn)) || (a.relation === '户主' ? -1 : b.relation === '户主' ? 1 : 0) || a.idNumber.localeCompare(b.idNumber))
    .map((m) => ({ ...m, age: ageOn(m.idNumber, today), monthlyIncomeFen: m.incomes.reduce((s, i) => s + i.amountFen, 0) }));
  const names = new Map(members.map((m) => [m.idNumber, m.name]));
  const cases = view
    .all('cases')
    .filter((c) => c.householdId === householdId)
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo))
    .map((c) => ({ caseNo: c.caseNo, program: c.program, status: c.status, applicationDate: c.applicationDate, acceptedOn: c.acceptedOn, decision: c.decision, township: c.township, events: caseHistory(view, c) }));
  const enrolmentRecs = view
    .all('enrolments')
    .filter((e) => e.householdId === householdId)
    .sort((a, b) => a.id.localeCompare(b.id));
  const attendance = new Map<string, AttendanceLine>();
  for (const s of view.all('sessions')) {
    const marks = (s.marks ?? {}) as Record<string, { status?: string }>;
    for (const [id, mark] of Object.entries(marks)) {
      const name = names.get(id);
      if (name === undefined) continue;
      const month = String(s.date ?? s.id).slice(0, 7);
      const key = `${month}:${id}`;
      const line = attendance.get(key) ?? { month, idNumber: id, name, present: 0, late: 0, excused: 0, absent: 0 };
      if (mark.status === 'present' || mark.status === 'late' || mark.status === 'excused' || mark.status === 'absent') line[mark.status]++;
      attendance.set(key, line);
    }
  }
  const householderIds = new Set(members.map((m) => m.idNumber));
  return {
    household,
    householder: householderOf(view, householdId),
    members,
    cases,
    enrolments: enrolmentRecs.map((e) => ({ ...enrolmentRow(view, e, today.slice(0, 7)), history: e.history })),
    reviews: enrolmentRecs.flatMap((e) => reviewsOf(view, e.id)),
    gradualExits: enrolmentRecs.flatMap((e) => gradualExitsOf(view, e.id)),
    cancellations: view.all('cancellations').filter((c) => c.householdId === householdId),
    attendance: [...attendance.values()].sort((a, b) => b.month.localeCompare(a.month) || a.idNumber.localeCompare(b.idNumber)),
    notes: household.notes,
    pending: view
      .all('pending')
      .filter((p) => p.householderId !== null && householderIds.has(p.householderId))
      .map((p) => ({ kind: p.kind, reason: p.reason, since: p.since, resolvedOn: p.resolvedOn ?? null })),
  };
}

/** Appends a note to the household's file. Notes are never edited or removed. */
export function addHouseholdNote(tx: Tx, householdId: string, text: string): void {
  const t = text.trim();
  if (!t) throw new ArchiveError('备注没有保存：内容是空的');
  if (!tx.get('households', householdId)) throw new ArchiveError(`备注没有保存：没有这一户「${householdId}」`);
  tx.update('households', householdId, (h) => {
    h.notes = [...h.notes, { at: tx.now.iso, by: tx.meta.operator, text: t }];
  });
}
