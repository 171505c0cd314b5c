// What may happen next to a case: the community's steps the way allows now,
// a correction while the community may still change the case, and the forms
// that can be printed for it. The case screen's menu and `case show` read it.
import type { Case } from '../office/model.js';
import type { DeepReadonly } from '../store/office.js';
import { possibleSteps, type Step } from './steps.js';
import { canCorrect } from './statuses.js';
import { refusalOf } from './refusal.js';
import type { Form } from '../print/forms.js';

export interface NextActions {
  steps: Step[];
  correct: boolean;
  forms: Form[];
}

export function nextActions(c: DeepReadonly<Case>): NextActions {
  return {
    steps: possibleSteps(c),
    correct: canCorrect(c.status),
    forms: ['receipt', 'application', ...(refusalOf(c) ? (['refusal'] as const) : [])],
  };
}
