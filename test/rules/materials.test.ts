import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_FIXTURES } from '../support/paths.ts';
import { alternatives, checklist, isMet, requiredMaterials } from '../../src/rules/materials.ts';
import type { Circumstance, Program } from '../../src/office/model.ts';

const ALWAYS = ['申请书', '户口簿', '身份证', '照片'];

describe('requiredMaterials follows the table of cli.md', () => {
  it('asks only for the four always-required items when there is no circumstance', () => {
    expect(requiredMaterials('低保', [])).toEqual(ALWAYS);
  });

  it('adds 残疾证 and 收入证明 for 残疾', () => {
    expect(requiredMaterials('低保', ['残疾'])).toEqual([...ALWAYS, '残疾证', '收入证明']);
  });

  it('adds 病历及诊断证明 for 重大疾病', () => {
    expect(requiredMaterials('低保', ['重大疾病'])).toEqual([...ALWAYS, '病历及诊断证明']);
  });

  it('adds 离婚证或判决书或死亡证明 and 收入证明 for 单亲', () => {
    expect(requiredMaterials('低保', ['单亲'])).toEqual([...ALWAYS, '离婚证或判决书或死亡证明', '收入证明']);
  });

  it('adds 学校证明 for 子女就学', () => {
    expect(requiredMaterials('低保', ['子女就学'])).toEqual([...ALWAYS, '学校证明']);
  });

  it('adds 其他证明材料 for 其他', () => {
    expect(requiredMaterials('低保', ['其他'])).toEqual([...ALWAYS, '其他证明材料']);
  });

  it('adds 低保证, 房权证或租房协议, 租金收据 and 房主身份证复印件 for the program 廉租房补贴', () => {
    expect(requiredMaterials('廉租房补贴', [])).toEqual([
      ...ALWAYS,
      '低保证',
      '房权证或租房协议',
      '租金收据',
      '房主身份证复印件',
    ]);
  });

  it('adds nothing for programs without their own row', () => {
    for (const p of ['特困', '临时救助', '医疗救助', '残疾人补贴', '就学救助', '优抚'] as const satisfies readonly Program[]) {
      expect(requiredMaterials(p, []), p).toEqual(ALWAYS);
    }
  });

  it('combines circumstances and program, asking for 收入证明 only once when two circumstances need it', () => {
    const items = requiredMaterials('廉租房补贴', ['残疾', '单亲', '重大疾病']);
    expect(items).toEqual([
      ...ALWAYS,
      '残疾证',
      '收入证明',
      '离婚证或判决书或死亡证明',
      '病历及诊断证明',
      '低保证',
      '房权证或租房协议',
      '租金收据',
      '房主身份证复印件',
    ]);
    expect(items.filter((i) => i === '收入证明')).toHaveLength(1);
  });

  it('asks for every circumstance’s items when all five apply', () => {
    const all: Circumstance[] = ['残疾', '重大疾病', '单亲', '子女就学', '其他'];
    expect(new Set(requiredMaterials('低保', all))).toEqual(
      new Set([...ALWAYS, '残疾证', '收入证明', '病历及诊断证明', '离婚证或判决书或死亡证明', '学校证明', '其他证明材料']),
    );
  });
});

