// The esbuild flags every Node bundle of this project needs (pitfalls 16–17):
// ESM for Ink's top-level await, a require shim for CommonJS dependencies,
// React's production build, and no react-devtools-core. Every `string-width`
// (Ink's, wrap-ansi's, ours) counts ASCII and common Chinese text directly
// before asking the real one (src/ui/textWidth.ts). Yoga's WebAssembly is
// decoded from its base64 in place rather than fetched from a data: URL, and
// Ink's frame skips the style diff between two cells of the same style.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A dependency's module with some of its text replaced at build time. Each
 * edit is [text as it stands, its replacement]; should an update of the
 * library change any of those texts, the build stops with the module named
 * rather than ship the module unpatched.
 */
function patchSource(name, file, edits) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, async (args) => {
        let src = await readFile(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (!src.includes(from)) return { errors: [{ text: `${name}: ${args.path} no longer holds ${JSON.stringify(from)}; update scripts/esbuildOptions.mjs` }] };
          src = src.replace(from, to);
        }
        return { contents: src, loader: 'js' };
      });
    },
  };
}

const dir = (...parts) => parts.join('[\\\\/]');

/**
 * yoga-layout's emscripten loader fetches its own base64 data: URL whenever
 * `fetch` exists, which on Node loads undici (~15–20 ms of every app start).
 * Its synchronous decoder (`wa`) reads the same bytes; the build takes that
 * branch.
 */
const yogaWithoutFetch = () =>
  patchSource('yoga-without-fetch', new RegExp(`${dir('yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm')}\\.js$`), [
    ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||!0?'],
  ]);

/**
 * Ink builds each frame cell by cell (ink/build/output.js) and joins a row
 * with @alcalzone/ansi-tokenize's styledCharsToString, which diffs the styles
 * of every cell against the one before: three Sets and four arrays a cell,
 * ~10 ms of a full first frame. Two cells with the same codes have nothing to
 * diff (diffAnsiCodes gives [] for equal lists), nor does a row ending
 * unstyled; those skip it, and the string is the same.
 */
const SAME_CODES = `function sameCodes(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
  return true;
}
`;
const inkRowsWithoutIdleDiffs = () =>
  patchSource('ink-rows-without-idle-diffs', new RegExp(`${dir('@alcalzone', 'ansi-tokenize', 'build', 'styledChars')}\\.js$`), [
    ['export function styledCharsToString(chars) {', `${SAME_CODES}export function styledCharsToString(chars) {`],
    ['ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));', 'if (!sameCodes(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'],
    ['ret += ansiCodesToString(diffAnsiCodes(char.styles, []));', 'if (char.styles.length !== 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));'],
  ]);

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
 * Packages a clerk's session needs only for particular actions: zod when an
 * intake is checked or a setting changed, pinyin-pro when a member is
 * written, iconv-lite when a GB18030 file is read or written. The project's
 * own imports of them get a stub that requires the real module at its first
 * use, so esbuild evaluates it then and not when the app's screens load
 * (~6–9 MB of the app's peak and ~50–90 ms before its first key,
 * bench/results/r7-vs-r6.txt). Each binding is
 * named with how it is used: a function, or an object reached through a
 * proxy. A binding the project imports that is not named fails the build
 * ("No matching export"). Imports from inside node_modules get the real one.
 */
export const LAZY_PACKAGES = {
  zod: { z: 'object' },
  'pinyin-pro': { pinyin: 'function' },
  'iconv-lite': { default: 'object' },
};

export function lazyPackages(packages = LAZY_PACKAGES) {
  const names = Object.keys(packages).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, async (args) => {
        if (args.namespace === 'lazy-package' || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
        const real = await b.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, namespace: 'lazy-package' });
        if (real.errors.length) return { errors: real.errors };
        return { path: real.path, namespace: 'lazy-package', pluginData: { name: args.path } };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        const lines = [`let m;`, `const mod = () => (m ??= require(${JSON.stringify(args.path)}));`];
        for (const [binding, kind] of Object.entries(packages[args.pluginData.name])) {
          const value = binding === 'default' ? `(mod().__esModule ? mod().default : mod())` : `mod()[${JSON.stringify(binding)}]`;
          if (kind === 'function') {
            const fn = `function (...a) { return ${value}.apply(this, a); }`;
            lines.push(binding === 'default' ? `export default ${fn};` : `export const ${binding} = ${fn};`);
          } else {
            const proxy = `new Proxy({}, {
  get: (_, k) => Reflect.get(${value}, k),
  has: (_, k) => Reflect.has(${value}, k),
  ownKeys: () => Reflect.ownKeys(${value}),
  getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(${value}, k); if (d) d.configurable = true; return d; },
})`;
            lines.push(binding === 'default' ? `export default ${proxy};` : `export const ${binding} = ${proxy};`);
          }
        }
        // A stub outside the file system still needs a folder to resolve its require from.
        return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
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
    plugins: [fastStringWidth(root), yogaWithoutFetch(), inkRowsWithoutIdleDiffs(), lazyPackages()],
    banner: {
      js: "import { createRequire as __jiuzhuCreateRequire } from 'node:module'; const require = __jiuzhuCreateRequire(import.meta.url);",
    },
  };
}
