// An esbuild plugin for dist/status.mjs and dist/app.mjs: `node:crypto` and
// `node:zlib` are read when one of their functions is first called, not when
// the bundle starts. Loading them costs ~2.7 and ~1.6 ms (crypto pulls stream
// and friends); a plain `status` or the app's first frame hashes nothing
// unless the journal ran past the summary, and unzips nothing (zlib is for
// kept report fills and backups). Only plain functions are wrapped: a name
// the bundle imports that is not one fails the build ("No matching export"),
// so nothing can silently change meaning. `ownOnly` leaves packages' own
// imports alone (the app bundles exceljs, whose uuid takes crypto's default).
import { builtinModules, createRequire } from 'node:module';

const LAZY = ['crypto', 'zlib'];
const require = createRequire(import.meta.url);

export function lazyBuiltins({ ownOnly = false } = {}) {
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY.join('|')})$`) }, (args) =>
        ownOnly && /[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
        if (!builtinModules.includes(args.path)) return undefined;
        const real = require(`node:${args.path}`);
        const names = Object.keys(real).filter((k) => typeof real[k] === 'function' && /^[a-z]/.test(k) && /^[A-Za-z_$][\w$]*$/.test(k));
        const lines = [`let m;`, `const mod = () => (m ??= process.getBuiltinModule(${JSON.stringify(`node:${args.path}`)}));`];
        for (const n of names) lines.push(`export function ${n}(...a) { return mod().${n}(...a); }`);
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}
