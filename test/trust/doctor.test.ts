// `doctor` names the place of every problem: a journal entry, a store file,
// a record, a kept inbound file, a receipt; `--repair` fixes only what needs
// no guessing (a kept file still in the inbox with its hash, a receipt from
// its copy).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_FILES, dropFixture, makeOffice, sync, type TestOffice } from '../support/office.js';
import { runDoctor, type Finding } from '../../src/maintenance/doctor.js';
import { Office } from '../../src/store/office.js';
import type { Case, Member } from '../../src/office/model.js';

async function synced(): Promise<TestOffice & { shas: Record<string, string> }> {
  const t = await makeOffice({ now: '2026-12-21' });
  for (const f of FIXTURE_FILES) dropFixture(t, f);
  const r = await sync(t);
  expect(r.files).toHaveLength(FIXTURE_FILES.length);
  const shas = Object.fromEntries(r.files.map((f) => [f.name, f.sha256]));
  expect((await runDoctor(t.dir)).findings).toEqual([]);
  return { ...t, shas };
}

const damage = (fs: Finding[]) => fs.filter((f) => f.level === 'damage');

describe('doctor finds each kind of damage and names its place', () => {
  it('a tampered journal entry: the entry by line and byte', async () => {
    const t = await synced();
    const jpath = join(t.dir, 'journal.jsonl');
    const lines = readFileSync(jpath, 'utf8').split('\n');
    lines[5] = lines[5]!.replace('"operator":"王芳"', '"operator":"李四"').replace('"operator":"同步"', '"operator":"李四"');
    writeFileSync(jpath, lines.join('\n'));
    const d = damage((await runDoctor(t.dir)).findings);
    expect(d[0]!.where).toMatch(/^journal\.jsonl 第 6 条（字节 \d+）$/);
    expect(d[0]!.what).toContain('内容与哈希值不符');
  });

  it('a truncated store file: the file, and that it is not whole', async () => {
    const t = await synced();
    const p = join(t.dir, 'sync.json');
    // A checkpoint first, so the file holds what the journal rebuilds.
    await (await Office.open(t.dir)).checkpoint({ force: true });
    const body = readFileSync(p);
    writeFileSync(p, body.subarray(0, body.length - 100));
    const d = damage((await runDoctor(t.dir)).findings);
    expect(d).toEqual([{ level: 'damage', where: 'sync.json', what: `不是完整的 JSON（${body.length - 100} 字节，可能被截断）` }]);
    // The journal holds every change, so the store is rebuilt from it.
    const r = await runDoctor(t.dir, { repair: true });
    expect(r.findings.filter((f) => f.where === 'sync.json').map((f) => f.level)).toEqual(['damage', 'repaired']);
    expect(readFileSync(p)).toEqual(body);
    expect((await runDoctor(t.dir)).findings).toEqual([]);
  });

  it('a deleted received file: the kept copy by hash and the inbound file by name; repaired from the inbox only when the hash matches', async () => {
    const t = await synced();
    const sha = t.shas['05-county-decision.csv']!;
    const kept = join(t.dir, 'sync', 'received', sha);
    unlinkSync(kept);
    const d = damage((await runDoctor(t.dir)).findings);
    expect(d).toEqual([
      { level: 'damage', where: `sync/received/${sha}`, what: `收到的文件 05-county-decision.csv 的原件不见了（sync.json 的 files，记录 ${sha.slice(0, 12)}…）` },
    ]);
    // Still in the inbox with the same hash: repaired without guessing.
    const r = await runDoctor(t.dir, { repair: true });
    expect(r.findings).toEqual([{ level: 'repaired', where: `sync/received/${sha}`, what: '从共享文件夹的 inbox/05-county-decision.csv 取回了收到的原件（哈希值相符）' }]);
    expect(readFileSync(kept)).toEqual(readFileSync(join(t.inbox, '05-county-decision.csv')));

    // Changed in the data folder, and the inbox's copy changed too: nothing to take back.
    writeFileSync(kept, 'changed');
    writeFileSync(join(t.inbox, '05-county-decision.csv'), 'changed too');
    const again = await runDoctor(t.dir, { repair: true });
    expect(damage(again.findings)).toEqual([
      { level: 'damage', where: `sync/received/${sha}`, what: `收到的文件 05-county-decision.csv 的原件与记录的哈希值不符：文件被改动过（sync.json 的 files，记录 ${sha.slice(0, 12)}…）` },
    ]);
  });

  it('a missing receipt copy is damage; a missing outbox receipt is rewritten from the copy by --repair', async () => {
    const t = await synced();
    const sha = t.shas['03-verification.csv']!;
    const receipts = join(t.shared, 'outbox', 'receipts');
    const name = readdirSync(receipts).find((n) => n.startsWith(`receipt-${sha.slice(0, 8)}`))!;
    const original = readFileSync(join(receipts, name));
    unlinkSync(join(receipts, name));
    const found = (await runDoctor(t.dir)).findings;
    expect(found).toEqual([{ level: 'warning', where: join(receipts, name), what: '文件 03-verification.csv 的回执不在发件箱里（doctor --repair 或下一次同步会补写）' }]);
    const r = await runDoctor(t.dir, { repair: true });
    expect(r.findings.map((f) => f.level)).toEqual(['repaired']);
    expect(readFileSync(join(receipts, name))).toEqual(original);

    // The shared folder away (a USB stick): said, not counted as damage.
    rmSync(t.shared, { recursive: true, force: true });
    const away = await runDoctor(t.dir);
    expect(away.ok).toBe(true);
    expect(away.findings[0]!.what).toContain('共享文件夹不在');

    unlinkSync(join(t.dir, 'sync', 'receipts', `${sha}.csv`));
    expect(damage((await runDoctor(t.dir)).findings)).toEqual([
      { level: 'damage', where: `sync/receipts/${sha}.csv`, what: `文件 03-verification.csv 的回执副本不见了（sync.json 的 files，记录 ${sha.slice(0, 12)}…）` },
    ]);
  });

  it('records that break the schema: named by store, collection and record', async () => {
    const t = await makeOffice({ now: '2026-11-02' });
    await t.office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => {
      const m = structuredClone(tx.get('members', '430105197803152315')!) as Member;
      tx.put('members', '430105197803152316', { ...m, idNumber: '430105197803152316' });
      tx.put('cases', '430105003001-2026-0099', structuredClone(tx.get('cases', '430105003001-2026-0001')!) as Case);
      tx.update('settings', 'office', (s) => {
        s.backupReminderDays = 0;
      });
    });
    const d = damage((await runDoctor(t.dir)).findings);
    expect(d).toEqual(
      expect.arrayContaining([
        { level: 'damage', where: 'settings.json 的 settings，记录 office', what: expect.stringContaining('设置项 backupReminderDays 不符合格式') },
        { level: 'damage', where: 'cases.json 的 cases，记录 430105003001-2026-0099', what: '字段 caseNo 是「430105003001-2026-0001」，与记录的编号不一致' },
        { level: 'damage', where: 'households.json 的 members，记录 430105********2316', what: '身份证号无效（校验位不符或格式不对）' },
      ]),
    );
    // The place never prints a whole ID number.
    expect(JSON.stringify(d)).not.toMatch(/\d{17}[\dX]/);
  });
});
