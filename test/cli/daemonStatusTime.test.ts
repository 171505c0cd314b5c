// Issue 15 item 7: `daemon status` says when in the office's wall-clock time; --json keeps ISO.
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { daemonDir, statusPath } from '../../src/sync/daemonStatus.js';

describe('jiuzhu daemon status', () => {
  it('prints the last sync in Asia/Shanghai time, not UTC ISO', () => {
    const data = tempOffice('jiuzhu-daemon-time-');
    const env = { JIUZHU_NOW: '2026-12-21T10:00:00+08:00', TZ: 'UTC' };
    expect(jiuzhu(['init', '--office', '430105003001', '--name', '东风社区', '--data', data], env).code).toBe(0);
    mkdirSync(daemonDir(data), { recursive: true });
    const st = { pid: 999999, startedAt: '2026-12-21T00:30:00.000Z', running: false, shared: '/tmp/x', lastRunAt: '2026-12-21T01:30:05.000Z', lastError: null, counts: { runs: 1, files: 2, applied: 3, rejected: 0, exported: 0 } };
    writeFileSync(statusPath(data), JSON.stringify(st));
    const r = jiuzhu(['daemon', 'status', '--data', data], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('最近同步 2026-12-21 09:30:05');
    expect(r.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    const json = jiuzhu(['daemon', 'status', '--json', '--data', data], env).json<{ lastRunAt: string }>();
    expect(json.lastRunAt).toBe('2026-12-21T01:30:05.000Z');
  });
});
