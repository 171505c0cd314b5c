// The one place that reads the clock. `JIUZHU_NOW` (an ISO date or timestamp)
// freezes "now" for tests, training and the demo office.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { UserFacingError } from './errors.js';
import { t } from '../i18n/index.js';

export const OFFICE_TZ = 'Asia/Shanghai';

export interface Now {
  /** `YYYY-MM-DD` in the office's time zone. */
  date: string;
  /** ISO timestamp with the office's offset, e.g. `2026-11-23T09:30:00+08:00`. */
  iso: string;
  ms: number;
}

export class ClockError extends UserFacingError {}

/** Wall-clock time in the office's zone → epoch ms, whatever the machine's zone. */
function officeWallTime(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  return new TZDate(y, mo - 1, d, h, mi, s, OFFICE_TZ).getTime();
}

function parseNowVar(v: string): number {
  const s = v.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s);
  const ms = m
    ? officeWallTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4]) : 9, Number(m[5] ?? 0), Number(m[6] ?? 0))
    : hasZone
      ? Date.parse(s)
      : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ClockError(t('office.badNow', { value: v }));
  }
  return ms;
}

export function nowFrom(ms: number): Now {
  const d = new TZDate(ms, OFFICE_TZ);
  return { date: format(d, 'yyyy-MM-dd'), iso: format(d, "yyyy-MM-dd'T'HH:mm:ssXXX"), ms };
}

export function now(env: NodeJS.ProcessEnv = process.env): Now {
  const fixed = env.JIUZHU_NOW;
  return nowFrom(fixed ? parseNowVar(fixed) : Date.now());
}

export function isoAt(ms: number): string {
  return nowFrom(ms).iso;
}
