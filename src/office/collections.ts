// The record type of every collection of the stores, registered with the
// store by declaration merging: the store names collections, the domain owns
// what their records are.
import type { Case, Enrolment, Household, Member, PendingItem, Standard } from './model.js';
import type { Settings } from './settings.js';
import type { AttendanceMonth, Exemption, GroupAssignment, Session } from '../attendance/types.js';
import type { KeptReport } from '../reports/kept.js';
import type { Review } from '../recipients/reviews.js';
import type { Cancellation } from '../recipients/cancellations.js';
import type { GradualExit } from '../recipients/gradualExit.js';
import type { AnyRecord, CollectionName } from '../store/schema.js';

declare module '../store/schema.js' {
  interface CollectionTypes {
    settings: Settings;
    counters: { id: string; value: number };
    households: Household;
    members: Member;
    cases: Case;
    drafts: AnyRecord;
    enrolments: Enrolment;
    reviews: Review;
    cancellations: Cancellation;
    gradualExits: GradualExit;
    sessions: Session;
    /** Unused: marks live inside their session (see attendance/types.ts). */
    marks: AnyRecord;
    exemptions: Exemption;
    groups: GroupAssignment;
    attendanceMonths: AttendanceMonth;
    files: AnyRecord;
    decisions: AnyRecord;
    standards: Standard & { id: string };
    holidays: AnyRecord;
    pending: PendingItem;
    outbound: AnyRecord;
    reports: KeptReport;
    meta: AnyRecord;
  }
}

// Every collection of the stores has its record type here, and nothing else does.
type Untyped = Exclude<CollectionName, keyof import('../store/schema.js').CollectionTypes>;
export const everyCollectionTyped: [Untyped] extends [never] ? true : Untyped = true;
