// English for zh/print.ts.
import type zh from '../zh/print.js';
import type { Same } from './same.js';

export default {
  formReceipt: 'intake receipt',
  formApplication: 'application form',
  formRefusal: 'refusal notice',
  formNotice: 'notice list',
} as const satisfies Same<typeof zh>;
