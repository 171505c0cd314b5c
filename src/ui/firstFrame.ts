// The app's first frame from the office's summary (src/store/summary.ts), as
// `status` draws it: the dashboard shows before the store files are read.
// The stand-in below is the office for that one frame: it reads the summary,
// writes nothing, watches nothing; the shell holds keys back until the office
// read whole replaces it (ShellView `ready`), a fraction of a second later.
import { join } from 'node:path';
import { JOURNAL_FILE, Office } from '../store/office.js';
import { openSummaryView } from '../store/summaryView.js';
import { now as clockNow } from '../office/clock.js';
import { knownOperators } from '../office/operators.js';
import type { View } from '../store/office.js';

/** An Office that stands for the real one in the first frame; null when the summary cannot stand for the data. */
export async function firstFrameOffice(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Office | null> {
  if (!(await Office.exists(dir))) return null;
  const view = await openSummaryView(dir, clockNow(env).date);
  if (!view) return null;
  const standIn = {
    dir,
    journalPath: join(dir, JOURNAL_FILE),
    view,
    now: () => clockNow(env),
    onChange: () => () => undefined,
    refresh: async () => [],
    settled: async () => undefined,
    transact: async () => {
      throw new Error('the office is still being read');
    },
  };
  return standIn as unknown as Office;
}

/** Who signs this session's changes: --operator, else the only clerk known here, else null (ask). */
export function operatorFor(view: View, operator: string | undefined): string | null {
  const known = knownOperators(view);
  return operator ?? (known.length === 1 ? known[0]! : null);
}
