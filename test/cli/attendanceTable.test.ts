// Issue 15 item 7: the summary table lines up whatever the names' widths (a Chinese character is two columns).
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { jiuzhu, tempOffice } from '../support/cli.js';
import { enrolment, family, labourOffice } from '../support/labour.js';

describe('jiuzhu attendance summary table', () => {
  it('aligns every column for names of 2, 4 and mixed widths, in Chinese and English', async () => {
    const a = family([{ name: '李梅', birth: '1978-03-15' }, { name: '欧阳志强', birth: '1980-07-21' }]);
    const b = family([{ name: '阿依古丽Ali', birth: '1985-12-01' }]);
    const data = tempOffice('jiuzhu-att-table-');
    await labourOffice(data, { families: [a, b], enrolments: [enrolment(a), enrolment(b)] });
    const env = { JIUZHU_NOW: '2026-10-31T17:00:00+08:00', JIUZHU_OPERATOR: '王芳' };
    expect(jiuzhu(['attendance', 'plan', '--month', '2026-10', '--data', data], env).code).toBe(0);
    for (const [lang, unmarked] of [['zh', '未签'], ['en', 'Unm']] as const) {
      const r = jiuzhu(['--lang', lang, 'attendance', 'summary', '--month', '2026-10', '--data', data], env);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      const head = lines.findIndex((l) => l.includes(unmarked));
      const end = (l: string) => stringWidth(l.slice(0, l.indexOf(unmarked) + unmarked.length));
      const rows = lines.slice(head + 1).filter((l) => /^\s*\d+\s/.test(l));
      expect(rows).toHaveLength(3);
      for (const l of rows) {
        const m = /^(\s*\d+\s+\S+(?:\s+\d+){4}\s+)(\d+)/.exec(l);
        expect(m, l).not.toBeNull();
        expect(stringWidth(m![1]! + m![2]!), l).toBe(end(lines[head]!));
      }
    }
  });
});
