// The settings screen's state: a list with a one-line editor (lineEditState.ts),
// and how a value is typed back. Pure; checking and saving a value is
// src/office/settingKeys.ts.
export { initialLineEditState as initialSettingsState, lineEditReducer as settingsReducer, type LineEditAction as SettingsAction, type LineEditState as SettingsState } from '../lineEditState.js';

/** A value as the clerk types it back: lists with commas, so what is shown can be edited and saved as is. */
export function editText(v: number | string | boolean | readonly (string | number)[], yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}
