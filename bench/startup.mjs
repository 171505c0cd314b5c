#!/usr/bin/env node
// Start-up cost of `jiuzhu status` on a 2,000-household office (also as it
// stands mid-day, with changes past its checkpoint), and of the app itself
// (first dashboard frame, peak RSS, opening an archive), as ratios
// against `node -e 0` and a bundled Ink hello-world measured in the same run
// (interleaved, because the machine is shared and noisy). A benchmark, never a
// test: it exits 0 whatever the ratios.
//
//   node scripts/build.mjs && node bench/startup.mjs [--runs N] [--json] [--keep]
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/esbuildOptions.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'jiuzhu.mjs');
const GOAL = 1.3; // status / Ink hello-world
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const a = { runs: 15, json: false, keep: false, households: 2000, app: true, appRuns: 7, compare: null };
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === '--json') a.json = true;
    else if (s === '--keep') a.keep = true;
    else if (s === '--no-app') a.app = false;
    // Another build's entry (e.g. the previous commit's dist/jiuzhu.mjs): its status rows join the same interleaved run.
    else if (s === '--compare') a.compare = argv[++i] ?? usage(`${s} needs a path`);
    // (its app's first frame and peak RSS too, in the same rounds as this build's)
    else if (s === '--app-runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`${s} needs a positive integer`);
      a.appRuns = n;
    }
    else if (s === '--runs' || s === '--households') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`${s} needs a positive integer`);
      a[s.slice(2)] = n;
    } else if (s === '--help' || s === '-h') usage();
    else usage(`unknown argument ${s}`);
  }
  return a;
}
function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write('usage: node bench/startup.mjs [--runs N (15)] [--households N (2000)] [--app-runs N (7)] [--no-app] [--compare other/dist/jiuzhu.mjs] [--json] [--keep]\n');
  process.exit(msg ? 2 : 0);
}

const args = parseArgs(process.argv.slice(2));
// With --json, stdout carries one JSON document and nothing else.
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(CLI)) {
  log(`${relative(process.cwd(), CLI)} is missing: run \`node scripts/build.mjs\` first (or \`npm run bench:startup\`).`);
  process.exit(1);
}
const demoSource = join(ROOT, 'src', 'demo', 'write.ts');
if (!existsSync(demoSource)) {
  log(`${relative(process.cwd(), demoSource)} is missing: the demo generator is needed to make the office.`);
  process.exit(1);
}

const TODAY = (process.env.JIUZHU_NOW ?? '2026-11-23').trim();
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-'));
const cleanup = () => { if (!args.keep) rmSync(tmp, { recursive: true, force: true }); };

try {
  await main();
} finally {
  cleanup();
}

