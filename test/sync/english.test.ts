// `--lang en` on the sync, import, daemon, backup, restore and doctor
// commands: help, successes and errors in English, no Chinese outside data
// (names, addresses, exchange words); receipts stay Chinese for the upper levels.
import { describe, it, expect } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { LIU } from '../support/office.js';

const CJK = /[\u3400-\u9fff]/;

function setUp() {
  const data = tempOffice('jiuzhu-sync-en-');
  const shared = join(dirname(data), 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const run = (args: string[]) => jiuzhu(['--lang', 'en', '--data', data, ...args], { JIUZHU_NOW: '2026-12-21' });
  expect(run(['init', '--office', '430105003001', '--name', '东风社区', '--shared', shared]).code).toBe(0);
  const drop = (name: string, text: string) => {
    const to = join(shared, 'inbox', name);
    writeFileSync(to, text);
    const past = new Date(Date.now() - 60_000);
    utimesSync(to, past, past);
  };
  return { data, shared, run, drop };
}

describe('jiuzhu --lang en: sync, daemon, backup, restore, doctor', () => {
  it('gives every --help of these commands in English', () => {
    for (const args of [['sync'], ['sync', 'once'], ['import', 'roster'], ['enrolment', 'list'], ['pending', 'list'], ['daemon'], ['daemon', 'start'], ['daemon', 'status'], ['daemon', 'install'], ['backup'], ['restore']]) {
      const r = jiuzhu(['--lang', 'en', ...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(CJK);
    }
    const help = jiuzhu(['--lang', 'en', 'sync', 'once', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Read the inbox, merge, write receipts');
    expect(help).toContain('Apply nothing from a file that has any bad row');
    expect(jiuzhu(['--lang', 'en', 'restore', '--help']).stdout.replace(/\s+/g, ' ')).toContain("Allow replacing this office's data with another office's backup");
  });

  it('says a sync run, the daemon status, a backup and a restore in English, and keeps the receipt Chinese', () => {
    const { data, shared, run, drop } = setUp();
    drop('街道审核结果-2026-12-20.csv', `申请编号,身份证号,审核结果,审核日期\r\n430105003001-2026-0999,${LIU},同意,2026-12-20\r\n`);
    const once = run(['sync', 'once']);
    expect(once.code, once.stderr).toBe(0);
    const line = once.stdout.trim();
    expect(line).toMatch(/^rejected {2}.+ {2}applied 0, unchanged 0, stale 0, rejected 1, pending 0 {2}receipt receipt-[0-9a-f]{8}-/);
    // The file's name is data (the township's words); the rest is English.
    expect(line.replace(/街道审核结果-2026-12-20/g, '')).not.toMatch(CJK);

    const receipts = readdirSync(join(shared, 'outbox', 'receipts'));
    expect(receipts).toHaveLength(1);
    const receipt = readFileSync(join(shared, 'outbox', 'receipts', receipts[0]!), 'utf8');
    expect(receipt).toContain('行号,结果,原因,申请编号,身份证号');
    expect(receipt).toContain('拒绝,本社区没有申请编号为 430105003001-2026-0999 的申请，请核对申请编号');
    expect(receipt).not.toMatch(/This office|application/);

    const again = run(['sync', 'once']);
    expect(again.stderr.trim()).toBe('No new files.');

    const status = run(['daemon', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('The daemon is not running');
    expect(status.stdout).not.toMatch(CJK);
    const stop = run(['daemon', 'stop']);
    expect(stop.stderr.trim()).toBe('The daemon is not running.');

    const out = join(dirname(data), 'backups');
    mkdirSync(out);
    const backup = run(['backup', '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/^Backed up \d+ files \(\d+ journal entries\) to .+, \d+ KB, SHA-256 [0-9a-f]{16}\.\.\./);
    expect(backup.stderr).not.toMatch(CJK);
    const archive = join(out, readdirSync(out)[0]!);
    const restore = run(['restore', archive]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('Restored 东风社区 (430105003001) from the backup of');
    expect(restore.stderr).toContain('The old data folder is kept as');
    // The office's name is data.
    expect(restore.stderr.replace(/东风社区/g, '')).not.toMatch(CJK);
  });

  it('says the errors of these commands and the doctor findings in English', () => {
    const { data, run } = setUp();
    const alone = tempOffice('jiuzhu-sync-en-alone-');
    expect(jiuzhu(['--data', alone, 'init', '--office', '430105003001', '--name', '东风社区']).code).toBe(0);
    const r = jiuzhu(['--lang', 'en', '--data', alone, 'sync', 'once']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('No shared exchange folder is set: add --shared <folder>, or give --shared at init');

    const missing = run(['import', 'roster', 'no-such-roster.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('File no-such-roster.csv not found: check the path');

    const restore = run(['restore', join(dirname(data), 'nothing.jiuzhu')]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/^Backup file .+nothing\.jiuzhu not found: check the path/);
    expect(restore.stderr).not.toMatch(CJK);

    const store = readdirSync(data).find((f) => f.endsWith('.json') && f !== 'head.json')!;
    chmodSync(join(data, store), 0o644);
    const doctor = run(['doctor', '--json']);
    const findings = doctor.json<{ findings: { level: string; where: string; what: string }[] }>().findings;
    expect(findings.map((f) => f.what)).toContain('Mode is 644, other users can read it: it should be 600 (doctor --repair fixes it)');
    for (const f of findings) expect(`${f.where} ${f.what}`).not.toMatch(CJK);
  });
});
