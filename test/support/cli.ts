// Runs the built `jiuzhu` command in a real child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './paths.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

export function jiuzhu(args: string[], env: Record<string, string> = {}, input?: string): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', JIUZHU_DEBUG: '', ...env },
    input,
    timeout: 120_000,
  });
  // Everything the command says to people may end up in a log: no ID number, in any test (issue 9).
  const leaked = /(?<![0-9])\d{17}[\dXx](?![0-9])/.exec(r.stderr ?? '');
  if (leaked) throw new Error(`jiuzhu ${args.join(' ')} printed an unmasked ID number on stderr: ${r.stderr}`);
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T,>() => JSON.parse(r.stdout) as T,
  };
}

export function tempOffice(prefix = 'jiuzhu-cli-'): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), 'office');
}
