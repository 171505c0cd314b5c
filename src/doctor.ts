// `jiuzhu doctor`: checks everything the stores promise — each file loads, its
// schema, the journal's hash chain, stores against the journal, references
// between stores, permissions — and names the place of every problem.
// `repair` fixes only what needs no guessing.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic, tighten, FILE_MODE, DIR_MODE } from './store/atomicFile.js';
import { applyChangeTo, GENESIS_HASH, readJournal, dropTornTail, type JournalEntry } from './store/journal.js';
import { maskIds } from './privacy.js';
import { HEAD_FILE, JOURNAL_FILE, storeFileName, type Head } from './store/office.js';
import { emptyStoreFile, migrate, STORE_NAMES, STORE_OF, STORES, type AnyRecord, type StoreFile, type StoreName } from './store/schema.js';

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

export async function runDoctor(dir: string, opts: { repair?: boolean } = {}): Promise<DoctorReport> {
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

  const headBuf = await readFileIfExists(join(dir, HEAD_FILE));
  let head: Head | null = null;
  try {
    head = headBuf ? (JSON.parse(headBuf.toString('utf8')) as Head) : null;
  } catch {
    damage(HEAD_FILE, '不是完整的 JSON');
  }
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
        const expected = rebuild(entries, s, lastSeq);
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
  for (const [id, m] of Object.entries(members)) {
    if (!households[String(m.householdId)]) damage(`households.json 的 members`, `成员 ${String(m.name)} 所属的户 ${String(m.householdId).slice(0, 7)}… 不存在`);
    void id;
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

  // Permissions: the records of families are for this office's clerks only.
  if (process.platform !== 'win32') {
    const dmode = (await stat(dir)).mode & 0o777;
    if (dmode & 0o077) {
      if (opts.repair) {
        await tighten(dir, DIR_MODE);
        repaired(dir, `文件夹权限 ${dmode.toString(8)} 改为 700`);
      } else damage(dir, `文件夹权限是 ${dmode.toString(8)}，别的用户也能读：应为 700（doctor --repair 可修正）`);
    }
    for (const name of await readdir(dir)) {
      // Lock folders are empty and come and go with every change.
      if (name.startsWith('.lock')) continue;
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

  if (opts.repair && !tail.damage && head && head.seq !== lastSeq && findings.every((f) => f.level !== 'damage')) {
    const last = tail.entries.at(-1);
    await writeFileAtomic(join(dir, HEAD_FILE), JSON.stringify({ seq: lastSeq, hash: last?.entry.hash ?? GENESIS_HASH, end: last?.end ?? 0 }));
    repaired(HEAD_FILE, `更新到第 ${lastSeq} 条`);
  }
  return { findings, ok: !findings.some((f) => f.level === 'damage'), journalEntries: entries.length };
}
