// The household history's index kept in history.json: a session reads the
// journal only past it, it is trusted only where the journal follows it, and
// what it gives is what indexing the whole journal gives, in either language.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_FILE, readHouseholdHistory } from '../../src/household/history.js';
import { addHouseholdNote } from '../../src/household/notes.js';
import { JOURNAL_FILE } from '../../src/store/office.js';
import { loadLang, setLang } from '../../src/i18n/index.js';
import { H, handBuiltOffice } from '../support/handBuilt.js';

const meta = { operator: '李娜', source: 'local' as const, action: 'household.note' };

/** What indexing the whole journal gives, with no history.json (the file, if any, is put back after). */
async function fresh(office: Awaited<ReturnType<typeof handBuiltOffice>>['office'], id: string) {
  const file = join(office.dir, HISTORY_FILE);
  const kept = existsSync(file) ? readFileSync(file) : null;
  rmSync(file, { force: true });
  try {
    return (await readHouseholdHistory(office)).of(id);
  } finally {
    if (kept) writeFileSync(file, kept);
    else rmSync(file, { force: true });
  }
}

describe('the household history kept in history.json', () => {
  it('is written at the first reading, and a later session reads only the journal past it', async () => {
    const { office, dir } = await handBuiltOffice();
    await office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '刘洋在读大专'));
    expect(existsSync(join(dir, HISTORY_FILE))).toBe(false);
    const first = (await readHouseholdHistory(office)).of(H[3]!);
    expect(first.map((l) => [l.seq, l.action])).toEqual([
      [1, 'test.build'],
      [2, 'household.note'],
    ]);
    expect(existsSync(join(dir, HISTORY_FILE))).toBe(true);

    // Spoil the journal's lines the index already holds (same length, so the offsets stay):
    // a session that read them again could not index them.
    const journal = join(dir, JOURNAL_FILE);
    const bytes = readFileSync(journal);
    const firstNl = bytes.indexOf(0x0a);
    const spoiled = Buffer.concat([Buffer.alloc(firstNl, 0x20), bytes.subarray(firstNl)]);
    writeFileSync(journal, spoiled);
    expect(await fresh(office, H[3]!)).toEqual([]);
    writeFileSync(journal, bytes);

    await office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '已电话回访'));
    const withTail = Buffer.concat([Buffer.alloc(firstNl, 0x20), readFileSync(journal).subarray(firstNl)]);
    writeFileSync(journal, withTail);
    const later = (await readHouseholdHistory(office)).of(H[3]!);
    writeFileSync(journal, Buffer.concat([bytes.subarray(0, firstNl), withTail.subarray(firstNl)]));
    expect(later.map((l) => [l.seq, l.action, l.what])).toEqual([
      [1, 'test.build', first[0]!.what],
      [2, 'household.note', [`户修改 ${H[3]}：备注`]],
      [3, 'household.note', [`户修改 ${H[3]}：备注`]],
    ]);
    expect(later).toEqual(await fresh(office, H[3]!));
  });

  it('is not trusted for another journal, nor when torn: the journal is indexed afresh', async () => {
    const a = await handBuiltOffice();
    await a.office.transact(meta, (tx) => addHouseholdNote(tx, H[0]!, '甲社区的备注'));
    await readHouseholdHistory(a.office);
    const b = await handBuiltOffice();
    await b.office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '乙社区的备注'));
    await b.office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '乙社区的第二条备注'));
    const truth = await fresh(b.office, H[3]!);
    expect(truth.map((l) => l.seq)).toEqual([1, 2, 3]);

    // Another office's index, whose end falls inside this journal.
    writeFileSync(join(b.dir, HISTORY_FILE), readFileSync(join(a.dir, HISTORY_FILE)));
    expect((await readHouseholdHistory(b.office)).of(H[3]!)).toEqual(truth);
    expect((await readHouseholdHistory(b.office)).of(H[0]!)).toEqual(await fresh(b.office, H[0]!));

    // Torn, or of a version this build does not know.
    writeFileSync(join(b.dir, HISTORY_FILE), readFileSync(join(a.dir, HISTORY_FILE)).subarray(0, 40));
    expect((await readHouseholdHistory(b.office)).of(H[3]!)).toEqual(truth);
    const f = JSON.parse(readFileSync(join(b.dir, HISTORY_FILE), 'utf8'));
    writeFileSync(join(b.dir, HISTORY_FILE), JSON.stringify({ ...f, version: 99, by: {} }));
    expect((await readHouseholdHistory(b.office)).of(H[3]!)).toEqual(truth);
  });

  it('shows what comes before a line that does not follow the one before it, as it shows what comes before a damaged one', async () => {
    const { office, dir } = await handBuiltOffice();
    await office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '第一条'));
    await office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '第二条'));
    const journal = join(dir, JOURNAL_FILE);
    const lines = readFileSync(journal, 'utf8').split('\n');
    // The third line's link to the second, broken (same length, still JSON).
    lines[2] = lines[2]!.replace(/"prev":"[0-9a-f]{64}"/, `"prev":"${'0'.repeat(64)}"`);
    writeFileSync(journal, lines.join('\n'));
    expect((await readHouseholdHistory(office)).of(H[3]!).map((l) => l.seq)).toEqual([1, 2]);
    // The index stands at the second line, and a later session starts there.
    expect(JSON.parse(readFileSync(join(dir, HISTORY_FILE), 'utf8')).cursor.seq).toBe(2);
  });

  it('keeps the changes, not their words: a cached line reads in English when the session is', async () => {
    const { office } = await handBuiltOffice();
    await office.transact(meta, (tx) => addHouseholdNote(tx, H[3]!, '刘洋在读大专'));
    await readHouseholdHistory(office);
    await loadLang('en');
    setLang('en');
    try {
      const lines = (await readHouseholdHistory(office)).of(H[3]!);
      expect(lines[1]!.what[0]).not.toMatch(/[户备注修改]/);
      expect(lines[1]!.what[0]).toContain(H[3]);
    } finally {
      setLang('zh');
    }
  });
});
