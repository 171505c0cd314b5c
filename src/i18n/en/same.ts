// The English catalogue must have exactly the Chinese one's keys (tsc checks
// with `satisfies Same<…>`; test/i18n also checks the placeholders match).
export type Same<T> = { readonly [K in keyof T]: string };
