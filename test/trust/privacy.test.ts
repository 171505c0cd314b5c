// Privacy: what the commands and the daemon log never holds an ID number;
// what leaves the office carries only exchange.md's columns; the data folder
// is for this user only (files 0600, folders 0700).
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { jiuzhu, tempOffice, type RunResult } from '../support/cli.js';
import { CLI } from '../support/paths.js';
import { CASE, CHEN, FIXTURE_FILES, FIXTURE_INBOX, FIXTURE_INTAKE, LIU, csv } from '../support/office.js';
import { Office } from '../../src/store/office.js';
import { OUTBOUND_COLUMNS, queueOutbound } from '../../src/exchange/outbound.js';
import { RECEIPT_COLUMNS } from '../../src/sync/receipts.js';

const NOW = '2026-12-21T10:00:00+08:00';
const ID_RE = /(?<![0-9])\d{17}[\dXx](?![0-9])/g;

function walk(dir: string, rel = '', out: string[] = []): string[] {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    out.push(r);
    if (e.isDirectory()) walk(dir, r, out);
  }
  return out;
}

function drop(shared: string, name: string, body: string | Buffer) {
  const to = join(shared, 'inbox', name);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, body);
  const past = new Date(Date.now() - 60_000);
  utimesSync(to, past, past);
}

/** `daemon run` until it has dealt with the inbox, then SIGTERM. */
function daemonRound(data: string, shared: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, '--data', data, '--shared', shared, 'daemon', 'run'], {
      env: { ...process.env, NODE_ENV: 'production', JIUZHU_NOW: NOW, JIUZHU_RESCAN_MS: '200' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    const poll = setInterval(() => {
      const status = join(data, 'daemon', 'status.json');
      const s = existsSync(status) ? (JSON.parse(readFileSync(status, 'utf8')) as { counts: { files: number } }) : null;
      if ((s && s.counts.files >= 2) || Date.now() - started > 30_000) {
        clearInterval(poll);
        p.kill('SIGTERM');
      }
    }, 100);
    p.on('error', reject);
    p.on('exit', () => resolve(stderr));
  });
}

