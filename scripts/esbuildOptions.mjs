// The esbuild flags every Node bundle of this project needs (pitfalls 16–17):
// ESM for Ink's top-level await, a require shim for CommonJS dependencies,
// React's production build, and no react-devtools-core.
import { join } from 'node:path';

export function nodeBundleOptions(root) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(root, 'scripts', 'devtools-stub.js') },
    banner: {
      js: "import { createRequire as __jiuzhuCreateRequire } from 'node:module'; const require = __jiuzhuCreateRequire(import.meta.url);",
    },
  };
}
