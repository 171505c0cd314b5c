// After a restore: the archive the data came from is its latest backup. The
// archive is taken before its own backup is recorded, so the restored stores
// do not know of it; this record tells the backup reminder (and the journal).
import { basename } from 'node:path';
import type { Office } from '../store/office.js';
import { tIn } from '../i18n/index.js';
import { minuteStamp } from '../office/time.js';

export interface RestoredMeta {
  id: 'restored';
  at: string;
  /** the office's day the archive was taken */
  backupDate: string;
  file: string;
}

export async function recordRestore(office: Office, file: string, createdAt: string, operator: string): Promise<void> {
  // createdAt is the office's own time (`…+08:00`): its date is the office's day.
  const backupDate = createdAt.slice(0, 10);
  await office.transact({ operator, source: 'local', action: 'restore', summary: tIn('zh', 'dashboard.restore.journal', { file: basename(file), createdAt: minuteStamp(createdAt) }) }, (tx) => {
    const meta: RestoredMeta = { id: 'restored', at: tx.now.iso, backupDate, file: basename(file) };
    tx.put('meta', 'restored', meta as unknown as Record<string, unknown>);
  });
}
