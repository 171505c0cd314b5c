// Finding a case by its number, or saying plainly that there is none.
import type { Case } from '../office/model.js';
import type { DeepReadonly, View } from '../store/office.js';
import { UserFacingError } from '../office/errors.js';
import { t } from '../i18n/index.js';

/** No case has this number here; the message says how to find the numbers. */
export class CaseNotFound extends UserFacingError {
  constructor(readonly caseNo: string) {
    super(t('case.notFound', { caseNo }));
  }
}

/** The case numbered `caseNo` (spaces around it ignored), or CaseNotFound. */
export function caseOrThrow(view: View, caseNo: string): DeepReadonly<Case> {
  const c = view.get('cases', caseNo.trim());
  if (!c) throw new CaseNotFound(caseNo.trim());
  return c;
}
