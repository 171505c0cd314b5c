// The esbuild flags every Node bundle of this project needs (pitfalls 16–17):
// ESM for Ink's top-level await, a require shim for CommonJS dependencies,
// React's production build, and no react-devtools-core. Every `string-width`
// (Ink's, wrap-ansi's, ours) counts ASCII and common Chinese text directly
// before asking the real one (src/ui/textWidth.ts). Yoga's WebAssembly is
// decoded from its base64 in place rather than fetched from a data: URL, and
// Ink's frame skips the style diff between two cells of the same style.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * yoga-layout's emscripten loader fetches its own base64 data: URL whenever
 * `fetch` exists, which on Node loads undici (~15–20 ms of every app start).
 * Its synchronous decoder (`wa`) reads the same bytes; the build takes that
 * branch. Should a new yoga-layout change the loader, the build stops here.
 */
function yogaWithoutFetch() {
  const branch = 'function ya(){return w||"function"!=typeof fetch?';
  return {
    name: 'yoga-without-fetch',
    setup(b) {
      b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
        const src = await readFile(args.path, 'utf8');
        if (!src.includes(branch)) return { errors: [{ text: `yoga-layout's wasm loader changed (no "${branch}" in ${args.path}): update scripts/esbuildOptions.mjs` }] };
        return { contents: src.replace(branch, 'function ya(){return w||!0?'), loader: 'js' };
      });
    },
  };
}

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

/**
 * Ink builds each frame cell by cell (ink/build/output.js) and joins a row
 * with @alcalzone/ansi-tokenize's styledCharsToString, which diffs the styles
 * of every cell against the one before: three Sets and four arrays a cell,
 * ~10 ms of a full first frame. Two cells with the same codes have nothing to
 * diff (diffAnsiCodes gives [] for equal lists), nor does a row ending
 * unstyled; those skip it, and the string is the same
 * (test/ui/inkPatches.test.ts holds the patched function to the original).
 */
function inkRowsWithoutIdleDiffs() {
  const call = 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';
  const reset = 'ret += ansiCodesToString(diffAnsiCodes(char.styles, []));';
  return {
    name: 'ink-rows-without-idle-diffs',
    setup(b) {
      b.onLoad({ filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ }, async (args) => {
        const src = await readFile(args.path, 'utf8');
        if (!src.includes(call) || !src.includes(reset)) return { errors: [{ text: `@alcalzone/ansi-tokenize's styledCharsToString changed (${args.path}): update scripts/esbuildOptions.mjs` }] };
        const same = `function sameCodes(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
  return true;
}
`;
        const contents = same + src
          .replace(call, 'if (!sameCodes(chars[i - 1].styles, char.styles)) ' + call)
          .replace(reset, 'if (char.styles.length !== 0) ' + reset);
        return { contents, loader: 'js' };
      });
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
    plugins: [fastStringWidth(root), yogaWithoutFetch(), inkRowsWithoutIdleDiffs()],
    banner: {
      js: "import { createRequire as __jiuzhuCreateRequire } from 'node:module'; const require = __jiuzhuCreateRequire(import.meta.url);",
    },
  };
}
