// `sync once`, `import roster`, `enrolment list`, `pending list` and
// `case show` as a script or the county's checker runs them: real child
// processes on a real data folder, JSON shapes of cli.md.
import { describe, it, expect } from 'vitest';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { FIXTURE_FILES, FIXTURE_INBOX, FIXTURE_INTAKE, CASE, LIU } from '../support/office.js';
import { dropFixture } from './support/inbox.js';

function setUp() {
  const data = tempOffice('jiuzhu-sync-cli-');
  const shared = join(dirname(data), 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const run = (args: string[], now = '2026-12-21') => jiuzhu(['--data', data, ...args], { JIUZHU_NOW: now });
  expect(run(['init', '--office', '430105003001', '--name', '东风社区', '--shared', shared]).code).toBe(0);
  for (const f of readdirSync(FIXTURE_INTAKE).sort()) expect(run(['case', 'add', '--from', join(FIXTURE_INTAKE, f)], '2026-11-02').code).toBe(0);
  const drop = (file: string, as = file) => dropFixture(shared, file, as);
  return { data, shared, run, drop };
}

interface SyncJson {
  files: { name: string; sha256: string; kind: string; outcome: string; applied: number; unchanged: number; stale: number; rejected: number; pending: number; receipt: string }[];
  exported: string[];
}

describe('jiuzhu sync once', () => {
  it('merges the public fixtures as their README says, with the JSON of cli.md', () => {
    const { run, drop, shared } = setUp();
    for (const f of FIXTURE_FILES) {
      drop(f);
      const r = run(['sync', 'once', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = r.json<SyncJson>();
      expect(out.files).toHaveLength(1);
      expect(out.files[0]).toMatchObject({ name: f, outcome: 'applied', rejected: 0 });
      expect(Object.keys(out.files[0]!).sort()).toEqual(['applied', 'kind', 'name', 'outcome', 'pending', 'receipt', 'rejected', 'sha256', 'stale', 'unchanged']);
    }
    const again = run(['sync', 'once', '--json']);
    expect(again.json<SyncJson>()).toEqual({ files: [], exported: [] });
    expect(readdirSync(join(shared, 'outbox', 'receipts'))).toHaveLength(FIXTURE_FILES.length);

    const enrolments = run(['enrolment', 'list', '--json']).json<{ householderName: string; monthlyAmountFen: number; status: string; caseNo: string | null }[]>();
    expect(enrolments.map((e) => [e.householderName, e.monthlyAmountFen, e.status, e.caseNo]).sort()).toEqual([
      ['刘建国', 115000, 'active', CASE(1)],
      ['彭建军', 90000, 'active', null],
      ['邓福生', 110000, 'active', null],
      ['黄桂英', 70000, 'active', CASE(2)],
    ]);
    expect(run(['pending', 'list', '--json']).json()).toEqual([]);

    const show = run(['case', 'show', CASE(1), '--json']).json<{ status: string; township: unknown; decision: Record<string, unknown>; history: Record<string, unknown>[] }>();
    expect(show.status).toBe('approved');
    expect(show.township).toEqual({ result: '同意', date: '2026-11-20', note: '经入户核查情况属实，同意上报区民政局审批' });
    expect(show.decision).toMatchObject({ result: '批准', date: '2026-11-25', program: '低保', persons: 3, monthlyAmountFen: 100000, category: 'B', startMonth: '2026-12' });
    const fromFiles = show.history.filter((h) => h.source !== 'local');
    expect(fromFiles.map((h) => [h.event, h.date])).toEqual([['township-approved', '2026-11-20'], ['approved', '2026-11-25']]);
    expect(fromFiles.every((h) => String(h.source).startsWith('file:') && h.stale === undefined)).toBe(true);
  });

  it('lists a copy of processed content under another name as duplicate, and a changed file as new', () => {
    const { run, drop, shared } = setUp();
    drop('01-standard.csv');
    run(['sync', 'once']);
    drop('01-standard.csv', 'copies/01-standard (1).csv');
    const dup = run(['sync', 'once', '--json']).json<SyncJson>();
    expect(dup.files.map((f) => [f.name, f.outcome])).toEqual([['copies/01-standard (1).csv', 'duplicate']]);
    writeFileSync(join(shared, 'inbox', '01-standard.csv'), '\uFEFF地区类型,救助类别,月标准(元),执行日期\r\n城市,低保,950,2027-07-01\r\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(shared, 'inbox', '01-standard.csv'), past, past);
    const changed = run(['sync', 'once', '--json']).json<SyncJson>();
    expect(changed.files.map((f) => [f.name, f.outcome, f.applied])).toEqual([['01-standard.csv', 'applied', 1]]);
  });

  it('says clearly when the shared folder is missing, and exits 1', () => {
    const { run, shared } = setUp();
    const r = run(['--shared', join(shared, 'nowhere'), 'sync', 'once']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到收件文件夹');
  });
});

describe('jiuzhu import roster', () => {
  it('imports a roster file from anywhere with a receipt, and refuses another kind by name', () => {
    const { run, shared } = setUp();
    const r = run(['import', 'roster', join(FIXTURE_INBOX, '07-roster.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ outcome: 'applied', applied: 7, kind: 'roster' });
    expect(readdirSync(join(shared, 'outbox', 'receipts'))).toEqual([expect.stringMatching(/^receipt-[0-9a-f]{8}-07-roster\.csv$/)]);
    const people = run(['enrolment', 'list', '--json']).json<{ householderId: string; caseNo: null }[]>();
    expect(people).toHaveLength(4);
    expect(people.find((p) => p.householderId === LIU)?.caseNo).toBeNull();

    const wrong = run(['import', 'roster', join(FIXTURE_INBOX, '05-county-decision.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('不是“花名册”');
  });
});
