// Finding a household: by name, pinyin initials (zs finds 张三), ID number or a
// part of it, or case number. Initials are computed once, when a member is written.
import { pinyin } from 'pinyin-pro';

export function initialsOf(name: string): string {
  // surname mode reads 单/曾/解… as surnames (pitfalls 29); only for names.
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase();
}
