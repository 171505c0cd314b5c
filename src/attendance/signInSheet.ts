// The printable sign-in sheet (公益劳动签到表, A4 HTML) of one session, from
// the template in templates/attendance/: names by group, each group's task,
// and an empty signature column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, templatesDir } from '../print/template.js';
import { maskIdNumber } from '../rules/idNumber.js';
import { weekdayWord } from './schedule.js';
import { tIn } from '../i18n/index.js';
import type { SessionLine } from './sessionRoster.js';

// The sheet's template is Chinese, and so are the words code puts in it.
export function signInSheetHtml(opts: { office: string; date: string; start: string; end: string; lines: readonly SessionLine[]; printed: string }): string {
  const rows: string[] = [];
  let group = 0;
  let n = 0;
  for (const l of opts.lines) {
    if (l.group !== group) {
      group = l.group;
      rows.push(`<tr class="group"><td colspan="6">${tIn('zh', 'attendance.sheetGroup', { group })}${escapeHtml(l.task)}</td></tr>`);
    }
    n++;
    rows.push(`<tr><td class="n">${n}</td><td class="name">${escapeHtml(l.name)}</td><td class="id">${maskIdNumber(l.idNumber)}</td><td class="task">${escapeHtml(l.task)}</td><td class="sign"></td><td class="note"></td></tr>`);
  }
  const values: Record<string, string> = {
    office: escapeHtml(opts.office),
    title: tIn('zh', 'attendance.sheetTitle'),
    date: opts.date,
    weekday: weekdayWord(opts.date, 'zh'),
    time: `${opts.start}–${opts.end}`,
    count: String(opts.lines.length),
    rows: rows.join('\n'),
    printed: escapeHtml(opts.printed),
  };
  return readFileSync(join(templatesDir(), 'attendance', 'sign-in-sheet.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
}
