// English for zh/reports.ts.
import type zh from '../zh/reports.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
