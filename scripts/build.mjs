// Bundles the whole command into one ESM file so that start-up on an old PC
// reads one file instead of hundreds (flags per ../shared/notes/pitfalls.md 16–17).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chmod, rm } from 'node:fs/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'jiuzhu.mjs');

// Old chunks would otherwise pile up beside the new ones.
await rm(join(root, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: { jiuzhu: join(root, 'cli', 'main.ts') },

  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': join(root, 'scripts', 'devtools-stub.js') },
  banner: {
    js: "import { createRequire as __jiuzhuCreateRequire } from 'node:module'; const require = __jiuzhuCreateRequire(import.meta.url);",
  },
});
await chmod(outfile, 0o755);
