// `jiuzhu doctor`: checks everything the stores promise — each file loads, its
// schema, the journal's hash chain, stores against the journal, references
// between stores, permissions — and names the place of every problem.
// `repair` fixes only what needs no guessing.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir, readFileIfExists, writeFileAtomic, tighten, FILE_MODE, DIR_MODE } from '../store/atomicFile.js';
import { applyChangeTo, GENESIS_HASH, readJournal, dropTornTail, sha256Hex, type JournalEntry } from '../store/journal.js';
import { maskIds } from '../office/privacy.js';
import { HEAD_FILE, JOURNAL_FILE, readHeadFile, storeFileName } from '../store/office.js';
import { emptyStoreFile, migrate, STORE_NAMES, STORE_OF, STORES, type AnyRecord, type StoreFile, type StoreName } from '../store/schema.js';
import { t } from '../i18n/index.js';
import { SUMMARY_FILE, summaryProblem, writeSummary } from '../store/summary.js';
import { now as clockNow } from '../office/clock.js';

export interface Finding {
  level: 'damage' | 'warning' | 'repaired';
  where: string;
  what: string;
}

export interface DoctorReport {
  findings: Finding[];
  ok: boolean;
  journalEntries: number;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as AnyRecord)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}


/** The store as the journal says it should be after entry `upTo`. */
function rebuild(entries: readonly JournalEntry[], store: StoreName, upTo: number): StoreFile {
  const f = emptyStoreFile(store);
  for (const e of entries) {
    if (e.seq > upTo) break;
    for (const ch of e.changes) if (STORE_OF[ch.c] === store) applyChangeTo(f.collections, ch);
    if (e.changes.some((c) => STORE_OF[c.c] === store)) f.journalSeq = e.seq;
  }
  return f;
}

export interface DoctorOptions {
  repair?: boolean;
  /** The shared folder whose outbox should hold the receipts; default the settings', null: do not look. */
  shared?: string | null;
}

