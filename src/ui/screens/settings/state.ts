// The settings screen's state: the cursor on the settings, the value being
// typed for one of them, and the refusal of the last try. Pure, so it is
// tested without Ink; checking and saving a value is src/office/settingKeys.ts.
export interface SettingsState {
  sel: number;
  /** The text being typed for the selected setting, or null when only browsing. */
  editing: string | null;
  /** Why the last value was refused (the allowed range), shown under the field. */
  error: string | null;
}

export const initialSettingsState: SettingsState = { sel: 0, editing: null, error: null };

export type SettingsAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'edit'; text: string }
  | { type: 'type'; input: string }
  | { type: 'erase' }
  | { type: 'cancel' }
  | { type: 'refused'; error: string }
  | { type: 'saved' };

export function settingsReducer(s: SettingsState, a: SettingsAction): SettingsState {
  switch (a.type) {
    case 'move':
      if (s.editing !== null) return s;
      return { ...s, sel: Math.max(0, Math.min(a.count - 1, s.sel + a.by)), error: null };
    case 'edit':
      return { ...s, editing: a.text, error: null };
    case 'type':
      return s.editing === null ? s : { ...s, editing: s.editing + a.input.replace(/[\r\n]/g, '') };
    case 'erase':
      return s.editing === null ? s : { ...s, editing: [...s.editing].slice(0, -1).join('') };
    case 'cancel':
      return { ...s, editing: null, error: null };
    case 'refused':
      return { ...s, error: a.error };
    case 'saved':
      return { ...s, editing: null, error: null };
  }
}

/** A value as the clerk types it back: lists with commas, so what is shown can be edited and saved as is. */
export function editText(v: number | string | boolean | readonly (string | number)[], yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}
