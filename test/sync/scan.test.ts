// The daemon's cheap rescans: a folder whose mtime has not changed is not
// listed again, yet every file added anywhere is found; a file rewritten in
// place waits for the next full listing. Receipts are checked in full once
// per process, then only failed writes are retried.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncState } from '../../src/sync/seen.js';
import { FIXTURE_INBOX, drop, makeOffice, sync } from '../support/office.js';

describe('rescans', () => {
  it('find a file added in any folder with a quick listing, and a file rewritten in place with a full one', async () => {
    const t = await makeOffice();
    const state = new SyncState();
    drop(t, 'a/01.csv', readFileSync(join(FIXTURE_INBOX, '01-standard.csv')));
    expect((await sync(t, { state })).files).toHaveLength(1);
    expect((await sync(t, { state, quick: true })).files).toHaveLength(0);

    drop(t, 'a/b/02.csv', readFileSync(join(FIXTURE_INBOX, '02-holidays.csv')));
    expect((await sync(t, { state, quick: true })).files.map((f) => f.name)).toEqual(['a/b/02.csv']);

    // Rewritten in place: the folder's mtime stays, so only a full listing sees it.
    const path = join(t.inbox, 'a', '01.csv');
    writeFileSync(path, readFileSync(join(FIXTURE_INBOX, '04-township-review.csv')));
    const past = new Date(Date.now() - 60_000);
    utimesSync(path, past, past);
    expect((await sync(t, { state, quick: true })).files).toHaveLength(0);
    expect((await sync(t, { state })).files.map((f) => [f.name, f.kind])).toEqual([['a/01.csv', 'township-review']]);
  });

  it('write a missing receipt again at the start of a process, not at every later run', async () => {
    const t = await makeOffice();
    drop(t, '01.csv', readFileSync(join(FIXTURE_INBOX, '01-standard.csv')));
    const state = new SyncState();
    const r = await sync(t, { state });
    const receipt = join(t.shared, 'outbox', 'receipts', r.files[0]!.receipt);
    rmSync(receipt); // the township took it away
    await sync(t, { state });
    expect(existsSync(receipt)).toBe(false);
    await sync(t, { state: new SyncState() }); // the next start
    expect(existsSync(receipt)).toBe(true);
  });
});