export async function runDoctor(dir: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const findings: Finding[] = [];
  const damage = (where: string, what: string) => findings.push({ level: 'damage', where, what });
  const warn = (where: string, what: string) => findings.push({ level: 'warning', where, what });
  const repaired = (where: string, what: string) => findings.push({ level: 'repaired', where, what });

  // The journal first: it is the record everything else is checked against.
  const jpath = join(dir, JOURNAL_FILE);
  const tail = await readJournal(jpath, 0, GENESIS_HASH, 0);
  const entries = tail.entries.map((e) => e.entry);
  const lastSeq = entries.at(-1)?.seq ?? 0;
  if (tail.damage) {
    damage(t('maintenance.doctor.journalLine', { file: JOURNAL_FILE, line: tail.damage.line, offset: tail.damage.offset }), t('maintenance.doctor.journalDamaged', { reason: tail.damage.reason }));
  } else if (tail.tornBytes > 0) {
    if (opts.repair) {
      await dropTornTail(jpath, tail.end);
      repaired(JOURNAL_FILE, t('maintenance.doctor.tornRemoved', { bytes: tail.tornBytes }));
    } else {
      warn(JOURNAL_FILE, t('maintenance.doctor.tornLeft', { bytes: tail.tornBytes }));
    }
  }

  const read = await readHeadFile(dir);
  if (read === 'damaged') damage(HEAD_FILE, t('maintenance.doctor.headDamaged'));
  const head = read === 'damaged' ? null : read;
  if (head && head.seq > lastSeq) {
    damage(JOURNAL_FILE, t('maintenance.doctor.journalCut', { last: lastSeq, head: HEAD_FILE, seq: head.seq }));
  }

  const stores = {} as Record<StoreName, StoreFile | null>;
  for (const s of STORE_NAMES) {
    const name = storeFileName(s);
    const buf = await readFileIfExists(join(dir, name));
    stores[s] = null;
    if (!buf) {
      damage(name, t('maintenance.doctor.fileGone'));
    } else {
      try {
        stores[s] = migrate(JSON.parse(buf.toString('utf8')), s, name).file;
      } catch (err) {
        damage(name, err instanceof SyntaxError ? t('maintenance.doctor.notJson', { bytes: buf.length }) : (err as Error).message);
      }
    }
    const f = stores[s];
    if (f && !tail.damage) {
      if (f.journalSeq > lastSeq) {
        damage(name, t('maintenance.doctor.aheadOfJournal', { seq: f.journalSeq, last: lastSeq }));
      } else {
        const expected = rebuild(entries, s, f.journalSeq); // the checkpoint: the journal up to the file's own seq
        for (const c of STORES[s]) {
          const have = f.collections[c] ?? {};
          const want = expected.collections[c] ?? {};
          const ids = new Set([...Object.keys(have), ...Object.keys(want)]);
          let bad = 0;
          let first = '';
          for (const id of ids) {
            if (canonical(have[id]) !== canonical(want[id])) {
              bad++;
              first ||= id;
            }
          }
          if (bad) {
            // Entries after the store's own seq are replayed at the next open; that is not damage.
            const behind = f.journalSeq < expected.journalSeq;
            if (behind) warn(name, t('maintenance.doctor.behind', { from: f.journalSeq + 1, last: lastSeq }));
            else damage(t('maintenance.doctor.collectionIn', { file: name, collection: c }), t('maintenance.doctor.differs', { count: bad, first: maskIds(first) }));
            if (behind) break;
          }
        }
        // The checks below see the store as an open does: the checkpoint plus the journal past it.
        for (const e of entries) if (e.seq > f.journalSeq) for (const ch of e.changes) if (STORE_OF[ch.c] === s) applyChangeTo(f.collections, ch);
      }
    }
    if (opts.repair && !stores[s] && !tail.damage) {
      const rebuilt = rebuild(entries, s, lastSeq);
      await writeFileAtomic(join(dir, name), JSON.stringify(rebuilt));
      stores[s] = rebuilt;
      repaired(name, t('maintenance.doctor.rebuilt', { last: lastSeq }));
    }
  }

  // The summary status and the first frame read (src/store/summary.ts) must stand for the stores.
  if (!tail.damage && STORE_NAMES.every((s) => stores[s])) {
    const all = Object.assign({}, ...STORE_NAMES.map((s) => stores[s]!.collections));
    const problem = await summaryProblem(dir, all, jpath);
    const last = tail.entries.at(-1);
    if (problem && opts.repair) {
      await writeSummary(dir, all, last ? { seq: last.entry.seq, hash: last.entry.hash, end: last.end } : { seq: 0, hash: GENESIS_HASH, end: 0 }, clockNow().date);
      repaired(SUMMARY_FILE, problem);
    } else if (problem) damage(SUMMARY_FILE, problem);
  }

  // References between stores.
  const coll = (c: string) => {
    const s = STORE_OF[c as keyof typeof STORE_OF];
    return (stores[s]?.collections[c] ?? {}) as Record<string, AnyRecord>;
  };
  const households = coll('households');
  const members = coll('members');
  const cases = coll('cases');
  for (const m of Object.values(members)) {
    if (!households[String(m.householdId)]) damage(t('maintenance.doctor.collectionIn', { file: 'households.json', collection: 'members' }), t('maintenance.doctor.memberNoHousehold', { name: String(m.name), household: String(m.householdId).slice(0, 7) }));
  }
  for (const [id, h] of Object.entries(households)) {
    if (!members[String(h.householderId)]) damage(t('maintenance.doctor.collectionIn', { file: 'households.json', collection: 'households' }), t('maintenance.doctor.householdNoHead', { household: id.slice(0, 7) }));
  }
  for (const [no, c] of Object.entries(cases)) {
    if (!households[String(c.householdId)]) damage(t('maintenance.doctor.collectionIn', { file: 'cases.json', collection: 'cases' }), t('maintenance.doctor.caseNoHousehold', { caseNo: no }));
  }
  for (const [id, e] of Object.entries(coll('enrolments'))) {
    if (!households[String(e.householdId)]) damage(t('maintenance.doctor.collectionIn', { file: 'enrolments.json', collection: 'enrolments' }), t('maintenance.doctor.enrolmentNoHousehold', { enrolment: id.split(':')[1] ?? id }));
    if (e.caseNo && !cases[String(e.caseNo)]) damage(t('maintenance.doctor.collectionIn', { file: 'enrolments.json', collection: 'enrolments' }), t('maintenance.doctor.enrolmentNoCase', { caseNo: String(e.caseNo) }));
  }

  await checkSchema(coll, damage);
  const receiptsToWrite = await checkSyncFiles(dir, coll, opts, { damage, warn, repaired });

  // Permissions: the records of families are for this office's clerks only.
  if (process.platform !== 'win32') {
    const dmode = (await stat(dir)).mode & 0o777;
    if (dmode & 0o077) {
      if (opts.repair) {
        await tighten(dir, DIR_MODE);
        repaired(dir, t('maintenance.doctor.dirModeFixed', { mode: dmode.toString(8) }));
      } else damage(dir, t('maintenance.doctor.dirModeOpen', { mode: dmode.toString(8) }));
    }
    // Every file below too: kept inbound files, receipts and the daemon's log hold ID numbers.
    for (const name of await listDeep(dir)) {
      const p = join(dir, name);
      const st = await stat(p).catch(() => null);
      if (!st) continue;
      const mode = st.mode & 0o777;
      const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
      if (mode & 0o077) {
        if (opts.repair) {
          await tighten(p, want);
          repaired(name, t('maintenance.doctor.fileModeFixed', { mode: mode.toString(8), want: want.toString(8) }));
        } else damage(name, t('maintenance.doctor.fileModeOpen', { mode: mode.toString(8), want: want.toString(8) }));
      }
    }
  }

  if (opts.repair && !tail.damage && head && head.seq > lastSeq && findings.every((f) => f.level !== 'damage')) {
    const last = tail.entries.at(-1);
    await writeFileAtomic(join(dir, HEAD_FILE), JSON.stringify({ seq: lastSeq, hash: last?.entry.hash ?? GENESIS_HASH, end: last?.end ?? 0 }));
    repaired(HEAD_FILE, t('maintenance.doctor.headUpdated', { last: lastSeq }));
  }
  if (opts.repair && receiptsToWrite && findings.every((f) => f.level !== 'damage')) {
    await rewriteReceipts(dir, receiptsToWrite, repaired, warn);
  }
  return { findings, ok: !findings.some((f) => f.level === 'damage'), journalEntries: entries.length };
}

