#!/usr/bin/env node
// What a change costs the disk (issue 16): bytes written (`write_bytes` of
// /proc/<pid>/io, which counts what reaches the block layer, fsyncs
// included) by `case add`, `case advance`, `attendance mark` of a whole
// session and a 50-row `sync once`, each on a 300- and a 2,000-household demo
// office, beside the change's own bytes (what the journal grew by). The child
// is reaped by this process, so its counts are added to ours: the figure is
// the difference of our own `write_bytes` across the spawn. A benchmark,
// never a test: it exits 0 whatever the figures.
//
//   node scripts/build.mjs && node bench/writes.mjs [--households 300,2000] [--runs 3] [--json]
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/esbuildOptions.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'jiuzhu.mjs');
const INTAKE = join(ROOT, 'test', 'fixtures', 'public', 'intake', '01-liu-jianguo.json');
const TODAY = '2026-11-23';
const GOAL_BYTES = 64 * 1024;
const args = { households: [300, 2000], runs: 3, json: false, keep: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--json') args.json = true;
  else if (a === '--keep') args.keep = true;
  else if (a === '--households') args.households = process.argv[++i].split(',').map(Number);
  else if (a === '--runs') args.runs = Number(process.argv[++i]);
  else {
    process.stderr.write('usage: node bench/writes.mjs [--households 300,2000] [--runs N] [--json] [--keep]\n');
    process.exit(2);
  }
}
const log = (s) => process.stderr.write(`${s}\n`);
if (!existsSync(CLI)) {
  log('dist/jiuzhu.mjs is missing: run `node scripts/build.mjs` first.');
  process.exit(1);
}
if (!existsSync('/proc/self/io')) {
  log('/proc/self/io is missing (not Linux?): nothing to measure.');
  process.exit(0);
}
const env = { ...process.env, JIUZHU_NOW: `${TODAY}T10:00:00+08:00`, NODE_ENV: 'production' };
delete env.JIUZHU_DATA;
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-writes-'));

const ioOfSelf = () => {
  const m = /write_bytes:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
  return Number(m[1]);
};

