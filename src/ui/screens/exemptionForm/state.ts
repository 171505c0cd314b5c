// The exemption form's state: the form's values and focus, and the refusal
// of the last save. Pure, so it is tested without Ink; the rules are
// src/attendance/exemptions.ts addExemption.
import type { Key } from 'ink';
import { formKey, type Field, type FormState } from '../../widgets.js';
import type { ExemptionInput } from '../../../attendance/exemptions.js';

export interface ExemptionFormState {
  form: FormState;
  error: string | null;
}

export function initialExemptionForm(values: { idNumber: string; kind: string; from: string }): ExemptionFormState {
  return { form: { values: { idNumber: values.idNumber, kind: values.kind, from: values.from, to: '', reason: '' }, focus: values.idNumber ? 1 : 0 }, error: null };
}

export type ExemptionFormAction = { type: 'type'; fields: readonly Field[]; input: string; key: Key } | { type: 'refused'; error: string };

export function exemptionFormReducer(s: ExemptionFormState, a: ExemptionFormAction): ExemptionFormState {
  switch (a.type) {
    case 'type':
      return { form: formKey(a.fields, s.form, a.input, a.key).state, error: null };
    case 'refused':
      return { ...s, error: a.error };
  }
}

/** What the form holds, as addExemption takes it. */
export function exemptionInputOf(s: ExemptionFormState): ExemptionInput {
  const v = s.form.values;
  const reason = (v.reason ?? '').trim();
  return { idNumber: v.idNumber ?? '', kind: v.kind ?? '', from: (v.from ?? '').trim(), to: (v.to ?? '').trim(), ...(reason ? { reason } : {}) };
}
