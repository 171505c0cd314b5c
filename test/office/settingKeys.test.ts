// The settings' one check: each kind of value, its range in the refusal.
import { describe, it, expect } from 'vitest';
import { parseSettingValue, settingDef, settingDefs } from '../../src/office/settingKeys.js';
import { defaultSettings, settingsSchema } from '../../src/office/settings.js';

const parse = (key: string, text: string) => parseSettingValue(settingDef(key), text);

describe('setting values', () => {
  it('reads each kind of value as typed', () => {
    expect(parse('communityWorkingDays', ' 25 ')).toBe(25);
    expect(parse('nearPovertyFactor', '1.25')).toBe(1.25);
    expect(parse('labourSessionsOnMakeUpDays', '是')).toBe(true);
    expect(parse('labourSessionsOnMakeUpDays', 'no')).toBe(false);
    expect(parse('labourWeekdays', '5，1、3,3')).toEqual([1, 3, 5]);
    expect(parse('excludedIncomeKinds', '')).toEqual([]);
    expect(parse('labourTasks', '清扫、巡逻')).toEqual(['清扫', '巡逻']);
    expect(parse('labourStart', '9:30')).toBe('09:30');
    expect(parse('csvEncoding', 'GB18030')).toBe('gb18030');
  });

  it('refuses out of range with the range named', () => {
    expect(() => parse('communityWorkingDays', '0')).toThrow('1 到 60 之间的整数');
    expect(() => parse('communityWorkingDays', '2.5')).toThrow('1 到 60 之间的整数');
    expect(() => parse('nearPovertyFactor', '1.234')).toThrow('最多两位小数');
    expect(() => parse('labourWeekdays', '0,8')).toThrow('1 到 7');
    expect(() => parse('labourTasks', ' , ')).toThrow('至少一项');
    expect(() => parse('labourStart', '24:00')).toThrow('HH:MM');
    expect(() => parse('csvEncoding', 'latin1')).toThrow('utf-8-bom | gb18030');
    expect(() => settingDef('nope')).toThrow('不认识的设置');
  });

  it('every default reads back through its own key and range', () => {
    const s = defaultSettings({ code: '430105003001', name: '东风社区' });
    for (const d of settingDefs()) {
      const v = d.get(s);
      const text = Array.isArray(v) ? v.join(',') : String(v);
      const copy = structuredClone(s);
      d.set(copy, parseSettingValue(d, text));
      expect(settingsSchema().parse(copy), d.key).toEqual(s);
    }
  });
});
