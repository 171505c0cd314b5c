// English for the word tables of zh/words.ts.
import type * as zh from '../zh/words.js';
import type { Same } from './same.js';

export const status = {
  draft: 'awaiting acceptance',
  accepted: 'accepted',
  investigated: 'investigated',
  reviewed: 'reviewed',
  noticing: 'on public notice',
  submitted: 'submitted',
  returned: 'returned',
  'township-approved': 'township approved',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
} as const satisfies Same<typeof zh.status>;

export const event = {
  created: 'application recorded',
  accepted: 'accepted',
  investigated: 'home visit',
  reviewed: 'democratic review',
  notice: 'public notice',
  objection: 'objection recorded',
  resolved: 'objection resolved',
  submitted: 'submitted to the township',
  withdrawn: 'withdrawn',
  corrected: 'corrected',
  exported: 'exported again',
  refusalDelivered: 'refusal notice delivered',
  returned: 'returned by the township',
  'township-approved': 'township approved',
  'township-rejected': 'township rejected',
  approved: 'county approved',
  rejected: 'county rejected',
  roster: 'roster',
  adjusted: 'amount adjusted',
  suspended: 'suspended',
  resumed: 'resumed',
  terminated: 'benefit ended',
} as const satisfies Same<typeof zh.event>;

export const enrolmentStatus = { active: 'active', suspended: 'suspended', terminated: 'ended' } as const satisfies Same<typeof zh.enrolmentStatus>;

export const mark = { present: 'present', late: 'late', excused: 'excused', absent: 'absent' } as const satisfies Same<typeof zh.mark>;

export const pendingKind = {
  'decision-on-withdrawn': 'decision after withdrawal',
  'change-without-enrolment': 'benefit change without an enrolment',
  'roster-differs': 'roster differs',
  'roster-unlisted': 'not on the roster',
  'attendance-recommendation': 'labour recommendation',
  'review-recommendation': 'review recommendation',
  'coverage-unchosen': 'covered members to choose',
} as const satisfies Same<typeof zh.pendingKind>;
