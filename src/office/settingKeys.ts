// The settings a clerk may change, by their flat names (cli.md `settings
// show --json`), each with the allowed range, where it is kept in the stored
// settings, and the one function that checks and applies a typed value. The
// CLI's `settings set` and the app's settings screen both call `setSetting`.
import type { Office, Tx, View } from '../store/office.js';
import { UserFacingError } from './errors.js';
import { settingsOf } from './context.js';
import { defaultSettings, settingsSchema, type Settings } from './settings.js';
import { t, tIn, type Lang } from '../i18n/index.js';

export class SettingError extends UserFacingError {}

export type SettingValue = number | string | boolean | readonly string[] | readonly number[];

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'factor'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'time' }
  | { type: 'weekdays' }
  | { type: 'list'; nonEmpty: boolean }
  | { type: 'text' };

export interface SettingDef {
  key: string;
  kind: Kind;
  description: () => string;
  get: (s: Settings) => SettingValue;
  set: (s: Settings, v: SettingValue) => void;
}

const int = (min: number, max: number): Kind => ({ type: 'int', min, max });

/** Every setting the clerk may change, in the order `settings show` lists them. Built at use time (t()). */
export function settingDefs(): readonly SettingDef[] {
  const d = (key: string, kind: Kind, description: () => string, get: SettingDef['get'], set: SettingDef['set']): SettingDef => ({ key, kind, description, get, set });
  return [
    d('officeName', { type: 'text' }, () => t('settings.desc.officeName'), (s) => s.office.name, (s, v) => void (s.office.name = v as string)),
    d('communityWorkingDays', int(1, 60), () => t('settings.desc.communityWorkingDays'), (s) => s.deadlines.communityWorkingDays, (s, v) => void (s.deadlines.communityWorkingDays = v as number)),
    d('investigationStartWorkingDays', int(1, 30), () => t('settings.desc.investigationStartWorkingDays'), (s) => s.deadlines.investigationWorkingDays, (s, v) => void (s.deadlines.investigationWorkingDays = v as number)),
    d('noticeDays', int(1, 30), () => t('settings.desc.noticeDays'), (s) => s.deadlines.noticeCalendarDays, (s, v) => void (s.deadlines.noticeCalendarDays = v as number)),
    d('warnWorkingDays', int(0, 15), () => t('settings.desc.warnWorkingDays'), (s) => s.deadlines.warnWorkingDays, (s, v) => void (s.deadlines.warnWorkingDays = v as number)),
    d('refusalNoticeWorkingDays', int(1, 30), () => t('settings.desc.refusalNoticeWorkingDays'), (s) => s.deadlines.refusalNoticeWorkingDays, (s, v) => void (s.deadlines.refusalNoticeWorkingDays = v as number)),
    d('reviewMonths.A', int(1, 24), () => t('settings.desc.reviewMonthsA'), (s) => s.reviewMonths.A, (s, v) => void (s.reviewMonths.A = v as number)),
    d('reviewMonths.B', int(1, 24), () => t('settings.desc.reviewMonthsB'), (s) => s.reviewMonths.B, (s, v) => void (s.reviewMonths.B = v as number)),
    d('reviewMonths.C', int(1, 24), () => t('settings.desc.reviewMonthsC'), (s) => s.reviewMonths.C, (s, v) => void (s.reviewMonths.C = v as number)),
    d('gradualExitMonths', int(0, 12), () => t('settings.desc.gradualExitMonths'), (s) => s.gradualExitMonths, (s, v) => void (s.gradualExitMonths = v as number)),
    d('labourAgeMin', int(16, 60), () => t('settings.desc.labourAgeMin'), (s) => s.labour.minAge, (s, v) => void (s.labour.minAge = v as number)),
    d('labourAgeMax', int(40, 70), () => t('settings.desc.labourAgeMax'), (s) => s.labour.maxAge, (s, v) => void (s.labour.maxAge = v as number)),
    d('warnAbsences', int(1, 31), () => t('settings.desc.warnAbsences'), (s) => s.labour.warnAbsences, (s, v) => void (s.labour.warnAbsences = v as number)),
    d('recommendAbsences', int(1, 31), () => t('settings.desc.recommendAbsences'), (s) => s.labour.recommendAbsences, (s, v) => void (s.labour.recommendAbsences = v as number)),
    d('nearPovertyFactor', { type: 'factor', min: 1, max: 3 }, () => t('settings.desc.nearPovertyFactor'), (s) => s.nearPovertyPercent / 100, (s, v) => void (s.nearPovertyPercent = Math.round((v as number) * 100))),
    d('excludedIncomeKinds', { type: 'list', nonEmpty: false }, () => t('settings.desc.excludedIncomeKinds'), (s) => s.excludedIncomeKinds, (s, v) => void (s.excludedIncomeKinds = [...(v as string[])])),
    d('labourWeekdays', { type: 'weekdays' }, () => t('settings.desc.labourWeekdays'), (s) => s.labour.weekdays, (s, v) => void (s.labour.weekdays = [...(v as number[])])),
    d('labourStart', { type: 'time' }, () => t('settings.desc.labourStart'), (s) => s.labour.start, (s, v) => void (s.labour.start = v as string)),
    d('labourEnd', { type: 'time' }, () => t('settings.desc.labourEnd'), (s) => s.labour.end, (s, v) => void (s.labour.end = v as string)),
    d('labourGroups', int(1, 20), () => t('settings.desc.labourGroups'), (s) => s.labour.groups, (s, v) => void (s.labour.groups = v as number)),
    d('labourTasks', { type: 'list', nonEmpty: true }, () => t('settings.desc.labourTasks'), (s) => s.labour.tasks, (s, v) => void (s.labour.tasks = [...(v as string[])])),
    d('labourSessionsOnMakeUpDays', { type: 'bool' }, () => t('settings.desc.labourSessionsOnMakeUpDays'), (s) => s.labour.sessionsOnMakeUpDays, (s, v) => void (s.labour.sessionsOnMakeUpDays = v as boolean)),
    d('csvEncoding', { type: 'enum', options: ['utf-8-bom', 'gb18030'] }, () => t('settings.desc.csvEncoding'), (s) => s.office.outboundEncoding, (s, v) => void (s.office.outboundEncoding = v as 'utf-8-bom' | 'gb18030')),
    d('backupReminderDays', int(1, 90), () => t('settings.desc.backupReminderDays'), (s) => s.backupReminderDays, (s, v) => void (s.backupReminderDays = v as number)),
  ];
}