type Say = (where: string, what: string) => void;
type Coll = (c: string) => Record<string, AnyRecord>;

/** Records whose key is one of their fields; any other record that carries an `id` must be keyed by it. */
const KEYED_BY: Record<string, string> = { members: 'idNumber', cases: 'caseNo', files: 'sha256' };

/** Schema: the settings against their zod schema, every record keyed by its own id, valid ID numbers. */
async function checkSchema(coll: Coll, damage: Say): Promise<void> {
  const { settingsSchema } = await import('../office/settings.js');
  const { isValidIdNumber } = await import('../rules/idNumber.js');
  const office = coll('settings').office;
  if (office) {
    const parsed = settingsSchema().safeParse(office);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      damage(t('maintenance.doctor.settingsWhere'), t('maintenance.doctor.settingBad', { path: issue.path.join('.'), message: issue.message }));
    }
  }
  for (const s of STORE_NAMES) {
    for (const c of STORES[s]) {
      for (const [key, rec] of Object.entries(coll(c))) {
        const where = t('maintenance.doctor.recordWhere', { file: storeFileName(s), collection: c, key: maskIds(key) });
        if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
          damage(where, t('maintenance.doctor.notRecord'));
          continue;
        }
        const field = KEYED_BY[c] ?? 'id';
        const own = rec[field];
        if ((field !== 'id' || own !== undefined) && own !== key) damage(where, t('maintenance.doctor.keyDiffers', { field, value: maskIds(String(own)) }));
      }
    }
  }
  for (const id of Object.keys(coll('members'))) {
    if (!isValidIdNumber(id)) damage(t('maintenance.doctor.memberWhere', { id: maskIds(id) }), t('maintenance.doctor.badIdNumber'));
  }
}


/**
 * Every processed inbound file (`files`, id = its SHA-256): its kept copy in
 * `sync/received/` with that hash, its receipt's copy in `sync/receipts/`,
 * and its receipt in the shared outbox under every name it arrived as.
 * Returns the outbox receipts folder when receipts are missing there.
 */
