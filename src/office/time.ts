// The compact stamp a file name carries. (Reading the clock is
// src/office/clock.ts; waiting is sleep in src/store/process.ts.)


/** `2026-03-16T09:05:07.123+08:00` → `20260316090507`: the stamp in a file name (the time as written, to the second). */
export function compactStamp(iso: string): string {
  return iso.slice(0, 19).replace(/\D/g, '');
}
