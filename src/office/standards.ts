// Standards (保障标准) kept by hand for a first start, before any county
// `standard` file, and the list of standards with their source. Hand-kept and
// county rows live in one collection keyed `<area>:<program>:<from>`; the one
// in force on a date is the latest that started on or before it
// (rules/eligibility.ts standardOn), so a county file dated later wins, and a
// county row of the same date replaces the hand-kept one when it arrives.
import type { Office, Tx, View } from '../store/office.js';
import { UserFacingError } from './errors.js';
import { AREAS, PROGRAMS, type Area, type Program, type Standard } from './model.js';
import { standardOn } from '../rules/eligibility.js';
import { isIsoDate } from '../rules/dayNumber.js';
import { MoneyError, fenToYuan, yuanToFen, formatYuan } from '../rules/money.js';
import { t, tIn } from '../i18n/index.js';

export class StandardError extends UserFacingError {}

export interface StandardInput {
  area: string;
  program: string;
  amount: string;
  from: string;
}

/** A standard as stored: the model's, with its id (and the file it came from). */
export type StandardRecord = Standard & { id: string; sha256?: string };

const isArea = (a: string): a is Area => (AREAS as readonly string[]).includes(a);
const isProgram = (p: string): p is Program => (PROGRAMS as readonly string[]).includes(p);

/** Checks a hand-kept standard; every problem at once. */
export function checkStandard(input: StandardInput): { area: Area; program: Program; monthlyFen: number; from: string } {
  const problems: string[] = [];
  if (!isArea(input.area)) problems.push(t('settings.standardBadArea', { value: input.area, areas: AREAS.join(' | ') }));
  if (!isProgram(input.program)) problems.push(t('settings.standardBadProgram', { value: input.program, programs: PROGRAMS.join(' | ') }));
  let monthlyFen = 0;
  try {
    monthlyFen = yuanToFen(input.amount);
    if (monthlyFen <= 0 || monthlyFen > 10_000_00) problems.push(t('settings.standardBadAmount', { value: input.amount }));
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    problems.push(t('settings.standardBadAmount', { value: input.amount }));
  }
  if (!isIsoDate(input.from)) problems.push(t('settings.standardBadFrom', { value: input.from }));
  if (problems.length) throw new StandardError(problems.join('\n'));
  return { area: input.area as Area, program: input.program as Program, monthlyFen, from: input.from };
}

/** Keeps a standard by hand in the caller's transaction; a county row of the same date is not overwritten. */
export function setStandard(tx: Tx, input: StandardInput): StandardRecord {
  const s = checkStandard(input);
  const id = `${s.area}:${s.program}:${s.from}`;
  const cur = tx.get('standards', id) as StandardRecord | undefined;
  if (cur && cur.source !== 'local') {
    throw new StandardError(t('settings.standardCountyKept', { area: s.area, program: s.program, from: s.from, amount: formatYuan(cur.monthlyFen) }));
  }
  const rec: StandardRecord = { id, ...s, source: 'local' };
  tx.put('standards', id, rec);
  return rec;
}

export function standardJournalSummary(input: StandardInput): string {
  return tIn('zh', 'settings.journalStandard', { area: input.area, program: input.program, amount: input.amount, from: input.from });
}

export interface StandardListRow {
  area: Area;
  program: Program;
  amount: string;
  monthlyFen: number;
  from: string;
  inForce: boolean;
  /** `hand` for a standard kept by hand, `county` for one from a county file. */
  source: 'hand' | 'county';
  /** The county file's name and 文号, when known. */
  file: string | null;
  ref: string | null;
}

/** Every standard, newest first within area and programme, marking the one in force on `today`. */
export function standardList(view: View, today: string): StandardListRow[] {
  const rows = view.all('standards') as unknown as StandardRecord[];
  const files = view.all('files') as unknown as { sha256?: string; names?: string[] }[];
  const fileName = (sha: string) => files.find((f) => f.sha256 === sha)?.names?.[0] ?? null;
  return rows
    .map((r) => {
      const inForce = standardOn(rows, r.area, r.program, today);
      const sha = r.source.startsWith('file:') ? r.source.slice(5) : null;
      return {
        area: r.area,
        program: r.program,
        amount: fenToYuan(r.monthlyFen),
        monthlyFen: r.monthlyFen,
        from: r.from,
        inForce: inForce !== null && inForce.from === r.from,
        source: sha ? ('county' as const) : ('hand' as const),
        file: sha ? fileName(sha) : null,
        ref: r.ref ?? null,
      };
    })
    .sort((a, b) => a.area.localeCompare(b.area) || PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program) || b.from.localeCompare(a.from));
}

/** A row's source in the clerk's words: 手工录入, or the county file and its 文号. */
export function sourceText(r: StandardListRow): string {
  if (r.source === 'hand') return t('settings.sourceHand');
  return t('settings.sourceCounty', { file: r.file ?? '', ref: r.ref ? t('settings.sourceRef', { ref: r.ref }) : '' }).trim();
}

/** `standard set` as one change of the office, journaled and signed. */
export async function keepStandard(office: Office, operator: string, input: StandardInput): Promise<StandardRecord> {
  const { result } = await office.transact({ operator, source: 'local', action: 'standard.set', summary: standardJournalSummary(input) }, (tx) => setStandard(tx, input));
  return result;
}
