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
    damage(`${JOURNAL_FILE} 第 ${tail.damage.line} 条（字节 ${tail.damage.offset}）`, `${tail.damage.reason}；其后的记录无法验证`);
  } else if (tail.tornBytes > 0) {
    if (opts.repair) {
      await dropTornTail(jpath, tail.end);
      repaired(JOURNAL_FILE, `删除了末尾 ${tail.tornBytes} 字节未写完的记录（崩溃时未提交的修改）`);
    } else {
      warn(JOURNAL_FILE, `末尾有 ${tail.tornBytes} 字节未写完的记录（崩溃时未提交的修改），下次写入时会自动清除`);
    }
  }

  const read = await readHeadFile(dir);
  if (read === 'damaged') damage(HEAD_FILE, '不是有效的提交记录（应有 seq、hash、end）');
  const head = read === 'damaged' ? null : read;
  if (head && head.seq > lastSeq) {
    damage(JOURNAL_FILE, `日志只有 ${lastSeq} 条记录，而 ${HEAD_FILE} 记录已提交到第 ${head.seq} 条：日志被截断或删改`);
  }

  const stores = {} as Record<StoreName, StoreFile | null>;
  for (const s of STORE_NAMES) {
    const name = storeFileName(s);
    const buf = await readFileIfExists(join(dir, name));
    stores[s] = null;
    if (!buf) {
      damage(name, '文件不见了');
    } else {
      try {
        stores[s] = migrate(JSON.parse(buf.toString('utf8')), s, name).file;
      } catch (err) {
        damage(name, err instanceof SyntaxError ? `不是完整的 JSON（${buf.length} 字节，可能被截断）` : (err as Error).message);
      }
    }
    const f = stores[s];
    if (f && !tail.damage) {
      if (f.journalSeq > lastSeq) {
        damage(name, `记录到第 ${f.journalSeq} 条变更，而日志只有 ${lastSeq} 条：日志被截断了`);
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
            if (behind) warn(name, `还有第 ${f.journalSeq + 1}–${lastSeq} 条变更未写入本文件，下次打开时自动补上`);
            else damage(`${name} 的 ${c}`, `${bad} 条记录与日志不一致（第一条：${maskIds(first)}）：文件被改动过`);
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
      repaired(name, `按日志重建（共 ${lastSeq} 条变更）`);
    }
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
    if (!households[String(m.householdId)]) damage(`households.json 的 members`, `成员 ${String(m.name)} 所属的户 ${String(m.householdId).slice(0, 7)}… 不存在`);
  }
  for (const [id, h] of Object.entries(households)) {
    if (!members[String(h.householderId)]) damage('households.json 的 households', `户 ${id.slice(0, 7)}… 的户主不在成员表里`);
  }
  for (const [no, c] of Object.entries(cases)) {
    if (!households[String(c.householdId)]) damage('cases.json 的 cases', `申请 ${no} 所属的户不存在`);
  }
  for (const [id, e] of Object.entries(coll('enrolments'))) {
    if (!households[String(e.householdId)]) damage('enrolments.json 的 enrolments', `保障记录 ${id.split(':')[1] ?? id} 所属的户不存在`);
    if (e.caseNo && !cases[String(e.caseNo)]) damage('enrolments.json 的 enrolments', `保障记录引用的申请 ${String(e.caseNo)} 不存在`);
  }

  await checkSchema(coll, damage);
  const receiptsToWrite = await checkSyncFiles(dir, coll, opts, { damage, warn, repaired });

  // Permissions: the records of families are for this office's clerks only.
  if (process.platform !== 'win32') {
    const dmode = (await stat(dir)).mode & 0o777;
    if (dmode & 0o077) {
      if (opts.repair) {
        await tighten(dir, DIR_MODE);
        repaired(dir, `文件夹权限 ${dmode.toString(8)} 改为 700`);
      } else damage(dir, `文件夹权限是 ${dmode.toString(8)}，别的用户也能读：应为 700（doctor --repair 可修正）`);
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
          repaired(name, `权限 ${mode.toString(8)} 改为 ${want.toString(8)}`);
        } else damage(name, `权限是 ${mode.toString(8)}，别的用户也能读：应为 ${want.toString(8)}（doctor --repair 可修正）`);
      }
    }
  }

  if (opts.repair && !tail.damage && head && head.seq > lastSeq && findings.every((f) => f.level !== 'damage')) {
    const last = tail.entries.at(-1);
    await writeFileAtomic(join(dir, HEAD_FILE), JSON.stringify({ seq: lastSeq, hash: last?.entry.hash ?? GENESIS_HASH, end: last?.end ?? 0 }));
    repaired(HEAD_FILE, `更新到第 ${lastSeq} 条`);
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
    const parsed = settingsSchema.safeParse(office);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      damage('settings.json 的 settings，记录 office', `设置项 ${issue.path.join('.')} 不符合格式（${issue.message}）`);
    }
  }
  for (const s of STORE_NAMES) {
    for (const c of STORES[s]) {
      for (const [key, rec] of Object.entries(coll(c))) {
        const where = `${storeFileName(s)} 的 ${c}，记录 ${maskIds(key)}`;
        if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
          damage(where, '不是一条记录（应为对象）');
          continue;
        }
        const field = KEYED_BY[c] ?? 'id';
        const own = rec[field];
        if ((field !== 'id' || own !== undefined) && own !== key) damage(where, `字段 ${field} 是「${maskIds(String(own))}」，与记录的编号不一致`);
      }
    }
  }
  for (const id of Object.keys(coll('members'))) {
    if (!isValidIdNumber(id)) damage(`households.json 的 members，记录 ${maskIds(id)}`, '身份证号无效（校验位不符或格式不对）');
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
  const { receiptName } = await import('../sync/run.js');
  const settings = coll('settings').office as { office?: { shared?: string | null } } | undefined;
  const shared = opts.shared === undefined ? (settings?.office?.shared ?? null) : opts.shared;
  const receipts = shared ? join(shared, 'outbox', 'receipts') : null;
  const sharedThere = shared ? (await stat(shared).catch(() => null))?.isDirectory() === true : false;
  if (shared && !sharedThere) say.warn(shared, '共享文件夹不在（U盘没插？），这次没有检查发出的回执');
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
        say.repaired(kept, `从共享文件夹的 inbox/${fromInbox.name} 取回了收到的原件（哈希值相符）`);
      } else if (!body) say.damage(kept, `收到的文件 ${first} 的原件不见了（sync.json 的 files，记录 ${sha.slice(0, 12)}…）`);
      else say.damage(kept, `收到的文件 ${first} 的原件与记录的哈希值不符：文件被改动过（sync.json 的 files，记录 ${sha.slice(0, 12)}…）`);
    }
    if (!(await readFileIfExists(join(dir, 'sync', 'receipts', `${sha}.csv`)))) {
      say.damage(`sync/receipts/${sha}.csv`, `文件 ${first} 的回执副本不见了（sync.json 的 files，记录 ${sha.slice(0, 12)}…）`);
    }
    if (receipts && sharedThere) {
      for (const name of names) {
        const r = receiptName(sha, name);
        if (!(await readFileIfExists(join(receipts, r)))) {
          missingReceipts++;
          if (!opts.repair) say.warn(join(receipts, r), `文件 ${name} 的回执不在发件箱里（doctor --repair 或下一次同步会补写）`);
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
  const { SyncState, writeMissingReceipts } = await import('../sync/run.js');
  const state = new SyncState();
  const problems: string[] = [];
  const office = await Office.open(dir).catch((err: Error) => {
    problems.push(`无法打开数据补写回执：${err.message}`);
    return null;
  });
  if (office) await writeMissingReceipts(office, receipts, state, { files: [], exported: [], problems, arriving: 0 });
  if (state.receiptsOk.size) repaired(receipts, `补写了发件箱里缺少的回执（共检查 ${state.receiptsOk.size} 份）`);
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
