// A data folder made as a clerk makes it, in child processes: `init` with a
// shared folder and the four fixture intakes; `run` runs jiuzhu on it.
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { jiuzhu, tempOffice } from './cli.js';
import { FIXTURE_INTAKE } from './office.js';

export function cliOffice(prefix: string, now: string) {
  const data = tempOffice(prefix);
  const shared = join(dirname(data), 'shared');
  mkdirSync(join(shared, 'inbox'), { recursive: true });
  const run = (args: string[], at = now) => jiuzhu(['--data', data, ...args], { JIUZHU_NOW: at });
  expect(run(['init', '--office', '430105003001', '--name', '东风社区', '--shared', shared]).code).toBe(0);
  for (const f of readdirSync(FIXTURE_INTAKE).sort()) expect(run(['case', 'add', '--from', join(FIXTURE_INTAKE, f)], '2026-11-02').code).toBe(0);
  /** Puts a file into the inbox as if copied a minute ago. */
  const inbox = (name: string, content: string | Buffer) => {
    const file = join(shared, 'inbox', name);
    writeFileSync(file, content);
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
  };
  return { data, shared, run, inbox };
}
