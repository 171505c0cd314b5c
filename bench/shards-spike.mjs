#!/usr/bin/env node
// A measurement of the household-sharded, streamed merge that
// docs/architecture.md plans ("What would close the rest of issue 16"), not
// the product: how much time and memory its skeleton costs for a county file
// that decides every case of a 100,000-case office: the index read, the rows
// bucketed by shard, then shard by shard the shard parsed, the rows folded
// (a simplified fold: the case decided, an enrolment made, the decision kept),
// the changes written into one journal line and the shard's new file written
// beside it; the line's newline and fsync the commit, the renames after.
// Left out: the rows' own checks (ID checksums, dates, amounts), the ranking
// of decisions, the receipt's words, the summary. So its time is a floor of
// the design, and its memory what one shard at a time holds.
//
//   node bench/shards-spike.mjs --split OFFICE DIR      (the office's stores into DIR/shards, DIR/index.json; the readers into DIR/readers.mjs)
//   node bench/shards-spike.mjs --merge DIR FILE.csv    (one file merged as above)
//   node bench/shards-spike.mjs --parse DIR FILE.csv    (csv-parse alone, as bench/merge.mjs's baseline calls it)
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The product's own CSV reader (src/exchange/readCsv.ts), and csv-parse as
 * the table's baseline calls it, bundled into DIR/readers.mjs at the split,
 * so that no timed run pays for the bundling.
 */
async function bundleReaders(dir) {
  // Loaded here only: the timed runs do not load esbuild.
  const { build } = await import('esbuild');
  const { nodeBundleOptions } = await import('../scripts/esbuildOptions.mjs');
  await build({
    ...nodeBundleOptions(ROOT),
    stdin: {
      contents: "export { streamCsvTable } from './src/exchange/readCsv.ts'; export { parse } from 'csv-parse/sync';",
      loader: 'ts',
      resolveDir: ROOT,
      sourcefile: 'spike-readers.ts',
    },
    outfile: join(dir, 'readers.mjs'),
    logLevel: 'error',
  });
}
const readers = (dir) => import(pathToFileURL(join(dir, 'readers.mjs')).href);

const SHARDS = 64;
const [mode, a, b] = process.argv.slice(2);

/** FNV-1a of the household id, to a shard number. */
function shardOf(householdId) {
  let h = 0x811c9dc5;
  for (let i = 0; i < householdId.length; i++) {
    h ^= householdId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SHARDS;
}
const shardFile = (dir, n) => join(dir, 'shards', `${String(n).padStart(2, '0')}.json`);
const collectionsOf = (file) => JSON.parse(readFileSync(file, 'utf8')).collections;

async function split(office, dir) {
  // The store files alone are split: changes past the checkpoint would be left out.
  const head = JSON.parse(readFileSync(join(office, 'head.json'), 'utf8'));
  if (statSync(join(office, 'journal.jsonl')).size !== head.end) {
    process.stderr.write(`${office}: the journal runs past head.json; fold it into the stores first (bench/README.md)\n`);
    process.exit(1);
  }
  mkdirSync(join(dir, 'shards'), { recursive: true });
  const shards = Array.from({ length: SHARDS }, () => ({ households: {}, members: {}, cases: {}, enrolments: {}, decisions: {} }));
  const index = { cases: {}, people: {} };
  const hh = collectionsOf(join(office, 'households.json'));
  for (const [id, h] of Object.entries(hh.households)) shards[shardOf(id)].households[id] = h;
  for (const [id, m] of Object.entries(hh.members)) {
    const n = shardOf(m.householdId);
    shards[n].members[id] = m;
    index.people[id] = n;
  }
  const cs = collectionsOf(join(office, 'cases.json'));
  for (const [id, c] of Object.entries(cs.cases)) {
    const n = shardOf(c.householdId);
    shards[n].cases[id] = c;
    index.cases[id] = n;
  }
  for (const [id, e] of Object.entries(collectionsOf(join(office, 'enrolments.json')).enrolments)) shards[shardOf(e.householdId)].enrolments[id] = e;
  shards.forEach((s, n) => writeFileSync(shardFile(dir, n), JSON.stringify({ seq: 0, collections: s })));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'journal.jsonl'), '');
  await bundleReaders(dir);
  console.log(`split into ${SHARDS} shards: ${Object.keys(index.cases).length} cases, ${Object.keys(index.people).length} people`);
}

/** csv-parse alone, as bench/merge.mjs's baseline calls it. */
function parseOnly({ parse }, file) {
  const t0 = performance.now();
  const rows = parse(readFileSync(file), { bom: true, relax_column_count: true });
  console.log(JSON.stringify({ mode: 'parse', rows: rows.length - 1, ms: Math.round(performance.now() - t0) }));
}

