#!/usr/bin/env node
// The table of issue 16 in one run: every row as a ratio to its baseline
// measured in the same run, interleaved inside each bench (startup.mjs: status
// and the app against `node -e 0` and an Ink hello-world; merge.mjs: `sync
// once` against a bare csv-parse pass, the idle daemon against an idle node;
// writes.mjs: bytes written against the change's own bytes).
//
//   node scripts/build.mjs && node bench/table.mjs [--quick] > bench/results/<name>.txt
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const log = (s) => process.stderr.write(`${s}\n`);

function bench(file, argv) {
  log(`running bench/${file} ${argv.join(' ')} …`);
  const r = spawnSync(process.execPath, [join(HERE, file), ...argv, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench/${file} failed (${r.status})`);
  return JSON.parse(r.stdout);
}

const writes = bench('writes.mjs', ['--runs', quick ? '1' : '3']);
const startup = bench('startup.mjs', ['--runs', quick ? '5' : '11', '--app-runs', quick ? '3' : '5']);
const merge = bench('merge.mjs', quick ? ['--idle-seconds', '20'] : []);

const c = startup.commands;
const f = (x, d = 0) => (x == null ? '—' : x.toFixed(d));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const out = [];
out.push(`issue 16 table — ${new Date().toISOString()}, Node ${process.version}, ${startup.households} households for status/app`);
out.push('');
out.push('| what | measured | baseline in the same run | ratio | goal |');
out.push('| --- | --- | --- | --- | --- |');
for (const r of writes.rows) {
  for (const [n, at] of Object.entries(r.at)) {
    out.push(`| ${r.label}, ${n} households: bytes written | ${kb(at.writtenBytes)} | the change (journal growth) ${kb(at.changeBytes)} | ${f(at.writtenBytes / Math.max(1, at.changeBytes), 1)}× | ≤ 64 KB per single-case change |`);
  }
  out.push(`| ${r.label}: written at 2,000 / at 300 households | | | ${f(r.growth, 2)}× | ≤ 1.5× |`);
}
out.push(`| \`jiuzhu status\` | ${f(c.status.medianMs)} ms, ${f(c.status.peakRssMb)} MB | \`node -e 0\` ${f(c.node.medianMs)} ms, ${f(c.node.peakRssMb)} MB | ${f(startup.ratios.statusOverNode, 2)}× (paired ${f(startup.ratios.pairedStatusOverNode, 2)}×) | ≤ 2× |`);
out.push(`| \`jiuzhu status\`, empty office | ${f(c.statusEmpty.medianMs)} ms | \`node -e 0\` | ${f(startup.ratios.emptyStatusOverNode, 2)}× | ≤ 1.5× |`);
out.push(`| \`jiuzhu status\`, mid-day office (${startup.midday.notes} notes, ${f(startup.midday.journalBytes / 1024)} KB past head.json, summary ${f(startup.midday.summaryLagBytes / 1024)} KB behind) | ${f(c.statusMidday.medianMs)} ms | \`node -e 0\` | ${f(startup.ratios.middayStatusOverNode, 2)}× | (≤ 2×, as status) |`);
out.push(`| \`jiuzhu status\`, the same mid-day office with its summary as of the checkpoint (before round 10: ${f(startup.middayLag.summaryLagBytes / 1024)} KB behind) | ${f(c.statusMiddayLag.medianMs)} ms | \`node -e 0\` | ${f(startup.ratios.middayLagStatusOverNode, 2)}× | (reference) |`);
const app = startup.app;
if (app && !app.error) {
  out.push(`| app, first dashboard frame | ${f(app.firstFrameMs)} ms, ${f(app.peakRssMb)} MB | Ink hello-world first frame ${f(app.helloFirstFrameMs)} ms, ${f(app.helloPeakRssMb)} MB | ${f(app.timeRatio, 2)}×, ${f(app.rssRatio, 2)}× | ≤ 1.3×, ≤ 1.3× |`);
  if (app.firstFrameRssRatio != null) out.push(`| app, peak RSS up to the first dashboard frame (VmHWM as the frame shows; the row above is the whole session: search, archive, history) | ${f(app.firstFrameRssMb)} MB | the hello-world's up to its frame ${f(app.helloFirstFrameRssMb)} MB | ${f(app.firstFrameRssRatio, 2)}× | (≤ 1.3×) |`);
  out.push(`| app, first dashboard frame, against Ink as shipped (for reference) | ${f(app.firstFrameMs)} ms, ${f(app.peakRssMb)} MB | hello-world without the build's patches ${f(app.stockHelloFirstFrameMs)} ms, ${f(app.stockHelloPeakRssMb)} MB | ${f(app.stockTimeRatio, 2)}×, ${f(app.stockRssRatio, 2)}× | — |`);
  if (app.middayFirstFrameMs != null) out.push(`| app, first dashboard frame, mid-day office (as the status row above) | ${f(app.middayFirstFrameMs)} ms | Ink hello-world first frame ${f(app.helloFirstFrameMs)} ms | ${f(app.middayTimeRatio, 2)}× | (≤ 1.3×, as the first frame) |`);
  if (app.middayLagFirstFrameMs != null) out.push(`| app, first dashboard frame, mid-day office with its summary as of the checkpoint (before round 10) | ${f(app.middayLagFirstFrameMs)} ms | Ink hello-world first frame ${f(app.helloFirstFrameMs)} ms | ${f(app.middayLagTimeRatio, 2)}× | (reference) |`);
} else out.push(`| app, first dashboard frame | not measured (${app?.error ?? 'skipped'}) | | | |`);
for (const m of Object.values(merge.merge)) {
  out.push(`| \`sync once\`, ${m.rows}-row county file (${m.fileMB} MB), median of 3 (range) | ${m.syncMs} ms (${m.syncRangeMs.join('–')}), ${m.peakRssMB} MB (worst ${m.peakRssMaxMB}) | bare csv-parse ${m.parseMs} ms | ${f(m.ratio, 1)}× | ≤ 3×${m.rows >= 100000 ? ', ≤ 400 MB' : ''} |`);
}
if (merge.second) {
  const m = merge.second;
  out.push(`| \`sync once\`, a second ${m.rows}-row file into that office (it then keeps ${m.keptDecisions} decisions) | ${m.syncMs} ms, ${m.peakRssMB} MB | bare csv-parse ${m.parseMs} ms | ${f(m.ratio, 1)}× | (not in the issue: the merge as the office's history grows) |`);
}
const idle = merge.idle;
out.push(`| idle daemon, ${idle.files} processed files | ${idle.daemonCpuS} CPU-s / ${idle.seconds} s | idle node ${idle.baselineCpuS} CPU-s | — | ≤ 0.05 per 60 s |`);
out.push('');
out.push(`stores: ${Object.entries(writes.storeBytes).map(([n, b]) => `${n} households ${kb(b)}`).join(', ')}; status office generated: ${JSON.stringify(startup.generator.made)}`);
process.stdout.write(`${out.join('\n')}\n`);
