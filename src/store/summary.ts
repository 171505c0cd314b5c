// The summary: the records `status` and the app's first dashboard frame can
// show, and every collection's count, kept beside the checkpoint in
// `summary.json` (a few hundred KB for 2,000 households, against ~10 MB of
// stores). It is derived from the full data whenever a checkpoint is written
// and brought up to date from the journal past it, change by change, so a
// reader never parses the store files: open cases, their households and
// householders, active and suspended enrolments with their reviews, open
// pending items, sessions from the day it was made, and the small collections
// whole. Where the journal past it holds a change the summary cannot follow
// (a record outside it coming back into it), or the day went back, the reader
// is told to load the office whole: the summary is an index, never the record.
// test/store/summary.test.ts proves dashboard(summary) = dashboard(full data).
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { CLOSED_STATUSES } from '../case/statuses.js';
import { collectionPieces, readFileIfExists, writeFileAtomic } from './atomicFile.js';
import { applyChangeTo, readJournal, type Change } from './journal.js';
import { STORES, STORE_NAMES, type AnyRecord, type CollectionName } from './schema.js';
import { t } from '../i18n/index.js';

export const SUMMARY_FILE = 'summary.json';
export const SUMMARY_VERSION = 2;

export interface Summary {
  version: number;
  /** The journal entry the summary reflects (as head.json's). */
  seq: number;
  hash: string;
  end: number;
  /** The day it was derived: sessions before it are left out. */
  since: string;
  counts: Partial<Record<CollectionName, number>>;
  collections: Partial<Record<CollectionName, Record<string, AnyRecord>>>;
}

type Data = Partial<Record<CollectionName, Record<string, AnyRecord>>>;

/**
 * Collections kept only in part, each by one field of the record: a change
 * that leaves that field alone leaves the record in or out as it was.
 */
const FILTERED: Partial<Record<CollectionName, { field: string; keep: (v: unknown, since: string) => boolean }>> = {
  // Refused cases stay: the refusal notice they owe is a dashboard reminder (src/dashboard/reminders.ts).
  cases: { field: 'status', keep: (v) => !CLOSED_STATUSES.has(v as never) || v === 'rejected' },
  enrolments: { field: 'status', keep: (v) => v === 'active' || v === 'suspended' },
  pending: { field: 'resolvedOn', keep: (v) => !v },
  sessions: { field: 'date', keep: (v, since) => typeof v === 'string' && v >= since },
};
/** Kept when something kept refers to them (derived), or when created past the summary (harmless extras). */
const REFERENCED: readonly CollectionName[] = ['households', 'members', 'reviews'];
/** Left out: no dashboard line reads them. */
// (Gradual exits and the inbound files' records are kept whole: the reminders read them.)
const LEFT_OUT: ReadonlySet<CollectionName> = new Set(['drafts', 'cancellations', 'marks', 'exemptions', 'groups', 'attendanceMonths', 'decisions', 'outbound']);

/**
 * The fields a dashboard line reads, per collection (the rest of each record
 * stays in the stores: a case's history and interview, an enrolment's
 * history): what makes the summary a tenth of the stores.
 */
const PICK: Partial<Record<CollectionName, readonly string[]>> = {
  cases: ['caseNo', 'householdId', 'program', 'status', 'applicationDate', 'acceptedOn', 'submittedOn', 'township', 'decision', 'notice', 'refusalDelivered'],
  enrolments: ['id', 'householdId', 'program', 'category', 'since', 'status'],
  households: ['id', 'householderId'],
  members: ['idNumber', 'name', 'householdId', 'leftOn'],
  reviews: ['id', 'enrolmentId', 'date'],
  reports: ['id', 'templateId', 'period', 'n', 'at'],
};

