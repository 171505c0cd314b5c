// Writes a generated demo office into an empty data folder as one journalled
// change, and its waiting inbound files into the shared folder.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Office } from '../store/office.js';
import { generateOffice, type GenerateOptions } from './generate.js';
import { demoAttendance } from './attendance.js';
import { refreshRecommendations } from '../attendance/marking.js';
import { demoReviews } from './reviews.js';
import { demoGradualExits } from './gradualExits.js';
import { t, tIn } from '../i18n/index.js';

export interface DemoWritten {
  households: number;
  cases: number;
  inboxFiles: number;
}

/**
 * Fills `dataDir` with a demo office whose shared folder is `sharedDir`.
 * Refuses a folder that already holds an office: the demo never overwrites
 * real records.
 */
export async function writeDemoOffice(dataDir: string, sharedDir: string, opts: GenerateOptions): Promise<DemoWritten> {
  if (await Office.exists(dataDir)) {
    throw new Error(t('demo.notEmpty', { dir: dataDir }));
  }
  const demo = generateOffice(opts);
  const settings = { ...demo.settings, office: { ...demo.settings.office, shared: sharedDir } };

  // Each year's case numbers go on from the last one the demo used.
  const lastSeq = new Map<string, number>();
  for (const c of demo.cases) {
    const [, year, seq] = c.caseNo.split('-') as [string, string, string];
    lastSeq.set(year, Math.max(lastSeq.get(year) ?? 0, Number(seq)));
  }

  const gradualExits = demoGradualExits({ seed: opts.seed, today: opts.today, settings, members: demo.members, enrolments: demo.enrolments, cases: demo.cases });
  const attendance = demoAttendance({ seed: opts.seed, today: opts.today, settings, members: demo.members, enrolments: demo.enrolments, cases: demo.cases, gradualExits });
  const office = await Office.create(dataDir);
  await office.transact({ operator: tIn('zh', 'demo.operator'), source: 'local', action: 'demo.generate', summary: tIn('zh', 'demo.journal.generate') }, (tx) => {
    tx.put('settings', 'office', settings);
    for (const [year, value] of lastSeq) tx.put('counters', `caseSeq-${year}`, { id: `caseSeq-${year}`, value });
    for (const s of demo.standards) tx.put('standards', s.id, s);
    for (const h of demo.households) tx.put('households', h.id, h);
    for (const m of demo.members) tx.put('members', m.idNumber, m);
    for (const c of demo.cases) tx.put('cases', c.caseNo, c);
    for (const e of demo.enrolments) tx.put('enrolments', e.id, e);
    for (const p of demo.pending) tx.put('pending', p.id, p);
    for (const g of gradualExits) tx.put('gradualExits', g.id, g);
    for (const r of demoReviews({ seed: opts.seed, today: opts.today, settings, enrolments: demo.enrolments })) tx.put('reviews', r.id, r);
    // One record per session holding its marks (see src/attendance/types.ts).
    for (const s of attendance.sessions) tx.put('sessions', s.id, s);
    for (const g of attendance.groups) tx.put('groups', g.id, g);
    // Three unexcused absences in a month put a recommendation on the pending list, as marking does.
    for (const month of new Set(attendance.sessions.map((s) => s.date.slice(0, 7)))) refreshRecommendations(tx, month);
  });

  // After the commit, so that a daemon already watching finds the cases the files name.
  const inbox = join(sharedDir, 'inbox');
  await mkdir(inbox, { recursive: true });
  await mkdir(join(sharedDir, 'outbox', 'receipts'), { recursive: true });
  for (const f of demo.inbox) {
    const target = join(inbox, ...f.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    // A dot-name is ignored by the daemon until the rename makes the file whole.
    const temp = join(dirname(target), `.${basename(target)}.tmp`);
    await writeFile(temp, f.content);
    await rename(temp, target);
  }
  return { households: demo.households.length, cases: demo.cases.length, inboxFiles: demo.inbox.length };
}
