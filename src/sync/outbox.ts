// The outbox: the office's queued outbound files written into
// `<shared>/outbox/` under names that are never reused, each recorded once written.
import { dirname, join } from 'node:path';
import type { Office } from '../store/office.js';
import { readFileIfExists, writeFileAtomic } from '../store/atomicFile.js';
import { csvBytes, type OutEncoding } from '../exchange/csvOut.js';
import type { OutboundFile } from '../exchange/outbound.js';
import { SYNC_OPERATOR } from './report.js';
import { mkdirBelow, SHARED_MODE } from './share.js';
import { compactStamp } from '../office/time.js';
import { tIn } from '../i18n/index.js';

function addSecond(s: string): string {
  const d = new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14) + 1));
  return compactStamp(d.toISOString());
}

/** Writes every queued outbound file; returns the names written. Never overwrites. */
export async function publishOutbound(office: Office, outbox: string, officeCode: string, encoding: OutEncoding): Promise<string[]> {
  const all = office.view.all('outbound') as unknown as OutboundFile[];
  const queued = all.filter((o) => !o.writtenAs).sort((a, b) => a.id.localeCompare(b.id));
  if (!queued.length) return [];
  await mkdirBelow(dirname(outbox), outbox);
  const written: string[] = [];
  const taken = new Set(all.map((o) => o.writtenAs).filter(Boolean));
  for (const o of queued) {
    const body = csvBytes(o.columns, o.rows, encoding);
    let s = compactStamp(o.queuedAt);
    let name = `${o.kind}-${officeCode}-${s}.csv`;
    let existing: Buffer | null;
    for (;;) {
      existing = await readFileIfExists(join(outbox, name));
      if (!taken.has(name) && (existing === null || existing.equals(body))) break;
      s = addSecond(s);
      name = `${o.kind}-${officeCode}-${s}.csv`;
    }
    // Already there with these bytes: a crash came between writing it and recording it.
    if (existing === null) await writeFileAtomic(join(outbox, name), body, SHARED_MODE);
    taken.add(name);
    await office.transact({ operator: SYNC_OPERATOR, source: 'local', action: 'sync.publish', summary: tIn('zh', 'sync.journal.publish', { name }) }, (tx) => {
      const cur = tx.get('outbound', o.id) as unknown as OutboundFile | undefined;
      if (cur && !cur.writtenAs) tx.put('outbound', o.id, { ...cur, writtenAs: name, writtenAt: tx.now.iso } as unknown as Record<string, unknown>);
    });
    written.push(name);
  }
  return written;
}
