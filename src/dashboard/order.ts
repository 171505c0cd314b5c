// Ordering of ISO dates and case numbers (digits and '-') by code unit: the
// order localeCompare gives such strings, without building ICU's collator
// (~7 ms on the first call of a process, paid by every `status`).
// test/dashboard/order.test.ts holds the two to the same sign.

/** a before b: negative; after: positive; same: 0. Only for digits-and-hyphen codes (dates, case numbers). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGIT_OR_HYPHEN = /[-0-9]/;

/** Whether two different characters (undefined: the string ended) are ordered by code unit as localeCompare orders them. */
function codeUnitsAgree(x: string | undefined, y: string | undefined): boolean {
  if (x === undefined || y === undefined) return DIGIT_OR_HYPHEN.test(x ?? y ?? '') || /[a-zA-Z]/.test(x ?? y ?? '');
  const lower = (c: string) => DIGIT_OR_HYPHEN.test(c) || (c >= 'a' && c <= 'z');
  const upper = (c: string) => DIGIT_OR_HYPHEN.test(c) || (c >= 'A' && c <= 'Z');
  return (lower(x) && lower(y)) || (upper(x) && upper(y));
}

/**
 * The sign localeCompare gives, without ICU's collator (~5 ms to build, the
 * first time a process compares) when the two strings first differ at
 * characters ordered the same by code unit: digits, '-', and letters of one
 * case (ids, dates, times, case numbers, file names); localeCompare itself
 * otherwise (a Chinese word against another, punctuation against a digit).
 * test/dashboard/order.test.ts holds it to localeCompare's sign.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (codeUnitsAgree(a[i], b[i])) return a < b ? -1 : 1;
  return a.localeCompare(b);
}