describe('items written A或B', () => {
  it('split into their alternatives', () => {
    expect(alternatives('离婚证或判决书或死亡证明')).toEqual(['离婚证', '判决书', '死亡证明']);
    expect(alternatives('房权证或租房协议')).toEqual(['房权证', '租房协议']);
    expect(alternatives('申请书')).toEqual(['申请书']);
  });

  it('are met by any one of the alternatives', () => {
    expect(isMet('离婚证或判决书或死亡证明', ['离婚证'])).toBe(true);
    expect(isMet('离婚证或判决书或死亡证明', ['判决书'])).toBe(true);
    expect(isMet('离婚证或判决书或死亡证明', ['死亡证明'])).toBe(true);
    expect(isMet('房权证或租房协议', ['房权证'])).toBe(true);
    expect(isMet('房权证或租房协议', ['租房协议'])).toBe(true);
  });

  it('are met when the item is recorded under its full name', () => {
    expect(isMet('房权证或租房协议', ['房权证或租房协议'])).toBe(true);
  });

  it('are not met by something else, nor by part of an alternative’s name', () => {
    expect(isMet('离婚证或判决书或死亡证明', ['结婚证', '收入证明'])).toBe(false);
    expect(isMet('房权证或租房协议', ['房权'])).toBe(false);
    expect(isMet('房权证或租房协议', [])).toBe(false);
  });

  it('for a plain item, only that item meets it', () => {
    expect(isMet('申请书', ['申请书'])).toBe(true);
    expect(isMet('申请书', ['申请'])).toBe(false);
    expect(isMet('收入证明', ['证明'])).toBe(false);
  });
});

describe('checklist', () => {
  it('is complete for a 单亲 household that brought a 判决书 instead of a 离婚证', () => {
    const c = checklist('低保', ['单亲'], [...ALWAYS, '判决书', '收入证明']);
    expect(c.complete).toBe(true);
    expect(c.missing).toEqual([]);
    expect(c.items).toEqual([
      ...ALWAYS.map((item) => ({ item, met: true })),
      { item: '离婚证或判决书或死亡证明', met: true },
      { item: '收入证明', met: true },
    ]);
  });

  it('lists what is missing, in checklist order, and is then incomplete', () => {
    const c = checklist('廉租房补贴', ['残疾'], ['申请书', '身份证', '照片', '残疾证', '租房协议']);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual(['户口簿', '收入证明', '低保证', '租金收据', '房主身份证复印件']);
    expect(c.items.find((i) => i.item === '房权证或租房协议')).toEqual({ item: '房权证或租房协议', met: true });
  });

  it('is incomplete with nothing received, missing every required item', () => {
    const c = checklist('低保', ['重大疾病'], []);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([...ALWAYS, '病历及诊断证明']);
  });

  it('is not disturbed by extra materials beyond what is required', () => {
    const c = checklist('低保', [], [...ALWAYS, '收入证明', '学校证明', '其他证明材料', '病历及诊断证明']);
    expect(c.complete).toBe(true);
    expect(c.items.map((i) => i.item)).toEqual(ALWAYS);
  });

  it('is not disturbed by materials received twice', () => {
    const c = checklist('低保', [], [...ALWAYS, ...ALWAYS]);
    expect(c.complete).toBe(true);
    expect(c.items).toHaveLength(4);
  });
});

describe('the intake fixtures', () => {
  const dir = join(PUBLIC_FIXTURES, 'intake');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

  it('are the four households of shared/fixtures/intake', () => {
    expect(files).toEqual([
      '01-liu-jianguo.json',
      '02-huang-guiying.json',
      '03-chen-zhiqiang.json',
      '04-zhao-deming.json',
    ]);
  });

  it.each(files)('%s brings a complete checklist', (f) => {
    const intake = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      program: Program;
      circumstances: Circumstance[];
      materials: string[];
    };
    const c = checklist(intake.program, intake.circumstances, intake.materials);
    expect(c.missing).toEqual([]);
    expect(c.complete).toBe(true);
    expect(c.items.length).toBeGreaterThanOrEqual(4);
  });

  it('would be incomplete without the 残疾证 in fixture 01, so the check above means something', () => {
    const intake = JSON.parse(readFileSync(join(dir, '01-liu-jianguo.json'), 'utf8')) as {
      program: Program;
      circumstances: Circumstance[];
      materials: string[];
    };
    const c = checklist(intake.program, intake.circumstances, intake.materials.filter((m) => m !== '残疾证'));
    expect(c.missing).toEqual(['残疾证']);
  });
});
