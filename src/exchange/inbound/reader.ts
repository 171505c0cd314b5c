// Reading one row of an inbound file: the reader that collects every
// reason, the cell parsers the kinds share, and the shape of a kind.
import { CASE_NO_RE, isAncestor } from '../../rules/officeCode.js';
import { cellReasons, isBlankCell, normalizeValue, parseEnumCell, type CellResult, type ParsedDate } from '../cells.js';
import { rowReasons } from './reasons.js';

/** One inbound kind: its title and columns (exchange.md), the receipt's key columns, its row parser. */
export interface InboundKindDef<R extends { kind: string }> {
  /** The name the upper levels give the file, as the receipt and the clerk say it. */
  title: string;
  /** Column names exactly as spec/exchange.md writes them, in the form normalizeHeader gives. */
  required: readonly string[];
  optional: readonly string[];
  /** The columns a receipt shows for a rejected row. */
  receipt: { caseNo?: string; idNumber?: string };
  /** The row's fields, or null with the reasons in the reader. */
  parse: (r: RowReader) => Omit<R, 'kind'> | null;
}

export type CellParser<T> = (raw: string) => CellResult<T>;

export const enumOf =
  <T>(words: Readonly<Record<string, T>>): CellParser<T> =>
  (raw) =>
    parseEnumCell(raw, words);

// Excel marks a cell as text with a leading apostrophe; it is no part of a code.
const codeText = (raw: string) => normalizeValue(raw).replace(/^'\s*/, '');

/** 申请编号 in its form only; whether the office has the case is the merge's question. */
export function parseCaseNoCell(raw: string): CellResult<string> {
  const v = codeText(raw);
  if (v === '') return { ok: false, reason: cellReasons.empty };
  return CASE_NO_RE.test(v) ? { ok: true, value: v } : { ok: false, reason: rowReasons.caseNo(v) };
}

/**
 * Reads one row's cells, collecting every reason instead of stopping at the
 * first, so a row with three bad cells is fixed in one round trip. A failed
 * read gives `undefined`; an empty optional cell gives `null`.
 */
export class RowReader {
  readonly reasons: string[] = [];

  constructor(
    private readonly cells: Readonly<Record<string, string>>,
    private readonly officeCode: string,
  ) {}

  raw(column: string): string {
    return this.cells[column] ?? '';
  }

  blank(column: string): boolean {
    return isBlankCell(this.cells[column]);
  }

  fail(column: string, reason: string): undefined {
    this.reasons.push(`${column}：${reason}`);
    return undefined;
  }

  required<T>(column: string, parse: CellParser<T>): T | undefined {
    const r = parse(this.raw(column));
    return r.ok ? r.value : this.fail(column, r.reason);
  }

  optional<T>(column: string, parse: CellParser<T>): T | null | undefined {
    return this.blank(column) ? null : this.required(column, parse);
  }

  /** Optional in general, required when `when` holds (批准 needs an amount). */
  requiredWhen<T>(when: { holds: boolean; column: string; word: string }, column: string, parse: CellParser<T>): T | null | undefined {
    if (when.holds && this.blank(column)) return this.fail(column, rowReasons.requiredWhen(when.column, when.word));
    return this.optional(column, parse);
  }

  /** Free text (names, notes, addresses): kept exactly as written, `''` when empty. */
  text(column: string): string {
    return this.blank(column) ? '' : this.raw(column);
  }

  requiredText(column: string): string | undefined {
    return this.blank(column) ? this.fail(column, cellReasons.empty) : this.raw(column);
  }

  /** 发送单位代码: null when not given; its reason is the spec's own words, whole. */
  sender(): string | null | undefined {
    if (this.blank('发送单位代码')) return null;
    const code = codeText(this.raw('发送单位代码'));
    if (isAncestor(code, this.officeCode)) return code;
    this.reasons.push(rowReasons.sender);
    return undefined;
  }
}

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** The values, if every read succeeded (none is `undefined`). */
export function allRead<T extends Record<string, unknown>>(values: T): Defined<T> | null {
  return Object.values(values).some((v) => v === undefined) ? null : (values as Defined<T>);
}

/** `date` is `YYYY-MM-DD`; `time` is `HH:MM` or `HH:MM:SS` when the cell had one. */
export const dated = (d: ParsedDate) => ({ date: d.date, time: d.time });
