#!/usr/bin/env node
// The end-to-end torture run (issue 9). One office (the fixtures' four cases),
// and at the same time:
//   - a writer doing local changes through the CLI (`case add` with generated
//     intake files), SIGKILLed at random, retrying until each change is either
//     acknowledged or found already committed;
//   - the daemon (`daemon run`) and `sync once` merging a stream of inbound
//     files, SIGKILLed at random;
//   - a feeder dropping the inbound files out of order, with duplicates under
//     other names and the same files again, while the shared folder goes away
//     and comes back, and the disk fills up (a small tmpfs, when this machine
//     lets us mount one) and is freed again.
// At the end: `doctor` must find nothing, every inbound file must have exactly
// one receipt and have been applied at most once, every local change must be
// there exactly once, nothing logged may hold an ID number, and the stores
// must equal those of a calm run over the same inputs (content keyed by stable
// keys: local case numbers depend on timing).
//
//   node scripts/build.mjs && node bench/torture.mjs [--kills 200] [--seed 1] [--json] [--keep] [--no-tmpfs]
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statfsSync, utimesSync, writeFileSync,
  openSync, writeSync, closeSync, unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from '../scripts/esbuildOptions.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(ROOT, 'dist', 'jiuzhu.mjs');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'public');

// ------------------------------------------------------------------ options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? dflt : argv[i + 1];
};
const KILLS = Number(opt('kills', 200));
const SEED = Number(opt('seed', 1));
const MAX_INTAKES = Number(opt('max-intakes', 1000));
const EXTRA_COPIES = Number(opt('extra-copies', 40));
const JSON_OUT = argv.includes('--json');
const KEEP = argv.includes('--keep');
const USE_TMPFS = !argv.includes('--no-tmpfs');
const NOW = '2026-12-21T10:00:00+08:00';

const note = (s) => process.stderr.write(`${s}\n`);
if (!existsSync(BUILT)) {
  note('dist/jiuzhu.mjs is missing: run `node scripts/build.mjs` first.');
  process.exit(2);
}

// A small seeded generator, so a failing run can be repeated.
let seed = SEED >>> 0 || 1;
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (a, b) => Math.round(a + rand() * (b - a));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ----------------------------------------------------------------- folders
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-torture-'));
// The project's own rules, not copies: how a receipt is named, the ID check digit.
const helpers = join(root, 'helpers.mjs');
await build({
  ...nodeBundleOptions(ROOT),
  stdin: { contents: "export { receiptName } from './src/sync/receipts.ts'; export { checkCharacter } from './src/rules/idNumber.ts';", loader: 'ts', resolveDir: ROOT, sourcefile: 'torture-helpers.ts' },
  outfile: helpers,
});
const { receiptName, checkCharacter } = await import(helpers);
const disk = join(root, 'disk');
mkdirSync(disk);
let tmpfs = false;
if (USE_TMPFS && process.platform === 'linux') {
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0700', 'tmpfs', disk], { encoding: 'utf8' });
  tmpfs = m.status === 0;
  if (!tmpfs) note(`note: cannot mount a tmpfs here (${(m.stderr || m.error?.message || '').trim()}): the full-disk part is skipped`);
} else if (USE_TMPFS) note('note: not Linux, the full-disk part is skipped');
const data = join(disk, 'data');
const shared = join(disk, 'shared');
const away = join(disk, 'shared-away');
const BALLAST = join(disk, 'ballast');
const inputs = join(root, 'inputs');
const calmRoot = join(root, 'calm');
mkdirSync(inputs);
// A copy of the built command, so that a rebuild meanwhile (the test suite's setup) does not pull it away.
cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
const CLI = join(root, 'dist', 'jiuzhu.mjs');

let failed = false;
function cleanup() {
  if (KEEP || (failed && process.env.TORTURE_KEEP_FAILED)) {
    note(`kept: ${root}${tmpfs ? ' (tmpfs still mounted on disk/)' : ''}`);
    return;
  }
  if (tmpfs) spawnSync('umount', [disk]);
  rmSync(root, { recursive: true, force: true });
}

