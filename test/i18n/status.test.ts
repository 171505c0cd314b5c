// `jiuzhu --lang en status`: the dashboard printed once, in English but for
// data (the office's and people's names, programmes, report forms' titles).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';
import { untranslated } from '../support/english.js';
import { builtinTemplatesDir, loadTemplates } from '../../src/reports/template.js';

describe('status in English', () => {
  it('says what is due in English; only data stays Chinese', () => {
    const data = tempOffice('jiuzhu-status-en-');
    const env = { JIUZHU_NOW: '2026-11-19' };
    expect(jiuzhu(['init', '--data', data, '--office', '430105003001', '--name', '东风社区', '--operator', '王芳'], env).code).toBe(0);
    const names: string[] = [];
    for (const f of ['01-liu-jianguo.json', '02-huang-guiying.json']) {
      const file = join(PUBLIC_FIXTURES, 'intake', f);
      names.push(...(JSON.parse(readFileSync(file, 'utf8')) as { members: { name: string }[] }).members.map((m) => m.name));
      expect(jiuzhu(['case', 'add', '--from', file, '--data', data], env).code).toBe(0);
    }
    const r = jiuzhu(['--lang', 'en', 'status', '--data', data], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('东风社区 (430105003001)  2026-11-19');
    expect(lines[1]).toBe('2 households · 0 receiving · 2 open cases · 0 waiting');
    expect(r.stdout).toContain('The sync daemon is not running (start it with jiuzhu daemon start)');
    expect(r.stdout).toContain('No public-service labour today');
    expect(r.stdout).toMatch(/Near the deadline, 2 cases:\n {2}430105003001-2026-0001 {2}刘建国 {2}低保 {2}\S.* {2}deadline \d{4}-\d\d-\d\d \(\d+ working days? left\)/);
    const known = ['东风社区', ...names, ...loadTemplates([builtinTemplatesDir()]).map((t) => t.title)];
    expect(lines.filter((l) => untranslated(l, known).length)).toEqual([]);
  });
});
