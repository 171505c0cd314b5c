// A small run of bench/torture.mjs: the writer, the daemon and `sync once`
// under random SIGKILLs, a shared folder that goes away, a full disk (tmpfs,
// where this machine allows a mount), out-of-order and duplicate files; it
// must end with doctor clean, one receipt per file, no local change lost and
// the state of a calm run. The full run (≥ 200 kills) is `node bench/torture.mjs`.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

describe('torture, small', () => {
  it('ends with zero mismatches after a dozen kills of the writer, the daemon and sync once', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'torture.mjs'), '--kills', '12', '--extra-copies', '4', '--seed', '7', '--json'], {
      encoding: 'utf8',
      // A checkpoint every few changes (the fixtures' office is small enough to be rewritten at each one otherwise), so kills land in them too.
      env: { ...process.env, NODE_ENV: 'production', JIUZHU_CHECKPOINT_BYTES: '20000' },
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, number | boolean | Record<string, number>>;
    expect(out.mismatches, r.stderr).toBe(0);
    expect(out.kills).toBeGreaterThanOrEqual(12);
    expect(out.files).toBe(28);
    // Every name the inbox ended with has its receipt, and the writer's changes are all there.
    expect(out.receipts).toBe(out.inboxFiles);
    expect(out.intakes).toBe((out.acknowledged as number) + (out.foundAfterKill as number));
    expect(out.sharedOutages).toBeGreaterThan(0);
  }, 180_000);
});
