// Whether the dashboard should remind the clerk to back up: the office's
// records are the only copy of many families' histories (issue 9). Kept apart
// from src/backup.ts so that `status` does not load the archive code.
import type { View } from '../store/office.js';
import { settingsOf } from '../office/context.js';
import { dayNo } from '../rules/dayNumber.js';
import { t } from '../i18n/index.js';

export interface BackupReminder {
  lastDate: string | null;
  daysSince: number | null;
  due: boolean;
  /** The line the dashboard shows, or null when a backup is recent. */
  message: string | null;
}

/** Whether the dashboard should remind the clerk to back up (setting `backupReminderDays`). */
export function backupReminder(view: View, today: string): BackupReminder {
  const days = settingsOf(view).backupReminderDays;
  const meta = view.get('meta', 'backup') as { date?: string } | undefined;
  // A restored folder holds the stores of before its own backup was recorded:
  // the archive it came from is its latest backup (src/dashboard/restored.ts records it).
  const restored = view.get('meta', 'restored') as { backupDate?: string } | undefined;
  const dates = [meta?.date, restored?.backupDate].filter((x): x is string => typeof x === 'string').sort();
  const last = dates.at(-1) ?? null;
  if (!last) return { lastDate: null, daysSince: null, due: true, message: t('maintenance.reminder.never') };
  const since = dayNo(today) - dayNo(last);
  if (since < days) return { lastDate: last, daysSince: since, due: false, message: null };
  return { lastDate: last, daysSince: since, due: true, message: t('maintenance.reminder.due', { last, days: since }) };
}
