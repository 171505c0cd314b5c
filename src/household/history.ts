// The journal, indexed by household: every change that touched a household's
// records (who, when, from where, what), for the archive's history tab and
// `household show`. Read without re-hashing (the chain is doctor's business).
import type { Source } from '../office/model.js';
import type { Office, View } from '../store/office.js';
import { join } from 'node:path';
import { GENESIS_HASH, parseEntryText, readJournalBytes, type Change, type JournalEntry } from '../store/journal.js';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
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

/** What one change did to a household's records, as the history keeps it: words come at reading, in the session's language. */
type What = readonly [c: string, op: Change['op'], id: string, fields: readonly string[]] | 'more';

/** A history line as indexed (and cached in history.json): the changes, not yet in words. */
type RawLine = Omit<HistoryLine, 'what'> & { what: What[] };

/** One change as the history keeps it; the fields only for an update. */
function whatOf(ch: Change): What {
  return [ch.c, ch.op, ch.id, ch.op === 'update' ? [...Object.keys(ch.set ?? {}), ...(ch.unset ?? [])] : []];
}

/** One change in words: 申请修改 430105003001-2026-0007：状态、经过 */
function describe(w: What): string {
  if (w === 'more') return t('household.change.more');
  const [c, op, rawId, fieldNames] = w;
  const id = c === 'members' ? maskIds(rawId) : rawId;
  const head = t('household.change.head', { what: wordOf(COLLECTION_KEYS, c), op: t(OP_KEYS[op]), id });
  if (op !== 'update') return head;
  const fields = fieldNames.map((f) => wordOf(FIELD_KEYS, f));
  return t('household.change.fields', { head, fields: fields.join(t('household.listSeparator')) });
}

/**
 * Complete journal lines from byte `offset`, parsed but not hash-checked:
 * reading history for the screen must be quick (a demo office's first entry
 * is ~10 MB, and re-hashing it costs most of a second on an old PC), and the
 * chain is what `jiuzhu doctor` checks. Each entry is handed to `each` and
 * let go, so the lines are never all held at once. A torn last line is left
 * for later, and so is everything from a line that does not follow the one
 * before it. Returns where reading stopped, or null when the journal is not
 * the one the caller indexed: the line before `from` does not end with its
 * hash, or the next does not follow it.
 */
async function eachEntryFrom(path: string, from: Cursor, each: (e: JournalEntry) => void): Promise<Cursor | null> {
  // From inside, the line that ends at `from.end` must end with its hash (serializeEntry).
  const seal = from.end > 0 ? Buffer.from(`,"hash":"${from.hash}"}\n`) : Buffer.alloc(0);
  if (seal.length > from.end) return null;
  const buf = await readJournalBytes(path, from.end - seal.length);
  if (!buf) return from.end === 0 ? from : null;
  if (buf.length < seal.length || !buf.subarray(0, seal.length).equals(seal)) return null;
  let at = from;
  for (let pos = seal.length; pos < buf.length; ) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    let entry: JournalEntry;
    try {
      entry = parseEntryText(buf.toString('utf8', pos, nl));
    } catch {
      break; // damage: doctor's business; show what came before it
    }
    if (entry.seq !== at.seq + 1 || entry.prev !== at.hash) {
      // Right after the cursor: another journal. Further on, or from the start: damage, as above.
      if (at === from && from.end > 0) return null;
      break;
    }
    each(entry);
    at = { end: from.end - seal.length + nl + 1, seq: entry.seq, hash: entry.hash };
    pos = nl + 1;
  }
  return at;
}

/** Where the index has read the journal to: the end of the last line read, its seq and its hash. */
interface Cursor {
  end: number;
  seq: number;
  hash: string;
}

const START: Cursor = { end: 0, seq: 0, hash: GENESIS_HASH };

/**
 * The index is kept in the data folder (history.json), so that a session
 * reads the journal only past it: the first line of an office can be tens of
 * MB (a demo, an imported roster), and parsing it for one household's tab
 * cost ~40 MB of memory and a large part of a second. It is a cache: written
 * atomically, trusted only where the journal past it follows its last hash,
 * rebuilt from the journal when missing, older or not following; doctor and
 * backup need nothing of it. It is rewritten when the index has read this
 * much of the journal past it.
 */
