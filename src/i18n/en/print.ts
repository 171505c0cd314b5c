// English for zh/print.ts.
import type zh from '../zh/print.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
