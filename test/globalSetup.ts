// Builds the command and the child-process helpers once per run, so that the
// tests drive the same bundled file an office runs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const SUPPORT_OUT = join(process.cwd(), 'node_modules', '.cache', 'jiuzhu-test');

export default async function setup(): Promise<() => void> {
  // Every temporary folder of the run (offices, shared folders, copies, the
  // children's) under one, removed at the end: the tests make ~700 of them.
  // Workers and the processes they start inherit TMPDIR, which os.tmpdir() reads.
  const runTmp = mkdtempSync(join(tmpdir(), 'jiuzhu-test-run-'));
  process.env.TMPDIR = runTmp;
  execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const dir = join(process.cwd(), 'test', 'support');
  const entries = readdirSync(dir).filter((f) => f.endsWith('.child.ts'));
  await build({
    entryPoints: entries.map((f) => join(dir, f)),
    outdir: SUPPORT_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    // Children that render Ink screens need the same stub as the command (pitfalls 16).
    alias: { 'react-devtools-core': join(process.cwd(), 'scripts', 'devtools-stub.js') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return () => rmSync(runTmp, { recursive: true, force: true });
}
