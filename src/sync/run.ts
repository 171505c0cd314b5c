// One sync run: read what has arrived in `<shared>/inbox/`, keep it, merge
// it file by file (one transaction each), write a receipt for every file,
// then write the office's queued outbound files into `<shared>/outbox/`.
// `sync once` runs this once; the daemon runs it on every change and on a
// timer, keeping its scan cache between runs.
import { join } from 'node:path';
import type { Office } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import type { SyncReport } from './report.js';
import { arrived, walk, type Found } from './inbox.js';
import { SyncState } from './seen.js';
import { writeMissingReceipts } from './receipts.js';
import { publishOutbound } from './outbox.js';
import { processFile } from './file.js';
import { problemText, removeOurTempFiles } from './share.js';
import { t } from '../i18n/index.js';

export interface SyncOptions {
  shared: string;
  strict?: boolean;
  state?: SyncState;
  /** How long size and mtime must stay unchanged (ms); default: the settings'. */
  stableMs?: number;
  /** Skip folders unchanged since the last listing (the daemon's timer runs). */
  quick?: boolean;
  /** Checked between files: a SIGTERM finishes the current file, then stops. */
  shouldStop?: () => boolean;
  log?: (line: string) => void;
}

export async function syncOnce(office: Office, opts: SyncOptions): Promise<SyncReport> {
  const dataDir = office.dir;
  const state = opts.state ?? new SyncState();
  await state.load(dataDir);
  const log = opts.log ?? (() => undefined);
  const report: SyncReport = { files: [], exported: [], problems: [], arriving: 0 };
  const inbox = join(opts.shared, 'inbox');
  const outbox = join(opts.shared, 'outbox');
  const receipts = join(outbox, 'receipts');

  // A folder made anew under us (a restore) may lack the records of files settled before.
  const off = office.onChange((entries) => {
    if (entries.length === 0) state.settled = new WeakSet();
  });
  try {
    await office.refresh();
  } finally {
    off();
  }
  const settings = settingsOf(office.view);
  const stableMs = opts.stableMs ?? settings.arrivalStableMs;

  await writeMissingReceipts(office, receipts, state, report);
  // A killed write's temp file waits for a full run (at start, on a file event, every few minutes):
  // listing the outbox's receipts on every timer run was most of what an idle daemon did.
  if (!opts.quick) await removeOurTempFiles([outbox, receipts]);

  let found: Found[] = [];
  try {
    walk(inbox, inbox, found, report.problems, state.dirs, opts.quick ?? false);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    report.problems.push(code === 'ENOENT' ? t('sync.problem.inboxMissing', { inbox }) : t('sync.problem.inboxUnreadable', { inbox, code: code ?? '' }));
    found = [];
  }

  // Files already dealt with (same path, size and mtime) cost nothing more; one
  // found so by an earlier run of a folder listed again from the cache is not even looked up.
  const candidates = found.filter((f) => {
    if (state.settled.has(f)) return false;
    const s = state.seen.get(f.rel);
    const done = s !== undefined && s.size === f.size && s.mtimeMs === f.mtimeMs && office.view.get('files', s.sha256) !== undefined;
    if (done) state.settled.add(f);
    return !done;
  });

  const { ready, arriving } = await arrived(candidates, stableMs);
  report.arriving = arriving;

  for (const f of ready) {
    if (opts.shouldStop?.()) break;
    try {
      const r = await processFile(office, f, { problems: report.problems, dataDir, receipts, strict: opts.strict ?? false, officeCode: settings.office.code, state });
      if (r) {
        report.files.push(r);
        log(t('sync.logFile', { outcome: r.outcome, name: f.rel, kind: r.kind ?? '-', applied: r.applied, unchanged: r.unchanged, stale: r.stale, rejected: r.rejected, pending: r.pending }));
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') continue; // taken away while we looked
      report.problems.push(t('sync.problem.file', { name: f.rel, problem: problemText(e) }));
      log(`error ${f.rel}: ${problemText(e)}`);
    }
  }

  try {
    report.exported = await publishOutbound(office, outbox, settings.office.code, settings.office.outboundEncoding);
  } catch (err) {
    report.problems.push(t('sync.problem.publish', { problem: problemText(err as NodeJS.ErrnoException) }));
  }
  try {
    await state.save(dataDir);
  } catch {
    // Only a cache.
  }
  return report;
}
