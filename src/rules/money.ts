// Money is integer fen inside; yuan only at the edges.
import { t } from '../i18n/index.js';

export class MoneyError extends Error {}

/** Yuan as typed or stored in JSON (number or text, at most 2 decimals) → fen. */
export function yuanToFen(v: number | string): number {
  const raw = typeof v === 'number' ? String(v) : v.normalize('NFKC').trim();
  // Commas only as thousands separators: "1,5" or "12,00" could be a decimal
  // comma, and reading it as 15 or 1200 yuan would be a silent error.
  const s = /^\d{1,3}(,\d{3})+(\.|$)/.test(raw) ? raw.replace(/,/g, '') : raw;
  const m = /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(s);
  if (!m) throw new MoneyError(t('rules.badAmount', { value: v }));
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function isYuan(v: unknown): boolean {
  if (typeof v !== 'number' && typeof v !== 'string') return false;
  try {
    yuanToFen(v);
    return true;
  } catch {
    return false;
  }
}

/** 123450 → "1234.50" (what CSV files and forms carry). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** 123450 → "1,234.50 元" for screens; whole yuan shown without decimals. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const whole = Math.floor(a / 100).toLocaleString('en-US');
  const cents = a % 100;
  return t('rules.yuan', { amount: `${sign}${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''}` });
}