export function settingDef(key: string): SettingDef {
  const def = settingDefs().find((x) => x.key === key);
  if (!def) throw new SettingError(t('settings.unknownKey', { key, keys: settingDefs().map((x) => x.key).join(', ') }));
  return def;
}

/** The allowed values of a setting, in words: what a refusal and the screen show. */
export function rangeText(kind: Kind): string {
  switch (kind.type) {
    case 'int':
      return t('settings.range.int', { min: kind.min, max: kind.max });
    case 'factor':
      return t('settings.range.factor', { min: kind.min, max: kind.max });
    case 'bool':
      return t('settings.range.bool');
    case 'enum':
      return t('settings.range.enum', { options: kind.options.join(' | ') });
    case 'time':
      return t('settings.range.time');
    case 'weekdays':
      return t('settings.range.weekdays');
    case 'list':
      return kind.nonEmpty ? t('settings.range.listNonEmpty') : t('settings.range.list');
    case 'text':
      return t('settings.range.text');
  }
}

// , ; and their full-width forms, and the ideographic comma 、.
const LIST_SEP = /[,;\uFF0C\uFF1B\u3001]/;

/** A typed value as the setting's kind, or a refusal that names the allowed range. */
export function parseSettingValue(def: SettingDef, text: string): SettingValue {
  const v = text.trim();
  const bad = () => new SettingError(t('settings.badValue', { key: def.key, value: text, range: rangeText(def.kind) }));
  const k = def.kind;
  switch (k.type) {
    case 'int': {
      if (!/^-?\d+$/.test(v)) throw bad();
      const n = Number(v);
      if (n < k.min || n > k.max) throw bad();
      return n;
    }
    case 'factor': {
      if (!/^\d+(\.\d{1,2})?$/.test(v)) throw bad();
      const n = Number(v);
      if (n < k.min || n > k.max) throw bad();
      return n;
    }
    case 'bool':
      // The yes/no words of both languages are accepted whatever the clerk's language.
      if (['true', 'on', '1', tIn('zh', 'settings.yes'), tIn('en', 'settings.yes')].includes(v.toLowerCase())) return true;
      if (['false', 'off', '0', tIn('zh', 'settings.no'), tIn('en', 'settings.no')].includes(v.toLowerCase())) return false;
      throw bad();
    case 'enum':
      if (!k.options.includes(v.toLowerCase())) throw bad();
      return v.toLowerCase();
    case 'time': {
      const m = /^(\d{1,2}):(\d{2})$/.exec(v);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw bad();
      return `${m[1]!.padStart(2, '0')}:${m[2]}`;
    }
    case 'weekdays': {
      const parts = v.split(LIST_SEP).map((p) => p.trim()).filter(Boolean);
      if (!parts.length || parts.some((p) => !/^[1-7]$/.test(p))) throw bad();
      return [...new Set(parts.map(Number))].sort((a, b) => a - b);
    }
    case 'list': {
      const parts = [...new Set(v.split(LIST_SEP).map((p) => p.trim()).filter(Boolean))];
      if (k.nonEmpty && !parts.length) throw bad();
      return parts;
    }
    case 'text':
      if (!v) throw bad();
      return v;
  }
}