// --------------------------------------------------------------- processes
const env = { ...process.env, NODE_ENV: 'production', JIUZHU_NOW: NOW, JIUZHU_DEBUG: '', JIUZHU_RESCAN_MS: '250' };
const logged = []; // every stderr line of every command, for the ID-number check
const live = new Set();
let operations = 0;

/** Runs the CLI; kills it with SIGKILL after `killAfter` ms when given. */
function cli(args, { killAfter = null, envOver = {} } = {}) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...envOver }, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(p);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = killAfter === null ? null : setTimeout(() => p.kill('SIGKILL'), killAfter);
    p.on('close', (code, signal) => {
      live.delete(p);
      if (timer) clearTimeout(timer);
      operations++;
      if (stderr) logged.push(stderr);
      resolve({ code, signal, stdout, stderr, killed: signal === 'SIGKILL' });
    });
  });
}

// ------------------------------------------------------------------ inputs
const CASE = (n) => `430105003001-2026-${String(n).padStart(4, '0')}`;
const LIU = '430105197803152315';
const HUANG = '430105194612033264';
const CHEN = '43010519821128129X';
const ZHAO = '430105196908143576';
const csv = (headers, rows) => {
  const cell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `\uFEFF${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
};
const DECISION = ['申请编号', '身份证号', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因'];
const CHANGE = ['身份证号', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '原因'];
const REVIEW = ['申请编号', '身份证号', '审核结果', '审核日期', '审核意见'];
const VERIFY = ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'];

/** The inbound files: the fixtures, files that make order matter, verifications, and files to reject. */
const FILES = [
  ...readdirSync(join(FIXTURES, 'inbox')).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ name: f, body: readFileSync(join(FIXTURES, 'inbox', f)) })),
  { name: 'late/old-decision.csv', body: csv(DECISION, [[CASE(4), ZHAO, '批准', '2026-11-22', '低保', '2', '500', '2026-12', 'C', '']]) },
  { name: 'changes/suspend.csv', body: csv(CHANGE, [[HUANG, '停发', '2027-02', '2027-01-20', '', '住院期间核查']]) },
  { name: 'changes/resume.csv', body: csv(CHANGE, [[HUANG, '恢复', '2027-03', '2027-02-25', '720', '核查完毕']]) },
  { name: 'township-again.csv', body: csv(REVIEW, [[CASE(1), LIU, '退回', '2026-11-25', '请补充材料']]) },
  { name: 'county/chen-approve.csv', body: csv(DECISION, [[CASE(3), CHEN, '批准', '2026-12-10', '低保', '4', '1200', '2027-01', 'B', '']]) },
  { name: 'county/chen-refuse.csv', body: csv(DECISION, [[CASE(3), CHEN, '不予批准', '2026-12-10', '', '', '', '', '', '公积金余额超标']]) },
  ...Array.from({ length: 12 }, (_, i) => {
    const n = (i % 4) + 1;
    const id = [LIU, HUANG, CHEN, ZHAO][n - 1];
    return { name: `verify/v${i}.csv`, body: csv(VERIFY, [[CASE(n), id, `项目${i}`, i % 2 ? '有' : '无', `2026-11-${String(10 + i).padStart(2, '0')}`, i % 2 ? String(100 * i) : '', '']]) };
  }),
  { name: 'bad/junk.csv', body: Buffer.from([0, 1, 2, 3, 255, 254]) },
  { name: 'bad/nokind.csv', body: csv(['姓名', '备注'], [['张三', '无']]) },
  { name: 'bad/empty.csv', body: '' },
].map((f) => ({ ...f, body: Buffer.isBuffer(f.body) ? f.body : Buffer.from(f.body) }));

/** Drops: every file once in a shuffled order, some copies under other names (sometimes before the original), some repeats. */
const drops = [];
for (const f of FILES) drops.push({ name: f.name, body: f.body });
for (let i = 0; i < Math.ceil(FILES.length / 3); i++) {
  const f = pick(FILES);
  drops.push({ name: `copies/${i}-${basename(f.name)}`, body: f.body });
}
for (let i = 0; i < 6; i++) drops.push({ ...pick(drops) }); // the same file again, same name
for (let i = drops.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [drops[i], drops[j]] = [drops[j], drops[i]];
}

// ID numbers with a correct check digit (GB 11643), distinct from the fixtures'.
const idNumber = (first17) => first17 + checkCharacter(first17);
const usedIds = new Set([LIU, HUANG, CHEN, ZHAO]);
function freshId(i, k) {
  for (let n = 0; ; n++) {
    const d = new Date(Date.UTC(1950, 0, 1) + ((i * 7919 + k * 104729 + n * 31) % 18000) * 86400000);
    const birth = d.toISOString().slice(0, 10).replace(/-/g, '');
    const id = idNumber(`430105${birth}${String(100 + ((i * 3 + k) % 900)).padStart(3, '0')}`);
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['秀英', '桂兰', '建国', '志强', '国华', '丽华', '海燕', '红梅', '德明', '玉兰', '春生', '小龙', '晓燕', '伟', '芳'];
function intake(i) {
  const size = 1 + (i % 3);
  const members = Array.from({ length: size }, (_, k) => ({
    name: `${SURNAMES[(i + k) % SURNAMES.length]}${GIVEN[(i * 5 + k) % GIVEN.length]}`,
    idNumber: freshId(i, k),
    relation: k === 0 ? '户主' : k === 1 ? '配偶' : '子女',
    labourAbility: k === 0 ? '部分' : '无',
    disability: null,
    monthlyIncome: k === 0 ? 300 + (i % 7) * 50 : 0,
  }));
  return {
    program: '低保',
    area: '城市',
    applicationDate: '2026-12-18',
    address: `东风路${10 + (i % 300)}号${1 + (i % 9)}栋${101 + (i % 20)}`,
    phone: `1387310${String(1000 + i).slice(-4)}`,
    housingArea: 30 + (i % 40),
    circumstances: [],
    materials: ['申请书', '户口簿', '身份证', '照片'],
    interview: `户主自述：家庭收入低，无车辆，无其他房产（压力测试第 ${i + 1} 户）。`,
    members,
  };
}

// --------------------------------------------------------------- counters
const counts = {
  operations: 0, kills: 0, writerKills: 0, syncKills: 0, daemonKills: 0,
  intakes: 0, acknowledged: 0, foundAfterKill: 0, refusedWhileDamaged: 0, unexpectedRefusals: 0,
  files: FILES.length, drops: 0, sharedOutages: 0, shareRecreated: 0, diskFull: 0, tmpfs,
};
let startUp = 300;
let caseAdd = 400;

// ------------------------------------------------------------------- main
try {
  await main();
} finally {
  for (const p of live) p.kill('SIGKILL');
  cleanup();
}

async function main() {
  const t0 = Date.now();
  // The probe that reads an office's content keyed by stable keys.
  const probe = join(root, 'probe.mjs');
  await build({ ...nodeBundleOptions(ROOT), entryPoints: [join(ROOT, 'bench', 'tortureProbe.ts')], outfile: probe });

  // The base office: the four fixture applications.
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  must(await cli(['--data', data, 'init', '--office', '430105003001', '--name', '东风社区', '--shared', shared]), 'init');
  const c0 = Date.now();
  for (const f of readdirSync(join(FIXTURES, 'intake')).sort()) {
    must(await cli(['--data', data, 'case', 'add', '--from', join(FIXTURES, 'intake', f)], { envOver: { JIUZHU_NOW: '2026-11-02' } }), `case add ${f}`);
  }
  caseAdd = Math.max((Date.now() - c0) / 4, 100);
  mkdirSync(calmRoot);
  cpSync(data, join(calmRoot, 'data'), { recursive: true });
  const s0 = Date.now();
  await cli(['--data', data, 'status']);
  startUp = Math.max(Date.now() - s0, 100);
  note(`torture: ${FILES.length} inbound files in ${drops.length} drops, target ${KILLS} kills, start-up ${startUp} ms, case add ${Math.round(caseAdd)} ms, ${tmpfs ? 'tmpfs 48 MB' : 'no tmpfs'}`);

  // ---------------------------------------------------------- the storm
  let feederDone = false;
  let stop = false;
  const acked = []; // { idNumber, caseNo }
  const found = []; // idNumber of changes found committed after a kill
  const usedIntakes = [];

  const writer = (async () => {
    for (let i = 0; i < MAX_INTAKES; i++) {
      if (i >= 5 && counts.kills >= KILLS && feederDone) break;
      const file = join(inputs, `intake-${i}.json`);
      const body = intake(i);
      writeFileSync(file, JSON.stringify(body, null, 2));
      usedIntakes.push(i);
      counts.intakes++;
      const head = body.members[0].idNumber;
      let killedOnce = false;
      for (;;) {
        // Anywhere from start-up to the end of a whole `case add`, so some kills fall after the commit.
        const killAfter = rand() < 0.5 ? between(startUp * 0.6, caseAdd * 1.1) : null;
        const r = await cli(['--data', data, '--json', 'case', 'add', '--from', file], { killAfter });
        if (r.killed) {
          counts.kills++;
          counts.writerKills++;
          killedOnce = true;
          continue;
        }
        if (r.code === 0) {
          acked.push({ idNumber: head, caseNo: JSON.parse(r.stdout).caseNo });
          counts.acknowledged++;
          break;
        }
        if (/这户已有一件在办的/.test(r.stderr)) {
          // The killed attempt had committed: the change is there, not lost and not made twice.
          if (killedOnce) {
            found.push(head);
            counts.foundAfterKill++;
          } else counts.unexpectedRefusals++;
          break;
        }
        // Disk full, the lock held by a process being killed…: not done, try again.
        counts.refusedWhileDamaged++;
        if (process.env.TORTURE_DEBUG) note(`refused: ${r.stderr.trim()}`);
        await sleep(between(20, 120));
      }
    }
  })();

  const syncer = (async () => {
    while (!stop) {
      if (rand() < 0.6) {
        const r = await cli(['--data', data, 'daemon', 'run'], { killAfter: between(startUp, startUp * 6) });
        if (r.killed) {
          counts.kills++;
          counts.daemonKills++;
        }
      } else {
        const r = await cli(['--data', data, 'sync', 'once'], { killAfter: rand() < 0.7 ? between(startUp * 0.7, startUp * 2.5) : null });
        if (r.killed) {
          counts.kills++;
          counts.syncKills++;
        }
      }
    }
  })();

  const feeder = (async () => {
    const queue = [...drops];
    let extra = 0;
    let lastOutage = Date.now();
    let lastFull = Date.now();
    while (!stop) {
      if (Date.now() - lastOutage > between(2500, 6000)) {
        lastOutage = Date.now();
        await sharedOutage();
      }
      if (tmpfs && Date.now() - lastFull > between(3000, 7000)) {
        lastFull = Date.now();
        await diskFull();
      }
      let d = queue.shift();
      if (!d) {
        // The inbox keeps getting copies (a Syncthing conflict, a re-sent file) until enough kills.
        if (counts.kills >= KILLS || extra >= EXTRA_COPIES) {
          feederDone = true;
          if (counts.kills >= KILLS) break;
          await sleep(200);
          continue;
        }
        const f = pick(FILES);
        d = { name: `resent/${extra++}-${basename(f.name)}`, body: f.body };
        drops.push(d);
      }
      if (!dropFile(d)) queue.unshift(d);
      await sleep(between(50, 400));
    }
    feederDone = true;
  })();

  // Any loop failing ends the run (and its finally unmounts), never an unhandled rejection.
  await Promise.all([
    Promise.all([writer, feeder]).finally(() => {
      stop = true;
    }),
    syncer,
  ]);

  // -------------------------------------------------------- calm again
  if (existsSync(away)) renameSync(away, shared);
  freeDisk();
  for (let i = 0; i < 3; i++) must(await cli(['--data', data, 'sync', 'once']), 'final sync once');
  const stormMs = Date.now() - t0;

  // ------------------------------------------------------------ checks
  const mismatches = {};
  const doctor = JSON.parse(must(await cli(['--data', data, '--json', 'doctor']), 'doctor', true).stdout);
  mismatches.doctor = doctor.findings.length;
  if (doctor.findings.length) note(`doctor: ${JSON.stringify(doctor.findings.slice(0, 5))}`);

  // Every inbound file (name and content) has exactly one receipt, and no receipt is for anything else.
  const inboxFiles = walk(join(shared, 'inbox'));
  const want = new Set(inboxFiles.map((rel) => receiptName(sha(readFileSync(join(shared, 'inbox', rel))), rel)));
  const have = readdirSync(join(shared, 'outbox', 'receipts')).filter((n) => !n.startsWith('.'));
  const missingReceipts = [...want].filter((n) => !have.includes(n));
  const strayReceipts = have.filter((n) => !want.has(n));
  mismatches.receipts = missingReceipts.length + strayReceipts.length;
  if (mismatches.receipts) note(`receipts missing ${JSON.stringify(missingReceipts.slice(0, 3))}, stray ${JSON.stringify(strayReceipts.slice(0, 3))}`);

  // Each file's content applied at most once.
  const applied = new Map();
  for (const line of readFileSync(join(data, 'journal.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.action === 'sync.file') applied.set(e.source, (applied.get(e.source) ?? 0) + 1);
  }
  mismatches.appliedTwice = [...applied.values()].filter((n) => n > 1).length;
  mismatches.filesNotApplied = new Set(FILES.map((f) => `file:${sha(f.body)}`)).size - applied.size;

  // No local change lost or made twice.
  const torture = probeOf(probe, data);
  let lost = 0;
  for (const a of acked) if (JSON.stringify(torture.holders[a.idNumber]) !== JSON.stringify([a.caseNo])) lost++;
  for (const id of found) if (torture.holders[id]?.length !== 1) lost++;
  mismatches.localChanges = lost + counts.unexpectedRefusals;

  // Nothing logged holds an ID number.
  const logs = [...logged];
  for (const f of ['daemon.log', 'daemon.log.1']) {
    const p = join(data, 'daemon', f);
    if (existsSync(p)) logs.push(readFileSync(p, 'utf8'));
  }
  mismatches.shareRecreated = counts.shareRecreated;
  mismatches.idNumbersInLogs = logs.join('\n').match(/(?<![0-9])\d{17}[\dXx](?![0-9])/g)?.length ?? 0;

  // The same inputs, calmly: the writer's changes one after the other, then every inbound file at once.
  const calmData = join(calmRoot, 'data');
  const calmShared = join(calmRoot, 'shared');
  for (const i of usedIntakes) must(await cli(['--data', calmData, 'case', 'add', '--from', join(inputs, `intake-${i}.json`)]), `calm case add ${i}`);
  for (const rel of inboxFiles) {
    const to = join(calmShared, 'inbox', rel);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(join(shared, 'inbox', rel)));
    const past = new Date(Date.now() - 60_000);
    utimesSync(to, past, past);
  }
  must(await cli(['--data', calmData, '--shared', calmShared, 'sync', 'once']), 'calm sync once');
  const calm = probeOf(probe, calmData);
  let stateDiff = 0;
  for (const c of Object.keys({ ...calm.state, ...torture.state })) {
    const a = calm.state[c] ?? {};
    const b = torture.state[c] ?? {};
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[id]) !== JSON.stringify(b[id])) {
        if (stateDiff < 3) note(`differs: ${c} ${id.replace(/\d{17}[\dX]/g, (m) => `${m.slice(0, 6)}********${m.slice(-4)}`)}`);
        stateDiff++;
      }
    }
  }
  mismatches.state = stateDiff;

  counts.operations = operations;
  counts.drops = drops.length;
  const total = Object.values(mismatches).reduce((a, b) => a + b, 0);
  const result = { ...counts, inboxFiles: inboxFiles.length, receipts: have.length, cases: Object.keys(torture.state.cases).length, journalEntries: torture.journalSeq, stormSeconds: Math.round(stormMs / 1000), mismatches: total, mismatchesBy: mismatches };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    note(
      `torture: ${counts.operations} operations, ${counts.kills} kills (writer ${counts.writerKills}, daemon ${counts.daemonKills}, sync once ${counts.syncKills}), ` +
        `${counts.intakes} local changes (${counts.acknowledged} acknowledged, ${counts.foundAfterKill} found committed after a kill), ` +
        `${FILES.length} inbound files in ${drops.length} drops (${inboxFiles.length} names, ${have.length} receipts), ` +
        `${counts.sharedOutages} shared-folder outages, ${counts.diskFull} full-disk episodes${tmpfs ? '' : ' (no tmpfs)'}, ${Math.round(stormMs / 1000)} s; ` +
        `mismatches ${total} ${JSON.stringify(mismatches)}`,
    );
  }
  failed = total !== 0;
  process.exitCode = total === 0 ? 0 : 1;
}

// ----------------------------------------------------------------- helpers
function must(r, what, allowFail = false) {
  if (r.code !== 0 && !allowFail) throw new Error(`${what} failed (${r.code ?? r.signal}): ${r.stderr.slice(0, 500)}`);
  return r;
}

function sha(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

function walk(dir, rel = '', out = []) {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(dir, r, out);
    else out.push(r);
  }
  return out.sort();
}

function probeOf(probe, dir) {
  const r = spawnSync(process.execPath, [probe, dir], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Copies a file in as a clerk's file manager would (a temp name, then renamed); false when the share is away or full. */
function dropFile(d) {
  if (!existsSync(shared)) return false;
  const to = join(shared, 'inbox', d.name);
  const tmp = join(dirname(to), `.${basename(to)}.part`);
  try {
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(tmp, d.body);
    const past = new Date(Date.now() - 60_000);
    utimesSync(tmp, past, past);
    renameSync(tmp, to);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* not there */
    }
    return false;
  }
}

/** The shared folder (a USB stick, a network share) goes away for a moment. */
async function sharedOutage() {
  try {
    renameSync(shared, away);
  } catch {
    return;
  }
  counts.sharedOutages++;
  await sleep(between(300, 1500));
  if (existsSync(shared)) {
    // Something wrote to where the share was: a mount would now hide it, and so do we.
    counts.shareRecreated++;
    rmSync(shared, { recursive: true, force: true });
  }
  renameSync(away, shared);
}

/** Fills the tmpfs to the last few KB for a moment. */
async function diskFull() {
  try {
    const fs = statfsSync(disk);
    let left = fs.bavail * fs.bsize - 2048;
    const fd = openSync(BALLAST, 'w');
    const chunk = Buffer.alloc(1024 * 1024);
    try {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        writeSync(fd, chunk, 0, n);
        left -= n;
      }
    } catch {
      // full already
    } finally {
      closeSync(fd);
    }
  } catch {
    return;
  }
  counts.diskFull++;
  await sleep(between(300, 1500));
  freeDisk();
}

function freeDisk() {
  rmSync(BALLAST, { force: true });
}
