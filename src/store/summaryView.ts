// `status` and the app's first frame: the office's summary brought up to the
// end of the journal, without reading the store files. null when the office
// must be loaded whole (no summary yet, an older one, the clock went back, or
// a change past it that it cannot follow).
import { join } from 'node:path';
import { SummaryView } from './office.js';
import { JOURNAL_FILE } from './office.js';
import { catchUpSummary, readSummaryFile } from './summary.js';

export async function openSummaryView(dir: string, today: string): Promise<SummaryView | null> {
  const s = await readSummaryFile(dir);
  if (!s || today < s.since) return null;
  const why = await catchUpSummary(dir, s, join(dir, JOURNAL_FILE));
  if (why !== null) return null;
  return new SummaryView(s);
}
