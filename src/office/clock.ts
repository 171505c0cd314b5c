// The one place that reads the clock. `JIUZHU_NOW` (an ISO date or timestamp)
// freezes "now" for tests, training and the demo office.
//
// The office's zone is Asia/Shanghai, which has been UTC+08:00 without
// daylight saving since 1991-09-15: the offset is a constant here, not an
// Intl time-zone formatter (whose first use costs ~14 ms of every start-up).
// test/office/clock.test.ts holds it against the zone database.
import { UserFacingError } from './errors.js';
import { t } from '../i18n/index.js';

export const OFFICE_TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const OFFSET = '+08:00';

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
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
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

const two = (n: number): string => String(n).padStart(2, '0');

export function nowFrom(ms: number): Now {
  // The office's wall time, read with the UTC getters.
  const d = new Date(ms + OFFSET_MS);
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid time value');
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return { date, iso: `${date}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${OFFSET}`, ms };
}

export function now(env: NodeJS.ProcessEnv = process.env): Now {
  const fixed = env.JIUZHU_NOW;
  return nowFrom(fixed ? parseNowVar(fixed) : Date.now());
}

export function isoAt(ms: number): string {
  return nowFrom(ms).iso;
}