function project(c: CollectionName, r: AnyRecord): AnyRecord {
  const pick = PICK[c];
  if (!pick) return r;
  const out: AnyRecord = {};
  for (const k of pick) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

/** A change cut to the summary's fields (null when none of them changed). */
function projectChange(ch: Change): Change | null {
  const pick = PICK[ch.c];
  if (!pick || ch.op === 'delete') return ch;
  const set = ch.set ? project(ch.c, ch.set) : undefined;
  const unset = ch.unset?.filter((k) => pick.includes(k));
  if (ch.op === 'update' && !Object.keys(set ?? {}).length && !unset?.length) return null;
  return { ...ch, ...(set ? { set } : {}), ...(unset ? { unset } : {}) };
}

const ALL_COLLECTIONS = STORE_NAMES.flatMap((s) => STORES[s] as readonly CollectionName[]);

/** A collection as the summary keeps it: its ids, each record cut to its fields when it is written (no copy of the summary is built). */
type Part = readonly [CollectionName, Iterable<string>, (id: string) => AnyRecord];

const picked = (c: CollectionName, all: Record<string, AnyRecord>, ids: Iterable<string>): Part => [c, ids, (id) => project(c, all[id]!)];

/** What the summary of `data` holds on day `today`: every collection's count, and the parts kept. */
function summaryParts(data: Data, today: string): { counts: Summary['counts']; parts: Part[] } {
  const counts: Summary['counts'] = {};
  const parts: Part[] = [];
  const kept: Partial<Record<CollectionName, Set<string>>> = {};
  for (const c of ALL_COLLECTIONS) {
    const all = data[c] ?? {};
    counts[c] = Object.keys(all).length;
    if (LEFT_OUT.has(c) || REFERENCED.includes(c)) continue;
    const f = FILTERED[c];
    const ids = new Set<string>();
    for (const id in all) {
      const r = all[id];
      if (r !== undefined && (!f || f.keep(r[f.field], today))) ids.add(id);
    }
    kept[c] = ids;
    parts.push(picked(c, all, ids));
  }
  // The households (and their householders) a kept case, enrolment or gradual exit names.
  const households = new Set<string>();
  const members = new Set<string>();
  for (const c of ['cases', 'enrolments', 'gradualExits'] as const) {
    const all = data[c] ?? {};
    for (const id of kept[c] ?? []) {
      const hid = all[id]!.householdId;
      const h = typeof hid === 'string' ? data.households?.[hid] : undefined;
      if (!h) continue;
      households.add(hid as string);
      if (data.members?.[String(h.householderId)]) members.add(String(h.householderId));
    }
  }
  const enrolments = kept.enrolments ?? new Set();
  const reviews = new Set<string>();
  for (const [id, r] of Object.entries(data.reviews ?? {})) if (enrolments.has(String(r.enrolmentId))) reviews.add(id);
  parts.push(picked('households', data.households ?? {}, households));
  parts.push(picked('members', data.members ?? {}, members));
  parts.push(picked('reviews', data.reviews ?? {}, reviews));
  return { counts, parts };
}

/** The summary of the full data at journal head `head`, on day `today`, built (doctor compares it; `writeSummary` writes the same parts without building it). */
export function deriveSummary(data: Data, head: { seq: number; hash: string; end: number }, today: string): Summary {
  const { counts, parts } = summaryParts(data, today);
  const collections: Data = {};
  for (const [c, ids, record] of parts) {
    const out: Record<string, AnyRecord> = {};
    for (const id of ids) out[id] = record(id);
    collections[c] = out;
  }
  return { version: SUMMARY_VERSION, seq: head.seq, hash: head.hash, end: head.end, since: today, counts, collections };
}

/**
 * The summary is written in ASCII, every other character as its \uXXXX
 * escape: read, it is then a one-byte string, which JSON.parse reads ~30%
 * faster than the two-byte string Chinese text makes (7.3 → 4.9 ms for
 * 2,000 households; `status` and the app's first frame read it at every
 * start), for a file ~10% larger. Still UTF-8 (ASCII is), so a summary
 * written with raw Chinese (before this, or by hand) reads as before.
 * It is written in pieces of a few records, as the store files are: at
 * 100,000 open cases it is ~33 MB, and one string of it (and its escaped
 * copy, and the projected records built before) held ~0.2 GB at the
 * checkpoint.
 */
export async function writeSummary(dir: string, data: Data, head: { seq: number; hash: string; end: number }, today: string, beforeRename?: () => void): Promise<number> {
  const { counts, parts } = summaryParts(data, today);
  const top = `${JSON.stringify({ version: SUMMARY_VERSION, seq: head.seq, hash: head.hash, end: head.end, since: today, counts }).slice(0, -1)},"collections":`;
  return writeFileAtomic(join(dir, SUMMARY_FILE), summaryPieces(top, parts), undefined, beforeRename);
}

/** The entry a summary file reflects and its size, from its first bytes (its stamp comes first, as `writeSummary` writes it). */
export async function readSummaryStamp(dir: string): Promise<{ seq: number; hash: string; end: number; bytes: number } | null> {
  let h;
  try {
    h = await open(join(dir, SUMMARY_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    const m = STAMP.exec(buf.toString('latin1', 0, bytesRead));
    if (!m || Number(m[1]) !== SUMMARY_VERSION) return null;
    return { seq: Number(m[2]), hash: m[3]!, end: Number(m[4]), bytes: (await h.stat()).size };
  } finally {
    await h.close();
  }
}

const STAMP = /^\{"version":(\d+),"seq":(\d+),"hash":"([0-9a-f]+)","end":(\d+),/;

function* summaryPieces(top: string, parts: readonly Part[]): Generator<string> {
  for (const piece of collectionPieces(top, parts)) yield ascii(piece);
  yield '}';
}

const NOT_ASCII = /[\u0080-\uffff]+/g;

/** JSON text with every character past ASCII escaped (surrogates one by one, as JSON allows). */
function ascii(json: string): string {
  return json.replace(NOT_ASCII, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i++) out += `\\u${run.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

export async function readSummaryFile(dir: string): Promise<Summary | null> {
  const buf = await readFileIfExists(join(dir, SUMMARY_FILE));
  if (!buf) return null;
  try {
    const s = JSON.parse(buf.toString('utf8')) as Summary;
    if (s.version !== SUMMARY_VERSION || typeof s.seq !== 'number' || typeof s.end !== 'number' || typeof s.hash !== 'string' || !s.collections || !s.counts) return null;
    return s;
  } catch {
    return null;
  }
}

/** Why a summary cannot stand for the data (the reader loads the office whole), or null when it can. */
export type Unfollowable = string;

/**
 * Brings the summary up to the end of the journal, in place. Returns null
 * when done, or why it cannot be followed (then the caller loads the office).
 */
export async function catchUpSummary(dir: string, s: Summary, journal: string): Promise<Unfollowable | null> {
  const tail = await readJournal(journal, s.end, s.hash, s.seq);
  if (tail.damage) return 'journal damaged past the summary';
  const data = s.collections;
  for (const { entry } of tail.entries) {
    for (const whole of entry.changes) {
      const ch = projectChange(whole);
      if (!ch) continue;
      if (LEFT_OUT.has(ch.c) || !ALL_COLLECTIONS.includes(ch.c)) {
        if (ch.op === 'create') s.counts[ch.c] = (s.counts[ch.c] ?? 0) + 1;
        else if (ch.op === 'delete') s.counts[ch.c] = Math.max(0, (s.counts[ch.c] ?? 0) - 1);
        continue;
      }
      const coll = (data[ch.c] ??= {});
      const present = ch.id in coll;
      if (ch.op === 'create') s.counts[ch.c] = (s.counts[ch.c] ?? 0) + 1;
      if (ch.op === 'delete') {
        s.counts[ch.c] = Math.max(0, (s.counts[ch.c] ?? 0) - 1);
        delete coll[ch.id];
        continue;
      }
      const f = FILTERED[ch.c];
      if (ch.op === 'update' && !present) {
        // Outside the summary: it stays out unless its deciding field changes to a kept value.
        // Households and members: the references are checked at the end. A review moved to another enrolment cannot be followed.
        if (!f) {
          if (ch.c === 'reviews' && ch.set && 'enrolmentId' in ch.set) return `review ${ch.id} moved to another enrolment`;
          continue;
        }
        const touched = (ch.set && f.field in ch.set) || ch.unset?.includes(f.field);
        if (touched && f.keep(ch.set?.[f.field], s.since)) return `${ch.c} ${ch.id} came back into the summary`;
        continue;
      }
      const rec = applyChangeTo(data, ch)!;
      if (f && !f.keep(rec[f.field], s.since)) delete coll[ch.id];
    }
    s.seq = entry.seq;
    s.hash = entry.hash;
  }
  const last = tail.entries.at(-1);
  if (last) s.end = last.end;
  // Every kept case and enrolment has its household and householder.
  for (const c of ['cases', 'enrolments', 'gradualExits'] as const) {
    for (const r of Object.values(data[c] ?? {})) {
      const h = data.households?.[String(r.householdId)];
      if (!h) return `household ${String(r.householdId)} missing from the summary`;
      if (h.householderId && !data.members?.[String(h.householderId)]) return `householder ${String(h.householderId)} missing from the summary`;
    }
  }
  return null;
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));

/**
 * For doctor: whether `summary.json`, brought up to the journal's end, stands
 * for `data` (the full collections at that end): the same counts, the same
 * records kept, the referenced ones at least. null when it does, or when
 * there is none or it cannot be followed (status then loads the office whole).
 */
export async function summaryProblem(dir: string, data: Data, journal: string): Promise<string | null> {
  const buf = await readFileIfExists(join(dir, SUMMARY_FILE));
  if (!buf) return null;
  const s = await readSummaryFile(dir);
  if (!s) return t('store.summaryUnreadable', { file: SUMMARY_FILE });
  if ((await catchUpSummary(dir, s, journal)) !== null) return null;
  const want = deriveSummary(data, s, s.since);
  for (const c of ALL_COLLECTIONS) {
    if ((s.counts[c] ?? 0) !== (want.counts[c] ?? 0)) return t('store.summaryCount', { file: SUMMARY_FILE, collection: c, have: s.counts[c] ?? 0, want: want.counts[c] ?? 0 });
    if (LEFT_OUT.has(c)) continue;
    const have = s.collections[c] ?? {};
    const w = want.collections[c] ?? {};
    const ids = REFERENCED.includes(c) ? Object.keys(w) : [...new Set([...Object.keys(have), ...Object.keys(w)])];
    for (const id of ids) if (canonical(have[id]) !== canonical(w[id])) return t('store.summaryDiffers', { file: SUMMARY_FILE, collection: c, id });
  }
  return null;
}

