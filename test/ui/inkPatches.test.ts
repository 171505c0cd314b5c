// The build's patches to Ink's dependencies (scripts/esbuildOptions.mjs) change
// how fast, never what: the patched styledCharsToString gives the original's
// string for any row, and yoga's WebAssembly loads without fetch and lays out.
import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as original from '@alcalzone/ansi-tokenize';
// @ts-expect-error: a plain .mjs of the project's own build scripts
import { nodeBundleOptions } from '../../scripts/esbuildOptions.mjs';
import { ROOT } from '../support/paths.js';

type Tokenize = typeof original;
interface OutputLike {
  write(x: number, y: number, text: string, o: { transformers: unknown[] }): void;
  clip(c: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;
let patched: Tokenize;
let PatchedOutput: OutputClass;
let OriginalOutput: OutputClass;
let yogaOut: string;
const INK_OUTPUT = join(ROOT, 'node_modules', 'ink', 'build', 'output.js');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-inkpatch-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `export * from '@alcalzone/ansi-tokenize';\nexport { default as Output } from ${JSON.stringify(INK_OUTPUT)};\n`);
  const yogaEntry = join(dir, 'yoga.mjs');
  writeFileSync(
    yogaEntry,
    `globalThis.fetch = () => { throw new Error('fetch called'); };
const { default: Yoga } = await import('yoga-layout');
const root = Yoga.Node.create(); root.setWidth(80); root.setFlexDirection(Yoga.FLEX_DIRECTION_ROW);
const a = Yoga.Node.create(); a.setFlexGrow(1); const b = Yoga.Node.create(); b.setWidth(20);
root.insertChild(a, 0); root.insertChild(b, 1); root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
process.stdout.write(JSON.stringify([a.getComputedWidth(), b.getComputedLeft()]));
`,
  );
  const opts = nodeBundleOptions(ROOT);
  await build({ ...opts, entryPoints: [entry], outfile: join(dir, 'out.mjs'), absWorkingDir: ROOT, nodePaths: [join(ROOT, 'node_modules')] });
  await build({ ...opts, entryPoints: [yogaEntry], outfile: join(dir, 'yoga.out.mjs'), absWorkingDir: ROOT, nodePaths: [join(ROOT, 'node_modules')] });
  const bundle = (await import(pathToFileURL(join(dir, 'out.mjs')).href)) as Tokenize & { Output: OutputClass };
  patched = bundle;
  PatchedOutput = bundle.Output;
  OriginalOutput = ((await import(pathToFileURL(INK_OUTPUT).href)) as { default: OutputClass }).default;
  yogaOut = join(dir, 'yoga.out.mjs');
  // The patch is in the bundle (else the property below compares the original with itself).
  const text = readFileSync(join(dir, 'out.mjs'), 'utf8');
  expect(text).toContain('sameCodes(');
});

const CODES = ['\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[31m', '\x1b[32m', '\x1b[39m', '\x1b[0m', '\x1b[4m', '\x1b[24m', '\x1b[7m', '\x1b[27m', '\x1b[38;5;33m', '\x1b[44m', '\x1b[49m', '\x1b[90m'];
const piece = fc.oneof(fc.constantFrom(...CODES), fc.constantFrom('a', ' ', '工', '作', '台', '—', '·', '1', '低保', '▸'));
const row = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe("the build's patches to Ink's dependencies", () => {
  it('styledCharsToString gives the original string for any row of cells, styled or not', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(60), { maxLength: 6 }), (lines, blanks) => {
        // A row as Ink's output grid holds it: cells of several writes, blank cells between.
        const cells = lines.flatMap((l) => original.styledCharsFromTokens(original.tokenize(l)));
        for (const at of blanks) cells.splice(Math.min(at, cells.length), 0, { type: 'char', value: ' ', fullWidth: false, styles: [] });
        expect(patched.styledCharsToString(cells)).toBe(original.styledCharsToString(cells));
        const line = lines.join('');
        expect(patched.styledCharsToString(patched.styledCharsFromTokens(patched.tokenize(line)))).toBe(original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(line))));
      }),
      { numRuns: 500 },
    );
  });

  it("a whole frame of Ink's, written, clipped and joined, is the same string with the patched bundle", () => {
    const write = fc.record({ x: fc.integer({ min: -4, max: 30 }), y: fc.integer({ min: -1, max: 6 }), text: fc.array(row, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n')) });
    const clip = fc.record({ x1: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 1, max: 30 }), y1: fc.integer({ min: 0, max: 3 }), h: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 40 }), fc.integer({ min: 2, max: 7 }), clip, fc.array(write, { maxLength: 6 }), fc.array(write, { maxLength: 3 }), (width, height, c, inside, outside) => {
        const draw = (O: OutputClass) => {
          const o = new O({ width, height });
          for (const w of outside) o.write(w.x, w.y, w.text, { transformers: [] });
          o.clip({ x1: c.x1, x2: c.x1 + c.w, y1: c.y1, y2: c.y1 + c.h });
          for (const w of inside) o.write(w.x, w.y, w.text, { transformers: [] });
          o.unclip();
          return o.get();
        };
        expect(draw(PatchedOutput)).toEqual(draw(OriginalOutput));
      }),
      { numRuns: 400 },
    );
  });

  it("yoga's WebAssembly loads without fetch and lays a row out", async () => {
    const { execFileSync } = await import('node:child_process');
    expect(JSON.parse(execFileSync(process.execPath, [yogaOut], { encoding: 'utf8' }))).toEqual([60, 60]);
  });
});
