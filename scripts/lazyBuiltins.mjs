// An esbuild plugin for dist/status.mjs: `node:crypto` is read when one of
// its functions is first called, not when the bundle starts. Loading it costs
// ~2.5 ms (it pulls stream and friends), and a plain `status` hashes nothing
// unless the journal ran past the summary. Only plain functions are wrapped:
// a name the bundle imports that is not one fails the build ("No matching
// export"), so nothing can silently change meaning.
import { builtinModules, createRequire } from 'node:module';

const LAZY = ['crypto'];
const require = createRequire(import.meta.url);

export function lazyBuiltins() {
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY.join('|')})$`) }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
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
