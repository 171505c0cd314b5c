import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import type { Key } from 'ink';
import { fit, row } from '../../src/ui/layout.js';
import { formKey, listKey, moveSelection, windowStart, type Field, type ListRow } from '../../src/ui/widgets.js';

const key = (k: Partial<Key> = {}): Key =>
  ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...k }) as Key;

describe('layout in display columns', () => {
  it('pads and cuts Chinese text by its width, never by its length', () => {
    expect(fit('欧阳建国', 10)).toBe('欧阳建国  ');
    expect(stringWidth(fit('湖南省长沙市开福区东风路街道', 11))).toBe(11);
    expect(fit('湖南省长沙市开福区东风路街道', 11)).toBe('湖南省长沙…');
    expect(fit('650 元', 10, 'right')).toBe('    650 元');
    const a = row(['欧阳建国', '低保', '650 元'], [{ w: 8 }, { w: 6 }, { w: 8, align: 'right' }]);
    const b = row(['黎明', '特困', '1,200 元'], [{ w: 8 }, { w: 6 }, { w: 8, align: 'right' }]);
    expect(stringWidth(a)).toBe(stringWidth(b));
    expect(stringWidth(a.slice(0, a.indexOf('低保')))).toBe(stringWidth(b.slice(0, b.indexOf('特困'))));
  });
});

describe('windowed lists', () => {
  const rows: ListRow[] = [
    { key: 'h1', text: '已超期', selectable: false },
    { key: 'a', text: 'a' },
    { key: 'b', text: 'b' },
    { key: 'h2', text: '临近期限', selectable: false },
    { key: 'c', text: 'c' },
  ];
  it('keeps the selection in view and skips headings', () => {
    expect(windowStart(100, 0, 20)).toBe(0);
    expect(windowStart(100, 50, 20)).toBe(40);
    expect(windowStart(100, 99, 20)).toBe(80);
    expect(moveSelection(rows, 2, 1)).toBe(4);
    expect(moveSelection(rows, 1, -1)).toBe(1);
    expect(listKey(rows, 1, 10, '', key({ end: true }))).toBe(4);
    expect(listKey(rows, 4, 10, 'x', key())).toBeNull();
  });
});

describe('forms', () => {
  const fields: Field[] = [
    { key: 'findings', label: '复核情况', kind: 'text' },
    { key: 'rechecked', label: '已核对收入', kind: 'toggle' },
    { key: 'r', label: '复核意见', kind: 'choice', choices: [['keep', '维持'], ['adjust', '建议调整'], ['stop', '建议停发']] },
  ];
  const start = { values: { findings: '', rechecked: '否', r: 'keep' }, focus: 0 };
  it('types Chinese text, deletes by character, flips toggles, cycles choices, submits on the last field', () => {
    let s = formKey(fields, start, '入户查看', key()).state;
    s = formKey(fields, s, '', key({ backspace: true })).state;
    expect(s.values.findings).toBe('入户查');
    s = formKey(fields, s, '', key({ return: true })).state;
    expect(s.focus).toBe(1);
    s = formKey(fields, s, ' ', key()).state;
    expect(s.values.rechecked).toBe('是');
    s = formKey(fields, s, '', key({ downArrow: true })).state;
    s = formKey(fields, s, '', key({ leftArrow: true })).state;
    expect(s.values.r).toBe('stop');
    // A letter on a choice is swallowed, so q does not quit from inside a form.
    expect(formKey(fields, s, 'q', key())).toMatchObject({ used: true, state: s });
    expect(formKey(fields, s, '', key({ return: true })).submit).toBe(true);
    expect(formKey(fields, start, 's', key({ ctrl: true })).submit).toBe(true);
    expect(formKey(fields, start, '', key({ escape: true })).used).toBe(false);
  });
});
