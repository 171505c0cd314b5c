// How a month's absences from public-service labour (公益劳动) weigh: from the
// office settings (labour.warnAbsences, labour.recommendAbsences), never a
// number written in a screen. The archive, its screen and `household show` use it.
import type { Settings } from '../office/settings.js';

export type AbsenceLevel = 'none' | 'warn' | 'recommend';

export type AbsenceThresholds = Pick<Settings['labour'], 'warnAbsences' | 'recommendAbsences'>;

/** `recommend`: the clerk should recommend action to the street office; `warn`: remind the person. */
export function absenceLevel(absent: number, thresholds: AbsenceThresholds): AbsenceLevel {
  if (absent >= thresholds.recommendAbsences) return 'recommend';
  if (absent >= thresholds.warnAbsences) return 'warn';
  return 'none';
}