/** Runs the CLI on `data` and returns the bytes it wrote and the journal's growth. */
function measured(data, shared, argv) {
  const journal = join(data, 'journal.jsonl');
  const before = statSync(journal).size;
  const w0 = ioOfSelf();
  const r = spawnSync(process.execPath, [CLI, '--data', data, '--shared', shared, ...argv], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const written = ioOfSelf() - w0;
  if (r.status !== 0) throw new Error(`jiuzhu ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { written, change: statSync(journal).size - before };
}

const json = (p) => JSON.parse(readFileSync(p, 'utf8'));
const FIXED_MARKS = 50;
let markedId = null;
let prepScript = null;
/** Marks today's session present for everyone but its last `keep` people, outside the measurement; returns the first person marked. */
function prep(data, keep) {
  const r = spawnSync(process.execPath, [prepScript, data, TODAY, String(keep)], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prep failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The commands, each given a fresh copy of the office (so each starts from the same state). */
function commands(base) {
  const cases = Object.values(json(join(base, 'data', 'cases.json')).collections.cases);
  const households = json(join(base, 'data', 'households.json')).collections.households;
  const accepted = cases.find((c) => c.status === 'accepted');
  const rows = cases.slice(0, 50).map((c) => [c.caseNo, households[c.householdId].householderId, '车辆登记', '无', '2026-11-20'].join(','));
  const verification = `\uFEFF申请编号,身份证号,核对项目,核对结果,核对日期\r\n${rows.join('\r\n')}\r\n`;
  return [
    { key: 'caseAdd', label: 'case add', argv: ['case', 'add', '--from', INTAKE] },
    // A change to settings.json alone (a few KB): before round 10 the store's "cheap checkpoint" rewrote the summary with it (1.2 MB at 2,000 households).
    { key: 'settingsSet', label: 'settings set (settings.json alone)', argv: ['settings', 'set', 'warnWorkingDays', '4'] },
    { key: 'caseAdvance', label: 'case advance (investigate)', argv: ['case', 'advance', accepted.caseNo, 'investigate', '--by', '王芳,李秀梅', '--note', '入户调查属实', '--date', TODAY] },
    // The whole session: its roster grows with the office (236 people at 300 households, 1,490 at 2,000), and so does the change.
    { key: 'attendanceMark', label: 'attendance mark, whole session', argv: ['attendance', 'mark', '--date', TODAY, '--rest', 'present'] },
    // The same command with a fixed number of people left to mark (the others marked beforehand, not measured): the change is the same at both sizes.
    { key: 'attendanceMark50', label: `attendance mark, the session's last ${FIXED_MARKS} people`, argv: ['attendance', 'mark', '--date', TODAY, '--rest', 'present'], prepare: (_shared, data) => prep(data, FIXED_MARKS) },
    // One person's mark changed in a session already marked: the change is that mark, whatever the roster.
    { key: 'attendanceMarkOne', label: 'attendance mark, one person in a marked session', argv: () => ['attendance', 'mark', '--date', TODAY, '--id', markedId, '--status', 'late'], prepare: (_shared, data) => (markedId = prep(data, 0)) },
    {
      key: 'sync50',
      label: 'sync once, 50 rows',
      argv: ['sync', 'once'],
      prepare: (shared) => {
        const inbox = join(shared, 'inbox');
        rmSync(inbox, { recursive: true, force: true });
        mkdirSync(inbox, { recursive: true });
        const f = join(inbox, 'verification-50.csv');
        writeFileSync(f, verification);
        const past = new Date(Date.now() - 60_000);
        utimesSync(f, past, past);
      },
    },
  ];
}

async function main() {
  const gen = join(tmp, 'gen.mjs');
  await build({
    ...nodeBundleOptions(ROOT),
    stdin: {
      contents: `
        import { writeDemoOffice } from './src/demo/write.ts';
        const [dataDir, sharedDir, today, households] = process.argv.slice(2);
        await writeDemoOffice(dataDir, sharedDir, { seed: 1, households: Number(households), officeCode: '430105003001', officeName: '东风社区', today });
      `,
      loader: 'ts',
      resolveDir: ROOT,
      sourcefile: 'bench-writes-gen.ts',
    },
    outfile: gen,
  });
  prepScript = join(tmp, 'prep.mjs');
  await build({
    ...nodeBundleOptions(ROOT),
    stdin: {
      contents: `
        import { Office } from './src/store/office.ts';
        import { markSession } from './src/attendance/marking.ts';
        import { sessionLines } from './src/attendance/sessionRoster.ts';
        const [dir, date, keepText] = process.argv.slice(2);
        const office = await Office.open(dir);
        const { result } = await office.transact({ operator: 'bench', source: 'local', action: 'bench.prep' }, (tx) => {
          const lines = sessionLines(tx, tx.get('sessions', date));
          const marked = lines.slice(0, lines.length - Number(keepText));
          markSession(tx, date, marked.map((l) => ({ idNumber: l.idNumber, status: 'present' })));
          return marked[0].idNumber;
        });
        await office.checkpoint({ force: true });
        process.stdout.write(result + '\\n');
      `,
      loader: 'ts',
      resolveDir: ROOT,
      sourcefile: 'bench-writes-prep.ts',
    },
    outfile: prepScript,
  });
  const offices = {};
  for (const n of args.households) {
    const base = join(tmp, `h${n}`);
    log(`generating a ${n}-household office …`);
    const g = spawnSync(process.execPath, [gen, join(base, 'data'), join(base, 'shared'), TODAY, String(n)], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'inherit'] });
    if (g.status !== 0) throw new Error(`demo generator failed (${g.status})`);
    // Open once, so a first open's own repair (if any) is not charged to a command.
    spawnSync(process.execPath, [CLI, '--data', join(base, 'data'), 'status'], { env, stdio: 'ignore' });
    const storeBytes = ['settings', 'households', 'cases', 'enrolments', 'attendance', 'sync'].reduce((s, f) => s + statSync(join(base, 'data', `${f}.json`)).size, 0);
    offices[n] = { base, storeBytes, cmds: commands(base) };
  }
  // Interleaved: every round runs every command on every office size.
  const samples = {};
  for (let r = 0; r < args.runs; r++) {
    for (const n of args.households) {
      for (const c of offices[n].cmds) {
        const run = join(tmp, `run-${n}-${c.key}-${r}`);
        cpSync(offices[n].base, run, { recursive: true });
        c.prepare?.(join(run, 'shared'), join(run, 'data'));
        const m = measured(join(run, 'data'), join(run, 'shared'), typeof c.argv === 'function' ? c.argv() : c.argv);
        ((samples[c.key] ??= {})[n] ??= []).push(m);
        rmSync(run, { recursive: true, force: true });
      }
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const [small, large] = [Math.min(...args.households), Math.max(...args.households)];
  const rows = offices[small].cmds.map((c) => {
    const at = Object.fromEntries(args.households.map((n) => [n, { writtenBytes: median(samples[c.key][n].map((m) => m.written)), changeBytes: median(samples[c.key][n].map((m) => m.change)) }]));
    return { key: c.key, label: c.label, at, growth: +(at[large].writtenBytes / Math.max(1, at[small].writtenBytes)).toFixed(2) };
  });
  const result = { runs: args.runs, storeBytes: Object.fromEntries(args.households.map((n) => [n, offices[n].storeBytes])), goalBytes: GOAL_BYTES, rows };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const out = [`bytes written per command (write_bytes of the child, median of ${args.runs}); stores: ${args.households.map((n) => `${n} households ${kb(offices[n].storeBytes)}`).join(', ')}`];
  for (const r of rows) {
    const parts = args.households.map((n) => `${n}: ${kb(r.at[n].writtenBytes)} (change ${kb(r.at[n].changeBytes)}, ${(r.at[n].writtenBytes / Math.max(1, r.at[n].changeBytes)).toFixed(1)}×)`);
    out.push(`  ${r.label.padEnd(32)} ${parts.join('   ')}   ${large}/${small} ${r.growth}× (goal ≤ 1.5×)`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  await main();
} finally {
  if (!args.keep) rmSync(tmp, { recursive: true, force: true });
}