/** Rules between settings: each refusal says which two disagree. */
function crossCheck(s: Settings): void {
  if (s.labour.minAge >= s.labour.maxAge) throw new SettingError(t('settings.agesCross', { min: s.labour.minAge, max: s.labour.maxAge }));
  if (s.labour.warnAbsences > s.labour.recommendAbsences) throw new SettingError(t('settings.absencesCross', { warn: s.labour.warnAbsences, recommend: s.labour.recommendAbsences }));
  if (s.labour.start >= s.labour.end) throw new SettingError(t('settings.timesCross', { start: s.labour.start, end: s.labour.end }));
}

/** A value as the clerk reads it (lists joined, yes/no). */
export function valueText(v: SettingValue, l?: Lang): string {
  const say = (k: 'settings.yes' | 'settings.no' | 'settings.sep' | 'settings.none') => (l ? tIn(l, k) : t(k));
  if (typeof v === 'boolean') return v ? say('settings.yes') : say('settings.no');
  if (Array.isArray(v)) return v.length ? v.join(say('settings.sep')) : say('settings.none');
  return String(v);
}

export interface SettingRow {
  key: string;
  value: SettingValue;
  default: SettingValue;
  description: string;
  range: string;
}

/** Every setting with its value, its default and what it means (`settings show`). */
export function settingRows(view: View): SettingRow[] {
  const s = settingsOf(view);
  const defaults = defaultSettings({ code: s.office.code, name: s.office.name, area: s.office.area, shared: s.office.shared });
  return settingDefs().map((def) => ({ key: def.key, value: def.get(s), default: def.get(defaults), description: def.description(), range: rangeText(def.kind) }));
}

export interface SettingChange {
  key: string;
  was: SettingValue;
  now: SettingValue;
}

/** Checks a typed value and applies it in the caller's transaction; a refusal changes nothing. */
export function setSetting(tx: Tx, key: string, text: string): SettingChange {
  const def = settingDef(key);
  const value = parseSettingValue(def, text);
  const cur = settingsOf(tx);
  const next = structuredClone(cur) as Settings;
  const was = def.get(cur);
  def.set(next, value);
  crossCheck(next);
  settingsSchema().parse(next);
  tx.put('settings', 'office', next);
  return { key, was, now: def.get(next) };
}

/** The journal's line for a change: always Chinese, like every journal summary. */
export function settingJournalSummary(key: string, text: string): string {
  return tIn('zh', 'settings.journalSet', { key, value: text });
}

/** `settings set` as one change of the office, journaled and signed (the CLI and the settings screen call this). */
export async function changeSetting(office: Office, operator: string, key: string, text: string): Promise<SettingChange> {
  const { result } = await office.transact({ operator, source: 'local', action: 'settings.set', summary: settingJournalSummary(key, text.trim()) }, (tx) => setSetting(tx, key, text));
  return result;
}