describe('privacy', () => {
  it('no ID number in anything the commands or the daemon logged; outbound files carry only their columns; data is 0600/0700', async () => {
    const data = tempOffice('jiuzhu-privacy-');
    const root = dirname(data);
    const shared = join(root, 'shared');
    mkdirSync(join(shared, 'inbox'), { recursive: true });
    const results: RunResult[] = [];
    const run = (args: string[], env: Record<string, string> = {}) => {
      const r = jiuzhu(['--data', data, ...args], { JIUZHU_NOW: NOW, ...env });
      results.push(r);
      return r;
    };
    const intake = (f: string) => JSON.parse(readFileSync(join(FIXTURE_INTAKE, f), 'utf8')) as { members: { idNumber: string; name: string }[] };

    expect(run(['init', '--office', '430105003001', '--name', '东风社区', '--shared', shared]).code).toBe(0);
    for (const f of readdirSync(FIXTURE_INTAKE).sort()) expect(run(['case', 'add', '--from', join(FIXTURE_INTAKE, f)], { JIUZHU_NOW: '2026-11-02' }).code).toBe(0);
    // Refusals that name a member: a duplicate application, a wrong check digit, an ID in another household.
    expect(run(['case', 'add', '--from', join(FIXTURE_INTAKE, '01-liu-jianguo.json')]).code).toBe(1);
    const bad = intake('02-huang-guiying.json');
    bad.members[0]!.idNumber = `${bad.members[0]!.idNumber.slice(0, 17)}${bad.members[0]!.idNumber.endsWith('0') ? '1' : '0'}`;
    writeFileSync(join(root, 'bad.json'), JSON.stringify(bad));
    const badRun = run(['case', 'add', '--from', join(root, 'bad.json')]);
    expect(badRun.code).toBe(1);
    const stolen = intake('03-chen-zhiqiang.json');
    stolen.members.push({ ...intake('01-liu-jianguo.json').members[0]!, relation: '其他' } as never);
    stolen.members[0]!.idNumber = '430105199001011234'.slice(0, 17) + 'X';
    writeFileSync(join(root, 'stolen.json'), JSON.stringify(stolen));
    expect(run(['case', 'add', '--from', join(root, 'stolen.json')], { JIUZHU_DEBUG: '1' }).code).toBe(1);
    run(['case', 'show', `${LIU}`]);
    // commander's own errors echo what was typed.
    expect(run(['case', LIU]).code).toBe(2);
    expect(run(['case', 'list', '--status', LIU]).code).toBe(2);
    run(['case', 'show', CASE(1)]);
    run(['case', 'list']);
    run(['status']);

    // Inbound files, with rows the merge rejects and names in the receipts.
    for (const f of FIXTURE_FILES) copyFileSync(join(FIXTURE_INBOX, f), join(shared, 'inbox', f));
    for (const f of FIXTURE_FILES) utimesSync(join(shared, 'inbox', f), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const V = ['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'];
    drop(shared, 'odd.csv', csv(V, [[CASE(9), CHEN, '车辆', '无', '2026-11-12', '', ''], [CASE(3), '430105198211281290', '房产', '有', '2026-11-12', '', '']]));
    expect(run(['sync', 'once']).code).toBe(0);
    writeFileSync(join(root, 'not-a-roster.csv'), csv(V, [[CASE(2), LIU, '车辆', '无', '2026-11-14', '', '']]));
    const notRoster = run(['import', 'roster', join(root, 'not-a-roster.csv')]);
    expect(notRoster.code).toBe(1);
    expect(notRoster.stderr).toContain('不是“花名册”');
    run(['pending', 'list']);
    run(['enrolment', 'list']);
    run(['doctor']);
    // The store files are checkpoints: fold the journal in, so the name is in the file to tamper with.
    await (await Office.open(data)).checkpoint({ force: true });
    writeFileSync(join(data, 'households.json'), readFileSync(join(data, 'households.json'), 'utf8').replace('"刘建国"', '"刘建军"'));
    expect(run(['doctor']).code).toBe(1);
    expect(run(['backup', '--out', root]).code).toBe(0);

    // The daemon over two more files, one with rows it rejects.
    drop(shared, 'later/odd2.csv', csv(V, [[CASE(8), LIU, '车辆', '无', '2026-11-13', '', '']]));
    drop(shared, 'later/junk.csv', `${LIU},${CHEN}\n`);
    const daemonErr = await daemonRound(data, shared);
    const log = readFileSync(join(data, 'daemon', 'daemon.log'), 'utf8');
    expect(log).toMatch(/later\/odd2\.csv/);

    // The test can fail: ID numbers were all around (JSON for programs carries them in full)…
    expect(run(['case', 'show', CASE(1), '--json']).stdout).toContain(LIU);
    const logged = [...results.map((r) => r.stderr), daemonErr, log, readFileSync(join(data, 'daemon', 'status.json'), 'utf8')].join('\n');
    expect(logged.length).toBeGreaterThan(1000);
    expect(badRun.stderr).toContain('身份证号');
    // …and where a message does name one, it is masked.
    expect(logged).toMatch(/430105\*{8}\d{3}[\dX]/);
    expect(logged.match(ID_RE) ?? []).toEqual([]);

    // Outbound: receipts have exactly the receipt columns; queued files exactly their kind's columns.
    const office = await Office.open(data);
    await office.transact({ operator: '王芳', source: 'local', action: 'test.queue' }, (tx) => {
      queueOutbound(tx, 'members', OUTBOUND_COLUMNS.members, [[CASE(1), '刘建国', LIU, '户主', '有', '', '1200.00']], `${CASE(1)} 上报`);
    });
    expect(run(['sync', 'once']).code).toBe(0);
    const outbox = join(shared, 'outbox');
    const published = readdirSync(outbox).filter((n) => n.endsWith('.csv'));
    expect(published.length).toBeGreaterThan(0);
    const header = (p: string) => (parse(readFileSync(p).subarray(3), { to_line: 1 }) as string[][])[0];
    for (const n of published) {
      const kind = n.split('-')[0] as keyof typeof OUTBOUND_COLUMNS;
      expect(OUTBOUND_COLUMNS[kind], n).toBeDefined();
      expect(header(join(outbox, n)), n).toEqual(OUTBOUND_COLUMNS[kind]);
    }
    const receipts = readdirSync(join(outbox, 'receipts'));
    expect(receipts.length).toBeGreaterThanOrEqual(FIXTURE_FILES.length + 2);
    for (const n of receipts) expect(header(join(outbox, 'receipts', n)), n).toEqual([...RECEIPT_COLUMNS]);

    // The data folder: this user only, all the way down.
    const loose = walk(data)
      .filter((p) => !p.startsWith('.lock'))
      .map((p) => ({ p, mode: statSync(join(data, p)).mode & 0o777 }))
      .filter((x) => x.mode & 0o077);
    expect(loose).toEqual([]);
    expect(statSync(data).mode & 0o077).toBe(0);
    const backups = readdirSync(root).filter((n) => n.endsWith('.jzbackup'));
    expect(backups.map((n) => statSync(join(root, n)).mode & 0o777)).toEqual([0o600]);
  }, 180_000);
});
