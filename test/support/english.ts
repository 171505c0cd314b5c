// What may stay Chinese in English output: data. The records' enumerations
// (programmes, areas, relations…) and the literal values of the fixed command
// line (docs/spec/cli.md: 城市|农村, 通过|不通过, form names…) are typed and
// read as they are; anything else in CJK is a message that was not translated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as model from '../../src/office/model.js';
import { requiredMaterials, alternatives } from '../../src/rules/materials.js';
import { EXEMPTION_KINDS } from '../../src/attendance/types.js';

export const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const RUN = /[\u3400-\u9fff\uff00-\uffef]+/g;

function dataWords(): Set<string> {
  const words = new Set<string>();
  for (const v of Object.values(model)) if (Array.isArray(v)) for (const w of v) if (typeof w === 'string') words.add(w);
  // The materials checklist's items are the intake file's own words (cli.md `materials`).
  for (const p of model.PROGRAMS) for (const item of requiredMaterials(p, [...model.CIRCUMSTANCES])) for (const w of [item, ...alternatives(item)]) words.add(w);
  for (const k of EXEMPTION_KINDS) words.add(k); // attendance exempt --kind, stored as written
  const spec = readFileSync(join(process.cwd(), 'docs', 'spec', 'cli.md'), 'utf8');
  for (const [w] of spec.matchAll(RUN)) if (w.length >= 2) words.add(w);
  return words;
}

let cached: Set<string> | null = null;

/**
 * The runs of CJK in `text` that are not data words. `extra` holds the data
 * of the office on screen (its name, the report forms' titles): a run inside
 * one of them is data too (a title cut short with … included).
 */
export function untranslated(text: string, extra: readonly string[] = []): string[] {
  cached ??= dataWords();
  const words = cached;
  // A run cut short by the layout (`身…`) is data when a data word starts with it.
  const cut = (w: string, end: number) => text[end] === '…' && [...words].some((d) => d.startsWith(w));
  return [...text.matchAll(RUN)]
    .filter((m) => !words.has(m[0]) && !extra.some((e) => e.includes(m[0])) && !cut(m[0], m.index + m[0].length))
    .map((m) => m[0]);
}