function merge({ streamCsvTable }, dir, file) {
  const t0 = performance.now();
  const mark = {};
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  mark.index = performance.now() - t0;
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = '2026-12-21T10:00:00+08:00';
  // The rows bucketed by shard, each kept as one string (its cells joined), with its row number.
  const buckets = Array.from({ length: SHARDS }, () => []);
  const receipt = [];
  const table = streamCsvTable(bytes);
  if (!table.ok) throw new Error(`${file}: ${table.reason}`);
  const header = table.headers;
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  let rows = 0;
  for (const r of table.rows) {
    rows++;
    const n = index.cases[r.cells['申请编号']];
    if (n === undefined) receipt.push(`${r.rowNumber},拒绝,没有这个申请编号`);
    else buckets[n].push(r.rowNumber, header.map((h) => r.cells[h] ?? '').join('\x1f'));
  }
  mark.bucketed = performance.now() - t0;

  // One journal line, written shard by shard: `{"seq":1,...,"changes":[...]}` then the newline.
  const journal = openSync(join(dir, 'journal.jsonl'), 'a');
  const seq = 1;
  writeSync(journal, `{"seq":${seq},"at":"${now}","source":"file:${sha256}","changes":[`);
  // Pieces gathered to ~1 MB before each write, as the product's writePieces does.
  let first = true;
  let pieces = [];
  let held = 0;
  const flush = () => {
    if (pieces.length) writeSync(journal, pieces.join(''));
    pieces = [];
    held = 0;
  };
  const change = (obj) => {
    const text = (first ? '' : ',') + JSON.stringify(obj);
    first = false;
    pieces.push(text);
    held += text.length;
    if (held >= 1 << 19) flush();
  };
  let applied = 0;
  const temps = [];
  // Where the shards' time goes: parse, fold (with the journal's changes), the new file.
  const spent = { shardParse: 0, fold: 0, shardWrite: 0 };
  for (let n = 0; n < SHARDS; n++) {
    const bucket = buckets[n];
    if (bucket.length === 0) continue;
    let t = performance.now();
    const shard = JSON.parse(readFileSync(shardFile(dir, n), 'utf8'));
    const c = shard.collections;
    spent.shardParse += performance.now() - t;
    t = performance.now();
    for (let i = 0; i < bucket.length; i += 2) {
      const rowNo = bucket[i];
      const cells = bucket[i + 1].split('\x1f');
      const caseNo = cells[col['申请编号']];
      const idNumber = cells[col['身份证号']];
      const cur = c.cases[caseNo];
      const h = cur && c.households[cur.householdId];
      if (!h || h.householderId !== idNumber) {
        receipt.push(`${rowNo},拒绝,不是该申请的户主`);
        continue;
      }
      const record = {
        kind: 'county-decision',
        caseNo,
        idNumber,
        name: cells[col['姓名']],
        result: cells[col['审批结果']],
        date: cells[col['审批日期']],
        program: cells[col['救助类别']],
        persons: Number(cells[col['保障人数']]),
        monthlyAmountFen: Math.round(Number(cells[col['月保障金额(元)']]) * 100),
        startMonth: cells[col['起始年月']],
        category: cells[col['分类']] || null,
        reason: cells[col['原因']],
        by: cells[col['审批人']],
      };
      const id = createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 24);
      const dec = { id, kind: record.kind, subjects: [caseNo, idNumber], when: record.date, level: 2, sha256, row: rowNo, receivedAt: now, record };
      const decision = { result: record.result, date: record.date, program: record.program, persons: record.persons, monthlyAmountFen: record.monthlyAmountFen, category: record.category, startMonth: record.startMonth, reason: record.reason, by: record.by };
      const next = { ...cur, status: 'approved', decision, history: [...cur.history, { at: now, event: 'approved', by: record.by, source: `file:${sha256}`, date: record.date }] };
      const eid = `${cur.householdId}:${record.program}`;
      const enrolment = { id: eid, householdId: cur.householdId, program: record.program, category: record.category, since: record.startMonth, status: 'active', persons: record.persons, monthlyAmountFen: record.monthlyAmountFen, caseNo };
      change({ c: 'decisions', op: 'create', id, after: dec });
      change({ c: 'cases', op: 'update', id: caseNo, set: { status: next.status, decision, history: next.history }, was: { status: cur.status, decision: cur.decision, history: cur.history } });
      change({ c: 'enrolments', op: 'create', id: eid, after: enrolment });
      c.decisions[id] = dec;
      c.cases[caseNo] = next;
      c.enrolments[eid] = enrolment;
      receipt.push(`${rowNo},已应用,`);
      applied++;
    }
    spent.fold += performance.now() - t;
    t = performance.now();
    shard.seq = seq;
    const temp = `${shardFile(dir, n)}.${seq}.tmp`;
    const fd = openSync(temp, 'w');
    writeSync(fd, JSON.stringify(shard));
    fsyncSync(fd);
    closeSync(fd);
    temps.push([temp, shardFile(dir, n)]);
    spent.shardWrite += performance.now() - t;
    buckets[n] = null;
  }
  mark.shards = performance.now() - t0;
  flush();
  writeSync(journal, ']}\n');
  fsyncSync(journal);
  closeSync(journal);
  mark.committed = performance.now() - t0;
  for (const [temp, to] of temps) renameSync(temp, to);
  writeFileSync(join(dir, 'receipt.csv'), `行号,处理结果,原因\n${receipt.join('\n')}\n`);
  writeFileSync(join(dir, 'head.json'), JSON.stringify({ seq }));
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ mode: 'merge', rows, applied, ms: Math.round(ms), marks: Object.fromEntries(Object.entries(mark).map(([k, v]) => [k, Math.round(v)])), spent: Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round(v)])) }));
}

if (mode === '--split') await split(a, b);
else if (mode === '--merge') merge(await readers(a), a, b);
else if (mode === '--parse') parseOnly(await readers(a), b);
else {
  process.stderr.write('usage: --split OFFICE DIR | --merge DIR FILE.csv | --parse DIR FILE.csv\n');
  process.exit(2);
}
