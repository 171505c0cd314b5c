// What many rules need from the stores at once: the settings, the working-day
// calendar with the county's holidays, and the standards.
import type { View } from '../store/office.js';
import { UserFacingError } from './errors.js';
import { t } from '../i18n/index.js';
import type { Settings } from './settings.js';
import { WorkingCalendar, type HolidayEntry } from '../rules/workingDays.js';
import type { StandardRow } from '../rules/eligibility.js';

export class NotInitialisedError extends UserFacingError {}

export function settingsOf(view: View): Settings {
  const s = view.get('settings', 'office');
  if (!s) throw new NotInitialisedError(t('office.notInitialised'));
  return s as Settings;
}

export function calendarOf(view: View): WorkingCalendar {
  const entries = view.all('holidays') as unknown as HolidayEntry[];
  return new WorkingCalendar(entries);
}

export function standardsOf(view: View): StandardRow[] {
  return view.all('standards') as StandardRow[];
}
