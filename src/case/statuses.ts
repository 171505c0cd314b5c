// What a case's status says about it: done with, or on the community's clock.
import type { CaseStatus } from '../office/model.js';

/** A case that is done with: decided, or withdrawn. */
export const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set(['approved', 'rejected', 'withdrawn']);

/** Statuses in which the community's own clock runs. */
export const COMMUNITY_STATUSES: ReadonlySet<CaseStatus> = new Set(['accepted', 'investigated', 'reviewed', 'noticing', 'returned']);

/** Statuses in which the community may still change what it recorded (更正). */
export const CORRECTABLE_STATUSES: ReadonlySet<CaseStatus> = new Set(['draft', 'accepted', 'investigated', 'reviewed', 'noticing', 'returned']);

export function canCorrect(status: CaseStatus): boolean {
  return CORRECTABLE_STATUSES.has(status);
}
