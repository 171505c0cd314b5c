// What a case's status says about it: done with, or on the community's clock.
import { CASE_STATUSES, type CaseStatus } from '../office/model.js';
import { tIn, word, type Lang, type MessageKey } from '../i18n/index.js';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** A case that is done with: decided, or withdrawn. */
export const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set(['approved', 'rejected', 'withdrawn']);

/** Statuses in which the community's own clock runs. */
export const COMMUNITY_STATUSES: ReadonlySet<CaseStatus> = new Set(['accepted', 'investigated', 'reviewed', 'noticing', 'returned']);

/** Statuses in which the community may still change what it recorded (更正). */
export const CORRECTABLE_STATUSES: ReadonlySet<CaseStatus> = new Set(['draft', 'accepted', 'investigated', 'reviewed', 'noticing', 'returned']);

export function canCorrect(status: CaseStatus): boolean {
  return CORRECTABLE_STATUSES.has(status);
}

/**
 * A status as the clerk types it: its code (`withdrawn`) or its word in
 * either language (`已撤回`, `withdrawn`), as `case list` and the screens show it.
 */
export function statusFromWord(text: string): CaseStatus | null {
  const typed = text.normalize('NFKC').trim();
  for (const s of CASE_STATUSES) {
    if (s === typed || word('status', s) === typed || LANGS.some((l) => (tIn as (l: Lang, k: MessageKey) => string)(l, `status.${s}` as MessageKey) === typed)) return s;
  }
  return null;
}