async function main() {
  // ------------------------------------------------------------ baselines
  // Same flags as scripts/build.mjs (pitfalls 16–17), so the only difference
  // with `status` is what each program loads and does.
  const common = nodeBundleOptions(ROOT);
  // One committed frame, then unmount and let Node exit on its own (as status does).
  // Two builds of it: with the same build as the app (its patches to Ink's
  // dependencies included: scripts/esbuildOptions.mjs), the goal's baseline;
  // and Ink as shipped, with only the flags a bundled Ink needs, for reference.
  const hello = join(tmp, 'hello.mjs');
  const helloStock = join(tmp, 'hello-stock.mjs');
  const helloSource = `
        import { useEffect } from 'react';
        import { render, Text, useApp } from 'ink';
        process.noDeprecation = true;
        function Hello() {
          const { exit } = useApp();
          useEffect(() => { exit(); }, []);
          return <Text>你好</Text>;
        }
        await render(<Hello />).waitUntilExit();
      `;
  for (const [outfile, plugins] of [[hello, common.plugins], [helloStock, []]]) {
    await build({
      ...common,
      plugins,
      jsx: 'automatic',
      stdin: { contents: helloSource, loader: 'tsx', resolveDir: ROOT, sourcefile: 'bench-hello.tsx' },
      outfile,
    });
  }

  // ------------------------------------------------------------ the office
  const gen = join(tmp, 'gen.mjs');
  await build({
    ...common,
    stdin: {
      contents: `
        import { writeDemoOffice } from './src/demo/write.ts';
        const [dataDir, sharedDir, today, households] = process.argv.slice(2);
        const made = await writeDemoOffice(dataDir, sharedDir, {
          seed: 1, households: Number(households), officeCode: '430105003001', officeName: '东风社区', today,
        });
        process.stdout.write(JSON.stringify(made));
      `,
      loader: 'ts',
      resolveDir: ROOT,
      sourcefile: 'bench-gen.ts',
    },
    outfile: gen,
  });
  const office = join(tmp, 'office');
  const shared = join(tmp, 'shared');
  log(`generating a ${args.households}-household office (seed 1, today ${TODAY}) in ${office} …`);
  const t0 = process.hrtime.bigint();
  const g = spawnSync(process.execPath, [gen, office, shared, TODAY.slice(0, 10), String(args.households)], {
    encoding: 'utf8',
    env: { ...process.env, JIUZHU_NOW: TODAY },
    maxBuffer: 64 << 20,
  });
  const genMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (g.status !== 0) {
    log(`demo generator failed (exit ${g.status}):\n${g.stderr}`);
    process.exitCode = 1;
    return;
  }
  let made = null;
  try { made = JSON.parse(g.stdout); } catch { made = g.stdout.trim() || null; }
  // An office with no records: `status` on it costs the code it loads, not the
  // data, which splits the 2,000-household figure into its two parts.
  const empty = join(tmp, 'empty');
  const init = spawnSync(process.execPath, [CLI, '--data', empty, 'init', '--office', '430105003001', '--name', '东风社区'], {
    encoding: 'utf8',
    env: { ...process.env, JIUZHU_NOW: TODAY },
  });
  if (init.status !== 0) {
    log(`jiuzhu init of the empty office failed (exit ${init.status}):\n${init.stderr}`);
    process.exitCode = 1;
    return;
  }

  // A mid-day office: the same office after a clerk's day of small changes
  // (household notes, ~0.5 KB of journal each, committed one by one through
  // the store with its default bounds) until the journal past head.json holds
  // nine tenths of the checkpoint's bound: the most an office's status and
  // first frame can meet before the next checkpoint folds it in.
  const grow = join(tmp, 'grow.mjs');
  await build({
    ...common,
    stdin: {
      contents: `
        import { Office } from './src/store/office.ts';
        import { readSummaryStamp } from './src/store/summary.ts';
        import { addHouseholdNote } from './src/household/notes.ts';
        const [dir] = process.argv.slice(2);
        const office = await Office.open(dir);
        const target = Math.floor(0.9 * office.checkpointBound);
        const start = office.journalHead.end;
        const ids = office.view.all('households').map((h) => h.id);
        let n = 0;
        while (office.journalHead.end - start < target) {
          const id = ids[(n * 7919) % ids.length];
          await office.transact({ operator: '王芳', source: 'local', action: 'household.note' }, (tx) => addHouseholdNote(tx, id, '第' + n + '次电话回访：户主说明近期收入情况，材料下周补交'));
          n++;
        }
        const summarized = await readSummaryStamp(dir);
        process.stdout.write(JSON.stringify({ notes: n, journalBytes: office.journalHead.end - start, summaryLagBytes: office.journalHead.end - (summarized?.end ?? 0) }));
      `,
      loader: 'ts',
      resolveDir: ROOT,
      sourcefile: 'bench-grow.ts',
    },
    outfile: grow,
  });
  // Twice: as the store keeps it, and with the summary written only with the
  // checkpoint, as before round 10 (JIUZHU_SUMMARY_BYTES past any journal), so
  // that the run measures both alike. The bound is the store's own
  // (office.checkpointBound), the summary's place its own stamp.
  const growOffice = (dir, extraEnv) => {
    cpSync(office, dir, { recursive: true });
    const gw = spawnSync(process.execPath, [grow, dir], { encoding: 'utf8', env: { ...process.env, JIUZHU_NOW: TODAY, ...extraEnv } });
    if (gw.status !== 0) throw new Error(`the mid-day office's changes failed (exit ${gw.status}):\n${gw.stderr}`);
    return JSON.parse(gw.stdout);
  };
  const midday = join(tmp, 'midday');
  const grown = growOffice(midday, {});
  const middayLag = join(tmp, 'midday-lag');
  const grownLag = growOffice(middayLag, { JIUZHU_SUMMARY_BYTES: String(2 ** 50) });

  // ------------------------------------------------------------ measure
  const env = { ...process.env, JIUZHU_NOW: TODAY };
  delete env.JIUZHU_DATA;
  const subjects = [
    { key: 'node', label: 'node -e 0', argv: ['-e', '0'] },
    { key: 'ink', label: 'Ink hello-world', argv: [hello] },
    { key: 'status', label: 'jiuzhu status', argv: [CLI, 'status', '--data', office] },
    { key: 'statusEmpty', label: 'status, empty office', argv: [CLI, 'status', '--data', empty] },
    { key: 'statusMidday', label: 'status, mid-day office', argv: [CLI, 'status', '--data', midday] },
    { key: 'statusMiddayLag', label: 'status, mid-day, summary as of the checkpoint', argv: [CLI, 'status', '--data', middayLag] },
    ...(args.compare ? [
      { key: 'statusCompare', label: 'status (--compare build)', argv: [args.compare, 'status', '--data', office] },
      { key: 'statusEmptyCompare', label: 'status, empty (--compare)', argv: [args.compare, 'status', '--data', empty] },
    ] : []),
  ];
  const haveTime = existsSync(TIME);
  const run = (s, withTime) => {
    const file = withTime ? TIME : process.execPath;
    const argv = withTime ? ['-f', '%M', '--', process.execPath, ...s.argv] : s.argv;
    const start = process.hrtime.bigint();
    const r = spawnSync(file, argv, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    let stderr = r.stderr ?? '';
    let rssKb = null;
    if (withTime) {
      // GNU time appends its line last; everything before it is the program's stderr.
      const lines = stderr.trimEnd().split('\n');
      rssKb = Number(lines.pop());
      stderr = lines.join('\n');
    }
    if (r.error || r.status !== 0) {
      throw new Error(`${s.label} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${stderr}`);
    }
    return { ms, rssKb, stderr };
  };

  // One untimed run each, so the page cache is warm for all three alike.
  for (const s of subjects) {
    const w = run(s, false);
    if (w.stderr.trim()) log(`note: ${s.label} wrote to stderr: ${w.stderr.trim().slice(0, 300)}`);
  }

  const samples = Object.fromEntries(subjects.map((s) => [s.key, { ms: [], rssKb: [] }]));
  log(`measuring ${args.runs} rounds × ${subjects.length} commands, interleaved${haveTime ? ' (+ one RSS run each under /usr/bin/time)' : ''} …`);
  for (let i = 0; i < args.runs; i++) {
    // Rotate the order every round so no command always follows the same one.
    const order = subjects.map((_, j) => subjects[(i + j) % subjects.length]);
    for (const s of order) samples[s.key].ms.push(run(s, false).ms);
    // Peak RSS in separate runs, so /usr/bin/time's own fork+exec stays out of the wall times.
    if (haveTime) for (const s of order) samples[s.key].rssKb.push(run(s, true).rssKb);
  }

  // ------------------------------------------------------------ the real app
  const app = args.app ? await measureApp({ office, midday, middayLag, hello, helloStock, env, runs: args.appRuns, compare: args.compare }) : null;

  // ------------------------------------------------------------ sizes
  const helloBytes = statSync(hello).size;
  // A plain `status` runs dist/status.mjs, which the entry imports by a computed URL (cli/main.ts); older builds have none.
  const statusEntry = join(dirname(CLI), 'status.mjs');
  const closure = [...new Set([...staticClosure(CLI), ...(existsSync(statusEntry) ? staticClosure(statusEntry) : [])])];
  const statusBytes = closure.reduce((n, f) => n + statSync(f).size, 0);
  const inkInStatus = closure.filter((f) => looksLikeInk(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));

  // ------------------------------------------------------------ report
  const med = (k) => median(samples[k].ms);
  const perRound = (a, b) => median(samples[a].ms.map((v, i) => v / samples[b].ms[i]));
  const result = {
    runs: args.runs,
    households: args.households,
    today: TODAY,
    node: process.version,
    office: args.keep ? office : null,
    generator: { ms: round(genMs), made },
    midday: grown,
    middayLag: grownLag,
    commands: Object.fromEntries(subjects.map((s) => [s.key, {
      label: s.label,
      medianMs: round(med(s.key)),
      minMs: round(Math.min(...samples[s.key].ms)),
      maxMs: round(Math.max(...samples[s.key].ms)),
      peakRssMb: haveTime ? round(median(samples[s.key].rssKb) / 1024) : null,
      samplesMs: samples[s.key].ms.map(round),
    }])),
    ratios: {
      statusOverNode: round(med('status') / med('node'), 3),
      statusOverInk: round(med('status') / med('ink'), 3),
      inkOverNode: round(med('ink') / med('node'), 3),
      // What the records add, against what the code costs.
      emptyStatusOverNode: round(med('statusEmpty') / med('node'), 3),
      middayStatusOverNode: round(med('statusMidday') / med('node'), 3),
      middayLagStatusOverNode: round(med('statusMiddayLag') / med('node'), 3),
      dataMs: round(med('status') - med('statusEmpty')),
      // The same ratios taken round by round, then the median: steadier when
      // the load on the machine changes during the run.
      pairedStatusOverNode: round(perRound('status', 'node'), 3),
      pairedStatusOverInk: round(perRound('status', 'ink'), 3),
      ...(args.compare ? {
        compareStatusOverNode: round(med('statusCompare') / med('node'), 3),
        compareEmptyStatusOverNode: round(med('statusEmptyCompare') / med('node'), 3),
      } : {}),
    },
    goal: { statusOverInk: GOAL, met: med('status') / med('ink') <= GOAL },
    bytes: {
      helloWorld: helloBytes,
      jiuzhu: statSync(CLI).size,
      statusLoads: statusBytes,
      statusFiles: closure.map((f) => ({ file: relative(ROOT, f), bytes: statSync(f).size })),
      inkLikeChunksInStatus: inkInStatus,
    },
    app,
    rssNote: haveTime ? 'peak RSS from /usr/bin/time -f %M, separate runs' : `${TIME} not found: peak RSS skipped`,
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const rows = subjects.map((s) => {
    const c = result.commands[s.key];
    return [s.label, c.medianMs.toFixed(1), c.minMs.toFixed(1), c.maxMs.toFixed(1), c.peakRssMb == null ? '—' : c.peakRssMb.toFixed(1)];
  });
  const head = ['command', 'median ms', 'min', 'max', 'peak RSS MB'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  const out = [];
  out.push(`jiuzhu start-up — ${args.runs} interleaved runs each, ${args.households} households, Node ${process.version}`);
  out.push('');
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  out.push('');
  const r = result.ratios;
  out.push(`status / node -e 0        ${r.statusOverNode.toFixed(2)}×  (paired ${r.pairedStatusOverNode.toFixed(2)}×)`);
  out.push(`status / Ink hello-world  ${r.statusOverInk.toFixed(2)}×  (paired ${r.pairedStatusOverInk.toFixed(2)}×)  goal ≤ ${GOAL}: ${result.goal.met ? 'met' : 'NOT met'}`);
  out.push(`Ink hello-world / node    ${r.inkOverNode.toFixed(2)}×`);
  out.push(`empty-office status / node -e 0  ${r.emptyStatusOverNode.toFixed(2)}×  (goal ≤ 1.5)`);
  out.push(`mid-day status / node -e 0  ${r.middayStatusOverNode.toFixed(2)}×  (${grown.notes} notes, ${kb(grown.journalBytes)} of journal past head.json; summary.json ${kb(grown.summaryLagBytes)} behind the journal)`);
  out.push(`  with the summary as of the checkpoint (as before round 10): ${r.middayLagStatusOverNode.toFixed(2)}×  (summary.json ${kb(grownLag.summaryLagBytes)} behind)`);
  if (args.compare) out.push(`--compare build: status / node ${r.compareStatusOverNode.toFixed(2)}×, empty office ${r.compareEmptyStatusOverNode.toFixed(2)}×`);
  out.push(`status − status on an empty office = ${r.dataMs.toFixed(0)} ms for the records; the rest is Node + code`);
  out.push('');
  out.push(`bytes: dist/jiuzhu.mjs ${kb(result.bytes.jiuzhu)}; status loads ${kb(statusBytes)} in ${closure.length} file(s); Ink hello-world ${kb(helloBytes)}`);
  for (const f of result.bytes.statusFiles) out.push(`  ${f.file}  ${kb(f.bytes)}`);
  if (inkInStatus.length) out.push(`warning: status statically loads what looks like Ink/React: ${inkInStatus.join(', ')}`);
  out.push(`office generated in ${(genMs / 1000).toFixed(1)} s${made && typeof made === 'object' ? ` (${Object.entries(made).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  if (!haveTime) out.push(result.rssNote);
  if (app?.error) out.push(`app: not measured (${app.error})`);
  else if (app) {
    out.push('');
    out.push(`the app in a pseudo-terminal (script(1), 80×24), ${app.runs} interleaved runs:`);
    out.push(`  first dashboard frame   ${app.firstFrameMs.toFixed(1)} ms median  vs Ink hello-world first frame ${app.helloFirstFrameMs.toFixed(1)} ms  → ${app.timeRatio.toFixed(2)}× (goal ≤ ${GOAL}: ${app.timeRatio <= GOAL ? 'met' : 'NOT met'})`);
    if (app.firstFrameRssRatio != null) out.push(`  peak RSS up to the first frame ${app.firstFrameRssMb.toFixed(1)} MB  vs the hello-world's up to its frame ${app.helloFirstFrameRssMb.toFixed(1)} MB  → ${app.firstFrameRssRatio.toFixed(2)}×`);
    if (app.rssRatio != null) out.push(`  peak RSS                ${app.peakRssMb.toFixed(1)} MB  vs Ink hello-world ${app.helloPeakRssMb.toFixed(1)} MB  → ${app.rssRatio.toFixed(2)}× (goal ≤ ${GOAL}: ${app.rssRatio <= GOAL ? 'met' : 'NOT met'})`);
    out.push(`  against Ink as shipped (hello-world without the build's patches): first frame ${app.stockHelloFirstFrameMs.toFixed(1)} ms → ${app.stockTimeRatio.toFixed(2)}×; peak RSS ${app.stockHelloPeakRssMb.toFixed(1)} MB → ${app.stockRssRatio.toFixed(2)}×`);
    if (app.middayFirstFrameMs != null) out.push(`  first frame, mid-day office  ${app.middayFirstFrameMs.toFixed(1)} ms median → ${app.middayTimeRatio.toFixed(2)}×; with the summary as of the checkpoint ${app.middayLagFirstFrameMs.toFixed(1)} ms → ${app.middayLagTimeRatio.toFixed(2)}×`);
    out.push(`  the first key (/ sent 30 ms after the first frame, answered once the stores are read)  ${app.searchMs.toFixed(1)} ms median`);
    out.push(`  open a household's archive from the search (Enter → frame)  ${app.archiveMs.toFixed(1)} ms median; its change history tab ${app.historyMs.toFixed(1)} ms`);
    if (app.compareFirstFrameMs != null) out.push(`  --compare build: first frame ${app.compareFirstFrameMs.toFixed(1)} ms → ${app.compareTimeRatio.toFixed(2)}×; peak RSS ${app.comparePeakRssMb.toFixed(1)} MB → ${app.compareRssRatio.toFixed(2)}×; first key ${app.compareSearchMs.toFixed(1)} ms`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------- helpers
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * The files Node loads before running `entry`: the entry and, recursively, the
 * chunks it imports statically. esbuild writes static imports as top-level
 * `import … from "./x.mjs";` statements; lazy chunks appear as `import("…")`
 * and are left out on purpose.
 */
function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    const re = /^(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["'];?/gm;
    for (const m of src.matchAll(re)) visit(join(dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
}

/** Signatures of Ink, react-reconciler and yoga in a bundle. */
function looksLikeInk(src) {
  return /yoga-layout|react-reconciler|ink\/build|Yoga\.Node|createReconciler/.test(src);
}

// ---------------------------------------------------------------- the app
/**
 * The peak RSS so far (VmHWM, KB) of the node process under `root`
 * (script(1) → /usr/bin/time → node), or null where /proc cannot tell.
 */
function nodeHwmKb(root) {
  const parents = new Map();
  const names = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(d), stat.slice(stat.indexOf('(') + 1, close));
      parents.set(Number(d), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  for (const [pid, name] of names) {
    if (name !== 'node') continue;
    for (let up = parents.get(pid); up; up = parents.get(up)) {
      if (up !== root) continue;
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Runs a command in a pseudo-terminal (util-linux `script`), feeding keys and
 * timing what appears on the screen. `steps` are [keys to send, text to wait
 * for, name]; a step's time runs from sending its keys to the text showing.
 */
function inPty(argv, env, steps, quitKeys = '', timeoutMs = 60000) {
  const cmd = `stty cols 80 rows 24; exec ${[TIME, '-f', 'PEAKRSS=%M', '--', process.execPath, ...argv].map((a) => `'${a}'`).join(' ')}`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { ...env, TERM: 'xterm-256color', CI: 'false' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    let mark = 0;
    let i = 0;
    // A step is watched for only once its keys are sent; output that arrives
    // in between (a late part of the last frame) must not complete it.
    let sent = false;
    let stepStart = started;
    let firstHwmKb = null;
    const times = {};
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${steps[i]?.[1] ?? 'exit'}; screen: ${buf.slice(-400).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')}`));
    }, timeoutMs);
    const check = () => {
      const step = steps[i];
      if (!step || !sent) return;
      if (!buf.slice(mark).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(step[1])) return;
      times[step[2]] = Number(process.hrtime.bigint() - stepStart) / 1e6;
      // The peak memory up to the first frame, read as it reaches the screen.
      if (i === 0) firstHwmKb = nodeHwmKb(p.pid);
      mark = buf.length;
      i++;
      sent = false;
      // Let the frame settle before the next key, as a person would.
      if (steps[i]) setTimeout(send, 30);
      else if (quitKeys) setTimeout(() => p.stdin.write(quitKeys), 30);
    };
    const send = () => {
      const step = steps[i];
      mark = buf.length;
      stepStart = process.hrtime.bigint();
      if (step[0]) p.stdin.write(step[0]);
      sent = true;
      check();
    };
    p.stdout.on('data', (d) => {
      buf += d.toString('utf8');
      check();
    });
    p.on('exit', () => {
      clearTimeout(timer);
      const rss = /PEAKRSS=(\d+)/.exec(buf);
      if (i < steps.length) reject(new Error(`exited before ${steps[i][1]}`));
      else resolve({ times, rssKb: rss ? Number(rss[1]) : null, firstHwmKb });
    });
    // The first step (no keys) times the start itself.
    sent = true;
    mark = 0;
  });
}

async function measureApp({ office, midday, middayLag, hello, helloStock, env, runs, compare }) {
  if (spawnSync('script', ['--version']).status !== 0) return { error: 'script(1) from util-linux not found' };
  if (!existsSync(TIME)) return { error: `${TIME} not found` };
  // A case number of the demo office to search for: the householder of 2026-0048.
  const app = [CLI, '--data', office, '--operator', '王芳'];
  const appSteps = [
    ['', '工作台', 'first'],
    ['/', '例如', 'search'],
    ['2026-0048', '找到 1 户', 'typed'],
    ['\r', '1成员', 'archive'],
    ['7', '次变更', 'history'],
  ];
  const helloSteps = [['', '你好', 'first']];
  // The mid-day office's first frame alone (then q), in the same rounds.
  const middayApp = midday ? [CLI, '--data', midday, '--operator', '王芳'] : null;
  const middayLagApp = middayLag ? [CLI, '--data', middayLag, '--operator', '王芳'] : null;
  const firstSteps = [['', '工作台', 'first']];
  // The --compare build's app, in the same rounds (its first frame and peak RSS).
  const other = compare ? [compare, '--data', office, '--operator', '王芳'] : null;
  const s = { first: [], search: [], otherSearch: [], archive: [], history: [], rss: [], firstHwm: [], helloFirst: [], helloRss: [], helloFirstHwm: [], stockFirst: [], stockRss: [], otherFirst: [], otherRss: [], middayFirst: [], middayLagFirst: [] };
  try {
    await inPty(app, env, appSteps, 'q'); // warm the page cache
    await inPty([hello], env, helloSteps);
    await inPty([helloStock], env, helloSteps);
    if (other) await inPty(other, env, appSteps, 'q');
    if (middayApp) await inPty(middayApp, env, firstSteps, 'q');
    if (middayLagApp) await inPty(middayLagApp, env, firstSteps, 'q');
    for (let r = 0; r < runs; r++) {
      const h = await inPty([hello], env, helloSteps);
      const a = await inPty(app, env, appSteps, 'q');
      s.first.push(a.times.first);
      s.search.push(a.times.search);
      s.archive.push(a.times.archive);
      s.history.push(a.times.history);
      s.rss.push(a.rssKb);
      if (a.firstHwmKb != null) s.firstHwm.push(a.firstHwmKb);
      s.helloFirst.push(h.times.first);
      s.helloRss.push(h.rssKb);
      if (h.firstHwmKb != null) s.helloFirstHwm.push(h.firstHwmKb);
      const k = await inPty([helloStock], env, helloSteps);
      s.stockFirst.push(k.times.first);
      s.stockRss.push(k.rssKb);
      if (middayApp) s.middayFirst.push((await inPty(middayApp, env, firstSteps, 'q')).times.first);
      if (middayLagApp) s.middayLagFirst.push((await inPty(middayLagApp, env, firstSteps, 'q')).times.first);
      if (other) {
        const o = await inPty(other, env, appSteps, 'q');
        s.otherFirst.push(o.times.first);
        s.otherSearch.push(o.times.search);
        s.otherRss.push(o.rssKb);
      }
    }
  } catch (err) {
    return { error: err.message };
  }
  const firstFrameMs = median(s.first);
  const helloFirstFrameMs = median(s.helloFirst);
  const peakRssMb = median(s.rss) / 1024;
  const helloPeakRssMb = median(s.helloRss) / 1024;
  return {
    runs,
    firstFrameMs: round(firstFrameMs),
    helloFirstFrameMs: round(helloFirstFrameMs),
    timeRatio: round(firstFrameMs / helloFirstFrameMs, 3),
    peakRssMb: round(peakRssMb),
    helloPeakRssMb: round(helloPeakRssMb),
    rssRatio: round(peakRssMb / helloPeakRssMb, 3),
    // The peak up to the first frame (VmHWM as the frame reaches the screen),
    // beside the whole session's above: after its first frame the app reads
    // the stores, and the session's search, archive and history use them.
    ...(s.firstHwm.length && s.helloFirstHwm.length ? {
      firstFrameRssMb: round(median(s.firstHwm) / 1024),
      helloFirstFrameRssMb: round(median(s.helloFirstHwm) / 1024),
      firstFrameRssRatio: round(median(s.firstHwm) / median(s.helloFirstHwm), 3),
    } : {}),
    // Against Ink as shipped (no build patches), for reference.
    stockHelloFirstFrameMs: round(median(s.stockFirst)),
    stockTimeRatio: round(firstFrameMs / median(s.stockFirst), 3),
    stockHelloPeakRssMb: round(median(s.stockRss) / 1024),
    stockRssRatio: round(peakRssMb / (median(s.stockRss) / 1024), 3),
    ...(other ? {
      compareFirstFrameMs: round(median(s.otherFirst)),
      compareSearchMs: round(median(s.otherSearch)),
      compareTimeRatio: round(median(s.otherFirst) / helloFirstFrameMs, 3),
      comparePeakRssMb: round(median(s.otherRss) / 1024),
      compareRssRatio: round(median(s.otherRss) / 1024 / helloPeakRssMb, 3),
    } : {}),
    ...(middayApp ? { middayFirstFrameMs: round(median(s.middayFirst)), middayTimeRatio: round(median(s.middayFirst) / helloFirstFrameMs, 3) } : {}),
    ...(middayLagApp ? { middayLagFirstFrameMs: round(median(s.middayLagFirst)), middayLagTimeRatio: round(median(s.middayLagFirst) / helloFirstFrameMs, 3) } : {}),
    // The first key, sent 30 ms after the first frame, waits for the stores (src/ui/run.tsx).
    searchMs: round(median(s.search)),
    archiveMs: round(median(s.archive)),
    historyMs: round(median(s.history)),
    samples: { firstFrameMs: s.first.map(round), helloFirstFrameMs: s.helloFirst.map(round), stockHelloFirstFrameMs: s.stockFirst.map(round), archiveMs: s.archive.map(round) },
    note: 'times from spawning script(1) to the text on the pseudo-terminal; both programs pay the same script and /usr/bin/time wrapping',
  };
}
