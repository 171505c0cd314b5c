// The reasons a receipt gives for a row. Receipts go to the upper levels, so
// they are always Chinese (tIn('zh', …)), whatever the clerk's language.
import { tIn } from '../../i18n/index.js';

export const mergeReasons = {
  noCase: (caseNo: string) => tIn('zh', 'sync.reason.noCase', { caseNo }),
  otherOffice: (caseNo: string) => tIn('zh', 'sync.reason.otherOffice', { caseNo }),
  notHouseholder: (caseNo: string) => tIn('zh', 'sync.reason.notHouseholder', { caseNo }),
  withdrawn: (caseNo: string) => tIn('zh', 'sync.reason.withdrawn', { caseNo }),
  stale: tIn('zh', 'sync.reason.stale'),
  beforeResubmit: tIn('zh', 'sync.reason.beforeResubmit'),
  noEnrolment: tIn('zh', 'sync.reason.noEnrolment'),
  rosterDiffers: (what: string) => tIn('zh', 'sync.reason.rosterDiffers', { what }),
  rosterInconsistent: tIn('zh', 'sync.reason.rosterInconsistent'),
  strict: tIn('zh', 'sync.reason.strict'),
  unknownColumns: (cols: readonly string[]) => tIn('zh', 'sync.reason.unknownColumns', { columns: cols.join('、') }),
} as const;
