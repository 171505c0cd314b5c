// Ordering of ISO dates and case numbers (digits and '-') by code unit: the
// order localeCompare gives such strings, without building ICU's collator
// (~7 ms on the first call of a process, paid by every `status`).
// test/rules/order.test.ts holds the two to the same sign.

/** a before b: negative; after: positive; same: 0. Only for digits-and-hyphen codes (dates, case numbers). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 for a digit or '-', 1 for a lowercase ASCII letter, 2 for an uppercase one, -1 for anything else (NaN: the string ended). */
function kindOf(c: number): number {
  if ((c >= 48 && c <= 57) || c === 45) return 0;
  if (c >= 97 && c <= 122) return 1;
  if (c >= 65 && c <= 90) return 2;
  return -1;
}

/** Whether two different characters (NaN: the string ended) are ordered by code unit as localeCompare orders them. */
function codeUnitsAgree(x: number, y: number): boolean {
  if (Number.isNaN(x)) return kindOf(y) >= 0;
  if (Number.isNaN(y)) return kindOf(x) >= 0;
  const kx = kindOf(x);
  const ky = kindOf(y);
  return kx >= 0 && ky >= 0 && kx + ky !== 3;
}

/**
 * The sign localeCompare gives, without ICU's collator (~5 ms to build, the
 * first time a process compares) when the two strings first differ at
 * characters ordered the same by code unit: digits, '-', and letters of one
 * case (ids, dates, times, case numbers, file names); localeCompare itself
 * otherwise (a Chinese word against another, punctuation against a digit).
 * test/rules/order.test.ts holds it to localeCompare's sign.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (codeUnitsAgree(a.charCodeAt(i), b.charCodeAt(i))) return a < b ? -1 : 1;
  return a.localeCompare(b);
}
