// The esbuild flags every Node bundle of this project needs (pitfalls 16–17):
// ESM for Ink's top-level await, a require shim for CommonJS dependencies,
// React's production build, and no react-devtools-core. Every `string-width`
// (Ink's, wrap-ansi's, ours) counts ASCII and common Chinese text directly
// before asking the real one (src/ui/textWidth.ts).
import { join } from 'node:path';

/** Wraps each bare `string-width` import (whichever version its importer gets) with the direct count. */
function fastStringWidth(root) {
  const simple = join(root, 'src', 'ui', 'textWidth.ts');
  return {
    name: 'fast-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.namespace === 'fast-string-width') return undefined;
        const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, namespace: 'fast-string-width' });
        if (real.errors.length) return { errors: real.errors };
        return { path: real.path, namespace: 'fast-string-width' };
      });
      b.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, (args) => ({
        resolveDir: root,
        loader: 'js',
        // The real one is required at its first call, not imported: esbuild
        // then evaluates it lazily, and a frame of simple text never pays its
        // Intl.Segmenter and Unicode tables (~15 ms at start-up).
        contents: `import { simpleWidth } from ${JSON.stringify(simple)};
let real;
export default function stringWidth(s, options) {
  if (options === undefined && typeof s === 'string') {
    const w = simpleWidth(s);
    if (w !== -1) return w;
  }
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(s, options);
}
`,
      }));
    },
  };
}

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
    plugins: [fastStringWidth(root)],
    banner: {
      js: "import { createRequire as __jiuzhuCreateRequire } from 'node:module'; const require = __jiuzhuCreateRequire(import.meta.url);",
    },
  };
}
