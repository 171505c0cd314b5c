// The dashboard's built-in forms without zod (src/dashboard/forms.ts): the
// build's snapshot is used only while the folder holds exactly its files.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromSnapshot, type FormsSnapshot } from '../../src/dashboard/forms.js';
import { builtinTemplatesDir, loadTemplates } from '../../src/reports/template.js';
import { jiuzhu } from '../support/cli.js';

function snapshotOf(dir: string): FormsSnapshot {
  const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  // Through JSON, as the build puts it into the bundle.
  return JSON.parse(JSON.stringify({ files, templates: loadTemplates([dir]) })) as FormsSnapshot;
}

describe('built-in forms from the build snapshot', () => {
  it('gives the forms the schema gives, while the files are unchanged', () => {
    const dir = builtinTemplatesDir();
    expect(fromSnapshot(snapshotOf(dir), dir)).toEqual(loadTemplates([dir]));
  });

  it('is not used once a file is changed, added or removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-forms-'));
    try {
      cpSync(builtinTemplatesDir(), dir, { recursive: true });
      const snap = snapshotOf(dir);
      const first = snap.files[0]!.name;
      writeFileSync(join(dir, first), snap.files[0]!.text.replace(/"title":\s*"/, '"title": "改'));
      expect(fromSnapshot(snap, dir)).toBeNull();
      writeFileSync(join(dir, first), snap.files[0]!.text);
      expect(fromSnapshot(snap, dir)).not.toBeNull();
      writeFileSync(join(dir, 'zz-extra.json'), '{}');
      expect(fromSnapshot(snap, dir)).toBeNull();
      rmSync(join(dir, 'zz-extra.json'));
      rmSync(join(dir, first));
      expect(fromSnapshot(snap, dir)).toBeNull();
      expect(fromSnapshot(undefined, builtinTemplatesDir())).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('status refuses a broken built-in template as before (the schema reads it)', () => {
    const templates = mkdtempSync(join(tmpdir(), 'jiuzhu-tpl-'));
    const data = mkdtempSync(join(tmpdir(), 'jiuzhu-data-'));
    try {
      cpSync(join(builtinTemplatesDir(), '..'), templates, { recursive: true });
      const env = { JIUZHU_TEMPLATES: templates, JIUZHU_NOW: '2026-11-23' };
      expect(jiuzhu(['--data', data, 'init', '--office', '430105003001', '--name', '东风社区'], env).code).toBe(0);
      expect(jiuzhu(['--data', data, 'status'], env).code).toBe(0);
      const name = readdirSync(join(templates, 'reports')).find((n) => n.endsWith('.json'))!;
      writeFileSync(join(templates, 'reports', name), '{"id": 3}');
      const r = jiuzhu(['--data', data, 'status'], env);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(name);
    } finally {
      rmSync(templates, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});
