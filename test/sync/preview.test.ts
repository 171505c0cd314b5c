// `sync preview FILE` (issue 15): the receipt a file would get, row by row,
// with nothing applied, kept or written: every file of the data folder and
// of the shared folder is byte-identical after it, on every inbound kind, on
// a file with bad rows and on a file rejected whole; and what it foretold is
// what `sync once` then does.
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliOffice } from '../support/cliOffice.js';
import { FIXTURE_FILES, FIXTURE_INBOX, CASE, CHEN } from '../support/office.js';
import { dropFixture } from './support/inbox.js';
import { KIND_SPECS } from '../../src/exchange/inbound/index.js';

function hashes(root: string, into = new Map<string, string>(), rel = ''): Map<string, string> {
  for (const name of readdirSync(join(root, rel)).sort()) {
    const p = join(rel, name);
    if (statSync(join(root, p)).isDirectory()) hashes(root, into, p);
    else into.set(p, createHash('sha256').update(readFileSync(join(root, p))).digest('hex'));
  }
  return into;
}

interface PreviewJson {
  kind: string | null;
  rows: { row: number; result: string; reason: string; caseNo: string; idNumber: string }[];
  applied: number;
  unchanged: number;
  stale: number;
  rejected: number;
  pending: number;
}

const setUp = () => cliOffice('jiuzhu-preview-', '2026-12-21');

describe('jiuzhu sync preview', () => {
  it('writes nothing, on every kind, and foretells what sync once does', () => {
    const { data, shared, run } = setUp();
    const outside = join(dirname(data), 'outside');
    mkdirSync(outside);
    const bad = join(outside, 'bad-rows.csv');
    writeFileSync(bad, `\uFEFF申请编号,身份证号,姓名,审批结果,审批日期,救助类别,保障人数,月保障金额(元),起始年月,分类,原因,发送单位代码\r\n${CASE(3)},${CHEN},陈志强,批准,2026-13-40,低保,2,900,2026-12,A,,430105\r\n`);
    const garbage = join(outside, 'garbage.csv');
    writeFileSync(garbage, 'this is not a table of any kind\n\u0000\u0001');
    const files = [...FIXTURE_FILES.map((f) => join(FIXTURE_INBOX, f)), bad, garbage];
    const kinds = new Set<string | null>();
    for (const file of files) {
      const before = { data: hashes(data), shared: hashes(shared) };
      const r = run(['sync', 'preview', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const p = r.json<PreviewJson>();
      expect(Object.keys(p).sort()).toEqual(['applied', 'kind', 'pending', 'rejected', 'rows', 'stale', 'unchanged']);
      const text = run(['sync', 'preview', file]);
      expect(text.code, text.stderr).toBe(0);
      expect({ data: hashes(data), shared: hashes(shared) }, file).toEqual(before);
      kinds.add(p.kind);

      // What it foretold is what the inbox then does.
      const name = file.split('/').pop()!;
      if (file.startsWith(FIXTURE_INBOX)) dropFixture(shared, name);
      else {
        writeFileSync(join(shared, 'inbox', name), readFileSync(file));
      }
      const once = run(['sync', 'once', '--json']).json<{ files: (PreviewJson & { name: string })[] }>();
      const got = once.files.find((f) => f.name === name);
      expect(got, name).toBeDefined();
      expect({ kind: got!.kind, applied: got!.applied, unchanged: got!.unchanged, stale: got!.stale, rejected: got!.rejected, pending: got!.pending }, name).toEqual({
        kind: p.kind, applied: p.applied, unchanged: p.unchanged, stale: p.stale, rejected: p.rejected, pending: p.pending,
      });
      if (file === bad) expect(p.rows.map((x) => x.result)).toEqual(['拒绝']);
      if (file === garbage) expect(p.kind).toBeNull();
    }
    expect([...kinds].sort()).toEqual([...Object.keys(KIND_SPECS), null].sort());
    // A file already read is a duplicate, and still nothing is written.
    const before = hashes(data);
    const again = run(['sync', 'preview', files[0]!, '--json']).json<PreviewJson>();
    expect(again.rows.map((x) => x.result)).toEqual(['未变化']);
    expect(hashes(data)).toEqual(before);
  });

  it('speaks English with --lang en, the receipt words staying the exchange\'s', () => {
    const { run } = setUp();
    const r = run(['--lang', 'en', 'sync', 'preview', join(FIXTURE_INBOX, FIXTURE_FILES[0]!)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Preview \(not applied\)/);
  });
});
