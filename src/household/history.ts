// The journal, indexed by household: every change that touched a household's
// records (who, when, from where, what), for the archive's history tab and
// `household show`. Read without re-hashing (the chain is doctor's business).
import type { Source } from '../office/model.js';
import type { Office, View } from '../store/office.js';
import { parseEntryText, readJournalBytes, type Change, type JournalEntry } from '../store/journal.js';
import { maskIds } from '../office/privacy.js';
import { t, type MessageKey } from '../i18n/index.js';

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

const COLLECTION_KEYS = {
  households: 'household.collection.households',
  members: 'household.collection.members',
  cases: 'household.collection.cases',
  enrolments: 'household.collection.enrolments',
  reviews: 'household.collection.reviews',
  cancellations: 'household.collection.cancellations',
  gradualExits: 'household.collection.gradualExits',
  pending: 'household.collection.pending',
  sessions: 'household.collection.sessions',
} as const;

const OP_KEYS = { create: 'household.op.create', update: 'household.op.update', delete: 'household.op.delete' } as const;

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
const FIELD_KEYS = {
  status: 'household.field.status',
  history: 'household.field.history',
  notes: 'household.field.notes',
  marks: 'household.field.marks',
  notice: 'household.field.notice',
  decision: 'household.field.decision',
  township: 'household.field.township',
  investigation: 'household.field.investigation',
  review: 'household.field.review',
  submittedOn: 'household.field.submittedOn',
  acceptedOn: 'household.field.acceptedOn',
  materials: 'household.field.materials',
  verifications: 'household.field.verifications',
  monthlyAmountFen: 'household.field.monthlyAmountFen',
  persons: 'household.field.persons',
  covered: 'household.field.covered',
  category: 'household.field.category',
  incomes: 'household.field.incomes',
  address: 'household.field.address',
  phone: 'household.field.phone',
  resolvedOn: 'household.field.resolvedOn',
  leftOn: 'household.field.leftOn',
} as const;

/** A word of one of the tables above; a name not in it shows as stored. */
function wordOf(keys: Readonly<Record<string, MessageKey>>, name: string): string {
  const key = keys[name];
  return key ? (t as (k: MessageKey) => string)(key) : name;
}

/** One change in words: 申请修改 430105003001-2026-0007：状态、经过 */
function describe(ch: Change): string {
  const id = ch.c === 'members' ? maskIds(ch.id) : ch.id;
  const head = t('household.change.head', { what: wordOf(COLLECTION_KEYS, ch.c), op: t(OP_KEYS[ch.op]), id });
  if (ch.op !== 'update') return head;
  const fields = [...Object.keys(ch.set ?? {}), ...(ch.unset ?? [])].map((f) => wordOf(FIELD_KEYS, f));
  return t('household.change.fields', { head, fields: fields.join(t('household.listSeparator')) });
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
      const entry = parseEntryText(buf.toString('utf8', pos, nl));
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
          else if (list.length === 6) list.push(t('household.change.more'));
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

const histories = new WeakMap<Office, HouseholdHistory>();

/** The journal index of this office, kept for the whole session and brought up to date on demand. */
export function historyOf(office: Office): HouseholdHistory {
  let h = histories.get(office);
  if (!h) {
    h = new HouseholdHistory();
    histories.set(office, h);
  }
  return h;
}

/** Where a change came from: this office, or an inbound file (by its name when known). */
export function sourceWord(view: View, s: Source): string {
  if (s === 'local') return t('household.source.local');
  const sha = s.slice(5);
  const f = view.get('files', sha) as { name?: string } | undefined;
  return t('household.source.file', { name: f?.name ?? sha.slice(0, 8) });
}
