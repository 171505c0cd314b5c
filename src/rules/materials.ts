// The materials checklist, which follows from the program and the household's
// circumstances (cli.md). An item written `A或B` is met by either.
import type { Circumstance, Program } from '../office/model.js';

const ALWAYS = ['申请书', '户口簿', '身份证', '照片'];

const BY_CIRCUMSTANCE: Record<Circumstance, string[]> = {
  残疾: ['残疾证', '收入证明'],
  重大疾病: ['病历及诊断证明'],
  单亲: ['离婚证或判决书或死亡证明', '收入证明'],
  子女就学: ['学校证明'],
  其他: ['其他证明材料'],
};

const BY_PROGRAM: Partial<Record<Program, string[]>> = {
  廉租房补贴: ['低保证', '房权证或租房协议', '租金收据', '房主身份证复印件'],
};

export function requiredMaterials(program: Program, circumstances: readonly Circumstance[]): string[] {
  const out = [...ALWAYS];
  for (const c of circumstances) out.push(...(BY_CIRCUMSTANCE[c] ?? []));
  out.push(...(BY_PROGRAM[program] ?? []));
  return [...new Set(out)];
}

export function alternatives(item: string): string[] {
  return item.split('或');
}

export function isMet(item: string, received: readonly string[]): boolean {
  return alternatives(item).some((a) => received.includes(a)) || received.includes(item);
}

export interface Checklist {
  items: { item: string; met: boolean }[];
  missing: string[];
  complete: boolean;
}

export function checklist(program: Program, circumstances: readonly Circumstance[], received: readonly string[]): Checklist {
  const items = requiredMaterials(program, circumstances).map((item) => ({ item, met: isMet(item, received) }));
  const missing = items.filter((i) => !i.met).map((i) => i.item);
  return { items, missing, complete: missing.length === 0 };
}
