// `jiuzhu backup` and `jiuzhu restore`: the whole data folder in one
// compressed archive with a manifest of SHA-256 hashes, taken under the store
// lock; a restore verifies every byte (and the journal's hash chain, and the
// stores against it) before it replaces anything, and keeps the replaced
// folder aside. The format is described in docs/backup-format.md.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Office, storeFileName, type View } from '../store/office.js';
import { DataLock } from '../store/lock.js';
import { DIR_MODE, FILE_MODE, fsyncDir, isTempName, readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
import { runDoctor, type Finding } from './doctor.js';
import { settingsOf } from '../office/context.js';
import { UserFacingError } from '../office/errors.js';
import { sha256Hex } from '../store/journal.js';
import { compactStamp } from '../office/time.js';
import { t, tIn } from '../i18n/index.js';

export const BACKUP_MAGIC = 'JIUZHU-BACKUP 1\n';
export const BACKUP_EXTENSION = '.jzbackup';

export class BackupError extends UserFacingError {}

export interface ManifestFile {
  /** Path inside the data folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
  mode: number;
}

export interface Manifest {
  format: 'jiuzhu-backup';
  version: 1;
  createdAt: string;
  office: { code: string; name: string };
  journal: { seq: number; hash: string };
  files: ManifestFile[];
}

/** The `meta` record a backup leaves behind, for the dashboard's reminder. */
export interface BackupMeta {
  id: 'backup';
  at: string;
  date: string;
  file: string;
  bytes: number;
  sha256: string;
  journalSeq: number;
}


/**
 * What a backup leaves out: the lock folders and holder (they belong to the
 * processes running now), temp files of interrupted writes, and `daemon/`
 * (pid, status and log of this machine's daemon, not records).
 */
function leftOut(rel: string): boolean {
  const name = rel.split('/').at(-1)!;
  if (rel === 'daemon' || rel.startsWith('daemon/')) return true;
  return name.startsWith('.lock') || isTempName(name);
}

async function listFiles(dir: string, rel = '', out: string[] = []): Promise<string[]> {
  const entries = await readdir(join(dir, rel), { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (leftOut(r)) continue;
    if (e.isDirectory()) await listFiles(dir, r, out);
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** `--out` may name a folder (a USB stick, the shared folder): the archive gets a dated name in it. */
export async function backupTarget(out: string, officeCode: string, iso: string): Promise<string> {
  const s = await stat(out).catch(() => null);
  if (s?.isDirectory()) return join(out, `jiuzhu-${officeCode}-${compactStamp(iso)}${BACKUP_EXTENSION}`);
  return out;
}

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  files: number;
  journalSeq: number;
}

/** Writes the archive of the office's data folder to `out` (a file, or a folder to put it in). */
export async function writeBackup(office: Office, out: string, operator: string): Promise<BackupResult> {
  const settings = settingsOf(office.view);
  const now = office.now();
  const target = await backupTarget(resolve(out), settings.office.code, now.iso);
  if (resolve(target).startsWith(resolve(office.dir) + sep)) {
    throw new BackupError(t('maintenance.backup.insideData', { dir: office.dir }));
  }
  const { manifest, payload } = await office.exclusive(async () => {
    const head = office.journalHead;
    const files: ManifestFile[] = [];
    const bodies: Buffer[] = [];
    for (const path of await listFiles(office.dir)) {
      const abs = join(office.dir, ...path.split('/'));
      const body = await readFile(abs);
      const st = await stat(abs);
      files.push({ path, size: body.length, sha256: sha256Hex(body), mode: st.mode & 0o777 });
      bodies.push(body);
    }
    const manifest: Manifest = {
      format: 'jiuzhu-backup',
      version: 1,
      createdAt: now.iso,
      office: { code: settings.office.code, name: settings.office.name },
      journal: { seq: head.seq, hash: head.hash },
      files,
    };
    return { manifest, payload: Buffer.concat([Buffer.from(BACKUP_MAGIC), Buffer.from(`${JSON.stringify(manifest)}\n`), ...bodies]) };
  });
  const archive = await promisify(gzip)(payload, { level: 6 });
  await mkdir(dirname(target), { recursive: true });
  try {
    // The archive holds every family's records: readable by this user only.
    await writeFileAtomic(target, archive, FILE_MODE);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new BackupError(t('maintenance.backup.noSpace', { dir: dirname(target), kb: Math.ceil(archive.length / 1024) }));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new BackupError(t('maintenance.backup.noWrite', { dir: dirname(target) }));
    throw err;
  }
  const result: BackupResult = { file: target, bytes: archive.length, sha256: sha256Hex(archive), files: manifest.files.length, journalSeq: manifest.journal.seq };
  await office.transact({ operator, source: 'local', action: 'backup', summary: tIn('zh', 'maintenance.journal.backup', { file: basename(target) }) }, (tx) => {
    const meta: BackupMeta = { id: 'backup', at: now.iso, date: now.date, file: basename(target), bytes: result.bytes, sha256: result.sha256, journalSeq: result.journalSeq };
    tx.put('meta', 'backup', meta as unknown as Record<string, unknown>);
  });
  return result;
}

// ---------------------------------------------------------------- reading

export interface OpenedArchive {
  manifest: Manifest;
  /** Contents by manifest path, each checked against its hash. */
  bodies: Map<string, Buffer>;
}

function safePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Reads and verifies an archive; throws a BackupError naming what is wrong. */
export async function openArchive(file: string): Promise<OpenedArchive> {
  const raw = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(err.code === 'ENOENT' ? t('maintenance.restore.notFound', { file }) : t('maintenance.restore.unreadable', { file, code: err.code ?? err.message }));
  });
  let payload: Buffer;
  try {
    payload = await promisify(gunzip)(raw);
  } catch {
    throw new BackupError(t('maintenance.restore.notComplete', { file }));
  }
  const magic = Buffer.from(BACKUP_MAGIC);
  if (!payload.subarray(0, magic.length).equals(magic)) throw new BackupError(t('maintenance.restore.badMagic', { file }));
  const nl = payload.indexOf(0x0a, magic.length);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(payload.toString('utf8', magic.length, nl)) as Manifest;
  } catch {
    throw new BackupError(t('maintenance.restore.badManifest', { file }));
  }
  if (manifest.format !== 'jiuzhu-backup' || manifest.version !== 1 || !Array.isArray(manifest.files)) {
    throw new BackupError(t('maintenance.restore.badVersion', { file, version: String(manifest.version) }));
  }
  const bodies = new Map<string, Buffer>();
  let pos = nl + 1;
  for (const f of manifest.files) {
    if (!safePath(f.path)) throw new BackupError(t('maintenance.restore.unsafePath', { file, path: f.path }));
    const body = payload.subarray(pos, pos + f.size);
    pos += f.size;
    if (body.length !== f.size || sha256Hex(body) !== f.sha256) {
      throw new BackupError(t('maintenance.restore.badHash', { file, path: f.path }));
    }
    bodies.set(f.path, body);
  }
  if (pos !== payload.length) throw new BackupError(t('maintenance.restore.extraBytes', { file, bytes: payload.length - pos }));
  for (const s of ['settings', 'households', 'cases'] as const) {
    if (!bodies.has(storeFileName(s))) throw new BackupError(t('maintenance.restore.missingStore', { file, store: storeFileName(s) }));
  }
  return { manifest, bodies };
}

/** The office code stored in a data folder, or null when it holds no office. */
async function officeCodeIn(dir: string): Promise<string | null> {
  // The store files are checkpoints: the journal past them may hold the settings.
  const open = await Office.open(dir, { repair: false }).catch(() => null);
  if (open) return settingsOf(open.view).office.code;
  const buf = await readFileIfExists(join(dir, storeFileName('settings')));
  if (!buf) return null;
  try {
    const f = JSON.parse(buf.toString('utf8')) as { collections?: { settings?: { office?: { office?: { code?: string } } } } };
    return f.collections?.settings?.office?.office?.code ?? null;
  } catch {
    return null; // a damaged folder is exactly what one restores over
  }
}

/** The last committed entry a data folder's head names, or null. */
async function journalSeqIn(dir: string): Promise<number | null> {
  const h = await Office.committedHead(dir).catch(() => null);
  return h ? h.seq : null;
}

async function freeName(base: string): Promise<string> {
  for (let i = 0; ; i++) {
    const p = i === 0 ? base : `${base}-${i}`;
    if (!(await stat(p).catch(() => null))) return p;
  }
}

export interface RestoreResult {
  restored: string;
  /** Where the folder that was replaced now is (null when there was none). */
  replacedAside: string | null;
  /** How many journal entries the replaced folder had (null when none could be read). */
  replacedJournalSeq: number | null;
  manifest: Manifest;
  checked: Finding[];
}

/**
 * Verifies the archive completely — hashes, then the journal's chain and the
 * stores against it in a staging folder — and only then swaps the staging
 * folder in under the lock, keeping the old folder as `<data>.replaced-<time>`.
 * For a process that does not have the office open (the `restore` command):
 * a second lock object on the same folder in one process would take the
 * first one's lock for abandoned.
 */
export async function restoreBackup(file: string, dataDir: string, opts: { forceOtherOffice?: boolean; nowIso: string }): Promise<RestoreResult> {
  const dir = resolve(dataDir);
  const { manifest, bodies } = await openArchive(file);
  const current = await officeCodeIn(dir);
  const replacedJournalSeq = await journalSeqIn(dir);
  if (current !== null && current !== manifest.office.code && !opts.forceOtherOffice) {
    throw new BackupError(
      t('maintenance.restore.otherOffice', { office: manifest.office.name, code: manifest.office.code, dir, current }),
    );
  }
  const stamp = compactStamp(opts.nowIso);
  const staging = await freeName(`${dir}.restoring-${stamp}`);
  await mkdir(staging, { recursive: true, mode: DIR_MODE });
  try {
    for (const f of manifest.files) {
      const abs = join(staging, ...f.path.split('/'));
      await mkdir(dirname(abs), { recursive: true, mode: DIR_MODE });
      await writeFile(abs, bodies.get(f.path)!, { mode: FILE_MODE });
    }
    for (const d of new Set(manifest.files.map((f) => dirname(join(staging, ...f.path.split('/')))))) await fsyncDir(d);
    // The hashes say the archive is what was written; the doctor says what was written was sound.
    const report = await runDoctor(staging, { shared: null });
    const damage = report.findings.filter((f) => f.level === 'damage');
    if (damage.length) {
      throw new BackupError(t('maintenance.restore.damaged', { file, where: damage[0]!.where, what: damage[0]!.what }));
    }
    await mkdir(dirname(dir), { recursive: true });
    let aside: string | null = null;
    if (await stat(dir).catch(() => null)) {
      aside = await freeName(`${dir}.replaced-${stamp}`);
      const target = aside;
      // Under the lock, so that no change is half-way through while the folder moves.
      await new DataLock(dir).with(async () => {
        await rename(dir, target);
        await rename(staging, dir);
      });
      await rm(join(aside, '.lock'), { recursive: true, force: true });
    } else {
      await rename(staging, dir);
    }
    await fsyncDir(dirname(dir));
    return { restored: dir, replacedAside: aside, replacedJournalSeq, manifest, checked: report.findings };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

