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
// dist/jiuzhu.mjs only chooses (cli/main.ts): a plain `status` runs
// dist/status.mjs, one file with no commander and nothing shared with the
// chunks; every other command line runs dist/program.mjs and its chunks.
await build({ ...options, entryPoints: [join(root, 'cli', 'main.ts')], outfile });
await build({ ...options, define, plugins: [...options.plugins, lazyBuiltins()], entryPoints: { status: join(root, 'cli', 'statusMain.ts') }, splitting: true, outdir: join(root, 'dist'), entryNames: '[name]', chunkNames: 'status/[name]-[hash]', outExtension: { '.js': '.mjs' } });
// A plain `jiuzhu [--data DIR] [--operator NAME]` (the app) runs dist/app.mjs,
// bundled apart the same way: the first frame reads Ink and the dashboard, the
// other screens come from dist/app/ chunks after it.
await build({ ...options, define, entryPoints: { app: join(root, 'cli', 'appMain.ts') }, splitting: true, outdir: join(root, 'dist'), entryNames: '[name]', chunkNames: 'app/[name]-[hash]', outExtension: { '.js': '.mjs' } });
await build({
  ...options,
  define,
  entryPoints: { program: join(root, 'cli', 'program.ts') },
  splitting: true,
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});
await chmod(outfile, 0o755);
