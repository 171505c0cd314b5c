// Bundles the command into dist/jiuzhu.mjs and a few chunks, so that start-up
// on an old PC reads a handful of files instead of hundreds, and the app's
// Ink/React chunk is read only by the commands that open the app.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { nodeBundleOptions } from './esbuildOptions.mjs';
import { lazyBuiltins } from './lazyBuiltins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'jiuzhu.mjs');

/**
 * templates/reports/*.json as they are now and as the one schema validates
 * them (src/reports/template.ts), for src/dashboard/forms.ts: `status` and the
 * app's first frame then need no zod while the files are unchanged. A broken
 * built-in template fails the build, as it would fail `report`.
 */
async function builtinFormsSnapshot() {
  const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-build-'));
  try {
    const script = join(dir, 'forms.mjs');
    await build({
      ...nodeBundleOptions(root),
      stdin: {
        contents: `
          import { readdirSync, readFileSync } from 'node:fs';
          import { join } from 'node:path';
          import { builtinTemplatesDir, loadTemplates } from './src/reports/template.ts';
          const dir = builtinTemplatesDir();
          const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
          process.stdout.write(JSON.stringify({ files, templates: loadTemplates([dir]) }));
        `,
        loader: 'ts',
        resolveDir: root,
        sourcefile: 'build-forms.ts',
      },
      outfile: script,
    });
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, JIUZHU_TEMPLATES: join(root, 'templates') }, maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`the built-in report templates do not validate:\n${r.stderr}`);
    return r.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const forms = await builtinFormsSnapshot();

// Old chunks would otherwise pile up beside the new ones.
await rm(join(root, 'dist'), { recursive: true, force: true });

const options = nodeBundleOptions(root);
const define = { ...options.define, __JIUZHU_BUILTIN_FORMS__: forms };
// One entry of the program with its own chunks in dist/<chunkDir>/.
const entryBundle = (name, entry, chunkDir, plugins = options.plugins) =>
  build({
    ...options,
    define,
    plugins,
    entryPoints: { [name]: join(root, 'cli', entry) },
    splitting: true,
    outdir: join(root, 'dist'),
    entryNames: '[name]',
    chunkNames: `${chunkDir}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
  });

// dist/jiuzhu.mjs only chooses (cli/main.ts): a plain `status` runs
// dist/status.mjs and a plain `jiuzhu [--data DIR] [--operator NAME]` (the
// app) dist/app.mjs, each bundled apart with its own chunks and no commander
// (both read node:crypto and node:zlib at their first call,
// scripts/lazyBuiltins.mjs); every other command line runs dist/program.mjs
// and its chunks.
await build({ ...options, entryPoints: [join(root, 'cli', 'main.ts')], outfile });
await entryBundle('status', 'statusMain.ts', 'status', [...options.plugins, lazyBuiltins()]);
await entryBundle('app', 'appMain.ts', 'app', [...options.plugins, lazyBuiltins({ ownOnly: true })]);
await entryBundle('program', 'program.ts', 'chunks');
await chmod(outfile, 0o755);
