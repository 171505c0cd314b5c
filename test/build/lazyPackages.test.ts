// The build requires zod, pinyin-pro and iconv-lite at their first use
// (scripts/esbuildOptions.mjs, lazyPackages): a package behind the stub is not
// evaluated before one of its bindings is used, then answers as itself; a
// binding the stub does not name stops the build; and the real three give in
// the bundle what they give unbundled.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { pinyin } from 'pinyin-pro';
import iconv from 'iconv-lite';
// @ts-expect-error: a plain .mjs of the project's own build scripts
import { lazyPackages, nodeBundleOptions } from '../../scripts/esbuildOptions.mjs';
import { ROOT } from '../support/paths.js';
import { bundleEntry } from '../support/bundle.js';

function probeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-lazy-'));
  const pkg = join(dir, 'node_modules', 'lazy-probe');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'lazy-probe', version: '1.0.0', main: 'index.js' }));
  writeFileSync(
    join(pkg, 'index.js'),
    `globalThis.probeEvaluated = (globalThis.probeEvaluated ?? 0) + 1;
exports.hello = function (name) { return 'hi ' + name; };
exports.table = { size: 3, grow() { return this.size + 1; } };
`,
  );
  return dir;
}

async function bundleAndRun(dir: string, source: string, plugins: unknown[]): Promise<unknown> {
  const out = await bundleEntry(dir, source, plugins);
  const r = spawnSync(process.execPath, [out], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('lazy packages in the build', () => {
  it('evaluates a package at the first use of one of its bindings, not at start', async () => {
    const dir = probeDir();
    const got = await bundleAndRun(
      dir,
      `import { hello, table } from 'lazy-probe';
const before = globalThis.probeEvaluated ?? 0;
const said = hello('王芳');
const after = globalThis.probeEvaluated;
process.stdout.write(JSON.stringify({ before, said, after, size: table.size, grown: table.grow(), has: 'size' in table, keys: Object.keys(table), again: globalThis.probeEvaluated }));
`,
      [lazyPackages({ 'lazy-probe': { hello: 'function', table: 'object' } })],
    );
    expect(got).toEqual({ before: 0, said: 'hi 王芳', after: 1, size: 3, grown: 4, has: true, keys: ['size', 'grow'], again: 1 });
  });

  it('stops the build at a binding the stub does not name', async () => {
    const dir = probeDir();
    const failed = await bundleEntry(dir, `import { table } from 'lazy-probe';\nconsole.log(table);\n`, [lazyPackages({ 'lazy-probe': { hello: 'function' } })]).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failed).toMatch(/No matching export.*"table"/);
  });

  it('gives the real zod, pinyin-pro and iconv-lite answers in the bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-lazy-real-'));
    const got = await bundleAndRun(
      dir,
      `import { z } from 'zod';
import { pinyin } from 'pinyin-pro';
import iconv from 'iconv-lite';
const schema = z.looseObject({ name: z.string().min(1), n: z.number().int() });
const bad = schema.safeParse({ name: '', n: 1.5 });
process.stdout.write(JSON.stringify({
  ok: schema.parse({ name: '单', n: 2, x: 1 }),
  issues: bad.success ? null : bad.error.issues.map((i) => [i.path.join('.'), i.code]),
  initials: pinyin('曾单解', { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }),
  gb: [...iconv.encode('救助 站', 'gb18030')],
  back: iconv.decode(Buffer.from([0xbe, 0xc8, 0xd6, 0xfa]), 'gb18030'),
}));
`,
      nodeBundleOptions(ROOT).plugins,
    );
    const schema = z.looseObject({ name: z.string().min(1), n: z.number().int() });
    const bad = schema.safeParse({ name: '', n: 1.5 });
    expect(got).toEqual({
      ok: schema.parse({ name: '单', n: 2, x: 1 }),
      issues: bad.success ? null : bad.error.issues.map((i) => [i.path.join('.'), i.code]),
      initials: pinyin('曾单解', { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }),
      gb: [...iconv.encode('救助 站', 'gb18030')],
      back: '救助',
    });
  });
});