export const HISTORY_FILE = 'history.json';
const HISTORY_VERSION = 1;
const REWRITE_AFTER_BYTES = 256 * 1024;

interface HistoryFile {
  version: number;
  cursor: Cursor;
  by: Record<string, RawLine[]>;
}

async function readHistoryFile(dir: string): Promise<HistoryFile | null> {
  const buf = await readFileIfExists(join(dir, HISTORY_FILE)).catch(() => null);
  if (!buf) return null;
  try {
    const f = JSON.parse(buf.toString('utf8')) as HistoryFile;
    const c = f.cursor;
    if (f.version !== HISTORY_VERSION || !c || typeof c.end !== 'number' || typeof c.seq !== 'number' || typeof c.hash !== 'string' || !f.by || typeof f.by !== 'object') return null;
    return f;
  } catch {
    return null;
  }
}

/**
 * The journal, indexed by household. A session starts from history.json and
 * reads the journal past it (all of it the first time), then adds the entries
 * each refresh brings.
 */
export class HouseholdHistory {
  private by = new Map<string, RawLine[]>();
  private read: Cursor = START;
  private started = false;
  /** The journal's end when history.json was last read or written by this index; null: no file of it. */
  private cachedAt: number | null = null;

  private chain: Promise<unknown> = Promise.resolve();

  /** Reads the journal lines written since the last call (all of them, or those past history.json, the first time). */
  update(office: Office): Promise<boolean> {
    const p = this.chain.then(() => this.readTail(office));
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async readTail(office: Office): Promise<boolean> {
    if (!this.started) {
      this.started = true;
      const f = await readHistoryFile(office.dir);
      if (f) {
        this.by = new Map(Object.entries(f.by));
        this.read = f.cursor;
        this.cachedAt = f.cursor.end;
      }
    }
    let added = false;
    const each = (e: JournalEntry) => {
      this.add(e, office.view);
      added = true;
    };
    let at = await eachEntryFrom(office.journalPath, this.read, each);
    if (!at) {
      // history.json was made from another journal (a restore, a copy): index this one afresh.
      this.by = new Map();
      this.cachedAt = null;
      at = (await eachEntryFrom(office.journalPath, START, each)) ?? START;
    }
    this.read = at;
    const due = this.cachedAt === null ? at.end > 0 : at.end - this.cachedAt >= REWRITE_AFTER_BYTES;
    if (due) await this.save(office.dir);
    return added;
  }

  /** Writes the index to history.json; a failure only costs the next session a longer read. */
  private async save(dir: string): Promise<void> {
    const f: HistoryFile = { version: HISTORY_VERSION, cursor: this.read, by: Object.fromEntries(this.by) };
    try {
      await writeFileAtomic(join(dir, HISTORY_FILE), JSON.stringify(f));
      this.cachedAt = this.read.end;
    } catch {
      // a read-only folder, a full disk: the index in memory is whole all the same
    }
  }

  /** One entry, read in order (eachEntryFrom holds each to the one before it). */
  private add(e: JournalEntry, view: View): void {
    const per = new Map<string, What[]>();
    for (const ch of e.changes) {
      for (const h of householdsOfChange(ch, view)) {
        const list = per.get(h) ?? [];
        if (list.length < 6) list.push(whatOf(ch));
        else if (list.length === 6) list.push('more');
        per.set(h, list);
      }
    }
    for (const [h, what] of per) {
      const lines = this.by.get(h) ?? [];
      lines.push({ seq: e.seq, at: e.at, operator: e.operator, source: e.source, action: e.action, summary: e.summary ?? '', what });
      this.by.set(h, lines);
    }
  }

  /** Oldest first, in the session's language. */
  of(householdId: string): HistoryLine[] {
    return (this.by.get(householdId) ?? []).map((l) => ({ ...l, what: l.what.map(describe) }));
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
