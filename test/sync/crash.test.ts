// exchange.md rule 5 under SIGKILL: `sync once` killed at random moments
// over a 30-file inbox, again and again, then run to the end, must leave
// the same stores as a calm run, every file applied once and receipted once.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { sha256Hex } from '../../src/store/journal.js';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CLI } from '../support/paths.js';
import { CASE, CHEN, HUANG, LIU, ZHAO, FIXTURE_FILES, csv, drop, dropFixture, makeOffice, stateOf } from '../support/office.js';
import { Office } from '../../src/store/office.js';
import { readJournal, GENESIS_HASH } from '../../src/store/journal.js';
import { runDoctor } from '../../src/maintenance/doctor.js';
import { receiptName } from '../../src/sync/receipts.js';

const NOW = '2026-12-21T10:00:00+08:00';
const env = { ...process.env, NODE_ENV: 'production', JIUZHU_NOW: NOW, JIUZHU_DEBUG: '' };

function runSync({ data, shared }: { data: string; shared: string }, killAfterMs: number | null): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, '--data', data, '--shared', shared, 'sync', 'once'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    const timer = killAfterMs === null ? null : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** 30 inbound files: the fixtures, verifications, reviews, decisions, changes and copies. */
async function prepare(): Promise<{ root: string; data: string; shared: string; names: string[] }> {
  const t = await makeOffice({ now: NOW });
  for (const f of FIXTURE_FILES) dropFixture(t, f);
  const V = ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'];
  const ids = [LIU, HUANG, CHEN, ZHAO];
  for (let i = 0; i < 12; i++) {
    const n = (i % 4) + 1;
    drop(t, `verify/v${i}.csv`, csv(V, [[CASE(n), ids[n - 1]!, `项目${i}`, i % 2 ? '有' : '无', `2026-11-${String(10 + i).padStart(2, '0')}`, i % 2 ? String(100 * i) : '', '']]));
  }
  const C = ['身份证号', '变更类型', '生效年月', '决定日期', '月保障金额(元)'];
  drop(t, 'changes/c1.csv', csv(C, [[HUANG, '停发', '2027-02', '2027-01-20', '']]));
  drop(t, 'changes/c2.csv', csv(C, [[HUANG, '恢复', '2027-03', '2027-02-25', '720']]));
  drop(t, 'changes/c3.csv', csv(C, [[LIU, '调整', '2027-04', '2027-03-20', '1180']]));
  const D = ['申请编号', '身份证号', '审批结果', '审批日期', '原因'];
  drop(t, 'late/old.csv', csv(D, [[CASE(4), ZHAO, '不予批准', '2026-11-21', '旧的决定']]));
  drop(t, 'bad/junk.csv', Buffer.from([0, 1, 2, 3, 255, 254]));
  drop(t, 'bad/nokind.csv', csv(['姓名', '备注'], [['张三', '无']]));
  drop(t, 'bad/empty.csv', '');
  for (const f of ['04-township-review.csv', '05-county-decision.csv', '06-benefit-change.csv']) dropFixture(t, f, `copies/${f}`);
  dropFixture(t, '07-roster.csv', 'copies/07-roster.sync-conflict-20261201-0101-X.csv');
  const names: string[] = [];
  const walk = (dir: string, rel = '') => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else names.push(`${rel}${e.name}`);
    }
  };
  walk(t.inbox);
  const root = join(t.dir, '..');
  return { root, data: t.dir, shared: t.shared, names };
}


function copyOf(root: string): { data: string; shared: string } {
  const to = mkdtempSync(join(tmpdir(), 'jiuzhu-crash-'));
  cpSync(root, to, { recursive: true, preserveTimestamps: true });
  return { data: join(to, 'data'), shared: join(to, 'shared') };
}

async function check(data: string, shared: string, names: string[]) {
  const office = await Office.open(data, { env });
  // Every file: exactly one receipt by its own name, and applied at most once.
  const receipts = receiptsIn(shared);
  const want = names.map((n) => receiptName(createSha(join(shared, 'inbox', n)), n)).sort();
  expect(receipts.sort()).toEqual([...new Set(want)].sort());
  const { entries } = await readJournal(join(data, 'journal.jsonl'), 0, GENESIS_HASH, 0);
  const applied = new Map<string, number>();
  for (const { entry: e } of entries) if (e.action === 'sync.file') applied.set(e.source, (applied.get(e.source) ?? 0) + 1);
  expect(applied.size).toBeGreaterThan(20);
  expect([...applied.values()].every((n) => n === 1)).toBe(true);
  // This copy's own shared folder: the settings name the folder it was copied from.
  const doctor = await runDoctor(data, { shared });
  expect(doctor.findings, JSON.stringify(doctor.findings)).toEqual([]);
  return stateOf(office);
}

/** The receipts sent to the shared folder so far. */
function receiptsIn(shared: string): string[] {
  const dir = join(shared, 'outbox', 'receipts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
}

function createSha(path: string): string {
  return sha256Hex(readFileSync(path));
}

describe('sync once under SIGKILL', () => {
  it('ends, after any number of kills, in the state of a calm run, each file applied and receipted once', async () => {
    const base = await prepare();
    expect(base.names).toHaveLength(30);

    const calm = copyOf(base.root);
    const r = await runSync(calm, null);
    expect(r.code, r.stderr).toBe(0);
    const calmState = await check(calm.data, calm.shared, base.names);

    // How long a run takes here from start to its first file and to its end,
    // so that the kills fall while files are being merged.
    const t0 = Date.now();
    await runSync(copyOf(base.root), null);
    const span = Math.max(Date.now() - t0, 300);
    const t1 = Date.now();
    await runSync(calm, null); // nothing left to do: start-up and shut-down only
    const startUp = Date.now() - t1;

    // Early in the work, so that a copy takes several kills (up to ten) before a run gets to the end.
    const delays = fc.sample(fc.integer({ min: Math.round(startUp * 0.9), max: Math.round(startUp + (span - startUp) * 0.3) }), { numRuns: 400, seed: 42 });
    // The machine is shared: the runs measured above may have been slower or faster than the ones
    // that follow. The delays follow what the kills find, so that they keep falling in the work: a
    // run that got to the end first shortens them, a kill that came before a file was merged
    // lengthens them.
    let scale = 1;
    let kills = 0;
    let inWork = 0;
    let runs = 0;
    let scenarios = 0;
    while (kills < 100) {
      scenarios++;
      const run = copyOf(base.root);
      for (let k = 0; k < 10 && kills < 100; k++) {
        const before = receiptsIn(run.shared).length;
        const r = await runSync(run, Math.round(delays[runs++ % delays.length]! * scale));
        if (r.signal === 'SIGKILL') {
          kills++;
          if (receiptsIn(run.shared).length > before) inWork++;
          else scale = Math.min(scale * 1.1, 3);
        } else {
          expect(r.code, r.stderr).toBe(0); // it got to the end before the kill
          scale *= 0.8;
          break;
        }
      }
      const done = await runSync(run, null);
      expect(done.code, done.stderr).toBe(0);
      expect(await check(run.data, run.shared, base.names)).toEqual(calmState);
    }
    console.log(`crash test: ${kills} kills (${inWork} after a file was merged) in ${runs} runs over ${scenarios} copies of a ${base.names.length}-file inbox; a run takes ${span} ms, start-up ${startUp} ms`);
    // The kills fell in the work, not only in the start-up: a good part of them after a file was committed.
    expect(inWork).toBeGreaterThanOrEqual(30);
  }, 280_000);
});

