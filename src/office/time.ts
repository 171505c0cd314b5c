// The stamps of a time as written (`2026-03-16T09:05:07+08:00`): in a file
// name, and to the minute for people. (Reading the clock is
// src/office/clock.ts; waiting is sleep in src/store/process.ts.)


/** `2026-03-16T09:05:07.123+08:00` → `20260316090507`: the stamp in a file name (the time as written, to the second). */
export function compactStamp(iso: string): string {
  return iso.slice(0, 19).replace(/\D/g, '');
}

/** `2026-03-16T09:05:07+08:00` → `2026-03-16 09:05`: a time as people read it on a screen or in a message (the time as written). */
export function minuteStamp(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