async function checkSyncFiles(dir: string, coll: Coll, opts: DoctorOptions, say: { damage: Say; warn: Say; repaired: Say }): Promise<string | null> {
  const files = Object.values(coll('files'));
  if (!files.length) return null;
  const { receiptName } = await import('../sync/receipts.js');
  const settings = coll('settings').office as { office?: { shared?: string | null } } | undefined;
  const shared = opts.shared === undefined ? (settings?.office?.shared ?? null) : opts.shared;
  const receipts = shared ? join(shared, 'outbox', 'receipts') : null;
  const sharedThere = shared ? (await stat(shared).catch(() => null))?.isDirectory() === true : false;
  if (shared && !sharedThere) say.warn(shared, t('maintenance.doctor.sharedAway'));
  let missingReceipts = 0;
  for (const rec of files) {
    const sha = String(rec.sha256 ?? rec.id);
    const names = Array.isArray(rec.names) ? (rec.names as string[]) : [];
    const first = names[0] ?? '?';
    const kept = `sync/received/${sha}`;
    const body = await readFileIfExists(join(dir, 'sync', 'received', sha));
    if (!body || sha256Hex(body) !== sha) {
      const fromInbox = opts.repair && sharedThere ? await findInInbox(shared!, names, sha) : null;
      if (fromInbox) {
        await ensureDir(join(dir, 'sync', 'received'));
        await writeFileAtomic(join(dir, 'sync', 'received', sha), fromInbox.body);
        say.repaired(kept, t('maintenance.doctor.receivedRecovered', { name: fromInbox.name }));
      } else if (!body) say.damage(kept, t('maintenance.doctor.receivedGone', { name: first, sha: sha.slice(0, 12) }));
      else say.damage(kept, t('maintenance.doctor.receivedChanged', { name: first, sha: sha.slice(0, 12) }));
    }
    if (!(await readFileIfExists(join(dir, 'sync', 'receipts', `${sha}.csv`)))) {
      say.damage(`sync/receipts/${sha}.csv`, t('maintenance.doctor.receiptCopyGone', { name: first, sha: sha.slice(0, 12) }));
    }
    if (receipts && sharedThere) {
      for (const name of names) {
        const r = receiptName(sha, name);
        if (!(await readFileIfExists(join(receipts, r)))) {
          missingReceipts++;
          if (!opts.repair) say.warn(join(receipts, r), t('maintenance.doctor.receiptMissing', { name }));
        }
      }
    }
  }
  return missingReceipts ? receipts : null;
}

async function findInInbox(shared: string, names: readonly string[], sha: string): Promise<{ name: string; body: Buffer } | null> {
  for (const name of names) {
    const body = await readFileIfExists(join(shared, 'inbox', ...name.split('/'))).catch(() => null);
    if (body && sha256Hex(body) === sha) return { name, body };
  }
  return null;
}

/** Rewrites missing outbox receipts from their copies, the way a sync run does. */
async function rewriteReceipts(dir: string, receipts: string, repaired: Say, warn: Say): Promise<void> {
  const { Office } = await import('../store/office.js');
  const { SyncState } = await import('../sync/seen.js');
  const { writeMissingReceipts } = await import('../sync/receipts.js');
  const state = new SyncState();
  const problems: string[] = [];
  const office = await Office.open(dir).catch((err: Error) => {
    problems.push(t('maintenance.doctor.cannotOpen', { message: err.message }));
    return null;
  });
  if (office) await writeMissingReceipts(office, receipts, state, { files: [], exported: [], problems, arriving: 0 });
  if (state.receiptsOk.size) repaired(receipts, t('maintenance.doctor.receiptsRewritten', { count: state.receiptsOk.size }));
  for (const p of problems) warn(receipts, p);
}

/** Paths below `dir` (with `/`), folders before their content; lock folders left out (they come and go with every change). */
async function listDeep(dir: string, rel = '', out: string[] = []): Promise<string[]> {
  const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.name.startsWith('.lock')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    out.push(r);
    if (e.isDirectory()) await listDeep(dir, r, out);
  }
  return out;
}
