// Reads an office for bench/torture.mjs and prints its content keyed by
// stable keys: local case numbers depend on the order in which the writer's
// commands got through, so every case is keyed by household, program and
// application date, and case numbers inside records are replaced by that key.
// The `files` bookkeeping (which name of a duplicate came first), outbound
// queue, meta and the roster's comparison flags (they compare with the office
// as it was when the roster arrived, exchange.md) are left out, as are
// resolved pending items' dates.
import { Office } from '../src/store/office.js';

const [dataDir] = process.argv.slice(2) as [string];
const office = await Office.open(dataDir, { repair: false });
const v = office.view;

const caseKey = new Map<string, string>();
for (const c of v.all('cases')) caseKey.set(c.caseNo, `case:${c.householdId}/${c.program}/${c.applicationDate}`);
const caseNoRe = /\d{12}-\d{4}-\d{4}/g;

function stable(x: unknown): unknown {
  if (typeof x === 'string') return x.replace(caseNoRe, (m) => caseKey.get(m) ?? m);
  if (Array.isArray(x)) return x.map(stable);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x as Record<string, unknown>)
        .map(([k, val]) => [stable(k) as string, stable(val)] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    );
  }
  return x;
}

const byKey = (rows: readonly object[], key: (r: Record<string, unknown>) => string) =>
  Object.fromEntries(rows.map((r) => [key(r as Record<string, unknown>), r]));

const pending = v
  .all('pending')
  .filter((p) => !p.resolvedOn && !p.kind.startsWith('roster-'))
  .map((p) => ({ ...p, since: '' }));

const state = stable({
  counters: byKey(v.all('counters'), (r) => String(r.id)),
  households: byKey(v.all('households'), (r) => String(r.id)),
  members: byKey(v.all('members'), (r) => String(r.idNumber)),
  cases: byKey(v.all('cases'), (r) => String(r.caseNo)),
  enrolments: byKey(v.all('enrolments'), (r) => String(r.id)),
  decisions: byKey(v.all('decisions'), (r) => String(r.id)),
  standards: byKey(v.all('standards'), (r) => String(r.id)),
  holidays: byKey(v.all('holidays'), (r) => String(r.id)),
  pending: byKey(pending, (r) => String(r.id)),
});

// Which cases each householder has: a local change lost or made twice shows here.
const holders: Record<string, string[]> = {};
for (const c of v.all('cases')) {
  const head = v.get('households', c.householdId)?.householderId ?? c.householdId;
  (holders[head] ??= []).push(c.caseNo);
}

process.stdout.write(JSON.stringify({ state, holders, journalSeq: office.journalHead.seq }));
