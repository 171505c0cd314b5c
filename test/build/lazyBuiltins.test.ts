// `status` and the app read node:crypto and node:zlib at their first call
// (scripts/lazyBuiltins.mjs): a stub's function answers as the real one once
// called; a package's own import is left alone under `ownOnly`; and the built
// `status` and app load neither module on an office whose summary is current,
// while one that must follow the journal past the summary hashes through the
// stub and shows the change.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
// @ts-expect-error: a plain .mjs of the project's own build scripts
import { lazyBuiltins } from '../../scripts/lazyBuiltins.mjs';
import { CLI, PUBLIC_FIXTURES } from '../support/paths.js';
import { bundleEntry } from '../support/bundle.js';
import { until } from '../support/until.js';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { useTerminal } from '../support/tmux.js';

const term = useTerminal('lazybuiltins');

const loaded = (name: string) => `process.moduleLoadList.includes('NativeModule ${name}')`;

/** A module given to `node --import`: at exit, writes the crypto and zlib modules the process loaded. */
function exitHook(dir: string): { hook: string; out: string } {
  const hook = join(dir, 'hook.mjs');
  const out = join(dir, 'modules.txt');
  writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (crypto|zlib)$/.test(m)))));\n`);
  return { hook, out };
}

function officeWithCase(now: string): string {
  const data = tempOffice('jiuzhu-lazy-builtins-');
  jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区', '--operator', '王芳'], { JIUZHU_NOW: now });
  expect(jiuzhu(['case', 'add', '--from', join(PUBLIC_FIXTURES, 'intake', '01-liu-jianguo.json'), '--data', data], { JIUZHU_NOW: now }).code).toBe(0);
  return data;
}

/** A second case committed with the checkpoint held back: the journal then runs past summary.json. */
function addPastSummary(data: string, now: string): void {
  const r = jiuzhu(['case', 'add', '--from', join(PUBLIC_FIXTURES, 'intake', '02-huang-guiying.json'), '--data', data], { JIUZHU_NOW: now, JIUZHU_CHECKPOINT_BYTES: String(1 << 30) });
  expect(r.code).toBe(0);
  const summary = JSON.parse(readFileSync(join(data, 'summary.json'), 'utf8')) as { seq: number };
  const head = JSON.parse(readFileSync(join(data, 'head.json'), 'utf8')) as { seq: number };
  expect(head.seq).toBe(summary.seq);
  expect(readFileSync(join(data, 'journal.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(summary.seq);
}

async function appModules(data: string, now: string, expected: string): Promise<string[]> {
  const { hook, out } = exitHook(join(data, '..'));
  rmSync(out, { force: true });
  term.start(`env -u CI JIUZHU_NOW=${now} NODE_ENV=production ${process.execPath} --import ${hook} ${CLI} --data ${data} --operator 王芳; sleep 30`);
  await term.until((s) => s.includes('工作台') && s.includes(expected), `the dashboard with ${expected}`);
  term.keys('q');
  const written = await until(() => (existsSync(out) ? readFileSync(out, 'utf8') : undefined), (s) => s !== '', 'the modules the app loaded, written at its exit');
  const modules = JSON.parse(written) as string[];
  term.run(['kill-session', '-t', term.session]);
  return modules;
}

describe('node:crypto and node:zlib at their first call', () => {
  it('a stubbed function answers as the real one, and the module is read only at that call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-lazy-builtin-'));
    const out = await bundleEntry(
      dir,
      `import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'zlib';
const before = { crypto: ${loaded('crypto')}, zlib: ${loaded('zlib')} };
const hash = createHash('sha256').update('救助').digest('hex');
const afterHash = { crypto: ${loaded('crypto')}, zlib: ${loaded('zlib')} };
const zipped = gzipSync(Buffer.from('东风社区'));
process.stdout.write(JSON.stringify({ before, hash, afterHash, zipped: [...zipped], back: gunzipSync(zipped).toString('utf8'), zlib: ${loaded('zlib')} }));
`,
      [lazyBuiltins()],
    );
    const r = spawnSync(process.execPath, [out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      before: { crypto: false, zlib: false },
      hash: createHash('sha256').update('救助').digest('hex'),
      afterHash: { crypto: true, zlib: false },
      zipped: [...gzipSync(Buffer.from('东风社区'))],
      back: '东风社区',
      zlib: true,
    });
  });

  it('leaves a package’s own import alone under ownOnly, and stops the build at a binding it cannot wrap otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-lazy-builtin-own-'));
    const pkg = join(dir, 'node_modules', 'hash-probe');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'hash-probe', version: '1.0.0', type: 'module', main: 'index.js' }));
    writeFileSync(join(pkg, 'index.js'), `import crypto from 'crypto';\nexport const digest = (s) => crypto.createHash('sha256').update(s).digest('hex');\n`);
    const source = `import { digest } from 'hash-probe';\nprocess.stdout.write(digest('低保'));\n`;
    const out = await bundleEntry(dir, source, [lazyBuiltins({ ownOnly: true })]);
    expect(spawnSync(process.execPath, [out], { encoding: 'utf8' }).stdout).toBe(createHash('sha256').update('低保').digest('hex'));
    const failed = await bundleEntry(dir, source, [lazyBuiltins()]).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failed).toMatch(/No matching export.*"default"/);
  });

  it('the built status loads neither on a current summary, and hashes through the stub to follow the journal past it', () => {
    const now = '2026-11-19T09:00:00+08:00';
    const data = officeWithCase(now);
    const { hook, out } = exitHook(join(data, '..'));
    const status = () => spawnSync(process.execPath, ['--import', hook, CLI, '--data', data, 'status'], { encoding: 'utf8', env: { ...process.env, JIUZHU_NOW: now, NODE_ENV: 'production' } });
    const first = status();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('刘建国');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([]);
    addPastSummary(data, now);
    const second = status();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('黄桂英');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(['NativeModule crypto']);
  });

  it('the built app, in a terminal, loads neither on a current summary, and follows the journal past it through the stub', async () => {
    const now = '2026-11-19';
    const data = officeWithCase(now);
    expect(await appModules(data, now, '刘建国')).toEqual([]);
    addPastSummary(data, now);
    expect(await appModules(data, now, '黄桂英')).toEqual(['NativeModule crypto']);
  });
});
