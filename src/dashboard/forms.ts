// The built-in report forms the dashboard counts as due, without zod at
// start-up. The build validates templates/reports/*.json with the one schema
// (src/reports/template.ts) and puts the files' texts and the validated forms
// into the bundle (scripts/build.mjs, `__JIUZHU_BUILTIN_FORMS__`). When the
// files on disk are still those texts, the validated forms are used as they
// are; when a file was changed, added or removed (or outside the bundle, in
// the tests), the forms are read and validated as `report` reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../print/template.js';
import type { Template } from '../reports/template.js';

export interface FormsSnapshot {
  files: { name: string; text: string }[];
  templates: Template[];
}

declare const __JIUZHU_BUILTIN_FORMS__: FormsSnapshot | undefined;

let loaded: Template[] | null = null;

/** Where the built-in forms are (src/reports/template.ts `builtinTemplatesDir`, whose module loads zod). */
function formsDir(): string {
  return join(templatesDir(), 'reports');
}

/** The validated forms of the snapshot, when the folder holds exactly its files. */
export function fromSnapshot(snapshot: FormsSnapshot | undefined, dir: string): Template[] | null {
  if (!snapshot) return null;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return null;
  }
  if (names.length !== snapshot.files.length) return null;
  for (let i = 0; i < names.length; i++) {
    const f = snapshot.files[i]!;
    if (names[i] !== f.name || readFileSync(join(dir, f.name), 'utf8') !== f.text) return null;
  }
  return structuredClone(snapshot.templates);
}

/** Reads the built-in forms once per process; call before `builtinForms`. */
export async function prepareBuiltinForms(): Promise<Template[]> {
  if (loaded) return loaded;
  const snapshot = typeof __JIUZHU_BUILTIN_FORMS__ === 'undefined' ? undefined : __JIUZHU_BUILTIN_FORMS__;
  const dir = formsDir();
  loaded = fromSnapshot(snapshot, dir);
  if (!loaded) {
    const { loadTemplates } = await import('../reports/template.js');
    loaded = loadTemplates([dir]);
  }
  return loaded;
}

/** The built-in forms read by `prepareBuiltinForms`. */
export function builtinForms(): Template[] {
  if (!loaded) throw new Error('builtinForms() before prepareBuiltinForms()');
  return loaded;
}
