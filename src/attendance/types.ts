// The records of public-service labour (公益劳动): sessions holding their
// marks, exemptions, group assignments and closed months.

export const MARK_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];


export interface Mark {
  status: MarkStatus;
  /** The reason of a leave (请假), or any remark. */
  note?: string;
}

/**
 * One session a day, keyed by its date. Marks live inside the session: a
 * 2,000-household office has tens of thousands of marks, and one record each
 * would triple the store every command reads at start-up.
 */
export interface Session {
  id: string;
  date: string;
  start: string;
  end: string;
  /** The task of a session that has one for everybody (the demo's older records). */
  task: string;
  /** Task per group, index 0 = group 1, as the rotation gave it when planned. */
  tasks?: string[];
  /** `schedule` (from the weekly schedule) or `extra` (added by hand). */
  origin?: 'schedule' | 'extra';
  cancelled?: { on: string; reason: string };
  marks: Record<string, Mark>;
}

export const EXEMPTION_KINDS = ['残疾', '重病', '照料家人', '怀孕', '在校就读', '全职就业', '其他'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

export interface Exemption {
  id: string;
  idNumber: string;
  kind: ExemptionKind;
  reason: string;
  /** First and last day exempt, inclusive. */
  from: string;
  to: string;
  recordedOn: string;
  /** Set when the exemption was ended before `to`; `to` is then that day. */
  endedOn?: string;
}

/** A person's labour group (1…n). Absent = not yet assigned. */
export interface GroupAssignment {
  id: string;
  group: number;
}

export interface Amendment {
  on: string;
  date: string;
  idNumber: string;
  from: Mark | null;
  to: Mark;
  reason: string;
}

/** A closed month: its marks are locked and corrections become amendments. */
export interface AttendanceMonth {
  id: string;
  closedOn: string;
  outboundIds: string[];
  amendments: Amendment[];
}
