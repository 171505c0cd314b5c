// Bundles the command into dist/jiuzhu.mjs and a few chunks, so that start-up
// on an old PC reads a handful of files instead of hundreds, and the app's
// Ink/React chunk is read only by the commands that open the app.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chmod, rm } from 'node:fs/promises';
import { nodeBundleOptions } from './esbuildOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'jiuzhu.mjs');

// Old chunks would otherwise pile up beside the new ones.
await rm(join(root, 'dist'), { recursive: true, force: true });

await build({
  ...nodeBundleOptions(root),
  entryPoints: { jiuzhu: join(root, 'cli', 'main.ts') },
  splitting: true,
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});
await chmod(outfile, 0o755);
