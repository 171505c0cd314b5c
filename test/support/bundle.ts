// Bundles a probe script with the project's esbuild options and the given
// plugins, as the build does (the build tests: lazy packages, lazy builtins).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs of the project's own build scripts
import { nodeBundleOptions } from '../../scripts/esbuildOptions.mjs';
import { ROOT } from './paths.js';

/** Writes `source` as `dir`/entry.mjs and bundles it to `dir`/out.mjs (returned); packages resolve from `dir` and the project. */
export async function bundleEntry(dir: string, source: string, plugins: unknown[]): Promise<string> {
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, source);
  const out = join(dir, 'out.mjs');
  await build({ ...nodeBundleOptions(ROOT), plugins, entryPoints: [entry], outfile: out, absWorkingDir: ROOT, nodePaths: [join(ROOT, 'node_modules')], logLevel: 'silent' });
  return out;
}
