// What may stay Chinese in English output: data. The records' enumerations
// (programmes, areas, relations…) and the literal values of the fixed command
// line (docs/spec/cli.md: 城市|农村, 通过|不通过, form names…) are typed and
// read as they are; anything else in CJK is a message that was not translated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as model from '../../src/office/model.js';

export const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const RUN = /[\u3400-\u9fff\uff00-\uffef]+/g;

function dataWords(): Set<string> {
  const words = new Set<string>();
  for (const v of Object.values(model)) if (Array.isArray(v)) for (const w of v) if (typeof w === 'string') words.add(w);
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
  return [...text.matchAll(RUN)].map((m) => m[0]).filter((w) => !words.has(w) && !extra.some((e) => e.includes(w)));
}
