// Ordering of ISO dates and case numbers (digits and '-') by code unit: the
// order localeCompare gives such strings, without building ICU's collator
// (~7 ms on the first call of a process, paid by every `status`).
// test/dashboard/order.test.ts holds the two to the same sign.

/** a before b: negative; after: positive; same: 0. Only for digits-and-hyphen codes (dates, case numbers). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
